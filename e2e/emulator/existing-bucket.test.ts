import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from './index';
import { OWNER, STRANGER, sdkFor } from './testing';
import type { Emulator, EmulatorAccount } from './types';

const lister: EmulatorAccount = { ...OWNER, secretId: 'AKIDLISTER', secretKey: 'l', allow: ['cos:GetService'] };

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({
    seed: {
      accounts: [OWNER, lister, STRANGER],
      buckets: [
        { name: 'single-1250000000', region: 'ap-guangzhou' },
        { name: 'multi-1250000000', region: 'ap-beijing', multiAz: true },
        { name: 'full-1250000000', region: 'ap-shanghai', objectCount: 3 },
        { name: 'theirs-1250000001', region: 'ap-guangzhou', owner: STRANGER.ownerUin },
      ],
    },
  });
});
afterEach(() => emulator.close());

const head = (Bucket: string, Region: string, account = OWNER) =>
  sdkFor(emulator, account).headBucket({ Bucket, Region });
const remove = (Bucket: string, Region: string, account = OWNER) =>
  sdkFor(emulator, account).deleteBucket({ Bucket, Region });

describe('HEAD Bucket', () => {
  it('answers 200 with the region, and the AZ type for multi-AZ buckets only', async () => {
    const multi = await head('multi-1250000000', 'ap-beijing');
    expect(multi.statusCode).toBe(200);
    expect(multi.headers).toMatchObject({ 'x-cos-bucket-region': 'ap-beijing', 'x-cos-bucket-az-type': 'MAZ' });
    const single = await head('single-1250000000', 'ap-guangzhou');
    expect(single.headers?.['x-cos-bucket-region']).toBe('ap-guangzhou');
    expect(single.headers).not.toHaveProperty('x-cos-bucket-az-type');
  });

  it('answers 403 without a body for another owner’s bucket (the SDK then rejects with a plain object)', async () => {
    const error = await head('theirs-1250000001', 'ap-guangzhou').catch((e) => e);
    expect(error).toMatchObject({ statusCode: 403, code: '403' });
    expect(error).not.toBeInstanceOf(Error);
    expect(emulator.requests().at(-1)).toMatchObject({ method: 'HEAD', status: 403, code: 'AccessDenied' });
  });

  it('answers 403 to a sub-account without cos:HeadBucket', async () => {
    await expect(head('single-1250000000', 'ap-guangzhou', lister)).rejects.toMatchObject({ statusCode: 403 });
  });

  it('answers 404 for a missing bucket, and for a bucket asked for in the wrong region', async () => {
    await expect(head('nothing-1250000000', 'ap-guangzhou')).rejects.toMatchObject({ statusCode: 404 });
    await expect(head('single-1250000000', 'ap-beijing')).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('DELETE Bucket', () => {
  it('answers 204 and the bucket is gone', async () => {
    await expect(remove('single-1250000000', 'ap-guangzhou')).resolves.toMatchObject({ statusCode: 204 });
    expect(emulator.buckets().map((b) => b.name)).not.toContain('single-1250000000');
    await expect(head('single-1250000000', 'ap-guangzhou')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses a bucket that still holds objects with BucketNotEmpty, until they are gone', async () => {
    const error = await remove('full-1250000000', 'ap-shanghai').catch((e) => e);
    expect(error).toMatchObject({ statusCode: 409, code: 'BucketNotEmpty' });
    expect(error.error.Resource).toBe('full-1250000000.cos.ap-shanghai.myqcloud.com/');
    emulator.setObjectCount('full-1250000000', 0);
    await expect(remove('full-1250000000', 'ap-shanghai')).resolves.toMatchObject({ statusCode: 204 });
  });

  it('answers NoSuchBucket for a missing bucket', async () => {
    await expect(remove('nothing-1250000000', 'ap-guangzhou')).rejects.toMatchObject({
      statusCode: 404,
      code: 'NoSuchBucket',
    });
  });

  it('refuses another owner’s bucket, and a sub-account without cos:DeleteBucket', async () => {
    await expect(remove('theirs-1250000001', 'ap-guangzhou')).rejects.toMatchObject({
      statusCode: 403,
      code: 'AccessDenied',
    });
    const error = await remove('single-1250000000', 'ap-guangzhou', lister).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    expect(error.message).toContain('cos:DeleteBucket');
    expect(emulator.buckets()).toHaveLength(4);
  });
});
