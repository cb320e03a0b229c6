/**
 * The fault soak: random bucket operations through the real handler registry, services, gateway and SDK, against
 * the emulator with random faults on. After each operation the app's answer is judged against what the emulator
 * then holds. An answer that says "could not tell" (a network error, OutcomeUnknown) is counted as unsettled, not as
 * matched; every other answer must be true. Loopback only: the emulator and the app talk over 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator, type EmulatorAccount, type EmulatorRequestLogEntry, type FaultKind } from '../../e2e/emulator';
import { scriptedMainProcess } from '../../e2e/support/main-process';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import type { AppError, Envelope } from '@shared/errors';
import { pickFaults, type SoakOperation } from './fault-picker';
import { seededRandom, type Random } from './random';

export interface SoakOptions {
  operations: number;
  seed: number;
  /** Stops early, whatever is left, once this much time has passed. */
  budgetMs: number;
  onProgress?(done: number): void;
}

export interface SoakReport {
  seed: number;
  attempted: number;
  faultsInjected: number;
  faultsByKind: Record<FaultKind, number>;
  /** Answers judged against the emulator (everything but unsettled ones). */
  judged: number;
  matched: number;
  /** The app said it could not tell (network trouble, OutcomeUnknown); the list shows the truth afterwards. */
  unsettled: number;
  mismatches: string[];
  bucketsLost: number;
  createdTwice: number;
  /** Delete operations that sent DELETE again after a try COS may have acted on: there must be none. */
  deletesSentTwice: number;
  mainProcessExceptions: number;
  finalListMatches: boolean;
  elapsedMs: number;
}

const OWNER: EmulatorAccount = {
  secretId: 'AKIDSOAKOWNER0000000000000000000000001',
  secretKey: 'SoakOwnerSecretKey00000000000000001',
  ownerUin: '100000000001',
  appId: '1250000000',
  displayName: 'Soak owner',
};
const STRANGER: EmulatorAccount = { ...OWNER, secretId: 'AKIDSOAKSTRANGER0000000000000000000009', ownerUin: '100000000009', appId: '1250000009' };
const REGIONS = ['ap-guangzhou', 'ap-beijing', 'ap-shanghai'] as const;
/** A small pool, so that creates meet taken names and deletes meet missing ones. */
const NAMES = Array.from({ length: 24 }, (_, i) => `soak-${String(i).padStart(2, '0')}`);
const FULL = (name: string) => `${name}-${OWNER.appId}`;
const FOREIGN = 'foreign-1250000009';

type World = Map<string, { region: string; owner: string; objects: number }>;

function snapshot(emulator: Emulator): World {
  return new Map(emulator.buckets().map((b) => [b.name, { region: b.region, owner: b.owner, objects: b.objectCount }]));
}

const isRefusal = (error: AppError) => error.kind === 'cos' && (error.status ?? 0) >= 400 && (error.status ?? 0) < 500;

