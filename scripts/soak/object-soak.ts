/**
 * The fault soak's second part: deleting objects and emptying buckets through the real handler registry, services,
 * gateway and SDK, against the emulator with random faults on the listings, the batch deletes and the aborts.
 * After each operation what the app said is compared with what the emulator then holds:
 * - an object deleted that was not asked for (outside the chosen keys and folder, or in another bucket) is counted;
 * - an object the app reported deleted (a batch answered without its key among the failures, a folder or bucket
 *   reported done) that still exists is counted;
 * both must be zero, as must the main process's exceptions. An answer that is an error is not judged beyond that:
 * the app said the run stopped, and running it again carries on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';
import { startEmulator, type Emulator, type EmulatorAccount, type FaultKind, type FaultOperation, type FaultSpec } from '../../e2e/emulator';
import { scriptedMainProcess } from '../../e2e/support/main-process';
import type { EmptyCursor } from '@shared/contract';
import { seededRandom, type Random } from './random';

export interface ObjectSoakReport {
  attempted: number;
  faultsInjected: number;
  faultsByKind: Record<FaultKind, number>;
  /** Operations the app answered with an error (it said it stopped; nothing to judge but what it left alone). */
  stopped: number;
  /** Objects (current versions) that vanished without being among the chosen keys, folder or bucket. */
  deletedNotAsked: number;
  /** Objects the app reported deleted that still exist afterwards. */
  reportedDeletedButThere: number;
  /** Keys, folders and buckets reported deleted or emptied in all. */
  reportedDeleted: number;
  mainProcessExceptions: number;
}

const OWNER: EmulatorAccount = {
  secretId: 'AKIDSOAKOBJECTS000000000000000000000001',
  secretKey: 'SoakObjectsSecretKey000000000000001',
  ownerUin: '100000000001',
  appId: '1250000000',
  displayName: 'Soak owner',
};
const PLAIN = { bucket: 'soak-objects-1250000000', region: 'ap-guangzhou' };
const VERSIONED = { bucket: 'soak-history-1250000000', region: 'ap-guangzhou' };
/** Folders that are prefixes of each other and of keys beside them. */
const PREFIXES = ['a/', 'a/b', 'ab/', '照片/', '100%/'];
const PIECES = ['a', 'b', 'ab', '/', ' ', '%', '+', '照片', '..', '100%'];
const MAX_STEPS = 30;

type Operation = 'deleteKeys' | 'deleteFolder' | 'emptyBucket';

const TARGETS: Record<Operation, FaultOperation[]> = {
  deleteKeys: ['DeleteMultipleObjects'],
  deleteFolder: ['GetBucket', 'DeleteMultipleObjects'],
  emptyBucket: ['ListObjectVersions', 'ListMultipartUploads', 'DeleteMultipleObjects', 'AbortMultipartUpload'],
};

function fault(random: Random, operation: FaultOperation): FaultSpec {
  const xml = operation !== 'AbortMultipartUpload';
  const kind = random.weighted<FaultSpec['kind']>([
    ['status', 5],
    ['resetBefore', 3],
    ['resetAfter', 4],
    ['hang', 2],
    ['latency', 2],
    ['clockSkew', 1],
    ['truncatedXml', xml ? 2 : 0],
  ]);
  const spec: FaultSpec = { operation, kind, times: random.int(1, 2), nth: random.int(1, 3) };
  if (kind === 'status') spec.status = random.pick([500, 503] as const);
  if (kind === 'latency') spec.ms = random.int(5, 40);
  if (kind === 'clockSkew') Object.assign(spec, { times: 1, skewMs: random.pick([-3_600_000, 3_600_000]) });
  return spec;
}

const currentKeys = (emulator: Emulator, bucket: string) =>
  new Set(emulator.objectVersions(bucket).filter((v) => v.isLatest && !v.deleteMarker).map((v) => v.key));

