/** The readers of what the SDK hands over about a bucket's settings, and the builders of what is sent. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketAclSchema, bucketCorsSchema, bucketLifecycleSchema, bucketTagsSchema, bucketVersioningSchema } from '@shared/contract';
import { TRANSITION_CLASSES } from '@shared/bucket-lifecycle';
import { ALL_USERS_URI, corsParam, isNoPolicy, lifecycleParam, readCors, readLifecycle, readBucketAcl, readPolicyText, readTags, readVersioning, tagsParam } from './bucket-settings';

const OWNER = 'qcs::cam::uin/100000000001:uin/100000000001';
const PERMISSIONS = ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'] as const;
const user = fc.oneof(fc.constant(OWNER), fc.nat({ max: 99 }).map((n) => `qcs::cam::uin/1000000000${String(n).padStart(2, '0')}:uin/1000000000${String(n).padStart(2, '0')}`));
const grant = fc.oneof(
  fc.record({ Grantee: fc.record({ ID: user, DisplayName: fc.string() }), Permission: fc.constantFrom(...PERMISSIONS) }),
  fc.record({ Grantee: fc.record({ URI: fc.constant(ALL_USERS_URI) }), Permission: fc.constantFrom('READ', 'WRITE', 'FULL_CONTROL') }),
  fc.record({ Grantee: fc.record({ ID: fc.constant('qcs::cam::anyone:anyone') }), Permission: fc.constantFrom('READ', 'WRITE') }),
);
/** Anything at all where the SDK's parser could put something unexpected. */
const junk = fc.oneof(fc.anything(), fc.constant(undefined), fc.constant({}), fc.string());

describe('readBucketAcl', () => {
  it('always answers the contract’s shape, leaving the owner’s grant and the grants to everyone out of the list', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(grant, { maxLength: 12 }), grant, junk), (grants) => {
        const acl = readBucketAcl({ Owner: { ID: OWNER, DisplayName: 'Studio' }, Grants: grants });
        expect(bucketAclSchema.parse(acl)).toEqual(acl);
        expect(acl.grants.every((g) => g.id !== OWNER && !g.id.includes('anyone'))).toBe(true);
      }),
    );
  });

  it('derives the canned ACL from the grants to everyone, as the SDK does', () => {
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 12 }), (grants) => {
        const everyone = new Set(
          grants.filter((g) => 'URI' in g.Grantee || g.Grantee.ID === 'qcs::cam::anyone:anyone').map((g) => g.Permission),
        );
        const expected =
          everyone.has('FULL_CONTROL') || (everyone.has('READ') && everyone.has('WRITE')) ? 'public-read-write' : everyone.has('READ') ? 'public-read' : 'private';
        expect(readBucketAcl({ Owner: { ID: OWNER }, Grants: grants }).acl).toBe(expected);
      }),
    );
  });

  it('reads a single grant the XML parser left as an object, and skips unknown permissions', () => {
    const one = { Grantee: { ID: 'qcs::cam::uin/1:uin/2', DisplayName: 'x' }, Permission: 'READ' };
    expect(readBucketAcl({ Owner: { ID: OWNER }, Grants: one }).grants).toEqual([{ id: 'qcs::cam::uin/1:uin/2', displayName: 'x', permission: 'READ' }]);
    expect(readBucketAcl({ Owner: { ID: OWNER }, Grants: [{ ...one, Permission: 'OWN' }] }).grants).toEqual([]);
    expect(readBucketAcl({}).owner).toEqual({ id: '', displayName: '' });
  });
});

describe('readVersioning', () => {
  it('reads Enabled and Suspended, and anything else (no Status: never enabled) as off', () => {
    expect(readVersioning({ VersioningConfiguration: { Status: 'Enabled' } })).toEqual({ status: 'Enabled' });
    expect(readVersioning({ VersioningConfiguration: { Status: 'Suspended' } })).toEqual({ status: 'Suspended' });
    expect(readVersioning({ VersioningConfiguration: {} })).toEqual({ status: 'off' });
    fc.assert(
      fc.property(junk, (status) => {
        bucketVersioningSchema.parse(readVersioning({ VersioningConfiguration: { Status: status } }));
      }),
    );
  });
});

