/**
 * 5-8. Transfers: COS Desk's engine (queue, CRC64, resume bookkeeping, the queue file) against plain
 * cos-nodejs-sdk-v5 scripts moving the same files with the same concurrency, in the same run. The emulator runs in
 * a child process (one with no added latency, one with 20 ms per request), so this process's RSS is the engine's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import COS from 'cos-nodejs-sdk-v5';
import type { CosGateway } from '@main/cos/gateway';
import type { LocalRegistry } from '@main/transfers/local-files';
import { PROJECT_ROOT } from '../e2e/harness';
import { BENCH_ACCOUNT } from './bench-main';
import { bundled } from './bundled';
import { downloadsInto, pool, sdkClient, sdkDownloads } from './sdk-pool';
import type { SdkThreadAnswer, SdkThreadData, SdkThreadJob } from './sdk-thread';
import { median, round, takeTurns } from './stats';

type AppSide = typeof import('./app-side');

/** COS Desk's modules, bundled as the app ships them (see bundled.ts): set by loadAppSide. */
let app: AppSide | undefined;

export async function loadAppSide(): Promise<AppSide> {
  app ??= (await import(pathToFileURL(await bundled('app-side.ts', 'app-side')).href)) as AppSide;
  return app;
}

function appSide(): AppSide {
  if (!app) throw new Error('bench: loadAppSide() first');
  return app;
}

const BUCKET = 'bench-1250000000';
const REGION = 'ap-guangzhou';
const OBJECT_HOME = { bucket: BUCKET, region: REGION };
const MIB = 1024 * 1024;

export interface SmallFilesRow {
  direction: 'upload' | 'download';
  latencyMs: number;
  files: number;
  concurrency: number;
  appSeconds: number;
  sdkSeconds: number;
  ratio: number;
  /** One file at a time, on `serialFiles` files, scaled to `files`. */
  serialFiles: number;
  serialSeconds: number;
  speedup: number;
  appFilesPerSecond: number;
  sdkFilesPerSecond: number;
  serialFilesPerSecond: number;
}

/**
 * One layer of a small download, each measured alone and each including the ones before it: the SDK script, COS
 * Desk's gateway without and with the request log (into a file stream, as the script), and the transfer engine.
 * Apart from the layers, `sdkThreads`: the same SDK script split over worker threads (SDK_THREADS), nothing of COS
 * Desk in it, to show what spreading the work over the machine's cores could gain at best.
 */
export interface SmallDownloadLayer {
  layer: 'sdk' | 'gatewayNoLog' | 'gateway' | 'engine' | 'sdkThreads';
  seconds: number;
  ratio: number;
  /** The bench process's main thread, on CPU (Linux: /proc/self/task/<pid>/schedstat); null where unreadable. */
  mainCpuSeconds: number | null;
  mainMicrosPerFile: number | null;
  /** All of the bench process's threads (the collector's, the file system's, the CRC thread, sdkThreads' workers). */
  processCpuSeconds: number;
  /** The emulator's process, answering the same downloads (Linux: /proc/<pid>/stat); null where unreadable. */
  emulatorCpuSeconds: number | null;
}

export interface LargeFileRow {
  direction: 'upload' | 'download';
  megabytes: number;
  partMiB: number;
  partConcurrency: number;
  appSeconds: number;
  sdkSeconds: number;
  ratio: number;
  floorSeconds: number;
  appMBps: number;
}

export interface TransferBench {
  small: SmallFilesRow[];
  /** Where a small download's time goes, at 0 ms, one layer at a time (table 8b; see measureLayers). */
  smallDownloadLayers: SmallDownloadLayer[];
  /** How the small-file sides took turns. */
  smallTurns: { rounds: number; warmUp: number };
  /** Rounds each side of the large file took, in turns. */
  largeRounds: number;
  large: LargeFileRow[];
  crc: { crc64MBps: number; crc64JsMBps: number; fold: string; crc32MBps: number; megabytes: number };
  rssGrowthMB: number;
  resume: { direction: 'upload' | 'download'; megabytes: number; stoppedAtPercent: number; resentBytes: number; limitBytes: number }[];
}

