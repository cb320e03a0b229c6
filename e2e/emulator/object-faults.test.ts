import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from './index';
import { OWNER, sdkFor } from './testing';
import type { Emulator } from './types';

const Bucket = 'photos-1250000000';
const Region = 'ap-guangzhou';

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({
    seed: {
      accounts: [OWNER],
      buckets: [{ name: Bucket, region: Region }],
      objects: [{ bucket: Bucket, prefix: 'f/', count: 20, size: 4 }],
    },
  });
});
afterEach(() => emulator.close());

const cos = () => sdkFor(emulator);

describe('faults on object calls', () => {
  it('cuts a GET Bucket answer in the middle with truncatedXml', async () => {
    emulator.faults.add({ operation: 'GetBucket', kind: 'truncatedXml' });
    const cut = await cos().getBucket({ Bucket, Region }).catch((e) => e);
    // The SDK cannot read the half document: it fails, or yields no listing at all.
    expect(cut?.Contents?.length ?? 0).toBeLessThan(20);
    expect(emulator.requests().at(-1)).toMatchObject({ status: 200, fault: 'truncatedXml' });
    expect((await cos().getBucket({ Bucket, Region })).Contents).toHaveLength(20);
  });

  it('answers PutObject with SlowDown without storing anything, and the SDK’s retries get through', async () => {
    emulator.faults.add({ operation: 'PutObject', kind: 'status', status: 503, times: 2 });
    await expect(cos().putObject({ Bucket, Region, Key: 'retried.txt', Body: 'x' })).resolves.toMatchObject({ statusCode: 200 });
    const puts = emulator.requests().filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(emulator.objectVersions(Bucket).filter((v) => v.key === 'retried.txt')).toHaveLength(1);
  });

  it('loses the answer of a DeleteObject after it took effect with resetAfter', async () => {
    emulator.faults.add({ operation: 'DeleteObject', kind: 'resetAfter', times: Infinity });
    await expect(cos().deleteObject({ Bucket, Region, Key: 'f/000001' })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(emulator.objectVersions(Bucket).map((v) => v.key)).not.toContain('f/000001');
  });

  it('drops a DeleteMultipleObjects before it acts with resetBefore', async () => {
    emulator.faults.add({ operation: 'DeleteMultipleObjects', kind: 'resetBefore', times: Infinity });
    await expect(cos().deleteMultipleObject({ Bucket, Region, Objects: [{ Key: 'f/000002' }] })).rejects.toBeTruthy();
    expect(emulator.objectVersions(Bucket).map((v) => v.key)).toContain('f/000002');
    expect(emulator.faults.injected().every((f) => f.operation === 'DeleteMultipleObjects' && f.bucket === Bucket)).toBe(true);
  });

  it('fails a GetObject with InternalError and counts multipart faults by operation', async () => {
    emulator.faults.add({ operation: 'GetObject', kind: 'status', status: 500, times: Infinity });
    await expect(cos().getObject({ Bucket, Region, Key: 'f/000003' })).rejects.toMatchObject({ statusCode: 500, code: 'InternalError' });
    emulator.faults.clear();
    emulator.faults.add({ operation: 'CompleteMultipartUpload', kind: 'status', status: 503, times: Infinity });
    const { UploadId } = await cos().multipartInit({ Bucket, Region, Key: 'm' });
    const { ETag } = await cos().multipartUpload({ Bucket, Region, Key: 'm', UploadId, PartNumber: 1, Body: Buffer.from('x') });
    await expect(cos().multipartComplete({ Bucket, Region, Key: 'm', UploadId, Parts: [{ PartNumber: 1, ETag }] })).rejects.toMatchObject({
      statusCode: 503,
    });
    expect(emulator.uploads(Bucket)).toHaveLength(1);
    expect(emulator.faults.injected().filter((f) => f.operation === 'CompleteMultipartUpload')).toHaveLength(4);
  });
});