describe('tags', () => {
  it('read back what was sent, whatever the keys and values', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.string(), value: fc.string() }), { maxLength: 50 }), (tags) => {
        expect(readTags({ Tags: tagsParam(tags) })).toEqual({ tags });
      }),
    );
  });

  it('answer the contract’s shape for a single tag object, nothing, or junk', () => {
    expect(readTags({ Tags: { Key: 'a', Value: 'b' } })).toEqual({ tags: [{ key: 'a', value: 'b' }] });
    expect(readTags({ Tags: { Key: 'a' } })).toEqual({ tags: [{ key: 'a', value: '' }] });
    expect(readTags({})).toEqual({ tags: [] });
    fc.assert(
      fc.property(junk, (raw) => {
        bucketTagsSchema.parse(readTags({ Tags: raw }));
      }),
    );
  });
});

describe('policy', () => {
  it('lays out any JSON for reading and keeps text that is not JSON as it came', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(readPolicyText(JSON.stringify(value)))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
    expect(readPolicyText('{oops')).toBe('{oops');
  });

  it('knows no policy from both codes COS gives it, and nothing else', () => {
    expect(isNoPolicy({ error: { Code: 'NoSuchPolicy' } })).toBe(true);
    expect(isNoPolicy({ error: { Code: 'NoSuchPolicyVersion' } })).toBe(true);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(isNoPolicy({ error: { Code: value } })).toBe(value === 'NoSuchPolicy' || value === 'NoSuchPolicyVersion');
      }),
    );
    expect(isNoPolicy(undefined)).toBe(false);
  });
});

describe('CORS', () => {
  it('reads back the rules sent, and answers the contract’s shape whatever the SDK hands over', () => {
    const rule = fc.record(
      {
        allowedOrigins: fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
        allowedMethods: fc.uniqueArray(fc.constantFrom('GET' as const, 'PUT' as const, 'POST' as const, 'DELETE' as const, 'HEAD' as const), { minLength: 1 }),
        allowedHeaders: fc.array(fc.string(), { maxLength: 3 }),
        exposeHeaders: fc.array(fc.string(), { maxLength: 3 }),
        maxAgeSeconds: fc.integer({ min: 0, max: 2_147_483_647 }),
      },
      { requiredKeys: ['allowedOrigins', 'allowedMethods', 'allowedHeaders', 'exposeHeaders'] },
    );
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 5 }), (rules) => {
        expect(readCors({ CORSRules: corsParam(rules) })).toEqual({ rules });
      }),
    );
    fc.assert(
      fc.property(fc.oneof(junk, fc.array(junk)), (raw) => {
        bucketCorsSchema.parse(readCors({ CORSRules: raw }));
      }),
    );
  });
});

describe('lifecycle', () => {
  const days = fc.integer({ min: 0, max: 36_500 });
  const rule = fc.record(
    {
      id: fc.string({ minLength: 1 }),
      prefix: fc.string(),
      enabled: fc.boolean(),
      expirationDays: days,
      transition: fc.record({ days, storageClass: fc.constantFrom(...TRANSITION_CLASSES) }),
      noncurrentExpirationDays: days,
      abortUploadDays: days,
    },
    { requiredKeys: ['id', 'prefix', 'enabled'] },
  );

  it('reads back every rule it builds, and calls nothing beyond editing', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 5 }), (rules) => {
        expect(readLifecycle({ Rules: lifecycleParam(rules) })).toEqual({ rules, beyondEditing: false });
      }),
    );
  });

  it('keeps out, and flags, any rule with a part it does not model, whatever the SDK hands over', () => {
    const dated = { ID: 'd', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Date: '2030-01-01' } };
    const tagged = { ID: 't', Status: 'Enabled', Filter: { Tag: { Key: 'a', Value: 'b' } }, Expiration: { Days: '1' } };
    const twoMoves = { ID: 'm', Status: 'Enabled', Transition: [{ Days: '1', StorageClass: 'ARCHIVE' }, { Days: '9', StorageClass: 'DEEP_ARCHIVE' }] };
    const plain = { ID: 'p', Status: 'Enabled', Prefix: 'old/', Expiration: { Days: '2' } };
    expect(readLifecycle({ Rules: [dated, tagged, twoMoves, plain] })).toEqual({
      rules: [{ id: 'p', prefix: 'old/', enabled: true, expirationDays: 2 }],
      beyondEditing: true,
    });
    fc.assert(
      fc.property(fc.oneof(junk, fc.array(junk)), (raw) => {
        bucketLifecycleSchema.parse(readLifecycle({ Rules: raw }));
      }),
    );
  });
});
