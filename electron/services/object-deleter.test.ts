/** Deleting selections and folders, and emptying buckets, through the real SDK against the emulator. */
import COS from 'cos-nodejs-sdk-v5';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorAccount } from '../../e2e/emulator';
import type { EmptyBucketStepResult } from '@shared/delete-contract';
import { AppErrorException, type AppError } from '@shared/errors';
import { createCosGateway } from '../cos/gateway';
import { OWNER, SEED, credentialsFor } from '../testing/cos-fixtures';
import { ObjectDeleter } from './object-deleter';

const versioned = { bucket: 'history-1250000000', region: 'ap-guangzhou' };
const plain = { bucket: 'backup-1250000000', region: 'ap-shanghai' };

/** May list everything but delete nothing. */
const LISTER: EmulatorAccount = {
  ...OWNER,
  secretId: 'AKIDLISTER00000000000000000000000021',
  secretKey: 'SKlisterSecretKeyDoNotLeak000000021',
  allow: ['cos:GetService', 'cos:GetBucket', 'cos:GetBucketObjectVersions', 'cos:ListMultipartUploads', 'cos:AbortMultipartUpload'],
};
/** May delete under keep-out-not/ only. */
const PARTIAL: EmulatorAccount = {
  ...OWNER,
  secretId: 'AKIDPARTIAL0000000000000000000000022',
  secretKey: 'SKpartialSecretKeyDoNotLeak00000022',
  allow: [
    'cos:GetService',
    'cos:GetBucket',
    'cos:GetBucketObjectVersions',
    'cos:ListMultipartUploads',
    { actions: ['cos:DeleteObject'], resources: ['b/*'] },
  ],
};

let emulator: Emulator;
const deleterAs = (account: EmulatorAccount) =>
  new ObjectDeleter({ gateway: () => createCosGateway(credentialsFor(emulator, account), { timeoutMs: 2000, backoffMs: 1 }) });
const sdk = () => new COS({ SecretId: OWNER.secretId, SecretKey: OWNER.secretKey, Protocol: 'http:', Ip: emulator.address, AutoSwitchHost: false });
const keysIn = (bucket: string) => emulator.objectVersions(bucket).filter((v) => v.isLatest && !v.deleteMarker).map((v) => v.key);
const batchDeletes = () => emulator.requests().filter((r) => r.method === 'POST' && r.status !== 0).length;

beforeEach(async () => {
  emulator = await startEmulator({
    seed: { ...SEED, accounts: [...SEED.accounts!, LISTER, PARTIAL], buckets: [...SEED.buckets!, { name: versioned.bucket, region: versioned.region, versioning: 'Enabled' }] },
  });
});
afterEach(() => emulator.close());

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable('the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppErrorException);
  return (error as AppErrorException).error;
}

/** What the renderer does: steps until nothing remains. */
async function emptyAll(deleter: ObjectDeleter, ref: { bucket: string; region: string }) {
  const totals = { objects: 0, noncurrentVersions: 0, deleteMarkers: 0, uploads: 0 };
  const failed: EmptyBucketStepResult['failed'] = [];
  let cursor: EmptyBucketStepResult['cursor'];
  for (let steps = 0; steps < 1000; steps += 1) {
    const step = await deleter.emptyBucketStep({ ...ref, ...(cursor ? { cursor } : {}) });
    for (const kind of Object.keys(totals) as (keyof typeof totals)[]) totals[kind] += step.removed[kind];
    failed.push(...step.failed);
    if (!step.remaining) return { totals, failed };
    cursor = step.cursor;
  }
  throw new Error('the emptying never ended');
}

async function seedVersionedHistory() {
  const cos = sdk();
  await cos.putObject({ Bucket: versioned.bucket, Region: versioned.region, Key: 'a.txt', Body: 'one' });
  await cos.putObject({ Bucket: versioned.bucket, Region: versioned.region, Key: 'a.txt', Body: 'two' });
  await cos.putObject({ Bucket: versioned.bucket, Region: versioned.region, Key: 'gone.txt', Body: 'x' });
  await cos.deleteObject({ Bucket: versioned.bucket, Region: versioned.region, Key: 'gone.txt' });
  await cos.multipartInit({ Bucket: versioned.bucket, Region: versioned.region, Key: 'big.bin' });
}