/** PUTs or DELETEs of `bucket` that COS carried out, answered or not. */
function carriedOut(log: EmulatorRequestLogEntry[], method: string, bucket: string, success: number): number {
  return log.filter(
    (r) => r.method === method && r.host.startsWith(`${bucket}.`) && (r.status === success || (r.fault === 'resetAfter' && !r.code)),
  ).length;
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const random: Random = seededRandom(options.seed);
  const started = Date.now();
  const emulator = await startEmulator({
    seed: {
      accounts: [OWNER, STRANGER],
      buckets: [
        { name: FULL(NAMES[0]), region: 'ap-guangzhou', objectCount: 3 },
        { name: FULL(NAMES[1]), region: 'ap-beijing' },
        { name: FULL(NAMES[2]), region: 'ap-shanghai' },
        { name: FOREIGN, region: 'ap-guangzhou', owner: STRANGER.ownerUin },
      ],
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'cos-desk-soak-'));
  let exceptions = 0;
  const countException = () => {
    exceptions += 1;
  };
  process.on('uncaughtException', countException);
  process.on('unhandledRejection', countException);
  const { call } = scriptedMainProcess(emulator.address, dir, {
    // Short, so that hung requests cost little; the retry logic is the same at any length.
    timeoutMs: 250,
    backoffMs: 2,
    log: countException,
  });

  const report: SoakReport = {
    seed: options.seed,
    attempted: 0,
    faultsInjected: 0,
    faultsByKind: emulator.faults.counts().byKind,
    judged: 0,
    matched: 0,
    unsettled: 0,
    mismatches: [],
    bucketsLost: 0,
    createdTwice: 0,
    deletesSentTwice: 0,
    mainProcessExceptions: 0,
    finalListMatches: false,
    elapsedMs: 0,
  };
  const judge = (ok: boolean, what: string) => {
    report.judged += 1;
    if (ok) report.matched += 1;
    else report.mismatches.push(what);
  };

  try {
    const signedIn = await call('signIn', { secretId: OWNER.secretId, secretKey: OWNER.secretKey, region: 'ap-guangzhou', https: false, endpoint: emulator.address });
    if (!signedIn.ok) throw new Error(`soak sign-in failed: ${signedIn.error.code}`);

    for (let n = 0; n < options.operations && Date.now() - started < options.budgetMs; n += 1) {
      const operation = random.weighted<SoakOperation>([
        ['create', 30],
        ['delete', 25],
        ['head', 20],
        ['listPage', 15],
        ['listAll', 10],
      ]);
      // Now and then a check of another account's bucket, which must answer 403.
      const foreign = operation === 'head' && random.chance(0.1);
      const name = foreign ? FOREIGN : FULL(random.pick(NAMES));
      const region = foreign ? 'ap-guangzhou' : random.pick(REGIONS);
      const before = snapshot(emulator);
      const logStart = emulator.requests().length;
      for (const fault of pickFaults(random, operation)) emulator.faults.add(fault);
      report.attempted += 1;

      const answer = await perform(call, operation, name, region);
      emulator.faults.clear();
      const after = snapshot(emulator);
      const log = emulator.requests().slice(logStart);
      const label = `#${n} ${operation} ${name} ${region}`;

      // Whatever the operation, no other bucket may appear or vanish.
      for (const gone of [...before.keys()].filter((b) => !after.has(b))) {
        if (!(operation === 'delete' && gone === name)) report.bucketsLost += 1;
      }
      for (const made of [...after.keys()].filter((b) => !before.has(b))) {
        if (!(operation === 'create' && made === name)) report.mismatches.push(`${label}: ${made} appeared`);
      }

      if (operation === 'create') {
        report.createdTwice += Math.max(0, carriedOut(log, 'PUT', name, 200) - 1);
        if (answer.ok) judge(after.get(name)?.region === region && after.get(name)?.owner === OWNER.ownerUin, `${label}: said created`);
        else if (isRefusal(answer.error)) judge(JSON.stringify(after.get(name)) === JSON.stringify(before.get(name)), `${label}: refused ${answer.error.code}`);
        else report.unsettled += 1;
      } else if (operation === 'delete') {
        const deleted = carriedOut(log, 'DELETE', name, 204) > 0;
        // A try COS refused for its clock did nothing, so sending it again is allowed; any other second DELETE is not.
        const sent = log.filter((r) => r.method === 'DELETE' && r.code !== 'RequestTimeTooSkewed' && r.code !== 'AccessDenied');
        if (sent.length > 1) report.deletesSentTwice += 1;
        const saidGone = answer.ok;
        const couldNotTell = !answer.ok && answer.error.code === 'OutcomeUnknown';
        if (deleted && !saidGone && !couldNotTell) report.bucketsLost += 1;
        // A delete is of a name in one region: "gone" means no such bucket there (names are global, so one may
        // live in another region; COS would have answered NoSuchBucket, had that answer not been lost).
        if (saidGone) judge(after.get(name)?.region !== region, `${label}: said deleted`);
        else if (couldNotTell) report.unsettled += 1;
        else judge(after.has(name) === before.has(name), `${label}: said ${answer.error.code}`);
      } else if (operation === 'head') {
        if (!answer.ok) report.unsettled += 1;
        else {
          const bucket = after.get(name);
          const expected = !bucket || bucket.region !== region ? 404 : bucket.owner === OWNER.ownerUin ? 200 : 403;
          judge((answer.data as { status: number }).status === expected, `${label}: said ${(answer.data as { status: number }).status}`);
        }
      } else if (!answer.ok) {
        report.unsettled += 1;
      } else {
        const listed = (answer.data as { buckets: { name: string }[] }).buckets.map((b) => b.name);
        report.createdTwice += listed.length - new Set(listed).size;
        const owned = [...after].filter(([, b]) => b.owner === OWNER.ownerUin).map(([b]) => b).sort();
        judge(JSON.stringify([...new Set(listed)].sort()) === JSON.stringify(owned), `${label}: listed ${listed.length}`);
      }
      options.onProgress?.(report.attempted);
    }

    // With the faults gone, the app's own list must be exactly what COS holds.
    const final = await call('listBuckets', {});
    const owned = emulator.buckets().filter((b) => b.owner === OWNER.ownerUin).map((b) => b.name).sort();
    report.finalListMatches = final.ok && JSON.stringify(final.data.buckets.map((b) => b.name).sort()) === JSON.stringify(owned);
  } finally {
    const counts = emulator.faults.counts();
    report.faultsInjected = counts.total;
    report.faultsByKind = counts.byKind;
    report.mainProcessExceptions = exceptions;
    report.elapsedMs = Date.now() - started;
    process.off('uncaughtException', countException);
    process.off('unhandledRejection', countException);
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

type Caller = <M extends Method>(method: M, input?: InputOf<M>) => Promise<Envelope<OutputOf<M>>>;

async function perform(call: Caller, operation: SoakOperation, bucket: string, region: string): Promise<Envelope<unknown>> {
  switch (operation) {
    case 'create':
      return call('createBucket', {
        name: bucket.slice(0, -(OWNER.appId.length + 1)),
        appId: OWNER.appId,
        region,
        acl: 'private',
        grantRead: [],
        grantWrite: [],
        grantFullControl: [],
        multiAz: false,
      });
    case 'delete':
      return call('deleteBucket', { bucket, region });
    case 'head':
      return call('headBucket', { bucket, region });
    case 'listPage':
      return call('listBucketsPage', {});
    case 'listAll':
      return call('listBuckets', {});
  }
}
