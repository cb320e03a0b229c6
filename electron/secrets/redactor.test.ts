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

  it('redacts a registered value however short it is, and ignores an empty one', () => {
    const redactor = new Redactor();
    redactor.add('', 'p4ss');
    expect(redactor.redact('proxy password p4ss')).toBe('proxy password [redacted]');
  });

  it('redacts the percent-encoded forms of a secret, as a proxy URL or a query carries them', () => {
    const redactor = new Redactor();
    redactor.add('pa:ss/wörd+1');
    const encoded = encodeURIComponent('pa:ss/wörd+1');
    const text = redactor.redact(`http://user:${encoded}@proxy:3128 ${encoded.toLowerCase()} pa:ss/wörd+1`);
    expect(text).toBe('http://user:[redacted]@proxy:3128 [redacted] [redacted]');
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