export async function runObjectSoak(options: { operations: number; seed: number; budgetMs: number }): Promise<ObjectSoakReport> {
  const random = seededRandom(options.seed);
  const started = Date.now();
  const emulator = await startEmulator({
    seed: {
      accounts: [OWNER],
      buckets: [
        { name: PLAIN.bucket, region: PLAIN.region },
        { name: VERSIONED.bucket, region: VERSIONED.region, versioning: 'Enabled' },
      ],
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'cos-desk-object-soak-'));
  let exceptions = 0;
  const countException = () => {
    exceptions += 1;
  };
  process.on('uncaughtException', countException);
  process.on('unhandledRejection', countException);
  const { call } = scriptedMainProcess(emulator.address, dir, {
    timeoutMs: 250,
    backoffMs: 2,
    log: countException,
  });
  // Writes history (versions, markers, uploads) with no faults on: the soak's own setup, not the app's.
  const writer = new COS({ SecretId: OWNER.secretId, SecretKey: OWNER.secretKey, Protocol: 'http:', Ip: emulator.address, AutoSwitchHost: false });

  const report: ObjectSoakReport = {
    attempted: 0,
    faultsInjected: 0,
    faultsByKind: emulator.faults.counts().byKind,
    stopped: 0,
    deletedNotAsked: 0,
    reportedDeletedButThere: 0,
    reportedDeleted: 0,
    mainProcessExceptions: 0,
  };

  async function refill() {
    const keys = Array.from({ length: random.int(5, 30) }, () => {
      const parts = Array.from({ length: random.int(1, 4) }, () => random.pick(PIECES));
      const key = (random.chance(0.5) ? random.pick(PREFIXES) : '') + parts.join('');
      return key.replace(/^\/+/, '') || 'x';
    });
    emulator.addObjects(keys.map((key) => ({ bucket: PLAIN.bucket, key, size: 1 })));
    const at = { Bucket: VERSIONED.bucket, Region: VERSIONED.region };
    for (const key of keys.slice(0, 4)) await writer.putObject({ ...at, Key: key, Body: 'v' });
    if (keys[0]) await writer.deleteObject({ ...at, Key: keys[0] });
    if (random.chance(0.5)) await writer.multipartInit({ ...at, Key: keys.at(-1)! });
  }

  try {
    const signedIn = await call('signIn', { secretId: OWNER.secretId, secretKey: OWNER.secretKey, region: 'ap-guangzhou', https: false, endpoint: emulator.address });
    if (!signedIn.ok) throw new Error(`object soak sign-in failed: ${signedIn.error.code}`);

    for (let n = 0; n < options.operations && Date.now() - started < options.budgetMs; n += 1) {
      if (process.env.SOAK_TRACE) console.error("op", n, "refill");
      await refill();
      const operation = random.weighted<Operation>([
        ['deleteKeys', 45],
        ['deleteFolder', 35],
        ['emptyBucket', 20],
      ]);
      const plainBefore = currentKeys(emulator, PLAIN.bucket);
      const versionedBefore = currentKeys(emulator, VERSIONED.bucket);
      if (!random.chance(0.3)) {
        for (const target of TARGETS[operation]) {
          if (!random.chance(0.6)) continue;
          const spec = fault(random, target);
          if (process.env.SOAK_TRACE) console.error("fault", JSON.stringify(spec));
          emulator.faults.add(spec);
        }
      }
      report.attempted += 1;
      if (process.env.SOAK_TRACE) console.error("op", n, operation, JSON.stringify(emulator.faults.counts().total));

      // What the operation may delete, and what it reported deleted.
      let mayDelete: (bucket: string, key: string) => boolean;
      let reported: (bucket: string, key: string) => boolean;
      let ok = true;
      if (operation === 'deleteKeys') {
        const pool = [...plainBefore];
        const chosen = [...new Set(Array.from({ length: random.int(1, 12) }, () => (random.chance(0.9) && pool.length ? random.pick(pool) : `/${random.pick(PIECES)}`)))];
        const answer = await call('deleteObjects', { ...PLAIN, keys: chosen });
        ok = answer.ok;
        const refused = new Set(answer.ok ? answer.data.failed.map((f) => f.key) : []);
        mayDelete = (bucket, key) => bucket === PLAIN.bucket && chosen.includes(key);
        reported = (bucket, key) => answer.ok && bucket === PLAIN.bucket && chosen.includes(key) && !refused.has(key);
      } else if (operation === 'deleteFolder') {
        const prefix = random.pick(PREFIXES);
        let marker: string | undefined;
        let finished = false;
        for (let step = 0; step < MAX_STEPS; step += 1) {
          const answer = await call('deletePrefixStep', { ...PLAIN, prefix, ...(marker ? { marker } : {}) });
          if (!answer.ok) break;
          if (!answer.data.remaining) {
            finished = true;
            break;
          }
          marker = answer.data.marker;
        }
        ok = finished;
        mayDelete = (bucket, key) => bucket === PLAIN.bucket && key.startsWith(prefix);
        // Reported done: nothing that was under the folder before may still be there.
        reported = (bucket, key) => finished && bucket === PLAIN.bucket && key.startsWith(prefix);
      } else {
        let cursor: EmptyCursor | undefined;
        let finished = false;
        for (let step = 0; step < MAX_STEPS; step += 1) {
          const answer = await call('emptyBucketStep', { ...VERSIONED, ...(cursor ? { cursor } : {}) });
          if (!answer.ok) break;
          if (!answer.data.remaining) {
            finished = true;
            break;
          }
          cursor = answer.data.cursor;
        }
        ok = finished;
        mayDelete = (bucket) => bucket === VERSIONED.bucket;
        reported = (bucket) => finished && bucket === VERSIONED.bucket;
        if (finished) {
          const left = emulator.objectVersions(VERSIONED.bucket).length + emulator.uploads(VERSIONED.bucket).length;
          report.reportedDeletedButThere += left;
        }
      }
      emulator.faults.clear();

      for (const [bucket, before] of [
        [PLAIN.bucket, plainBefore],
        [VERSIONED.bucket, versionedBefore],
      ] as const) {
        const after = currentKeys(emulator, bucket);
        for (const key of before) {
          if (!after.has(key) && !mayDelete(bucket, key)) report.deletedNotAsked += 1;
          if (reported(bucket, key)) report.reportedDeleted += 1;
        }
        for (const key of after) {
          if (!reported(bucket, key)) continue;
          report.reportedDeletedButThere += 1;
          if (process.env.SOAK_TRACE) console.error("still there", operation, bucket, JSON.stringify(key));
        }
      }
      if (!ok) report.stopped += 1;
    }
  } finally {
    const counts = emulator.faults.counts();
    report.faultsInjected = counts.total;
    report.faultsByKind = counts.byKind;
    report.mainProcessExceptions = exceptions;
    process.off('uncaughtException', countException);
    process.off('unhandledRejection', countException);
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
