/** Bucket settings through the real SDK against the emulator: each read and each write, a refusal, and "none yet". */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorAccount } from '../../e2e/emulator';
import { AppErrorException } from '@shared/errors';
import { OWNER, SEED, credentialsFor } from '../testing/cos-fixtures';
import { createCosGateway, type CosGateway } from './gateway';

const photos = { bucket: 'photos-1250000000', region: 'ap-guangzhou' };
const backup = { bucket: 'backup-1250000000', region: 'ap-shanghai' };
const OWNER_ID = 'qcs::cam::uin/100000000001:uin/100000000001';
/** May read every setting and change none. */
const VIEWER: EmulatorAccount = {
  ...OWNER,
  secretId: 'AKIDVIEWER00000000000000000000000009',
  secretKey: 'SKviewerSecretKey000000000000000009',
  allow: ['cos:GetBucketACL', 'cos:GetBucketVersioning', 'cos:GetBucketTagging'],
};
const NONE = { grantRead: [], grantWrite: [], grantReadAcp: [], grantWriteAcp: [], grantFullControl: [] };

let emulator: Emulator;
let owner: CosGateway;
let viewer: CosGateway;

beforeAll(async () => {
  emulator = await startEmulator({ seed: { ...SEED, accounts: [...SEED.accounts!, VIEWER] } });
  owner = createCosGateway(credentialsFor(emulator, OWNER));
  viewer = createCosGateway(credentialsFor(emulator, VIEWER));
});
afterAll(() => emulator.close());

async function refusal(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppErrorException);
  return (error as AppErrorException).error;
}

describe('bucket ACL', () => {
  it('reads a private bucket: its owner and no grants', async () => {
    expect(await owner.getBucketAcl(photos)).toEqual({ acl: 'private', owner: { id: OWNER_ID, displayName: 'Example Studio' }, grants: [] });
  });

  it('writes the canned ACL and every kind of grant in one PUT, and reads them back', async () => {
    await owner.putBucketAcl({
      ...backup,
      ...NONE,
      acl: 'public-read',
      grantRead: ['100000000011', 'qcs::cam::uin/100000000001:uin/100000000012'],
      grantWriteAcp: ['100000000013'],
    });
    const acl = await owner.getBucketAcl(backup);
    expect(acl.acl).toBe('public-read');
    expect(acl.grants.map((g) => [g.id, g.permission])).toEqual([
      ['qcs::cam::uin/100000000011:uin/100000000011', 'READ'],
      ['qcs::cam::uin/100000000001:uin/100000000012', 'READ'],
      ['qcs::cam::uin/100000000013:uin/100000000013', 'WRITE_ACP'],
    ]);
    await owner.putBucketAcl({ ...backup, ...NONE, acl: 'private' });
    expect(await owner.getBucketAcl(backup)).toMatchObject({ acl: 'private', grants: [] });
  });

  it('names cos:PutBucketACL when a key may read the ACL but not change it, and nothing changes', async () => {
    const error = await refusal(viewer.putBucketAcl({ ...photos, ...NONE, acl: 'public-read-write' }));
    expect(error).toMatchObject({ kind: 'cos', code: 'AccessDenied', status: 403, action: 'cos:PutBucketACL' });
    expect((await viewer.getBucketAcl(photos)).acl).toBe('private');
  });

  it('names cos:GetBucketACL for another account’s bucket', async () => {
    const error = await refusal(owner.getBucketAcl({ bucket: 'private-data-1250000009', region: 'ap-guangzhou' }));
    expect(error).toMatchObject({ code: 'AccessDenied', action: 'cos:GetBucketACL' });
  });
});

