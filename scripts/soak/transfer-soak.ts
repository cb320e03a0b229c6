/**
 * The fault soak's third part: uploads and downloads through the real handler registry, transfer engine, gateway
 * and SDK, against the emulator with random faults on every request a transfer makes (5xx, connections reset before
 * or after acting, hangs, answers and bodies cut midway in either direction, bodies damaged on the way). Some
 * transfers are cancelled while they run. After each operation what the app said is compared with the bytes:
 * - a downloaded file that exists under its final name with other bytes than the object's is a corrupted file;
 * - an upload reported done whose object does not hold the file's bytes is an object with wrong content;
 * - a transfer reported done whose target is missing or wrong is counted too;
 * - a cancelled multipart upload still listed by COS is an orphan;
 * all must be zero, as must the main process's exceptions. A transfer that failed said so: not judged further.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';
import { startEmulator, type EmulatorAccount, type FaultKind, type FaultOperation, type FaultSpec } from '../../e2e/emulator';
import { scriptedMainProcess } from '../../e2e/support/main-process';
import { crc64 } from '@main/transfers/crc64';
import type { NativePicker } from '@main/transfers/picker';
import { seededRandom, type Random } from './random';

export interface TransferSoakReport {
  attempted: number;
  transfers: number;
  faultsInjected: number;
  faultsByKind: Record<FaultKind, number>;
  done: number;
  failed: number;
  cancelled: number;
  filesCorrupted: number;
  objectsWrong: number;
  reportedDoneButNot: number;
  orphanedUploads: number;
  mainProcessExceptions: number;
}

const OWNER: EmulatorAccount = {
  secretId: 'AKIDSOAKTRANSFERS0000000000000000000001',
  secretKey: 'SoakTransfersSecretKey0000000000001',
  ownerUin: '100000000001',
  appId: '1250000000',
  displayName: 'Soak owner',
};
const WHERE = { bucket: 'soak-transfers-1250000000', region: 'ap-guangzhou' };
const MIB = 1024 * 1024;

type Operation = 'upload' | 'download' | 'cancel';

const UPLOAD_CALLS: FaultOperation[] = ['GetBucket', 'PutObject', 'InitiateMultipartUpload', 'UploadPart', 'ListParts', 'CompleteMultipartUpload', 'HeadObject'];
const DOWNLOAD_CALLS: FaultOperation[] = ['GetObject', 'HeadObject'];

function fault(random: Random, operation: FaultOperation): FaultSpec {
  const body = operation === 'PutObject' || operation === 'UploadPart';
  const kind = random.weighted<FaultKind>([
    ['status', 5],
    ['resetBefore', 3],
    ['resetAfter', 3],
    ['hang', 1],
    ['latency', 2],
    ['truncatedXml', operation === 'GetBucket' || operation === 'CompleteMultipartUpload' || operation === 'ListParts' ? 2 : 0],
    ['cutRequest', body ? 3 : 0],
    ['cutResponse', operation === 'GetObject' ? 4 : 0],
    ['corruptBody', body || operation === 'GetObject' ? 1 : 0],
  ]);
  const spec: FaultSpec = { operation, kind, times: random.int(1, 2), nth: random.int(1, 3) };
  if (kind === 'status') spec.status = random.pick([500, 503] as const);
  if (kind === 'latency') spec.ms = random.int(5, 40);
  if (kind === 'cutRequest' || kind === 'cutResponse') spec.bytes = random.int(0, 400_000);
  return spec;
}

export async function runTransferSoak(options: { operations: number; seed: number; budgetMs: number }): Promise<TransferSoakReport> {
  const random = seededRandom(options.seed);
  const started = Date.now();
  const emulator = await startEmulator({ seed: { accounts: [OWNER], buckets: [{ name: WHERE.bucket, region: WHERE.region }] } });
  const dir = mkdtempSync(join(tmpdir(), 'cos-desk-transfer-soak-'));
  let exceptions = 0;
  const countException = () => {
    exceptions += 1;
  };
  process.on('uncaughtException', countException);
  process.on('unhandledRejection', countException);
  // What the user picks next: set before each pick.
  let nextPick: string[] = [];
  let nextFolder: string | undefined;
  const picker: NativePicker = { pickUpload: async () => nextPick, pickDownloadFolder: async () => nextFolder };
  const { main, call } = scriptedMainProcess(emulator.address, dir, {
    timeoutMs: 400,
    backoffMs: 2,
    picker,
    transferStateFile: join(dir, 'transfers.json'),
    transferOptions: { multipartThreshold: 1.5 * MIB, partSize: MIB, backoffMs: 2, drainMs: 0 },
    log: countException,
  });
  // Reads what COS holds with no faults on: the soak's own eyes, not the app's.
  const reader = new COS({ SecretId: OWNER.secretId, SecretKey: OWNER.secretKey, Protocol: 'http:', Ip: emulator.address, AutoSwitchHost: false });
  const objectCrc = async (key: string) => {
    try {
      return crc64((await reader.getObject({ Bucket: WHERE.bucket, Region: WHERE.region, Key: key })).Body as Buffer);
    } catch {
      return undefined;
    }
  };

  const report: TransferSoakReport = {
    attempted: 0,
    transfers: 0,
    faultsInjected: 0,
    faultsByKind: emulator.faults.counts().byKind,
    done: 0,
    failed: 0,
    cancelled: 0,
    filesCorrupted: 0,
    objectsWrong: 0,
    reportedDoneButNot: 0,
    orphanedUploads: 0,
    mainProcessExceptions: 0,
  };
  const uploaded: string[] = [];

  try {
    const signedIn = await call('signIn', { secretId: OWNER.secretId, secretKey: OWNER.secretKey, region: 'ap-guangzhou', https: false, endpoint: emulator.address });
    if (!signedIn.ok) throw new Error(`transfer soak sign-in failed: ${signedIn.error.code}`);

    for (let n = 0; n < options.operations && Date.now() - started < options.budgetMs; n += 1) {
      const operation = random.weighted<Operation>([
        ['upload', 45],
        ['download', uploaded.length > 0 ? 40 : 0],
        ['cancel', 15],
      ]);
      report.attempted += 1;
      const calls = operation === 'download' ? DOWNLOAD_CALLS : UPLOAD_CALLS;
      if (!random.chance(0.1)) for (const target of calls) if (random.chance(0.6)) emulator.faults.add(fault(random, target));
      await call('clearFinishedTransfers');
      const before = new Set(main.transfers.records().map((r) => r.id));

      if (operation === 'upload' || operation === 'cancel') {
        const folder = join(dir, `up-${n}`);
        mkdirSync(folder);
        const big = operation === 'cancel' || random.chance(0.3);
        nextPick = Array.from({ length: random.int(1, 3) }, (_, i) => {
          const path = join(folder, `f${i}.bin`);
          writeFileSync(path, randomBytes(big ? random.int(2 * MIB, 3 * MIB) : random.int(0, 300_000)));
          return path;
        });
        const picked = await call('pickUploadSources', { kind: 'files' });
        if (!picked.ok) throw new Error(`pick failed: ${picked.error.code}`);
        const prefix = `soak/${n}/`;
        await call('startUpload', { ...WHERE, prefix, sources: picked.data.sources.map((s) => s.handle), conflict: 'overwrite' });
        if (operation === 'cancel') {
          // Once some bytes are on their way (or the transfers are over), cancel them all.
          const until = Date.now() + 3000;
          while (Date.now() < until && !main.transfers.records().some((r) => !before.has(r.id) && r.transferred > 0)) await new Promise((r) => setTimeout(r, 2));
          await call('cancelTransfers', {});
        }
      } else {
        const target = join(dir, `down-${n}`);
        mkdirSync(target);
        nextFolder = target;
        const picked = await call('pickDownloadFolder');
        if (!picked.ok || !picked.data.folder) throw new Error('download folder pick failed');
        const keys = [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(uploaded)))];
        await call('startDownload', { ...WHERE, prefix: '', keys, folders: [], folder: picked.data.folder.handle, conflict: 'overwrite' });
      }
      await main.transfers.idle();
      emulator.faults.clear();

      for (const record of main.transfers.records().filter((r) => !before.has(r.id))) {
        report.transfers += 1;
        if (record.state === 'done') report.done += 1;
        else if (record.state === 'failed') report.failed += 1;
        else if (record.state === 'cancelled') report.cancelled += 1;
        if (record.direction === 'upload') {
          const expected = crc64(readFileSync(record.localPath));
          const held = await objectCrc(record.key);
          if (record.state === 'done') {
            if (held === undefined) report.reportedDoneButNot += 1;
            else if (held !== expected) report.objectsWrong += 1;
            else uploaded.push(record.key);
          }
          if (record.state === 'cancelled' && emulator.uploads(WHERE.bucket).some((u) => u.key === record.key)) report.orphanedUploads += 1;
        } else {
          const held = await objectCrc(record.key);
          const present = record.localPath !== '' && existsSync(record.localPath);
          if (present && crc64(readFileSync(record.localPath)) !== held) report.filesCorrupted += 1;
          if (record.state === 'done' && !present) report.reportedDoneButNot += 1;
        }
      }
    }
  } finally {
    const counts = emulator.faults.counts();
    report.faultsInjected = counts.total;
    report.faultsByKind = counts.byKind;
    await main.transfers.close(0);
    report.mainProcessExceptions = exceptions;
    process.off('uncaughtException', countException);
    process.off('unhandledRejection', countException);
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
