import type COS from 'cos-nodejs-sdk-v5';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from './index';
import { OWNER, STRANGER, errorCode, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator, EmulatorAccount } from './types';

const readOnly: EmulatorAccount = { ...OWNER, secretId: 'AKIDREADONLY', secretKey: 'ro', allow: ['cos:GetService'] };

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({
    seed: {
      accounts: [OWNER, readOnly, STRANGER],
      buckets: [
        { name: 'mine-1250000000', region: 'ap-guangzhou' },
        { name: 'theirs-1250000001', region: 'ap-guangzhou', owner: STRANGER.ownerUin },
      ],
      bucketLimit: 3,
    },
  });
});
afterEach(() => emulator.close());

const put = (params: Partial<COS.PutBucketParams>, account = OWNER) =>
  sdkFor(emulator, account).putBucket({ Bucket: 'new-1250000000', Region: 'ap-beijing', ...params });

describe('PUT Bucket', () => {
  it('creates a bucket the owner then lists, with ACL, grants, tags and multi-AZ as sent by the SDK', async () => {
    const result = await put({
      ACL: 'public-read',
      GrantRead: 'id="100000000002",id="qcs::cam::uin/100000000001:uin/100000000011"',
      GrantFullControl: 'id="100000000003"',
      BucketAZConfig: 'MAZ',
      Headers: { 'x-cos-tagging': 'team=web' },
    });
    expect(result).toMatchObject({ statusCode: 200, Location: 'new-1250000000.cos.ap-beijing.myqcloud.com/' });
    expect(emulator.buckets().find((b) => b.name === 'new-1250000000')).toMatchObject({
      region: 'ap-beijing',
      owner: OWNER.ownerUin,
      multiAz: true,
      acl: 'public-read',
      grants: { READ: ['100000000002', 'qcs::cam::uin/100000000001:uin/100000000011'], FULL_CONTROL: ['100000000003'] },
      tags: 'team=web',
      objectCount: 0,
    });
    const listed = await sdkFor(emulator).getService({ Region: 'ap-beijing' });
    expect(listed.Buckets.map((b) => b.Name)).toEqual(['new-1250000000']);
    expect(listed.Buckets[0].CreationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('defaults to a private, single-AZ bucket', async () => {
    await put({});
    expect(emulator.buckets().find((b) => b.name === 'new-1250000000')).toMatchObject({
      acl: 'private',
      multiAz: false,
      grants: {},
    });
  });

  it.each([
    ['the same owner', 'mine-1250000000', 'BucketAlreadyOwnedByYou'],
    ['another owner', 'theirs-1250000001', 'BucketAlreadyExists'],
  ])('answers 409 for a name taken by %s, in any region', async (_, name, code) => {
    await expect(put({ Bucket: name, Region: 'ap-shanghai' })).rejects.toMatchObject({ statusCode: 409, code });
  });

  it('refuses a name with another account’s APPID', async () => {
    const error = await put({ Bucket: 'new-1250000001' }).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    expect(error.message).toContain('APPID');
  });

  it.each(['-lead-1250000000', 'trail--1250000000', 'under_score-1250000000', 'noappid'])(
    'rejects the name %s with InvalidBucketName',
    async (name) => {
      // Raw requests: the SDK refuses some of these names before sending.
      const host = `${name}.cos.ap-beijing.myqcloud.com`;
      const res = await rawRequest(emulator, {
        method: 'PUT',
        host,
        headers: { authorization: sdkAuthorization(OWNER, { method: 'put', host }) },
      });
      expect(res.status).toBe(400);
      expect(errorCode(res.body)).toBe('InvalidBucketName');
    },
  );

  it('rejects a host over 60 characters with BucketNameTooLong', async () => {
    // 21 + '-1250000000' (11) + '.cos.ap-beijing.myqcloud.com' (28) is exactly 60.
    await expect(put({ Bucket: `${'a'.repeat(21)}-1250000000` })).resolves.toMatchObject({ statusCode: 200 });
    await expect(put({ Bucket: `${'a'.repeat(22)}-1250000000` })).rejects.toMatchObject({
      statusCode: 400,
      code: 'BucketNameTooLong',
    });
  });

  it.each([
    ['ap-mars', 'InvalidRegionName'],
    ['ap-bei-jing', 'InvalidRegionName'],
    ['ap-beijing-1', 'InvalidLocationConstraint'],
  ])('refuses region %s with %s', async (region, code) => {
    await expect(put({ Region: region })).rejects.toMatchObject({ statusCode: 400, code });
  });

  it('offers multi-AZ only where COS does', async () => {
    await expect(put({ Region: 'ap-chengdu', BucketAZConfig: 'MAZ' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'MultiAZFeatureNotSupport',
    });
    await expect(put({ Region: 'ap-shanghai-fsi', BucketAZConfig: 'MAZ' })).resolves.toMatchObject({ statusCode: 200 });
  });

  it('rejects a body that is not a CreateBucketConfiguration with MalformedXML', async () => {
    const request = sdkFor(emulator).request({
      Method: 'PUT',
      Bucket: 'new-1250000000',
      Region: 'ap-beijing',
      Body: '<oops>',
    });
    await expect(request).rejects.toMatchObject({ statusCode: 400, code: 'MalformedXML' });
  });

  it('rejects an unknown canned ACL and a malformed grant with InvalidArgument', async () => {
    await expect(put({ ACL: 'public' as COS.BucketACL })).rejects.toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    const error = await put({ GrantRead: 'uin="100000000002"' }).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(error.message).toContain('x-cos-grant-read');
    expect(emulator.buckets().map((b) => b.name)).not.toContain('new-1250000000');
  });

  it('stops at the owner’s bucket limit with TooManyBuckets', async () => {
    await put({ Bucket: 'second-1250000000' });
    await put({ Bucket: 'third-1250000000' });
    await expect(put({ Bucket: 'fourth-1250000000' })).rejects.toMatchObject({ statusCode: 400, code: 'TooManyBuckets' });
  });

  it('refuses a sub-account without cos:PutBucket, naming the action', async () => {
    const error = await put({}, readOnly).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    expect(error.message).toContain('cos:PutBucket');
  });
});