describe('versioning', () => {
  it('reads never enabled as off, then Enabled, then Suspended', async () => {
    const ref = { bucket: 'static-site-1250000000', region: 'ap-singapore' };
    expect(await owner.getBucketVersioning(ref)).toEqual({ status: 'off' });
    expect(await owner.putBucketVersioning({ ...ref, status: 'Enabled' })).toEqual({ done: true });
    expect(await owner.getBucketVersioning(ref)).toEqual({ status: 'Enabled' });
    await owner.putBucketVersioning({ ...ref, status: 'Suspended' });
    expect(await owner.getBucketVersioning(ref)).toEqual({ status: 'Suspended' });
  });

  it('names cos:PutBucketVersioning when refused', async () => {
    const error = await refusal(viewer.putBucketVersioning({ ...photos, status: 'Enabled' }));
    expect(error).toMatchObject({ code: 'AccessDenied', action: 'cos:PutBucketVersioning' });
  });
});

describe('tags', () => {
  it('reads none yet as an empty list, writes a list, reads it back, and an empty list deletes them', async () => {
    const ref = { bucket: 'archive-1250000000', region: 'eu-frankfurt' };
    expect(await owner.getBucketTagging(ref)).toEqual({ tags: [] });
    await owner.putBucketTagging({ ...ref, tags: [{ key: 'team', value: 'data' }, { key: '成本 中心', value: '' }] });
    expect(await owner.getBucketTagging(ref)).toEqual({ tags: [{ key: 'team', value: 'data' }, { key: '成本 中心', value: '' }] });
    await owner.putBucketTagging({ ...ref, tags: [] });
    expect(await owner.getBucketTagging(ref)).toEqual({ tags: [] });
  });

  it('names cos:PutBucketTagging, and cos:DeleteBucketTagging for an empty list, when refused', async () => {
    expect(await refusal(viewer.putBucketTagging({ ...photos, tags: [{ key: 'a', value: 'b' }] }))).toMatchObject({
      code: 'AccessDenied',
      action: 'cos:PutBucketTagging',
    });
    expect(await refusal(viewer.putBucketTagging({ ...photos, tags: [] }))).toMatchObject({ code: 'AccessDenied', action: 'cos:DeleteBucketTagging' });
  });

  it('passes on COS’s InvalidTag for a tag the emulator refuses', async () => {
    const error = await refusal(owner.putBucketTagging({ ...photos, tags: [{ key: 'qcs:reserved', value: '' }] }));
    expect(error).toMatchObject({ kind: 'cos', code: 'InvalidTag', status: 400 });
  });
});

describe('policy', () => {
  const ref = { bucket: 'logs-1250000000', region: 'ap-beijing' };
  const text = JSON.stringify({
    version: '2.0',
    Statement: [
      {
        Principal: { qcs: ['qcs::cam::uin/100000000001:uin/100000000011'] },
        Effect: 'allow',
        Action: ['name/cos:GetObject'],
        Resource: ['qcs::cos:ap-beijing:uid/1250000000:logs-1250000000/*'],
      },
    ],
  });

  it('reads none yet (NoSuchPolicy) as null, writes a policy and reads it back laid out, and empty text deletes it', async () => {
    expect(await owner.getBucketPolicy(ref)).toEqual({ policy: null });
    expect(await owner.putBucketPolicy({ ...ref, policy: text })).toEqual({ done: true });
    expect(await owner.getBucketPolicy(ref)).toEqual({ policy: JSON.stringify(JSON.parse(text), null, 2) });
    await owner.putBucketPolicy({ ...ref, policy: '' });
    expect(await owner.getBucketPolicy(ref)).toEqual({ policy: null });
  });

  it('names cos:GetBucketPolicy and cos:PutBucketPolicy when refused', async () => {
    expect(await refusal(viewer.getBucketPolicy(ref))).toMatchObject({ code: 'AccessDenied', action: 'cos:GetBucketPolicy' });
    expect(await refusal(viewer.putBucketPolicy({ ...ref, policy: text }))).toMatchObject({ code: 'AccessDenied', action: 'cos:PutBucketPolicy' });
  });
});