export interface SmallFilesPlan {
  files: number;
  serialFiles: number;
  concurrency: number;
  /** Rounds of each side, after `warmUp` rounds of each that are not counted. */
  rounds: number;
  warmUp: number;
}

interface ChildEmulator {
  endpoint: string;
  address: string;
  child: ChildProcess;
}

async function startChildEmulator(seedFile: string, latencyMs: number): Promise<ChildEmulator> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'e2e', 'emulator', 'cli.ts'), '--seed', seedFile, '--latency', String(latencyMs)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end >= 0) resolve(text.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const { endpoint } = JSON.parse(line) as { endpoint: string };
  return { endpoint, address: endpoint.replace(/^http:\/\//, ''), child };
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

class RssWatch {
  readonly #base = process.memoryUsage().rss;
  #peak = this.#base;
  readonly #timer = setInterval(() => {
    this.#peak = Math.max(this.#peak, process.memoryUsage().rss);
  }, 50);
  stop(): number {
    clearInterval(this.#timer);
    return (this.#peak - this.#base) / MIB;
  }
}

function engineFor(gateway: CosGateway, local: LocalRegistry, stateFile: string, concurrency: number, partSize = 8 * MIB) {
  return new (appSide().TransferEngine)({ gateway: () => gateway, profileId: () => 'bench', local, stateFile, concurrency, partSize, partConcurrency: 4 });
}

/** sdkThreads' worker threads, each with its own SDK client and an even share of the keys and of the concurrency. */
export const SDK_THREADS = 2;

/** SDK_THREADS worker threads running sdk-thread.ts (bundled like the app side), each handed a share of a download. */
async function startSdkThreads(address: string, concurrency: number) {
  const data: SdkThreadData = { address, account: BENCH_ACCOUNT, bucket: BUCKET, region: REGION, concurrency: Math.max(1, Math.round(concurrency / SDK_THREADS)) };
  const file = await bundled('sdk-thread.ts', 'sdk-thread');
  const failures = new Map<Worker, Error>();
  const threads = Array.from({ length: SDK_THREADS }, () => {
    const thread = new Worker(file, { workerData: data });
    // A thread that fails to start says so at its next job, instead of ending the bench process.
    thread.on('error', (error) => failures.set(thread, error));
    return thread;
  });
  const run = (thread: Worker, job: SdkThreadJob) =>
    new Promise<void>((resolve, reject) => {
      const failed = failures.get(thread);
      if (failed) return reject(failed);
      const fail = (error: Error) => reject(error);
      thread.once('error', fail);
      thread.once('message', (answer: SdkThreadAnswer) => {
        thread.off('error', fail);
        if (answer.ok) resolve();
        else reject(new Error(`bench: an SDK thread failed: ${answer.error}`));
      });
      thread.postMessage(job);
    });
  return {
    download: async (keys: string[], prefix: string, target: string) => {
      const share = Math.ceil(keys.length / SDK_THREADS);
      await Promise.all(threads.map((thread, i) => run(thread, { keys: keys.slice(i * share, (i + 1) * share), prefix, target })));
    },
    close: () => Promise.all(threads.map((thread) => thread.terminate())),
  };
}

/**
 * COS Desk's gateway as the app makes it: every request recorded in the request log, which the app always keeps.
 * `{ log: false }` leaves the log out, for table 8b's layer without it.
 */
function gatewayFor(address: string, { log = true }: { log?: boolean } = {}): CosGateway {
  const { createCosGateway, RequestLog } = appSide();
  return createCosGateway(
    { secretId: BENCH_ACCOUNT.secretId, secretKey: BENCH_ACCOUNT.secretKey, https: false, endpoint: address },
    { timeoutMs: 60_000, ...(log ? { requestLog: new RequestLog().forProfile('bench', 'bench') } : {}) },
  );
}

/**
 * 2,000 files of 8 KB, up then down, COS Desk against an SDK pool of the same concurrency, taking turns (a round
 * each to warm up, then `rounds` each, median kept), and the SDK one file at a time. Every round of each side
 * writes under a prefix (or into a folder) of its own, so no side meets keys or files another left.
 */
async function smallFiles(emulator: ChildEmulator, latencyMs: number, work: string, plan: SmallFilesPlan, layers?: SmallDownloadLayer[]): Promise<SmallFilesRow[]> {
  const { files, serialFiles, concurrency, rounds, warmUp } = plan;
  const source = join(work, `small-${latencyMs}`);
  mkdirSync(source, { recursive: true });
  const names = Array.from({ length: files }, (_, i) => `f${String(i).padStart(5, '0')}.bin`);
  for (const name of names) writeFileSync(join(source, name), randomBytes(8 * 1024));
  const gateway = gatewayFor(emulator.address);
  const local = new (appSide().LocalRegistry)();
  const cos = sdkClient(emulator.address, BENCH_ACCOUNT, concurrency);
  const engine = engineFor(gateway, local, join(work, `queue-${latencyMs}.json`), concurrency);
  const [folder] = await local.register([source]);
  let turn = 0;
  const fresh = (side: string) => `${side}-${latencyMs}-${turn++}`;
  const appDone = async () => {
    await engine.idle();
    if (engine.records().some((r) => r.state !== 'done')) throw new Error('bench: a transfer did not finish');
    engine.clearFinishedTransfers();
  };
  const put = (prefix: string) => (name: string) =>
    cos.putObject({ Bucket: BUCKET, Region: REGION, Key: `${prefix}${name}`, Body: createReadStream(join(source, name)), ContentLength: 8 * 1024 });

  // Upload. The engine checks for existing keys as the app does (one listing of the target folder per batch).
  const [appUp, sdkUp] = await takeTurns(
    [
      () =>
        seconds(async () => {
          await engine.startUpload({ bucket: BUCKET, region: REGION, prefix: `${fresh('app')}/`, sources: [folder.handle], conflict: 'ask' });
          await appDone();
        }),
      () => seconds(() => pool(names, concurrency, put(`${fresh('sdk')}/`))),
    ],
    rounds,
    warmUp,
  );
  const serialUp = await seconds(() => pool(names.slice(0, serialFiles), 1, put(`${fresh('serial')}/`)));
  const rows = [row('upload', latencyMs, files, concurrency, appUp, sdkUp, serialFiles, serialUp)];

  // Download the same keys, each round into a new folder.
  const prefix = `${fresh('base')}/`;
  await pool(names, concurrency, put(prefix));
  const keys = names.map((name) => `${prefix}${name}`);
  const newFolder = (side: string) => {
    const dir = join(work, fresh(`down-${side}`));
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  /** Every key into the folder behind `handle`, through the engine, until all are done. */
  const engineDownload = async (handle: string) => {
    await engine.startDownload({ bucket: BUCKET, region: REGION, prefix, keys, folders: [], folder: handle, conflict: 'ask' });
    await appDone();
  };
  const sdkDownload = (target: string) => sdkDownloads(cos, OBJECT_HOME, keys, prefix, target, concurrency);
  const [appDown, sdkDown] = await takeTurns(
    [
      async () => {
        const [into] = await local.register([newFolder('app')]);
        return seconds(() => engineDownload(into.handle));
      },
      async () => {
        const target = newFolder('sdk');
        return seconds(() => sdkDownload(target));
      },
    ],
    rounds,
    warmUp,
  );
  const serialTarget = newFolder('serial');
  const serialDown = await seconds(() => sdkDownloads(cos, OBJECT_HOME, keys.slice(0, serialFiles), prefix, serialTarget, 1));
  rows.push(row('download', latencyMs, files, concurrency, appDown, sdkDown, serialFiles, serialDown));

  if (layers) {
    const withoutLog = gatewayFor(emulator.address, { log: false });
    const through = (via: CosGateway) => () =>
      downloadsInto(keys, prefix, newFolder('layer'), concurrency, (key, output) => via.getObjectInto({ bucket: BUCKET, region: REGION, key, output }));
    const sdk = () => sdkDownload(newFolder('layer'));
    const emulatorCpu = () => processCpu(emulator.child.pid);
    const layerRows = await measureLayers(
      {
        sdk,
        gatewayNoLog: through(withoutLog),
        gateway: through(gateway),
        engine: async () => {
          const [into] = await local.register([newFolder('layer')]);
          await engineDownload(into.handle);
        },
      },
      plan,
      files,
      emulatorCpu,
    );
    // The threads in turns of their own with the script, after the layers, so that nothing of theirs is about while
    // the layers run; their row's ratio is to the script's turns beside them.
    const threads = await startSdkThreads(emulator.address, concurrency);
    try {
      const apart = await measureLayers({ sdk, sdkThreads: () => threads.download(keys, prefix, newFolder('layer')) }, plan, files, emulatorCpu);
      layers.push(...layerRows, ...apart.filter((r) => r.layer === 'sdkThreads'));
    } finally {
      await threads.close();
    }
  }
  await engine.close();
  return rows;
}

/** The main thread's time on CPU so far, in seconds; null where /proc cannot tell (not Linux). */
function mainThreadCpu(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return null;
  }
}

/** A process's time on CPU so far (user and system), in seconds; null where /proc cannot tell (not Linux). */
function processCpu(pid: number | undefined): number | null {
  try {
    // The fields after the command's name: utime and stime are the 12th and 13th, in clock ticks (100 a second).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Each layer in turn, through takeTurns (warm-up rounds uncounted, then `rounds` rounds, each starting with another
 * layer): the median wall time, main-thread CPU, whole-process CPU and the emulator's CPU of each.
 */
async function measureLayers(
  sides: { sdk: () => Promise<void> } & Partial<Record<SmallDownloadLayer['layer'], () => Promise<void>>>,
  { rounds, warmUp }: { rounds: number; warmUp: number },
  files: number,
  emulatorCpu: () => number | null,
): Promise<SmallDownloadLayer[]> {
  const entries = Object.entries(sides) as [SmallDownloadLayer['layer'], () => Promise<void>][];
  const names = entries.map(([name]) => name);
  const cpu = names.map(() => ({ main: [] as number[], process: [] as number[], emulator: [] as number[] }));
  const walls = await takeTurns(
    entries.map(([, side], i) => async () => {
      const mainBefore = mainThreadCpu();
      const emulatorBefore = emulatorCpu();
      const processBefore = process.cpuUsage();
      const started = performance.now();
      await side();
      const wall = (performance.now() - started) / 1000;
      const mainAfter = mainThreadCpu();
      const emulatorAfter = emulatorCpu();
      const used = process.cpuUsage(processBefore);
      if (mainBefore !== null && mainAfter !== null) cpu[i].main.push(mainAfter - mainBefore);
      if (emulatorBefore !== null && emulatorAfter !== null) cpu[i].emulator.push(emulatorAfter - emulatorBefore);
      cpu[i].process.push((used.user + used.system) / 1e6);
      return wall;
    }),
    rounds,
    warmUp,
  );
  // takeTurns runs every warm-up round before the counted ones: each layer's first `warmUp` samples are those.
  const counted = (samples: number[]) => samples.slice(warmUp);
  return names.map((layer, i) => {
    const mainSamples = counted(cpu[i].main);
    const main = mainSamples.length > 0 ? median(mainSamples) : null;
    const emulatorSamples = counted(cpu[i].emulator);
    return {
      layer,
      seconds: round(walls[i], 2),
      ratio: round(walls[i] / walls[names.indexOf('sdk')], 2),
      mainCpuSeconds: main === null ? null : round(main, 2),
      mainMicrosPerFile: main === null ? null : Math.round((main / files) * 1e6),
      processCpuSeconds: round(median(counted(cpu[i].process)), 2),
      emulatorCpuSeconds: emulatorSamples.length > 0 ? round(median(emulatorSamples), 2) : null,
    };
  });
}

function row(direction: 'upload' | 'download', latencyMs: number, files: number, concurrency: number, app: number, sdk: number, serialFiles: number, serial: number): SmallFilesRow {
  const serialScaled = (serial * files) / serialFiles;
  return {
    direction,
    latencyMs,
    files,
    concurrency,
    appSeconds: round(app, 2),
    sdkSeconds: round(sdk, 2),
    ratio: round(app / sdk, 2),
    serialFiles,
    serialSeconds: round(serialScaled, 2),
    speedup: round(serialScaled / app, 1),
    appFilesPerSecond: Math.round(files / app),
    sdkFilesPerSecond: Math.round(files / sdk),
    serialFilesPerSecond: Math.round(files / serialScaled),
  };
}

/** The raw floor: the same bytes through node:http on loopback, a file streamed each way. */
async function floor(path: string, target: string): Promise<{ up: number; down: number }> {
  const server = createServer((req, res) => {
    if (req.method === 'PUT') {
      req.on('data', () => undefined);
      req.on('end', () => res.end());
    } else {
      createReadStream(path).pipe(res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    const up = await seconds(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = request({ port, host: '127.0.0.1', method: 'PUT', headers: { 'content-length': statSync(path).size } }, (res) => res.resume().on('end', resolve));
          req.on('error', reject);
          createReadStream(path).pipe(req);
        }),
    );
    const down = await seconds(
      () =>
        new Promise<void>((resolve, reject) => {
          request({ port, host: '127.0.0.1' }, (res) => res.pipe(createWriteStream(target)).on('finish', resolve))
            .on('error', reject)
            .end();
        }),
    );
    return { up, down };
  } finally {
    server.close();
  }
}

/**
 * One large file up and down, COS Desk against the SDK alone (same part size and concurrency, no checks), taking
 * turns `rounds` times each (the median kept), and raw node:http as the floor.
 */
async function largeFile(emulator: ChildEmulator, work: string, megabytes: number, rounds: number): Promise<{ rows: LargeFileRow[]; rss: number }> {
  const path = join(work, 'large.bin');
  const chunk = randomBytes(MIB);
  const out = createWriteStream(path);
  for (let i = 0; i < megabytes; i++) if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const size = megabytes * MIB;
  const partSize = 8 * MIB;
  const partConcurrency = 4;
  const gateway = gatewayFor(emulator.address);
  const local = new (appSide().LocalRegistry)();
  const cos = sdkClient(emulator.address, BENCH_ACCOUNT, partConcurrency);
  const engine = engineFor(gateway, local, join(work, 'queue-large.json'), 4, partSize);
  const [source] = await local.register([path]);
  let rss = 0;
  /** The engine's turn, with the RSS it grew by (the SDK's turns are not counted). */
  const appTurn = async (work: () => Promise<void>) => {
    const watch = new RssWatch();
    const time = await seconds(async () => {
      await work();
      await engine.idle();
    });
    rss = Math.max(rss, watch.stop());
    if (engine.records().some((r) => r.state !== 'done')) throw new Error('bench: the large transfer did not finish');
    engine.clearFinishedTransfers();
    return time;
  };
  let turn = 0;
  let sdkKey = '';

  // Upload: each turn to a key of its own; the SDK alone sends the same parts, as many at once, with no checks.
  const sdkMultipart = async (key: string) => {
    const { UploadId } = await cos.multipartInit({ Bucket: BUCKET, Region: REGION, Key: key });
    const numbers = Array.from({ length: Math.ceil(size / partSize) }, (_, i) => i + 1);
    const parts: { PartNumber: number; ETag: string }[] = [];
    await pool(numbers, partConcurrency, async (n) => {
      const start = (n - 1) * partSize;
      const end = Math.min(size, start + partSize);
      const { ETag } = await cos.multipartUpload({ Bucket: BUCKET, Region: REGION, Key: key, UploadId, PartNumber: n, Body: createReadStream(path, { start, end: end - 1 }), ContentLength: end - start } as COS.MultipartUploadParams);
      parts.push({ PartNumber: n, ETag });
    });
    parts.sort((a, b) => a.PartNumber - b.PartNumber);
    await cos.multipartComplete({ Bucket: BUCKET, Region: REGION, Key: key, UploadId, Parts: parts });
  };
  const [appUp, sdkUp] = await takeTurns(
    [
      () => appTurn(() => engine.startUpload({ bucket: BUCKET, region: REGION, prefix: `large/app-${turn++}/`, sources: [source.handle], conflict: 'overwrite' }).then(() => undefined)),
      () => seconds(() => sdkMultipart((sdkKey = `large/sdk-${turn++}/large.bin`))),
    ],
    rounds,
    0,
  );

  // Download one object, each turn into a new file (removed after the turn).
  const key = sdkKey;
  const keyPrefix = key.slice(0, key.lastIndexOf('/') + 1);
  const [appDown, sdkDown] = await takeTurns(
    [
      async () => {
        const target = join(work, `large-down-${turn++}`);
        mkdirSync(target, { recursive: true });
        const [into] = await local.register([target]);
        const time = await appTurn(() =>
          engine.startDownload({ bucket: BUCKET, region: REGION, prefix: keyPrefix, keys: [key], folders: [], folder: into.handle, conflict: 'overwrite' }).then(() => undefined),
        );
        rmSync(target, { recursive: true, force: true });
        return time;
      },
      async () => {
        const file = join(work, `large-sdk-${turn++}.bin`);
        const time = await seconds(() => cos.getObject({ Bucket: BUCKET, Region: REGION, Key: key, Output: createWriteStream(file) }));
        rmSync(file, { force: true });
        return time;
      },
    ],
    rounds,
    0,
  );
  await engine.close();
  const raw = await floor(path, join(work, 'large-floor.bin'));
  const mk = (direction: 'upload' | 'download', app: number, sdk: number, floorSeconds: number): LargeFileRow => ({
    direction,
    megabytes,
    partMiB: partSize / MIB,
    partConcurrency,
    appSeconds: round(app, 2),
    sdkSeconds: round(sdk, 2),
    ratio: round(app / sdk, 2),
    floorSeconds: round(floorSeconds, 2),
    appMBps: Math.round(megabytes / app),
  });
  return { rows: [mk('upload', appUp, sdkUp, raw.up), mk('download', appDown, sdkDown, raw.down)], rss };
}

function crcSpeed(megabytes: number): TransferBench['crc'] {
  const { CRC64_FOLD, Crc64, crc64Fold } = appSide();
  const buffer = randomBytes(megabytes * MIB);
  const javascript = crc64Fold();
  let best64 = Infinity;
  let bestJs = Infinity;
  let best32 = Infinity;
  for (let i = 0; i < 3; i++) {
    best64 = Math.min(best64, timeSync(() => new Crc64().update(buffer).value()));
    bestJs = Math.min(bestJs, timeSync(() => javascript(0xffffffff, 0xffffffff, buffer)));
    best32 = Math.min(best32, timeSync(() => crc32(buffer)));
  }
  return { crc64MBps: Math.round(megabytes / best64), crc64JsMBps: Math.round(megabytes / bestJs), fold: CRC64_FOLD, crc32MBps: Math.round(megabytes / best32), megabytes };
}

function timeSync(work: () => unknown): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}

/** Closes the engine (as quitting the app does) at 60 %, starts another over the same queue file and resumes. */
async function resume(emulator: ChildEmulator, work: string, megabytes: number): Promise<TransferBench['resume']> {
  const path = join(work, 'resume.bin');
  writeFileSync(path, randomBytes(megabytes * MIB));
  const size = megabytes * MIB;
  const partSize = 8 * MIB;
  const gateway = gatewayFor(emulator.address);
  const results: TransferBench['resume'] = [];
  for (const direction of ['upload', 'download'] as const) {
    const stateFile = join(work, `resume-${direction}.json`);
    const local = new (appSide().LocalRegistry)();
    const first = engineFor(gateway, local, stateFile, 1, partSize);
    const target = join(work, 'resume-down');
    mkdirSync(target, { recursive: true });
    if (direction === 'upload') {
      const [source] = await local.register([path]);
      await first.startUpload({ bucket: BUCKET, region: REGION, prefix: 'resume/', sources: [source.handle], conflict: 'overwrite' });
    } else {
      const [into] = await local.register([target]);
      await first.startDownload({ bucket: BUCKET, region: REGION, prefix: 'resume/', keys: ['resume/resume.bin'], folders: [], folder: into.handle, conflict: 'overwrite' });
    }
    while ((first.records()[0]?.transferred ?? 0) < 0.6 * size) await new Promise((resolve) => setTimeout(resolve, 5));
    const stoppedAt = first.records()[0].transferred;
    await first.close();
    // What the first run had sent when it ended: parts under way may have landed during the close.
    const sentBefore = first.records()[0].transferred;
    const second = engineFor(gateway, new (appSide().LocalRegistry)(), stateFile, 1, partSize);
    await second.load();
    const kept = direction === 'upload' ? second.records()[0].transferred : statSync(join(target, 'resume.bin.part')).size;
    second.resumeTransfers({});
    await second.idle();
    if (second.records()[0].state !== 'done') throw new Error(`bench: the resumed ${direction} did not finish`);
    // Sent before the stop, plus what the resumed run had to send, beyond the file's size: sent twice.
    results.push({ direction, megabytes, stoppedAtPercent: Math.round((stoppedAt / size) * 100), resentBytes: sentBefore + (size - kept) - size, limitBytes: direction === 'upload' ? partSize : MIB });
  }
  return results;
}

export async function measureTransfers(options: SmallFilesPlan & { largeMB: number; largeRounds: number }): Promise<TransferBench> {
  await loadAppSide();
  const work = mkdtempSync(join(tmpdir(), 'cos-desk-bench-transfers-'));
  const seedFile = join(work, 'seed.json');
  writeFileSync(seedFile, JSON.stringify({ accounts: [BENCH_ACCOUNT], buckets: [{ name: BUCKET, region: REGION }] }));
  const emulators: ChildEmulator[] = [];
  try {
    const fast = await startChildEmulator(seedFile, 0);
    emulators.push(fast);
    const slow = await startChildEmulator(seedFile, 20);
    emulators.push(slow);
    const smallDownloadLayers: SmallDownloadLayer[] = [];
    const small = [...(await smallFiles(fast, 0, work, options, smallDownloadLayers)), ...(await smallFiles(slow, 20, work, options))];
    const large = await largeFile(fast, work, options.largeMB, options.largeRounds);
    const crc = crcSpeed(Math.min(256, options.largeMB));
    const resumed = await resume(fast, work, Math.max(40, Math.min(200, options.largeMB)));
    return { small, smallDownloadLayers, smallTurns: { rounds: options.rounds, warmUp: options.warmUp }, largeRounds: options.largeRounds, large: large.rows, crc, rssGrowthMB: round(large.rss, 1), resume: resumed };
  } finally {
    for (const emulator of emulators) emulator.child.kill();
    rmSync(work, { recursive: true, force: true });
  }
}
