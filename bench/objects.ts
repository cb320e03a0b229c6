/**
 * 5 and 6. Inside a bucket, in the main process: every page of a 100,000-object folder through the listObjects
 * handler against the same pages through the SDK alone, and emptying a 20,000-object bucket through
 * emptyBucketStep against a plain SDK script doing the same batches. Both sides take turns in one process against
 * one emulator, so that they meet the same machine at the same moment.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import COS from 'cos-nodejs-sdk-v5';
import { OBJECT_PAGE_SIZE } from '@shared/contract';
import { startEmulator, type Emulator } from '../e2e/emulator';
import { PROJECT_ROOT } from '../e2e/harness';
import { BENCH_ACCOUNT, BENCH_BUCKET, signedInMainProcess } from './bench-main';
import { bundled } from './bundled';
import { round, takeTurns } from './stats';

export interface ObjectListingRow {
  objects: number;
  latencyMs: number;
  pages: number;
  appMs: number;
  sdkMs: number;
  /** COS Desk over the SDK alone (targets: ≤ 1.25× at 0 ms, ≤ 1.05× at 50 ms). */
  ratio: number;
  /**
   * The main process's resident set after listing every page, measured in a process of its own (the emulator and
   * its keys stay in this one), and how much it grew during the listing.
   */
  rssMb: number;
  rssGrowthMb: number;
}

export interface EmptyingRow {
  objects: number;
  appMs: number;
  sdkMs: number;
  ratio: number;
  /** POST ?delete requests COS Desk sent for one emptying (target: ⌈objects / 1,000⌉). */
  deleteRequests: number;
  /** The listing requests that came with them (versions and uploads). */
  listRequests: number;
}

function sdkFor(emulator: Emulator): COS {
  return new COS({
    SecretId: BENCH_ACCOUNT.secretId,
    SecretKey: BENCH_ACCOUNT.secretKey,
    Protocol: 'http:',
    Ip: emulator.address,
    AutoSwitchHost: false,
    Timeout: 30_000,
  });
}