describe('CORS', () => {
  const ref = { bucket: 'static-site-1250000000', region: 'ap-singapore' };
  const rule = {
    allowedOrigins: ['https://*.example.com'],
    allowedMethods: ['GET' as const, 'HEAD' as const],
    allowedHeaders: ['*'],
    exposeHeaders: ['ETag', 'x-cos-request-id'],
    maxAgeSeconds: 600,
  };

  it('reads none yet as no rules, writes rules and reads them back, and no rules deletes them all', async () => {
    expect(await owner.getBucketCors(ref)).toEqual({ rules: [] });
    await owner.putBucketCors({ ...ref, rules: [rule, { allowedOrigins: ['*'], allowedMethods: ['PUT'], allowedHeaders: [], exposeHeaders: [] }] });
    expect(await owner.getBucketCors(ref)).toEqual({
      rules: [rule, { allowedOrigins: ['*'], allowedMethods: ['PUT'], allowedHeaders: [], exposeHeaders: [] }],
    });
    await owner.putBucketCors({ ...ref, rules: [] });
    expect(await owner.getBucketCors(ref)).toEqual({ rules: [] });
  });

  it('names cos:GetBucketCORS and cos:PutBucketCORS when refused', async () => {
    expect(await refusal(viewer.getBucketCors(ref))).toMatchObject({ code: 'AccessDenied', action: 'cos:GetBucketCORS' });
    expect(await refusal(viewer.putBucketCors({ ...ref, rules: [rule] }))).toMatchObject({ code: 'AccessDenied', action: 'cos:PutBucketCORS' });
  });
});

describe('lifecycle', () => {
  const ref = { bucket: 'backup-1250000000', region: 'ap-shanghai' };
  const rules = [
    { id: 'expire-logs', prefix: 'logs/', enabled: true, expirationDays: 30 },
    { id: 'tidy', prefix: '', enabled: false, transition: { days: 30, storageClass: 'STANDARD_IA' as const }, noncurrentExpirationDays: 30, abortUploadDays: 7 },
  ];

  it('reads none yet as no rules, writes rules and reads them back, and no rules deletes them', async () => {
    expect(await owner.getBucketLifecycle(ref)).toEqual({ rules: [], beyondEditing: false });
    await owner.putBucketLifecycle({ ...ref, rules });
    expect(await owner.getBucketLifecycle(ref)).toEqual({ rules, beyondEditing: false });
    await owner.putBucketLifecycle({ ...ref, rules: [] });
    expect(await owner.getBucketLifecycle(ref)).toEqual({ rules: [], beyondEditing: false });
  });

  it('says a configuration holds what it cannot edit (a date), rather than losing it', async () => {
    const cos = new (await import('cos-nodejs-sdk-v5')).default({ SecretId: OWNER.secretId, SecretKey: OWNER.secretKey, Protocol: 'http:', Ip: emulator.address });
    await cos.putBucketLifecycle({
      Bucket: ref.bucket,
      Region: ref.region,
      Rules: [{ ID: 'dated', Filter: { Prefix: '' }, Status: 'Enabled', Expiration: { Date: '2030-01-01T00:00:00+08:00' } }, { ID: 'plain', Filter: { Prefix: 'a/' }, Status: 'Enabled', Expiration: { Days: '3' } }],
    } as never);
    expect(await owner.getBucketLifecycle(ref)).toEqual({ rules: [{ id: 'plain', prefix: 'a/', enabled: true, expirationDays: 3 }], beyondEditing: true });
  });

  it('names cos:GetBucketLifecycle and cos:PutBucketLifecycle when refused', async () => {
    expect(await refusal(viewer.getBucketLifecycle(ref))).toMatchObject({ code: 'AccessDenied', action: 'cos:GetBucketLifecycle' });
    expect(await refusal(viewer.putBucketLifecycle({ ...ref, rules }))).toMatchObject({ code: 'AccessDenied', action: 'cos:PutBucketLifecycle' });
  });
});