describe('emptying a bucket', () => {
  it('counts objects, noncurrent versions, delete markers and unfinished uploads, then removes them all', async () => {
    await seedVersionedHistory();
    const deleter = deleterAs(OWNER);
    await expect(deleter.countBucketContents(versioned)).resolves.toEqual({ objects: 1, noncurrentVersions: 2, deleteMarkers: 1, uploads: 1 });

    const { totals, failed } = await emptyAll(deleter, versioned);
    expect(totals).toEqual({ objects: 1, noncurrentVersions: 2, deleteMarkers: 1, uploads: 1 });
    expect(failed).toEqual([]);
    expect(emulator.objectVersions(versioned.bucket)).toEqual([]);
    expect(emulator.uploads(versioned.bucket)).toEqual([]);
    // COS now lets the bucket go.
    await createCosGateway(credentialsFor(emulator, OWNER)).deleteBucket(versioned);
    expect(emulator.buckets().map((b) => b.name)).not.toContain(versioned.bucket);
  });

  it('empties 20,000 objects with exactly 20 delete requests', async () => {
    emulator.addObjects([{ bucket: plain.bucket, prefix: 'bulk/', count: 20_000, size: 1 }]);
    const { totals } = await emptyAll(deleterAs(OWNER), plain);
    expect(totals.objects).toBe(20_000);
    expect(batchDeletes()).toBe(Math.ceil(20_000 / 1000));
    expect(emulator.objectVersions(plain.bucket)).toEqual([]);
  }, 60_000);

  it('tells a key that may list but not delete after the first refused batch, naming the CAM action', async () => {
    emulator.addObjects([{ bucket: plain.bucket, prefix: 'bulk/', count: 2500, size: 1 }]);
    const deleter = deleterAs(LISTER);
    let cursor: EmptyBucketStepResult['cursor'];
    let error: AppError | undefined;
    for (let step = 0; step < 5 && !error; step += 1) {
      try {
        cursor = (await deleter.emptyBucketStep({ ...plain, ...(cursor ? { cursor } : {}) })).cursor;
      } catch (e) {
        error = (e as AppErrorException).error;
      }
    }
    expect(error).toMatchObject({ code: 'AccessDenied', action: 'cos:DeleteObject', params: { refused: 1000 } });
    expect(batchDeletes()).toBe(1);
    expect(keysIn(plain.bucket)).toHaveLength(2500);
  });

  it('goes on past keys it may not delete, lists them with their codes, and removes the rest', async () => {
    emulator.addObjects([
      { bucket: plain.bucket, prefix: 'a/', count: 3, size: 1 },
      { bucket: plain.bucket, prefix: 'b/', count: 3, size: 1 },
      { bucket: plain.bucket, prefix: 'c/', count: 3, size: 1 },
    ]);
    const { totals, failed } = await emptyAll(deleterAs(PARTIAL), plain);
    expect(totals.objects).toBe(3);
    expect(failed.map((f) => [f.key, f.code])).toEqual(
      ['a/000001', 'a/000002', 'a/000003', 'c/000001', 'c/000002', 'c/000003'].map((key) => [key, 'AccessDenied']),
    );
    expect(keysIn(plain.bucket).filter((k) => k.startsWith('b/'))).toEqual([]);
    expect(keysIn(plain.bucket)).toHaveLength(6);
  });

  it('carries on when run again after a cancel or a lost answer, and reports nothing it did not see done', async () => {
    emulator.addObjects([{ bucket: plain.bucket, prefix: 'x/', count: 3000, size: 1 }]);
    const deleter = deleterAs(OWNER);
    // The first batch acts, but its answer is lost: the step says so rather than count anything.
    emulator.faults.add({ operation: 'DeleteMultipleObjects', kind: 'resetAfter' });
    let cursor = (await deleter.emptyBucketStep(plain)).cursor;
    const lost = await refusal(deleter.emptyBucketStep({ ...plain, cursor }));
    expect(lost.kind).not.toBe('cos');
    expect(keysIn(plain.bucket)).toHaveLength(2000);
    expect(batchDeletes()).toBe(0);

    // A cancelled step: the gate holds the answer, the signal aborts it.
    const gate = emulator.faults.gate({ operation: 'DeleteMultipleObjects' });
    const controller = new AbortController();
    const pending = deleter.emptyBucketStep({ ...plain, cursor }, { signal: controller.signal });
    await gate.arrived();
    controller.abort();
    expect((await refusal(pending)).code).toBe('Cancelled');
    await gate.closed();

    // Run again from the start: it finds what is left.
    cursor = undefined;
    const { totals } = await emptyAll(deleter, plain);
    expect(totals.objects).toBe(2000);
    expect(keysIn(plain.bucket)).toEqual([]);
  });
});