async function withBench<T>(work: (emulator: Emulator, main: Awaited<ReturnType<typeof signedInMainProcess>>) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ seed: { accounts: [BENCH_ACCOUNT], buckets: [{ name: BENCH_BUCKET.bucket, region: BENCH_BUCKET.region }] } });
  const dir = mkdtempSync(join(tmpdir(), 'cos-desk-bench-'));
  try {
    return await work(emulator, await signedInMainProcess(emulator.address, dir));
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureObjectListing(count: number, latencyMs: number, rounds: number, warmUp: number): Promise<ObjectListingRow> {
  return withBench(async (emulator, main) => {
    emulator.addObjects([{ bucket: BENCH_BUCKET.bucket, prefix: 'big/item-', count, size: 1 }]);
    if (latencyMs > 0) emulator.faults.add({ operation: 'GetBucket', kind: 'latency', ms: latencyMs, times: Infinity });
    const place = { ...BENCH_BUCKET, prefix: 'big/' };
    let pages = 0;
    // What the object view does: a page, then the one after its marker, to the end.
    const app = async () => {
      const started = performance.now();
      let marker: string | undefined;
      let seen = 0;
      pages = 0;
      do {
        const page = await main.call('listObjects', { ...place, ...(marker ? { marker } : {}) });
        seen += page.objects.length;
        pages += 1;
        marker = page.nextMarker;
      } while (marker);
      if (seen !== count) throw new Error(`the app listed ${seen} of ${count} objects`);
      return performance.now() - started;
    };
    // What a script on the SDK writes: getBucket with the same parameters, reading its parsed answer.
    const cos = sdkFor(emulator);
    const sdk = async () => {
      const started = performance.now();
      let marker: string | undefined;
      let seen = 0;
      do {
        const page = await cos.getBucket({
          Bucket: place.bucket,
          Region: place.region,
          Prefix: place.prefix,
          Delimiter: '/',
          MaxKeys: OBJECT_PAGE_SIZE,
          EncodingType: 'url',
          ...(marker ? { Marker: marker } : {}),
        });
        seen += page.Contents.length;
        marker = page.IsTruncated === 'true' ? page.NextMarker : undefined;
      } while (marker);
      if (seen !== count) throw new Error(`the SDK listed ${seen} of ${count} objects`);
      return performance.now() - started;
    };
    const [appMs, sdkMs] = await takeTurns([app, sdk], rounds, warmUp);
    const memory = await mainProcessMemory(emulator, place.prefix);
    return {
      objects: count,
      latencyMs,
      pages,
      appMs: round(appMs),
      sdkMs: round(sdkMs),
      ratio: round(appMs / sdkMs, 2),
      rssMb: round(memory.rssAfter / 2 ** 20),
      rssGrowthMb: round((memory.rssAfter - memory.rssBefore) / 2 ** 20),
    };
  });
}

async function mainProcessMemory(emulator: Emulator, prefix: string): Promise<{ objects: number; rssBefore: number; rssAfter: number }> {
  // Bundled, as the app's own main process is (see bundled.ts).
  const child = await bundled('main-rss-child.ts', 'main-rss-child');
  const { stdout } = await promisify(execFile)(process.execPath, [child, emulator.address, prefix], { cwd: PROJECT_ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { objects: number; rssBefore: number; rssAfter: number };
}

export async function measureEmptying(count: number, rounds: number): Promise<EmptyingRow> {
  return withBench(async (emulator, main) => {
    const fill = () => emulator.addObjects([{ bucket: BENCH_BUCKET.bucket, prefix: 'e/', count, size: 1 }]);
    const left = () => emulator.objectVersions(BENCH_BUCKET.bucket).length;
    let deleteRequests = 0;
    let listRequests = 0;
    const app = async () => {
      fill();
      const before = emulator.requests().length;
      const started = performance.now();
      let cursor: Awaited<ReturnType<typeof main.call<'emptyBucketStep'>>>['cursor'];
      for (;;) {
        const step = await main.call('emptyBucketStep', { ...BENCH_BUCKET, ...(cursor ? { cursor } : {}) });
        if (!step.remaining) break;
        cursor = step.cursor;
      }
      const ms = performance.now() - started;
      const sent = emulator.requests().slice(before);
      deleteRequests = sent.filter((r) => r.method === 'POST').length;
      listRequests = sent.filter((r) => r.method === 'GET').length;
      if (left() !== 0) throw new Error(`the app left ${left()} objects`);
      return ms;
    };
    // The same order with the SDK's own calls: unfinished uploads, then every version 1,000 to a request.
    const cos = sdkFor(emulator);
    const at = { Bucket: BENCH_BUCKET.bucket, Region: BENCH_BUCKET.region };
    const sdk = async () => {
      fill();
      const started = performance.now();
      const uploads = await cos.multipartList({ ...at, Prefix: '', MaxUploads: OBJECT_PAGE_SIZE } as COS.MultipartListParams);
      if (uploads.Upload.length > 0) throw new Error('the bench bucket holds uploads');
      for (;;) {
        const page = await cos.listObjectVersions({ ...at, MaxKeys: String(OBJECT_PAGE_SIZE) } as COS.ListObjectVersionsParams);
        const entries = [...page.Versions, ...page.DeleteMarkers];
        if (entries.length === 0) break;
        await cos.deleteMultipleObject({ ...at, Quiet: true, Objects: entries.map((v) => (v.VersionId ? { Key: v.Key, VersionId: v.VersionId } : { Key: v.Key })) });
      }
      const ms = performance.now() - started;
      if (left() !== 0) throw new Error(`the SDK script left ${left()} objects`);
      return ms;
    };
    const [appMs, sdkMs] = await takeTurns([app, sdk], rounds, 1);
    return { objects: count, appMs: round(appMs), sdkMs: round(sdkMs), ratio: round(appMs / sdkMs, 2), deleteRequests, listRequests };
  });
}
