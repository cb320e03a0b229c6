import { describe, expect, it } from 'vitest';
import { Redactor } from './redactor';

describe('Redactor', () => {
  it('replaces every occurrence of every secret it was given', () => {
    const redactor = new Redactor();
    redactor.add('FirstSecretValue1', undefined, 'SecondSecretValue2');
    expect(redactor.redact('a FirstSecretValue1 b SecondSecretValue2 c FirstSecretValue1')).toBe('a [redacted] b [redacted] c [redacted]');
  });

  it('replaces a secret that contains another one whole', () => {
    const redactor = new Redactor();
    redactor.add('TokenPart', 'TokenPartAndMore');
    expect(redactor.redact('x TokenPartAndMore y')).toBe('x [redacted] y');
  });

  it('ignores values too short to be a key, which would blot out ordinary words', () => {
    const redactor = new Redactor();
    redactor.add('', 'abc');
    expect(redactor.redact('abc')).toBe('abc');
  });

  it('describes errors with their stack and nested fields, redacted', () => {
    const redactor = new Redactor();
    redactor.add('NestedSecretValue9');
    const error = Object.assign(new Error('failed with NestedSecretValue9'), { request: { headers: { token: 'NestedSecretValue9' } } });
    const text = redactor.describe(error);
    expect(text).toContain('failed with [redacted]');
    expect(text).toContain('token');
    expect(text).not.toContain('NestedSecretValue9');
  });
});