describe('deleting a selection and a folder', () => {
  it('deletes exactly the chosen keys, awkward characters included', async () => {
    const awkward = ['a b.txt', '100%.png', 'c++.txt', '照片.jpg', '../up.txt', 'a/', 'a/b'];
    emulator.addObjects(awkward.map((key) => ({ bucket: plain.bucket, key, size: 1 })));
    const result = await deleterAs(OWNER).deleteObjects({ ...plain, keys: ['a b.txt', '照片.jpg', '../up.txt', 'a/'] });
    expect(result).toEqual({ deleted: 4, failed: [] });
    expect(keysIn(plain.bucket).sort()).toEqual(['100%.png', 'a/b', 'c++.txt']);
  });

  it('counts a folder, names its first keys, and deletes it step by step without touching its neighbours', async () => {
    emulator.addObjects([
      { bucket: plain.bucket, prefix: 'a/', count: 1200, size: 2 },
      { bucket: plain.bucket, key: 'a', size: 1 },
      { bucket: plain.bucket, key: 'ab/x', size: 1 },
    ]);
    const deleter = deleterAs(OWNER);
    const count = await deleter.countPrefix({ ...plain, prefix: 'a/' });
    expect(count).toMatchObject({ objects: 1200, bytes: 2400 });
    expect(count.sample).toEqual(Array.from({ length: 10 }, (_, i) => `a/${String(i + 1).padStart(6, '0')}`));
    let marker: string | undefined;
    let deleted = 0;
    for (;;) {
      const step = await deleter.deletePrefixStep({ ...plain, prefix: 'a/', ...(marker ? { marker } : {}) });
      deleted += step.deleted;
      if (!step.remaining) break;
      marker = step.marker;
    }
    expect(deleted).toBe(1200);
    expect(keysIn(plain.bucket).sort()).toEqual(['a', 'ab/x']);
  });

  it('lists per-key refusals with their codes', async () => {
    emulator.addObjects([
      { bucket: plain.bucket, key: 'a/1', size: 1 },
      { bucket: plain.bucket, key: 'b/1', size: 1 },
    ]);
    const result = await deleterAs(PARTIAL).deleteObjects({ ...plain, keys: ['a/1', 'b/1'] });
    expect(result).toEqual({ deleted: 1, failed: [{ key: 'a/1', code: 'AccessDenied' }] });
    expect(keysIn(plain.bucket)).toEqual(['a/1']);
  });

  it('says the outcome is unknown when the batch answer is cut short, instead of counting refused keys as deleted', async () => {
    emulator.addObjects(['a/1', 'a/2', 'b/1'].map((key) => ({ bucket: plain.bucket, key, size: 1 })));
    const deleter = deleterAs(PARTIAL);
    // The answer lists the two refusals; cut in the middle, it would read as fewer of them (or none).
    emulator.faults.add({ operation: 'DeleteMultipleObjects', kind: 'truncatedXml' });
    const cut = await refusal(deleter.deleteObjects({ ...plain, keys: ['a/1', 'a/2', 'b/1'] }));
    expect(cut).toMatchObject({ kind: 'network', code: 'MalformedResponse', action: 'cos:DeleteObject' });
    expect(keysIn(plain.bucket).sort()).toEqual(['a/1', 'a/2']);
    // Asked again, COS answers whole: both keys refused, which names the permission.
    const again = await refusal(deleter.deleteObjects({ ...plain, keys: ['a/1', 'a/2'] }));
    expect(again).toMatchObject({ code: 'AccessDenied', action: 'cos:DeleteObject', params: { refused: 2 } });
  });
});
