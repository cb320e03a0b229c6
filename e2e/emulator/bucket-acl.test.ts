import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from './index';
import { OWNER, STRANGER, errorCode, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator, EmulatorAccount } from './types';

const Bucket = 'photos-1250000000';
const Region = 'ap-guangzhou';
const HOST = `${Bucket}.cos.${Region}.myqcloud.com`;
const OWNER_ID = 'qcs::cam::uin/100000000001:uin/100000000001';
const READER: EmulatorAccount = { ...OWNER, secretId: 'AKIDREADER', secretKey: 'reader-key', allow: ['cos:GetBucketACL'] };

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({
    seed: {
      accounts: [OWNER, STRANGER, READER],
      buckets: [{ name: Bucket, region: Region }, { name: 'theirs-1250000001', region: Region, owner: STRANGER.ownerUin }],
    },
  });
});
afterEach(() => emulator.close());

const cos = (account: EmulatorAccount = OWNER) => sdkFor(emulator, account);

describe('GET Bucket acl', () => {
  it('gives a private bucket its owner with FULL_CONTROL and nothing else', async () => {
    const acl = await cos().getBucketAcl({ Bucket, Region });
    expect(acl.ACL).toBe('private');
    expect(acl.Owner).toEqual({ ID: OWNER_ID, DisplayName: 'Owner' });
    expect(acl.Grants).toEqual([{ Grantee: { ID: OWNER_ID, DisplayName: 'Owner' }, Permission: 'FULL_CONTROL' }]);
  });

  it('keeps the ACL and grants given at PUT Bucket, as AllUsers grants and user grants', async () => {
    await cos().putBucket({
      Bucket: 'site-1250000000',
      Region,
      ACL: 'public-read',
      GrantRead: 'id="100000000011",id="qcs::cam::uin/100000000001:uin/100000000012"',
      GrantFullControl: 'id="100000000013"',
    });
    const acl = await cos().getBucketAcl({ Bucket: 'site-1250000000', Region });
    expect(acl.ACL).toBe('public-read');
    expect(acl.Grants.map((g) => [(g.Grantee as { ID?: string; URI?: string }).ID ?? (g.Grantee as { URI?: string }).URI, g.Permission])).toEqual([
      [OWNER_ID, 'FULL_CONTROL'],
      ['http://cam.qcloud.com/groups/global/AllUsers', 'READ'],
      ['qcs::cam::uin/100000000011:uin/100000000011', 'READ'],
      ['qcs::cam::uin/100000000001:uin/100000000012', 'READ'],
      ['qcs::cam::uin/100000000013:uin/100000000013', 'FULL_CONTROL'],
    ]);
  });

  it('answers with the xsi:type of each grantee, as COS documents it', async () => {
    await cos().putBucketAcl({ Bucket, Region, ACL: 'public-read-write' });
    const authorization = sdkAuthorization(OWNER, { host: HOST, query: { acl: '' } });
    const res = await rawRequest(emulator, { host: HOST, path: '/?acl', headers: { authorization } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('xsi:type="Group"><URI>http://cam.qcloud.com/groups/global/AllUsers</URI></Grantee><Permission>WRITE</Permission>');
    expect(res.body).toContain('xsi:type="CanonicalUser">');
  });

  it('needs cos:GetBucketACL, and another owner’s bucket is refused', async () => {
    const limited = { ...OWNER, secretId: 'AKIDLIMITED', secretKey: 'limited', allow: ['cos:GetBucket'] };
    await emulator.close();
    emulator = await startEmulator({
      seed: {
        accounts: [OWNER, STRANGER, limited],
        buckets: [{ name: Bucket, region: Region }, { name: 'theirs-1250000001', region: Region, owner: STRANGER.ownerUin }],
      },
    });
    const refused = await cos(limited).getBucketAcl({ Bucket, Region }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    expect((refused as { error: { Message: string } }).error.Message).toContain('cos:GetBucketACL');
    const theirs = await cos().getBucketAcl({ Bucket: 'theirs-1250000001', Region }).catch((e: unknown) => e);
    expect(theirs).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
  });
});

describe('PUT Bucket acl', () => {
  it('replaces the canned ACL and every grant by headers', async () => {
    await cos().putBucketAcl({ Bucket, Region, ACL: 'public-read', GrantWrite: 'id="100000000011"' });
    await cos().putBucketAcl({ Bucket, Region, ACL: 'private', GrantRead: 'id="100000000012"' });
    const [bucket] = emulator.buckets().filter((b) => b.name === Bucket);
    expect(bucket).toMatchObject({ acl: 'private', grants: { READ: ['100000000012'] } });
  });

  it('takes an AccessControlPolicy body as the SDK sends it (grantees without xsi:type)', async () => {
    await cos().putBucketAcl({
      Bucket,
      Region,
      AccessControlPolicy: {
        Owner: { ID: OWNER_ID, DisplayName: 'Owner' },
        Grants: [
          { Grantee: { ID: OWNER_ID }, Permission: 'FULL_CONTROL' },
          { Grantee: { URI: 'http://cam.qcloud.com/groups/global/AllUsers' }, Permission: 'READ' },
          { Grantee: { ID: 'qcs::cam::uin/100000000001:uin/100000000011' }, Permission: 'WRITE' },
        ],
      },
    } as never);
    const acl = await cos().getBucketAcl({ Bucket, Region });
    expect(acl.ACL).toBe('public-read');
    expect(acl.GrantWrite).toBe('id="qcs::cam::uin/100000000001:uin/100000000011"');
  });

  it('refuses a bad canned ACL, a bad grantee, another owner in the body, and headers with a body; nothing changes', async () => {
    const bad = [
      cos().putBucketAcl({ Bucket, Region, ACL: 'everyone' as never }),
      cos().putBucketAcl({ Bucket, Region, GrantRead: 'uin="1"' }),
      cos().putBucketAcl({
        Bucket,
        Region,
        AccessControlPolicy: { Owner: { ID: 'qcs::cam::uin/9:uin/9' }, Grants: [] },
      } as never),
    ];
    for (const result of await Promise.all(bad.map((p) => p.catch((e: unknown) => e)))) {
      expect(result).toMatchObject({ statusCode: 400 });
    }
    const body = '<AccessControlPolicy><AccessControlList/></AccessControlPolicy>';
    const authorization = sdkAuthorization(OWNER, { method: 'put', host: HOST, query: { acl: '' } });
    const both = await rawRequest(emulator, { method: 'PUT', host: HOST, path: '/?acl', headers: { authorization, 'x-cos-acl': 'public-read' }, body });
    expect(errorCode(both.body)).toBe('InvalidRequest');
    const malformed = await rawRequest(emulator, { method: 'PUT', host: HOST, path: '/?acl', headers: { authorization }, body: '<Nope/>' });
    expect(errorCode(malformed.body)).toBe('MalformedXML');
    expect(emulator.buckets().find((b) => b.name === Bucket)).toMatchObject({ acl: 'private', grants: {} });
  });

  it('needs cos:PutBucketACL: a key that may only read the ACL is refused, naming the action', async () => {
    const refused = await cos(READER).putBucketAcl({ Bucket, Region, ACL: 'public-read' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    expect((refused as { error: { Message: string } }).error.Message).toContain('cos:PutBucketACL');
    expect((await cos(READER).getBucketAcl({ Bucket, Region })).ACL).toBe('private');
  });
});
