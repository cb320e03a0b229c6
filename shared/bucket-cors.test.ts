import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCorsRule, isCorsOrigin, splitList, type CorsRule } from './bucket-cors';
import { putBucketCorsInputSchema } from './settings-contract';

const rule = (fields: Partial<CorsRule> = {}): CorsRule => ({ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [], ...fields });
const broken = (r: CorsRule) =>
  checkCorsRule(r)
    .filter((x) => !x.ok)
    .map((x) => x.rule);

describe('CORS rules', () => {
  it('accepts *, exact origins with a port, and one wildcard anywhere', () => {
    for (const origin of ['*', 'https://example.com', 'http://localhost:5173', 'https://*.example.com', 'http://app-*.example.com:8080']) {
      expect(isCorsOrigin(origin)).toBe(true);
    }
    for (const origin of ['example.com', 'https://*.*.example.com', 'https://example.com/path', 'https://', '', 'https://exa mple.com']) {
      expect(isCorsOrigin(origin)).toBe(false);
    }
  });

  it('names each broken field', () => {
    expect(broken(rule())).toEqual([]);
    expect(broken(rule({ allowedOrigins: [] }))).toEqual(['origins']);
    expect(broken(rule({ allowedOrigins: ['nope'] }))).toEqual(['origin']);
    expect(broken(rule({ allowedMethods: [] }))).toEqual(['methods']);
    expect(broken(rule({ allowedHeaders: ['*', 'x-cos-meta-a', 'bad header'] }))).toEqual(['header']);
    expect(broken(rule({ exposeHeaders: ['ETag', '*'] }))).toEqual(['exposeHeader']);
    expect(broken(rule({ maxAgeSeconds: -1 }))).toEqual(['maxAge']);
    expect(broken(rule({ maxAgeSeconds: 1.5 }))).toEqual(['maxAge']);
    expect(broken(rule({ maxAgeSeconds: NaN }))).toEqual(['maxAge']);
    expect(broken(rule({ maxAgeSeconds: 0 }))).toEqual([]);
  });

  it('splits a typed list on lines and commas, dropping blanks', () => {
    expect(splitList(' https://a.com \n\n https://b.com, https://c.com ,')).toEqual(['https://a.com', 'https://b.com', 'https://c.com']);
  });

  it('refuses in the main process exactly what the form refuses', () => {
    const arb = fc.record({
      allowedOrigins: fc.array(fc.oneof(fc.constantFrom('*', 'https://a.example.com', 'https://*.b.com'), fc.string({ maxLength: 20 })), { maxLength: 3 }),
      allowedMethods: fc.uniqueArray(fc.constantFrom('GET' as const, 'PUT' as const, 'POST' as const, 'DELETE' as const, 'HEAD' as const), { maxLength: 5 }),
      allowedHeaders: fc.array(fc.oneof(fc.constant('*'), fc.string({ maxLength: 10 })), { maxLength: 3 }),
      exposeHeaders: fc.array(fc.oneof(fc.constant('ETag'), fc.string({ maxLength: 10 })), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 3 }), (rules) => {
        const parsed = putBucketCorsInputSchema.safeParse({ bucket: 'a-1250000000', region: 'ap-guangzhou', rules });
        expect(parsed.success).toBe(rules.every((r) => broken(r).length === 0));
      }),
    );
  });
});
