import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSeed, startEmulator } from './index';
import { OWNER, sdkFor } from './testing';
import type { Emulator, EmulatorAccount } from './types';

const Bucket = 'photos-1250000000';
const Region = 'ap-guangzhou';

/** May list, read and write under team-a/ only, in photos only; may list every bucket. */
const teamA: EmulatorAccount = {
  ...OWNER,
  secretId: 'AKIDTEAMA',
  secretKey: 'team-a-key',
  allow: [
    'cos:GetService',
    { actions: ['cos:GetBucket', 'cos:GetObject', 'cos:PutObject', 'cos:DeleteObject'], resources: ['team-a/*'], buckets: [Bucket] },
  ],
};

/** May read any .jpg object in any bucket, nothing else. */
const jpgReader: EmulatorAccount = {
  ...OWNER,
  secretId: 'AKIDJPG',
  secretKey: 'jpg-key',
  allow: [{ actions: ['cos:GetObject'], resources: ['*.jpg'] }],
};

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({
    seed: {
      accounts: [OWNER, teamA, jpgReader],
      buckets: [
        { name: Bucket, region: Region },
        { name: 'other-1250000000', region: Region },
      ],
      objects: [
        { bucket: Bucket, key: 'team-a/plan.txt', body: 'a' },
        { bucket: Bucket, key: 'team-b/plan.txt', body: 'b' },
        { bucket: Bucket, key: 'team-b/photo.jpg', body: 'jpg' },
        { bucket: 'other-1250000000', key: 'team-a/plan.txt', body: 'other' },
      ],
    },
  });
});
afterEach(() => emulator.close());

const denied = { statusCode: 403, code: 'AccessDenied' };

describe('a key limited to a prefix', () => {
  it('lists inside its prefix and is refused a listing that reaches outside it', async () => {
    const cos = sdkFor(emulator, teamA);
    const inside = await cos.getBucket({ Bucket, Region, Prefix: 'team-a/' });
    expect(inside.Contents.map((c) => c.Key)).toEqual(['team-a/plan.txt']);
    await expect(cos.getBucket({ Bucket, Region, Prefix: 'team-a/sub/' })).resolves.toMatchObject({ statusCode: 200 });
    await expect(cos.getBucket({ Bucket, Region, Prefix: 'team-b/' })).rejects.toMatchObject(denied);
    await expect(cos.getBucket({ Bucket, Region, Prefix: 'team' })).rejects.toMatchObject(denied);
    await expect(cos.getBucket({ Bucket, Region })).rejects.toMatchObject(denied);
  });

  it('reads, writes and deletes keys under the prefix only', async () => {
    const cos = sdkFor(emulator, teamA);
    expect((await cos.getObject({ Bucket, Region, Key: 'team-a/plan.txt' })).Body.toString()).toBe('a');
    await expect(cos.putObject({ Bucket, Region, Key: 'team-a/new.txt', Body: 'n' })).resolves.toMatchObject({ statusCode: 200 });
    await expect(cos.getObject({ Bucket, Region, Key: 'team-b/plan.txt' })).rejects.toMatchObject(denied);
    await expect(cos.putObject({ Bucket, Region, Key: 'team-b/x.txt', Body: 'x' })).rejects.toMatchObject(denied);
    // HEAD is an action of its own; the answer has no body, so only the status shows.
    await expect(cos.headObject({ Bucket, Region, Key: 'team-a/plan.txt' })).rejects.toMatchObject({ statusCode: 403 });
  });

  it('is refused the same prefix in a bucket its statement does not name', async () => {
    const cos = sdkFor(emulator, teamA);
    await expect(cos.getObject({ Bucket: 'other-1250000000', Region, Key: 'team-a/plan.txt' })).rejects.toMatchObject(denied);
  });

  it('deletes in a batch only what it may, reporting AccessDenied per key', async () => {
    const result = await sdkFor(emulator, teamA).deleteMultipleObject({
      Bucket,
      Region,
      Objects: [{ Key: 'team-a/plan.txt' }, { Key: 'team-b/plan.txt' }],
    });
    expect(result.Deleted.map((d) => d.Key)).toEqual(['team-a/plan.txt']);
    expect(result.Error).toEqual([expect.objectContaining({ Key: 'team-b/plan.txt', Code: 'AccessDenied' })]);
    expect(emulator.objectVersions(Bucket).map((v) => v.key)).toEqual(['team-b/photo.jpg', 'team-b/plan.txt']);
  });

  it('may not call bucket-level actions its statement names only for keys', async () => {
    const cos = sdkFor(emulator, teamA);
    await expect(cos.getService({})).resolves.toMatchObject({ statusCode: 200 });
    await expect(cos.listObjectVersions({ Bucket, Region, Prefix: 'team-a/' })).rejects.toMatchObject(denied);
  });
});

describe('a key limited by a wildcard pattern', () => {
  it('reads matching keys in any bucket and nothing else, checking before the key is looked up', async () => {
    const cos = sdkFor(emulator, jpgReader);
    expect((await cos.getObject({ Bucket, Region, Key: 'team-b/photo.jpg' })).Body.toString()).toBe('jpg');
    await expect(cos.getObject({ Bucket, Region, Key: 'missing.jpg' })).rejects.toMatchObject({ statusCode: 404, code: 'NoSuchKey' });
    await expect(cos.getObject({ Bucket, Region, Key: 'missing.txt' })).rejects.toMatchObject(denied);
    await expect(cos.getBucket({ Bucket, Region, Prefix: 'team-b/' })).rejects.toMatchObject(denied);
  });

  it('copies only from a source it may read', async () => {
    const cos = sdkFor(emulator, OWNER);
    await expect(
      sdkFor(emulator, teamA).putObjectCopy({
        Bucket,
        Region,
        Key: 'team-a/copy.txt',
        CopySource: `${Bucket}.cos.${Region}.myqcloud.com/team-b/plan.txt`,
      }),
    ).rejects.toMatchObject(denied);
    await expect(cos.headObject({ Bucket, Region, Key: 'team-a/copy.txt' })).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('statements in a seed file', () => {
  it('are accepted as {actions, resources?, buckets?} and refused when malformed, saying where', () => {
    const account = { secretId: 'a', secretKey: 'b', ownerUin: '1', appId: '2' };
    expect(() => parseSeed({ accounts: [{ ...account, allow: ['cos:GetService', { actions: ['cos:GetObject'], resources: ['a/*'] }] }] })).not.toThrow();
    expect(() => parseSeed({ accounts: [{ ...account, allow: [{ resources: ['a/*'] }] }] })).toThrow('Seed accounts[0]: "allow"');
    expect(() => parseSeed({ accounts: [{ ...account, allow: [{ actions: ['cos:GetObject'], buckets: 'x' }] }] })).toThrow(/"allow"/);
  });
});
