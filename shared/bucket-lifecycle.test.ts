import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_TEMPLATES, checkLifecycle, type LifecycleRule } from './bucket-lifecycle';
import { putBucketLifecycleInputSchema } from './settings-contract';

const rule = (fields: Partial<LifecycleRule> = {}): LifecycleRule => ({ id: 'r', prefix: '', enabled: true, expirationDays: 30, ...fields });
const broken = (...rules: LifecycleRule[]) => checkLifecycle(rules).map((p) => [p.index, p.rule]);

describe('lifecycle rules', () => {
  it('accepts every template and rules that do several things', () => {
    expect(broken(...Object.values(LIFECYCLE_TEMPLATES))).toEqual([]);
    expect(broken(rule({ transition: { days: 0, storageClass: 'ARCHIVE' }, abortUploadDays: 1, noncurrentExpirationDays: 36_500 }))).toEqual([]);
  });

  it('names each broken rule by its place', () => {
    expect(broken(rule({ id: '' }))).toEqual([[0, 'id']]);
    expect(broken(rule({ id: 'x'.repeat(256) }))).toEqual([[0, 'id']]);
    expect(broken(rule({ id: 'a<b' }))).toEqual([[0, 'id']]);
    expect(broken(rule(), rule())).toEqual([[1, 'idDuplicate']]);
    expect(broken(rule({ expirationDays: undefined }))).toEqual([[0, 'action']]);
    expect(broken(rule({ expirationDays: 0 }))).toEqual([[0, 'days']]);
    expect(broken(rule({ expirationDays: NaN }))).toEqual([[0, 'days']]);
    expect(broken(rule({ abortUploadDays: 36_501 }))).toEqual([[0, 'days']]);
    expect(broken(rule({ transition: { days: -1, storageClass: 'ARCHIVE' } }))).toEqual([[0, 'days']]);
    expect(broken(rule({ prefix: 'a\nb' }))).toEqual([[0, 'prefix']]);
  });

  it('refuses in the main process exactly what the form refuses', () => {
    const arb = fc.record(
      {
        id: fc.oneof(fc.constantFrom('a', 'b', 'expire-logs'), fc.string({ maxLength: 8 })),
        prefix: fc.string({ maxLength: 8 }),
        enabled: fc.boolean(),
        expirationDays: fc.integer({ min: 0, max: 40_000 }),
        abortUploadDays: fc.integer({ min: 0, max: 40 }),
      },
      { requiredKeys: ['id', 'prefix', 'enabled'] },
    );
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 4 }), (rules) => {
        const parsed = putBucketLifecycleInputSchema.safeParse({ bucket: 'a-1250000000', region: 'ap-guangzhou', rules });
        const inRange = rules.every((r) => (r.expirationDays ?? 0) <= 36_500);
        expect(parsed.success).toBe(inRange && checkLifecycle(rules).length === 0);
      }),
    );
  });
});
