/**
 * The transfer queue of the main process. Uploads and downloads run here through the SDK, streamed from and to
 * disk: at most `concurrency` files at once (many small files at once is where the time goes; the SDK keeps its
 * connections alive), a file above the multipart threshold as parts, several at a time.
 *
 * Every transfer is checked: an upload against the x-cos-hash-crc64ecma COS answers (each part's, and the whole
 * object's at Complete, which must equal the parts' CRCs combined), a download against the object's CRC64 and
 * size. A mismatch fails the transfer and says so; a downloaded file is renamed from its `.part` only once checked.
 *
 * The queue is written to the user-data folder as it changes. On the next start it comes back paused: a multipart
 * upload carries on from the parts COS lists (List Parts) whose ETag and size match what was recorded, a download
 * from the bytes already in its `.part` file (a Range GET with If-Match, so the rest comes from the same object).
 *
 * Pause aborts the requests in flight and keeps the parts and the `.part` file; Cancel aborts them, aborts the
 * multipart upload on COS (no orphaned parts) and deletes the `.part` file. Nothing that exists is overwritten
 * unless the transfer's conflict choice says so; "ask" stops the transfer in the `asking` state until the user
 * chooses (for it alone, or for the rest of its batch).
 */
import { randomUUID } from 'node:crypto';
import {
  close as fsClose,
  constants as fsConstants,
  createReadStream,
  createWriteStream,
  open as fsOpen,
  read as fsRead,
  unlink as fsUnlink,
  writeFile as fsWriteFile,
  type WriteStream,
} from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { lookup as mimeType } from 'mime-types';
import { basename, dirname } from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { APP_ERROR_CODES, AppErrorException, isRetryable, type AppError } from '@shared/errors';
import {
  DEFAULT_CONCURRENCY,
  TRANSFER_LIST_LIMIT,
  TRANSFER_STATES,
  type ResolveTransferConflictInput,
  type StartDownloadInput,
  type StartUploadInput,
  type StartedTransfers,
  type Transfer,
  type TransferIdsInput,
  type TransferList,
  type TransferState,
} from '@shared/transfer-contract';
import type { CosGateway } from '../cos/gateway';
import { Crc64, crc64Combine } from './crc64';
import { CrcThread, type CrcJob } from './crc64-thread';
import { downloadTarget, type LocalRegistry } from './local-files';
import { MULTIPART_THRESHOLD, DEFAULT_PART_SIZE, partRange, planParts } from './part-plan';
import { numberedName, numberedPaths } from './safe-path';
import { FINISHED, type DonePart, type TransferRecord } from './transfer-record';

export interface TransferEngineOptions {
  /** The signed-in profile's gateway; throws NotSignedIn when nobody is. */
  gateway(): CosGateway;
  /** The signed-in profile, or undefined. */
  profileId(): string | undefined;
  local: LocalRegistry;
  /** Where the queue is kept between runs; none: in memory only. */
  stateFile?: string;
  concurrency?: number;
  /** Files above this size go multipart. */
  multipartThreshold?: number;
  partSize?: number;
  /** Parts of one file sent at once. */
  partConcurrency?: number;
  /** Tries of one request (a part, a range) before the transfer fails. */
  maxTries?: number;
  /** First pause between tries, in ms; later ones double. */
  backoffMs?: number;
  /** On close, how long parts already under way may take to land before they are cut (default 5 s). */
  drainMs?: number;
  /** Something unexpected went wrong outside any transfer (the queue file could not be written, say). */
  log?(message: string, error: unknown): void;
}

interface Runtime {
  controller: AbortController;
  /** (time, transferred) samples of the last few seconds, for the speed. */
  samples: { at: number; bytes: number }[];
}

const SPEED_WINDOW_MS = 3000;
const { O_WRONLY, O_CREAT, O_TRUNC, O_EXCL } = fsConstants;
const PART_NEW_FLAGS = O_WRONLY | O_CREAT | O_TRUNC;
/** A file made only where nothing stands (not even a link: with O_EXCL, open follows none). */
const NEW_FILE_FLAGS = O_WRONLY | O_CREAT | O_EXCL;
const PART_RESUME_FLAGS = O_WRONLY;
/** Not on Windows, where a link needs rights the user rarely has; elsewhere, opening a planted link fails (ELOOP). */
const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;

/**
 * A file no larger than this is read in one read, as a stream would read it in one chunk (fs streams read 64 KiB
 * at a time): the same bytes in memory, without a stream's machinery for each of thousands of small files.
 */
const ONE_READ_BYTES = 64 * 1024;
const SAVE_DELAY_MS = 250;
/**
 * What a download's file stream holds before it asks the network to wait (a stream's default is 16 KiB, less than
 * one network chunk: every chunk would wait for its own write). Chunks waiting together go to disk in one writev.
 */
const WRITE_BUFFER_BYTES = 1024 * 1024;
/** A download folder holding more names than this is not read: each of its files is looked at before it starts. */
const MAX_FOLDER_NAMES = 50_000;
/** A listing of the upload's target folder beyond this many keys is not read: existing keys are asked with HEAD. */
const MAX_LISTED_KEYS = 20_000;

const appError = (code: string, params?: AppError['params'], kind: AppError['kind'] = 'internal'): AppErrorException =>
  new AppErrorException({ kind, code, ...(params ? { params } : {}) });

function errorOf(error: unknown): AppError {
  if (error instanceof AppErrorException) return error.error;
  const code = (error as { code?: unknown } | undefined)?.code;
  return { kind: 'internal', code: APP_ERROR_CODES.localWriteFailed, params: { reason: typeof code === 'string' ? code : 'unknown' } };
}

/** A try that may go better next time: a dropped connection, a timeout, a 5xx, an answer cut midway. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof AppErrorException)) return false;
  const e = error.error;
  if (e.code === APP_ERROR_CODES.cancelled) return false;
  if (e.code === APP_ERROR_CODES.checksumMismatch && e.params?.part !== undefined) return true;
  return isRetryable(e) || (e.kind === 'cos' && e.status !== undefined && e.status < 300);
}

const statusOf = (error: unknown) => (error instanceof AppErrorException ? error.error.status : undefined);
const codeOf = (error: unknown) => (error instanceof AppErrorException ? error.error.code : undefined);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The work's answer, or the abort as soon as it comes: the requests in flight are destroyed by then (see
 * cos/abortable.ts), but a streamed upload's SDK callback may only come with the socket's timeout.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason as Error);
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** Hashes (and counts) what passes through. */
function hashing(crc: { current: Crc64 }, onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      crc.current.update(chunk);
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
}

/**
 * A download's output. The SDK pipes every answer into it, an error's XML included; the HTTP library tells a piped
 * destination the status and headers first (its setHeader / statusCode protocol), so only a 2xx body's bytes are
 * kept, and its length decides where they are hashed and kept.
 */
class AnswerOutput extends Writable {
  readonly headersSent = false;
  statusCode: number | undefined = undefined;
  bodySize = 0;

  setHeader(name: string, value: unknown): void {
    if (name.toLowerCase() === 'content-length') this.bodySize = Number(value) || 0;
  }
}

/** How names compare on disks that ignore case or Unicode form: a name found this way is looked at for sure. */
function foldedName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Once the stream's file is closed (or was never opened). */
function closed(file: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (file.closed) resolve();
    else file.once('close', () => resolve());
    if (!file.writableEnded && !file.destroyed) file.end();
  });
}

/**
 * Writes `bytes` to a file opened with `flags`; false, with nothing written, when NEW_FILE_FLAGS meet a file
 * standing there. A file this made and could not fill is deleted. The callback API, as for readSmallFile.
 */
function createFile(path: string, bytes: Buffer, flags: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    fsOpen(path, flags, (openError, fd) => {
      if (openError) return openError.code === 'EEXIST' && flags & O_EXCL ? resolve(false) : reject(openError);
      fsWriteFile(fd, bytes, (writeError) => {
        fsClose(fd, (closeError) => {
          const failure = writeError ?? closeError;
          if (failure) fsUnlink(path, () => reject(failure));
          else resolve(true);
        });
      });
    });
  });
}

/**
 * A download's file made at `path` only if nothing stands there: held bytes written to a file created exclusively,
 * or the `.part` file renamed after a look. False when something stands there.
 */
async function makeWhereFree(path: string, partPath: string, bytes: Buffer | undefined): Promise<boolean> {
  if (bytes) return createFile(path, bytes, NEW_FILE_FLAGS);
  const standing = await lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (standing) return false;
  await rename(partPath, path);
  return true;
}

/** The Content-Type COS stores for `key`, from its extension (a browser opening a shared link relies on it). */
function contentTypeOf(key: string): string {
  return mimeType(key) || 'application/octet-stream';
}

/**
 * A small file's bytes in one read (open, read, close), or undefined when it holds more than `size` bytes: grown
 * since it was queued, it goes the way of any other file. The callback API: the promise one costs a small file
 * about twice the main thread's time.
 */
function readSmallFile(path: string, size: number): Promise<Buffer | undefined> {
  const unreadable = (error: NodeJS.ErrnoException) => appError(APP_ERROR_CODES.sourceUnreadable, { reason: error.code ?? 'unknown' });
  return new Promise((resolve, reject) => {
    fsOpen(path, 'r', (openError, fd) => {
      if (openError) return reject(unreadable(openError));
      // One byte more than expected: a file that grew reads longer, and is not read further.
      const buffer = Buffer.allocUnsafe(size + 1);
      fsRead(fd, buffer, 0, size + 1, 0, (readError, bytesRead) => {
        fsClose(fd, () => {
          if (readError) reject(unreadable(readError));
          else resolve(bytesRead > size ? undefined : buffer.subarray(0, bytesRead));
        });
      });
    });
  });
}

/** The CRC64 of a file's first `length` bytes (all of it without), to carry on from or to compare. */
async function hashOfFile(path: string, length?: number): Promise<Crc64> {
  const crc = new Crc64();
  if (length === 0) return crc;
  for await (const chunk of createReadStream(path, length === undefined ? {} : { end: length - 1 })) crc.update(chunk as Buffer);
  return crc;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** An answer at least this long is hashed on the CRC thread, while this one reads and writes. */
const THREAD_HASH_BYTES = 4 * 1024 * 1024;

/** A download's CRC64 as its bytes arrive: here for small answers, on the CRC thread for large ones. */
class DownloadHash {
  #crc: Crc64 | undefined;
  #job: CrcJob | undefined;
  readonly #thread: CrcThread;

  constructor(from: Crc64, thread: CrcThread) {
    this.#crc = from;
    this.#thread = thread;
  }

  /** Before an answer's first byte: `size` bytes are coming. */
  expect(size: number): void {
    if (this.#crc && size >= THREAD_HASH_BYTES && this.#thread.usable) {
      this.#job = this.#thread.start(this.#crc);
      this.#crc = undefined;
    }
  }

  /** False when the CRC thread asks the next chunk to wait for `ready()`. */
  update(chunk: Buffer): boolean {
    if (this.#crc) this.#crc.update(chunk);
    return this.#job?.update(chunk) ?? true;
  }

  ready(): Promise<void> {
    return this.#job?.ready() ?? Promise.resolve();
  }

  /** Undefined when the CRC thread was lost. */
  async value(): Promise<string | undefined> {
    return this.#crc ? this.#crc.value() : this.#job?.value();
  }

  /** From zero again (the object changed); the job on the thread is let go. */
  restart(): DownloadHash {
    void this.#job?.value();
    return new DownloadHash(new Crc64(), this.#thread);
  }
}

export class TransferEngine {
  readonly #options: TransferEngineOptions;
  readonly #records = new Map<string, TransferRecord>();
  readonly #runtime = new Map<string, Runtime>();
  /** Ids waiting to run, oldest first; a record whose state is no longer queued is passed over. */
  #queue: string[] = [];
  #concurrency: number;
  #restored = false;
  #saveTimer: NodeJS.Timeout | undefined;
  /** How long the last save took to put the queue into words (see #changed). */
  #lastSaveMs = 0;
  #saving: Promise<void> = Promise.resolve();
  /** Keys found under an upload batch's folder: one listing per batch instead of a HEAD per file. */
  readonly #listings = new Map<string, Promise<Map<string, number> | undefined>>();
  #idleWaiters: (() => void)[] = [];
  readonly #running = new Map<string, Promise<void>>();
  /**
   * Transfers that count against the concurrency: from their start until their bytes have all crossed the network.
   * A download's last local steps (closing, checking, renaming its file) leave the place to the next transfer.
   */
  readonly #slots = new Set<string>();
  /** Download folders already made and found inside their chosen folder (see downloadTarget). */
  readonly #checkedFolders = new Set<string>();
  /**
   * The names in download folders (folded), each folder read once while transfers run: a download whose name is
   * not there starts without a look at its target, and its file is then made only where nothing stands.
   */
  readonly #folderNames = new Map<string, Promise<Set<string> | undefined>>();
  /** Downloads being given their names from `.part` files, by folded path (see #makeWhereFree). */
  readonly #placing = new Map<string, Promise<void>>();
  /** The download that holds each `.part` file claimed (see #claimPart), by folded path. */
  readonly #parts = new Map<string, TransferRecord>();
  #closed = false;
  readonly #crcThread = new CrcThread();

  constructor(options: TransferEngineOptions) {
    this.#options = options;
    this.#concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  }

  /** Reads the queue kept by the last run: what was under way comes back paused. */
  async load(): Promise<void> {
    if (!this.#options.stateFile) return;
    let kept: { concurrency?: number; transfers?: TransferRecord[] };
    try {
      kept = JSON.parse(await readFile(this.#options.stateFile, 'utf8')) as typeof kept;
    } catch {
      return;
    }
    if (typeof kept.concurrency === 'number') this.#concurrency = kept.concurrency;
    for (const record of kept.transfers ?? []) {
      if (!record || typeof record.id !== 'string' || !(TRANSFER_STATES as readonly string[]).includes(record.state)) continue;
      if (record.state === 'running' || record.state === 'queued') record.state = 'paused';
      // What counts is what COS holds (the parts) or what is on disk (the .part file), not what was in flight.
      if (record.direction === 'upload' && record.state !== 'done') record.transferred = (record.parts ?? []).reduce((sum, p) => sum + p.size, 0);
      this.#records.set(record.id, record);
      if (record.partPath) this.#parts.set(foldedName(record.partPath), record);
      if (!FINISHED.has(record.state)) this.#restored = true;
    }
  }

  // ---- calls from the page ----

  async startUpload(input: StartUploadInput): Promise<StartedTransfers> {
    const profileId = this.#requireProfile();
    const batchId = randomUUID();
    const records: TransferRecord[] = [];
    if (input.conflict !== 'overwrite') {
      // What is already in the target folder is asked for while the files are being found. A failure here is
      // forgotten: the first transfer asks again, and fails with the answer if it must.
      this.#listingOf(batchId, { bucket: input.bucket, region: input.region, prefix: input.prefix }, this.#options.gateway(), new AbortController().signal).catch(() => undefined);
    }
    for (const handle of input.sources) {
      const files = await this.#options.local.files(handle);
      if (!files) throw appError(APP_ERROR_CODES.transferNotFound, undefined, 'validation');
      for (const file of files) {
        records.push({
          id: randomUUID(),
          batchId,
          direction: 'upload',
          profileId,
          bucket: input.bucket,
          region: input.region,
          key: input.prefix + file.relative,
          name: file.relative,
          localPath: file.path,
          size: file.size,
          transferred: 0,
          state: 'queued',
          conflict: input.conflict,
          ...(file.folder ? {} : { mtimeMs: file.mtimeMs }),
          createdAt: Date.now(),
        });
      }
    }
    this.#enqueue(records);
    return { batchId, queued: records.length };
  }

  async startDownload(input: StartDownloadInput, { signal }: { signal?: AbortSignal } = {}): Promise<StartedTransfers> {
    const profileId = this.#requireProfile();
    const folder = this.#options.local.path(input.folder, 'folder');
    if (!folder) throw appError(APP_ERROR_CODES.transferNotFound, undefined, 'validation');
    const gateway = this.#options.gateway();
    const batchId = randomUUID();
    const wanted = new Map<string, number | undefined>();
    for (const key of input.keys) if (key.startsWith(input.prefix)) wanted.set(key, undefined);
    for (const prefix of input.folders) {
      if (!prefix.startsWith(input.prefix)) continue;
      let marker: string | undefined;
      do {
        const page = await gateway.listKeysPage({ bucket: input.bucket, region: input.region, prefix, ...(marker ? { marker } : {}) }, { signal });
        for (const object of page.objects) if (object.key.startsWith(prefix)) wanted.set(object.key, object.size);
        marker = page.nextMarker;
      } while (marker);
    }
    const records: TransferRecord[] = [...wanted].map(([key, size]) => ({
      id: randomUUID(),
      batchId,
      direction: 'download',
      profileId,
      bucket: input.bucket,
      region: input.region,
      key,
      name: key.slice(input.prefix.length),
      localPath: '',
      folder,
      relative: key.slice(input.prefix.length),
      size: size ?? 0,
      transferred: 0,
      state: 'queued',
      conflict: input.conflict,
      createdAt: Date.now(),
    }));
    this.#enqueue(records);
    return { batchId, queued: records.length };
  }

  listTransfers(): TransferList {
    const counts = Object.fromEntries(TRANSFER_STATES.map((s) => [s, 0])) as Record<TransferState, number>;
    const order: Record<TransferState, number> = { asking: 0, running: 1, failed: 2, paused: 3, queued: 4, done: 5, skipped: 5, cancelled: 5 };
    const all = [...this.#records.values()];
    for (const record of all) counts[record.state] += 1;
    // What needs the user first, then what moves; finished ones newest first.
    const shown = all
      .map((record, index) => ({ record, index }))
      .sort((a, b) => order[a.record.state] - order[b.record.state] || (FINISHED.has(a.record.state) ? b.index - a.index : a.index - b.index))
      .slice(0, TRANSFER_LIST_LIMIT)
      .map(({ record }) => this.#view(record));
    return { transfers: shown, counts, total: all.length, concurrency: this.#concurrency, restored: this.#restored };
  }

  pauseTransfers(input: TransferIdsInput): TransferList {
    for (const record of this.#pick(input)) {
      if (record.state === 'queued' || record.state === 'asking') record.state = 'paused';
      else if (record.state === 'running') this.#runtime.get(record.id)?.controller.abort('pause');
    }
    this.#changed();
    return this.listTransfers();
  }

  resumeTransfers(input: TransferIdsInput): TransferList {
    const resumed: TransferRecord[] = [];
    for (const record of this.#pick(input)) {
      if (record.state === 'paused') resumed.push(record);
    }
    if (!input.ids) this.#restored = false;
    this.#enqueue(resumed);
    return this.listTransfers();
  }

  retryTransfers(input: TransferIdsInput): TransferList {
    const retried: TransferRecord[] = [];
    for (const record of this.#pick(input)) {
      if (record.state !== 'failed') continue;
      delete record.error;
      retried.push(record);
    }
    this.#enqueue(retried);
    return this.listTransfers();
  }

  async cancelTransfers(input: TransferIdsInput): Promise<TransferList> {
    const cleanups: Promise<void>[] = [];
    for (const record of this.#pick(input)) {
      if (FINISHED.has(record.state) && record.state !== 'failed') continue;
      const runtime = this.#runtime.get(record.id);
      record.state = 'cancelled';
      record.finishedAt = Date.now();
      if (runtime) runtime.controller.abort('cancel');
      else cleanups.push(this.#cleanUp(record));
    }
    this.#changed();
    await Promise.all(cleanups);
    return this.listTransfers();
  }

  clearFinishedTransfers(): TransferList {
    for (const [id, record] of this.#records) {
      if (record.state === 'done' || record.state === 'skipped' || record.state === 'cancelled') this.#records.delete(id);
    }
    if (![...this.#records.values()].some((r) => r.state === 'paused')) this.#restored = false;
    this.#changed();
    return this.listTransfers();
  }

  resolveTransferConflict(input: ResolveTransferConflictInput): TransferList {
    const record = this.#records.get(input.id);
    if (!record) throw appError(APP_ERROR_CODES.transferNotFound, undefined, 'validation');
    const chosen = input.applyToAll
      ? [...this.#records.values()].filter((r) => r.batchId === record.batchId && (r.conflict === 'ask' || r.id === record.id))
      : [record];
    const asking: TransferRecord[] = [];
    for (const r of chosen) {
      r.conflict = input.choice;
      if (r.state === 'asking') {
        delete r.existing;
        asking.push(r);
      }
    }
    this.#enqueue(asking);
    return this.listTransfers();
  }

  setTransferConcurrency(input: { concurrency: number }): TransferList {
    this.#concurrency = input.concurrency;
    this.#changed();
    this.#pump();
    return this.listTransfers();
  }

  // ---- for the app and tests ----

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (this.#runtime.size === 0 && !this.#hasQueued()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  record(id: string): TransferRecord | undefined {
    return this.#records.get(id);
  }

  records(): TransferRecord[] {
    return [...this.#records.values()];
  }

  /** Writes the queue now. */
  async flush(): Promise<void> {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    await this.#save();
  }

  /**
   * Stops as the app quits: the requests in flight end, the queue is written as it stands (what was running comes
   * back paused on the next start, its uploaded parts and downloaded bytes kept).
   */
  async close(drainMs = this.#options.drainMs ?? 5000): Promise<void> {
    this.#closed = true;
    // A download stops at once: its .part file keeps every byte that arrived. Parts already on their way may land
    // first (a few seconds at most): they need not be sent again next time.
    for (const [id, runtime] of this.#runtime) if (this.#records.get(id)?.direction === 'download') runtime.controller.abort('close');
    const running = [...this.#running.values()];
    if (running.length > 0 && drainMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled(running), new Promise((resolve) => (timer = setTimeout(resolve, drainMs)))]);
      clearTimeout(timer);
    }
    for (const runtime of this.#runtime.values()) runtime.controller.abort('close');
    await Promise.allSettled([...this.#running.values()]);
    await this.#crcThread.close();
    await this.flush();
  }

  // ---- the queue ----

  #requireProfile(): string {
    this.#options.gateway();
    const id = this.#options.profileId();
    if (!id) throw appError(APP_ERROR_CODES.notSignedIn, undefined, 'session');
    return id;
  }

  #pick(input: TransferIdsInput): TransferRecord[] {
    if (!input.ids) return [...this.#records.values()];
    return input.ids.flatMap((id) => {
      const record = this.#records.get(id);
      return record ? [record] : [];
    });
  }

  #hasQueued(): boolean {
    // Ids ahead of the first queued one are no longer waiting: dropped as they are met.
    while (this.#queue.length > 0 && this.#records.get(this.#queue[0])?.state !== 'queued') this.#queue.shift();
    return this.#queue.length > 0;
  }

  #enqueue(records: TransferRecord[]): void {
    for (const record of records) {
      record.state = 'queued';
      this.#records.set(record.id, record);
      this.#queue.push(record.id);
    }
    this.#changed();
    this.#pump();
  }

  #pump(): void {
    if (this.#closed) return;
    while (this.#slots.size < this.#concurrency && this.#queue.length > 0) {
      const record = this.#records.get(this.#queue.shift()!);
      if (record?.state === 'queued' && !this.#runtime.has(record.id)) {
        this.#slots.add(record.id);
        const run = this.#run(record).finally(() => this.#running.delete(record.id));
        this.#running.set(record.id, run);
      }
    }
    if (this.#runtime.size === 0 && !this.#hasQueued()) {
      this.#queue = [];
      // Nothing runs: the target folders' listings are let go (a transfer that runs later asks again).
      this.#listings.clear();
      this.#folderNames.clear();
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  async #run(record: TransferRecord): Promise<void> {
    const controller = new AbortController();
    this.#runtime.set(record.id, { controller, samples: [] });
    record.state = 'running';
    delete record.error;
    const { signal } = controller;
    try {
      if (record.profileId !== this.#options.profileId()) throw appError(APP_ERROR_CODES.otherProfile, undefined, 'session');
      const outcome = record.direction === 'upload' ? await this.#upload(record, signal) : await this.#download(record, signal);
      if (signal.aborted) throw signal.reason;
      record.state = outcome;
      if (outcome !== 'asking') record.finishedAt = Date.now();
    } catch (error) {
      const reason: unknown = signal.reason;
      if (signal.aborted && reason === 'pause') record.state = 'paused';
      else if (signal.aborted && reason === 'cancel') {
        record.state = 'cancelled';
        await this.#cleanUp(record);
      } else if (this.#closed) {
        // Kept as it was: the next start shows it paused.
      } else {
        record.state = 'failed';
        record.error = errorOf(error);
        record.finishedAt = Date.now();
      }
    } finally {
      this.#runtime.delete(record.id);
      this.#slots.delete(record.id);
      this.#changed();
      this.#pump();
    }
  }

  /**
   * An Initiate whose answer was lost (or cut off by a cancel) may have made an upload we never learnt the id of.
   * Such uploads of this very key, begun since the transfer was queued and not the one in use, are aborted, so no
   * parts are left behind. A first try that got its answer leaves nothing to sweep.
   */
  async #sweepLostInits(record: TransferRecord, signal: AbortSignal): Promise<void> {
    if (!record.lostInit) return;
    const gateway = this.#options.gateway();
    const since = record.createdAt - 15 * 60_000;
    try {
      const found = await this.#tries(signal, () => gateway.listUploadsPage({ bucket: record.bucket, region: record.region, prefix: record.key }, { signal }));
      for (const upload of found.uploads) {
        if (upload.key !== record.key || upload.uploadId === record.uploadId) continue;
        if (upload.initiated && Date.parse(upload.initiated) < since) continue;
        await this.#tries(signal, () => gateway.abortUpload({ bucket: record.bucket, region: record.region, key: record.key, uploadId: upload.uploadId }, { signal }));
      }
      delete record.lostInit;
    } catch {
      // Kept for the next sweep (a retry, a cancel).
    }
  }

  /** After a cancel: the multipart upload is aborted on COS, the `.part` file deleted. */
  async #cleanUp(record: TransferRecord): Promise<void> {
    if (record.direction === 'upload') await this.#sweepLostInits(record, new AbortController().signal);
    if (record.direction === 'upload' && record.uploadId) {
      const uploadId = record.uploadId;
      try {
        await this.#tries(new AbortController().signal, () =>
          this.#options.gateway().abortUpload({ bucket: record.bucket, region: record.region, key: record.key, uploadId }),
        );
        delete record.uploadId;
        record.parts = [];
      } catch (error) {
        // Kept, so that a later cancel can try again; the user sees why.
        record.error = errorOf(error);
      }
    }
    if (record.direction === 'download' && record.localPath) {
      await unlink(record.partPath ?? `${record.localPath}.part`).catch(() => undefined);
      this.#releasePart(record);
    }
    record.transferred = 0;
  }

  /** Sends `work` again after transient failures, waiting a little longer each time. */
  async #tries<T>(signal: AbortSignal, work: (attempt: number) => Promise<T>): Promise<T> {
    const max = this.#options.maxTries ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await untilAborted(work(attempt), signal);
      } catch (error) {
        if (signal.aborted || attempt >= max || !isTransient(error)) throw error;
        await sleep((this.#options.backoffMs ?? 200) * 2 ** (attempt - 1), signal);
        if (signal.aborted) throw error;
      }
    }
  }

  #progress(record: TransferRecord, bytes: number): void {
    record.transferred = bytes;
    const runtime = this.#runtime.get(record.id);
    if (!runtime) return;
    const now = Date.now();
    const last = runtime.samples.at(-1);
    if (!last || now - last.at >= 100) {
      runtime.samples.push({ at: now, bytes });
      while (runtime.samples.length > 2 && now - runtime.samples[0].at > SPEED_WINDOW_MS) runtime.samples.shift();
    }
  }

  #view(record: TransferRecord): Transfer {
    const runtime = this.#runtime.get(record.id);
    let speed: number | undefined;
    if (runtime && runtime.samples.length >= 2) {
      const first = runtime.samples[0];
      const now = Date.now();
      const seconds = (now - first.at) / 1000;
      if (seconds > 0) speed = Math.max(0, (record.transferred - first.bytes) / seconds);
    }
    const left = Math.max(0, record.size - record.transferred);
    return {
      id: record.id,
      batchId: record.batchId,
      direction: record.direction,
      name: record.name,
      bucket: record.bucket,
      key: record.key,
      size: record.size,
      transferred: record.transferred,
      state: record.state,
      ...(speed !== undefined ? { speed } : {}),
      ...(speed ? { secondsLeft: Math.ceil(left / speed) } : {}),
      ...(record.error ? { error: record.error } : {}),
      ...(record.existing ? { existing: record.existing } : {}),
      ...(record.sizeOnly ? { sizeOnly: true } : {}),
      ...(record.identical ? { identical: true } : {}),
    };
  }

  #changed(): void {
    if (!this.#options.stateFile || this.#saveTimer) return;
    // A long queue takes longer to write out: it is written less often, so that writing it never takes more than
    // about a fiftieth of the main thread's time.
    this.#saveTimer = setTimeout(
      () => {
        this.#saveTimer = undefined;
        void this.#save();
      },
      Math.min(5000, Math.max(SAVE_DELAY_MS, this.#lastSaveMs * 50)),
    );
  }

  #save(): Promise<void> {
    const file = this.#options.stateFile;
    if (!file) return Promise.resolve();
    this.#saving = this.#saving.then(async () => {
      const started = performance.now();
      const text = Buffer.from(JSON.stringify({ version: 1, concurrency: this.#concurrency, transfers: [...this.#records.values()] }));
      this.#lastSaveMs = performance.now() - started;
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(`${file}.tmp`, text);
        await rename(`${file}.tmp`, file);
      } catch (error) {
        this.#options.log?.('the transfer queue could not be saved', error);
      }
    });
    return this.#saving;
  }

  /** The transfer's bytes have all crossed the network: the next one may start while this one finishes locally. */
  #leaveSlot(record: TransferRecord): void {
    if (this.#slots.delete(record.id)) this.#pump();
  }

  // ---- uploads ----

  async #upload(record: TransferRecord, signal: AbortSignal): Promise<TransferState> {
    const gateway = this.#options.gateway();
    if (record.key.endsWith('/')) return this.#putFolder(record, gateway, signal);
    if (record.size <= Math.min(ONE_READ_BYTES, this.#options.multipartThreshold ?? MULTIPART_THRESHOLD) && record.uploadId === undefined) {
      // A small file is read once, whole: the read says how long it is now, and the same bytes go on every try.
      const bytes = await readSmallFile(record.localPath, record.size);
      if (bytes) {
        record.size = bytes.length;
        // Hashed once: for Skip if identical, and to check what COS stores.
        const local = new Crc64().update(bytes).value();
        if (!record.settled) {
          const outcome = await this.#settleUpload(record, gateway, signal, local);
          if (outcome) return outcome;
        }
        return this.#putBytes(record, gateway, bytes, local, signal);
      }
    }
    const info = await stat(record.localPath).catch((error: { code?: string }) => {
      throw appError(APP_ERROR_CODES.sourceUnreadable, { reason: error.code ?? 'unknown' });
    });
    if (record.mtimeMs !== undefined && (info.mtimeMs !== record.mtimeMs || info.size !== record.size)) {
      // Changed since it was queued: whatever was sent of it is of another version; start over.
      await this.#cleanUp(record);
      record.parts = [];
      delete record.partSize;
    }
    record.size = info.size;
    record.mtimeMs = info.mtimeMs;
    if (!record.settled) {
      const outcome = await this.#settleUpload(record, gateway, signal);
      if (outcome) return outcome;
    }
    if (record.size <= (this.#options.multipartThreshold ?? MULTIPART_THRESHOLD)) return this.#putWhole(record, gateway, signal);
    return this.#putParts(record, gateway, signal);
  }

  /**
   * An empty folder: its folder key, with no bytes. A folder key already there is the same folder, whatever the
   * conflict choice: there is nothing in it to overwrite or keep twice.
   */
  async #putFolder(record: TransferRecord, gateway: CosGateway, signal: AbortSignal): Promise<TransferState> {
    if (record.conflict !== 'overwrite' && (await this.#objectExists(record, gateway, record.key, signal))) return 'skipped';
    const stored = await this.#tries(signal, () =>
      gateway.putObjectStream({ bucket: record.bucket, region: record.region, key: record.key, body: Buffer.alloc(0), size: 0 }, { signal }),
    );
    return this.#verifyUpload(record, stored.crc64, new Crc64().value());
  }

  /** What stands at the target key, and what the user's choice makes of it. Undefined: go ahead. */
  /** `localCrc`: the file's CRC64 when its bytes were read already (otherwise the file is hashed if need be). */
  async #settleUpload(record: TransferRecord, gateway: CosGateway, signal: AbortSignal, localCrc?: string): Promise<TransferState | undefined> {
    const found = await this.#objectExists(record, gateway, record.key, signal);
    if (found && record.conflict !== 'overwrite') {
      switch (record.conflict) {
        case 'ask':
          record.existing = 'object';
          return 'asking';
        case 'skip':
          return 'skipped';
        case 'keepBoth': {
          const slash = record.key.lastIndexOf('/') + 1;
          for (let n = 1; ; n += 1) {
            const key = record.key.slice(0, slash) + numberedName(record.key.slice(slash), n);
            if (!(await this.#objectExists(record, gateway, key, signal))) {
              record.key = key;
              break;
            }
          }
          break;
        }
        case 'skipIfIdentical': {
          const details = await gateway.headObject({ bucket: record.bucket, region: record.region, key: record.key }, { signal });
          if (details.size === record.size && details.crc64 !== undefined && details.crc64 === (localCrc ?? (await hashOfFile(record.localPath)).value())) {
            record.identical = true;
            return 'skipped';
          }
          break;
        }
      }
    }
    record.settled = true;
    delete record.existing;
    return undefined;
  }

  async #objectExists(record: TransferRecord, gateway: CosGateway, key: string, signal: AbortSignal): Promise<boolean> {
    if (record.conflict === 'overwrite') return false;
    // The listing may be shared with the batch's other transfers: a cancel stops this one's wait.
    const listed = await untilAborted(this.#listing(record, gateway, signal), signal);
    if (listed && key.startsWith(this.#batchPrefix(record))) return listed.has(key);
    try {
      await gateway.headObject({ bucket: record.bucket, region: record.region, key }, { signal });
      return true;
    } catch (error) {
      if (codeOf(error) === 'NoSuchKey') return false;
      throw error;
    }
  }

  /** The folder a batch uploads into: the part of the key before the file's relative path. */
  #batchPrefix(record: TransferRecord): string {
    return record.key.endsWith(record.name) ? record.key.slice(0, record.key.length - record.name.length) : '';
  }

  #listing(record: TransferRecord, gateway: CosGateway, signal: AbortSignal): Promise<Map<string, number> | undefined> {
    return this.#listingOf(record.batchId, { bucket: record.bucket, region: record.region, prefix: this.#batchPrefix(record) }, gateway, signal);
  }

  /** The keys under a batch's target folder, read once for the whole batch (or undefined past MAX_LISTED_KEYS). */
  #listingOf(batchId: string, where: { bucket: string; region: string; prefix: string }, gateway: CosGateway, signal: AbortSignal): Promise<Map<string, number> | undefined> {
    let listing = this.#listings.get(batchId);
    if (!listing) {
      listing = (async () => {
        const keys = new Map<string, number>();
        let marker: string | undefined;
        do {
          const page = await this.#tries(signal, () => gateway.listKeysPage({ ...where, ...(marker ? { marker } : {}) }, { signal }));
          for (const object of page.objects) keys.set(object.key, object.size);
          marker = page.nextMarker;
          if (keys.size > MAX_LISTED_KEYS) return undefined;
        } while (marker);
        return keys;
      })();
      listing.catch(() => this.#listings.delete(batchId));
      this.#listings.set(batchId, listing);
    }
    return listing;
  }

  async #putWhole(record: TransferRecord, gateway: CosGateway, signal: AbortSignal): Promise<TransferState> {
    const target = { bucket: record.bucket, region: record.region, key: record.key, contentType: contentTypeOf(record.key) };
    const answer = await this.#tries(signal, async () => {
      this.#progress(record, 0);
      const crc = { current: new Crc64() };
      let sent = 0;
      const body = createReadStream(record.localPath).pipe(hashing(crc, (n) => this.#progress(record, (sent += n))));
      const stored = await gateway.putObjectStream({ ...target, body, size: record.size }, { signal });
      if (sent !== record.size) throw appError(APP_ERROR_CODES.sourceChanged);
      return { stored, local: crc.current.value() };
    });
    return this.#verifyUpload(record, answer.stored.crc64, answer.local);
  }

  /** A small file's bytes, read already: one PUT, sent again as they are after a transient failure. */
  async #putBytes(record: TransferRecord, gateway: CosGateway, bytes: Buffer, local: string, signal: AbortSignal): Promise<TransferState> {
    const target = { bucket: record.bucket, region: record.region, key: record.key, contentType: contentTypeOf(record.key) };
    this.#progress(record, 0);
    const stored = await this.#tries(signal, () => gateway.putObjectStream({ ...target, body: bytes, size: bytes.length }, { signal }));
    this.#progress(record, bytes.length);
    return this.#verifyUpload(record, stored.crc64, local);
  }

  #verifyUpload(record: TransferRecord, remote: string | undefined, local: string): TransferState {
    if (remote === undefined) record.sizeOnly = true;
    else if (remote !== local) throw appError(APP_ERROR_CODES.checksumMismatch, { expected: local, actual: remote });
    record.transferred = record.size;
    return 'done';
  }

  async #putParts(record: TransferRecord, gateway: CosGateway, signal: AbortSignal): Promise<TransferState> {
    const target = { bucket: record.bucket, region: record.region, key: record.key };
    const plan = planParts(record.size, record.partSize ?? this.#options.partSize ?? DEFAULT_PART_SIZE);
    if (!plan) throw appError(APP_ERROR_CODES.fileTooLarge, { size: record.size });
    if (record.uploadId) {
      // Carry on from what COS holds: a part counts only if COS lists it with the ETag and size recorded for it.
      try {
        const uploadId = record.uploadId;
        const listed = await this.#tries(signal, () => gateway.listParts({ ...target, uploadId }, { signal }));
        const known = new Map((record.parts ?? []).map((p) => [p.partNumber, p]));
        record.parts = listed.flatMap((l) => {
          const mine = known.get(l.partNumber);
          return mine && mine.etag === l.etag && mine.size === l.size ? [mine] : [];
        });
      } catch (error) {
        if (codeOf(error) !== 'NoSuchUpload') throw error;
        delete record.uploadId;
      }
    }
    if (!record.uploadId) {
      record.lostInit = true;
      let tries = 0;
      record.uploadId = await this.#tries(signal, (attempt) => {
        tries = attempt;
        return gateway.initUpload({ ...target, contentType: contentTypeOf(record.key) }, { signal });
      });
      // Answered at the first try: no other upload can have been made.
      if (tries === 1) delete record.lostInit;
      record.partSize = plan.partSize;
      record.parts = [];
      this.#changed();
    }
    const uploadId = record.uploadId;
    const parts = new Map((record.parts ?? []).map((p) => [p.partNumber, p]));
    const inFlight = new Map<number, number>();
    const doneBytes = () => [...parts.values()].reduce((sum, p) => sum + p.size, 0);
    const report = () => this.#progress(record, doneBytes() + [...inFlight.values()].reduce((a, b) => a + b, 0));
    report();
    const todo = Array.from({ length: plan.count }, (_, i) => i + 1).filter((n) => !parts.has(n));
    const sendPart = async (number: number) => {
      const range = partRange(plan, record.size, number);
      const done = await this.#tries(signal, async () => {
        const crc = { current: new Crc64() };
        let sent = 0;
        inFlight.set(number, 0);
        const body: Readable = createReadStream(record.localPath, { start: range.start, end: range.end - 1 }).pipe(
          hashing(crc, (n) => {
            inFlight.set(number, (sent += n));
            report();
          }),
        );
        try {
          const stored = await gateway.uploadPart({ ...target, uploadId, partNumber: number, body, size: range.end - range.start }, { signal });
          const local = crc.current.value();
          if (sent !== range.end - range.start) throw appError(APP_ERROR_CODES.sourceChanged);
          // A part that arrived damaged is sent again: re-sending a part number replaces it.
          if (stored.crc64 !== undefined && stored.crc64 !== local) {
            throw appError(APP_ERROR_CODES.checksumMismatch, { expected: local, actual: stored.crc64, part: number });
          }
          return { partNumber: number, etag: stored.etag, size: sent, crc64: local } satisfies DonePart;
        } finally {
          inFlight.delete(number);
        }
      });
      parts.set(number, done);
      record.parts = [...parts.values()];
      report();
      this.#changed();
    };
    const workers = Array.from({ length: Math.min(this.#options.partConcurrency ?? 4, todo.length) }, async () => {
      // Closing: the parts under way finish, no new one starts.
      while (todo.length > 0 && !signal.aborted && !this.#closed) await sendPart(todo.shift()!);
    });
    await Promise.all(workers);
    if (signal.aborted) throw signal.reason;
    if (this.#closed) throw appError(APP_ERROR_CODES.cancelled, undefined, 'cancelled');

    const ordered = [...parts.values()].sort((a, b) => a.partNumber - b.partNumber);
    const expected = ordered.reduce((crc, p) => crc64Combine(crc, p.crc64, p.size), '0');
    const info = await stat(record.localPath);
    if (info.mtimeMs !== record.mtimeMs || info.size !== record.size) throw appError(APP_ERROR_CODES.sourceChanged);
    let remote: string | undefined;
    try {
      remote = (await this.#tries(signal, () => gateway.completeUpload({ ...target, uploadId, parts: ordered }, { signal }))).crc64;
    } catch (error) {
      // A Complete whose answer was lost may have completed: then the upload is gone and the object is there.
      if (codeOf(error) !== 'NoSuchUpload') throw error;
      const details = await gateway.headObject(target, { signal });
      if (details.size !== record.size) throw error;
      remote = details.crc64;
    }
    delete record.uploadId;
    await this.#sweepLostInits(record, signal);
    return this.#verifyUpload(record, remote, expected);
  }

  // ---- downloads ----

  async #download(record: TransferRecord, signal: AbortSignal): Promise<TransferState> {
    const gateway = this.#options.gateway();
    if (!record.settled) {
      const outcome = await this.#settleDownload(record, gateway, signal);
      if (outcome) return outcome;
    }
    if (record.key.endsWith('/')) {
      // A folder's own zero-byte key: the folder, made.
      await mkdir(record.localPath, { recursive: true });
      return 'done';
    }
    let partPath = record.partPath ?? `${record.localPath}.part`;
    let offset = 0;
    if (record.etag) offset = (await stat(partPath).catch(() => undefined))?.size ?? 0;
    let hash = new DownloadHash(offset > 0 ? await hashOfFile(partPath, offset) : new Crc64(), this.#crcThread);
    if (offset === 0) delete record.etag;
    /**
     * Where the bytes from zero to `offset` are: a small object's (no more than ONE_READ_BYTES, as one chunk of a
     * stream) are held here until checked, then written once where the file goes; any other's are in the `.part`
     * file, which the next try carries on.
     */
    let held: Buffer[] | undefined;
    /** A `.part` file was opened for this transfer (a small object's stale one is deleted once it is placed). */
    let partMade = offset > 0;
    let objectSize = record.size;
    let remoteCrc: string | undefined;
    this.#progress(record, offset);
    const max = this.#options.maxTries ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      let written = 0;
      const attempt$ = new AbortController();
      const stop = () => attempt$.abort(signal.reason);
      signal.addEventListener('abort', stop, { once: true });
      /** The file could not be opened or written: nothing more is asked of COS, and the transfer fails. */
      let writeFailure: unknown;
      let file: WriteStream | undefined;
      // A link planted where the `.part` file goes is not followed. (A stream hands its flags to fs.open, which
      // takes numbers too; Node's types name only strings.)
      const openFile = (start: number) => {
        partMade = true;
        partPath = this.#claimPart(record);
        const flags = (start > 0 ? PART_RESUME_FLAGS : PART_NEW_FLAGS) | NO_FOLLOW;
        const opened = createWriteStream(partPath, { flags: flags as unknown as string, start, highWaterMark: WRITE_BUFFER_BYTES });
        opened.on('error', (error) => {
          writeFailure ??= error;
          attempt$.abort('local');
        });
        return opened;
      };
      let fileClosed = false;
      const output: AnswerOutput = new AnswerOutput({
        highWaterMark: WRITE_BUFFER_BYTES,
        write: (chunk: Buffer, _encoding, callback) => {
          const status = output.statusCode;
          if (status === undefined || status >= 300 || fileClosed || writeFailure !== undefined) return callback();
          if (written === 0) {
            const { bodySize } = output;
            hash.expect(bodySize);
            if (offset === 0 && bodySize <= ONE_READ_BYTES) held = [];
            else if (!held) file = openFile(offset);
          }
          if (held && offset + written + chunk.length > ONE_READ_BYTES) {
            // Longer than its answer said: what is held goes to the `.part` file, and the rest after it.
            file = openFile(0);
            for (const kept of held) file.write(kept);
            held = undefined;
          }
          const hashed = hash.update(chunk);
          written += chunk.length;
          this.#progress(record, offset + written);
          const stored = held ? (held.push(chunk), true) : file!.write(chunk);
          if (hashed && stored) return callback();
          // The disk or the CRC thread is behind: the next chunk waits for both.
          void Promise.all([stored || new Promise<void>((resolve) => file!.once('drain', () => resolve())), hashed || hash.ready()]).then(() => callback());
        },
      });
      output.on('error', () => undefined);
      let failure: unknown;
      try {
        await untilAborted(
          gateway.getObjectInto(
            {
              bucket: record.bucket,
              region: record.region,
              key: record.key,
              output,
              start: offset,
              ...(record.etag ? { ifMatch: record.etag } : {}),
              onHeaders: (read) => {
                record.etag ??= read.etag;
                objectSize = read.objectSize;
                remoteCrc = read.crc64;
                record.size = objectSize;
                this.#changed();
              },
            },
            { signal: attempt$.signal },
          ),
          attempt$.signal,
        );
        // Every byte has arrived: the next file's request goes out while this one's file is closed and checked.
        if (offset + written === objectSize) this.#leaveSlot(record);
      } catch (error) {
        failure = error;
      } finally {
        signal.removeEventListener('abort', stop);
      }
      // The call is over (answered, cut or stopped): nothing more reaches the file, and what it was given is written.
      fileClosed = true;
      if (file) await closed(file);
      if (writeFailure !== undefined) throw writeFailure;
      // Object bytes count, even from an answer cut midway or stopped by a pause.
      offset += written;
      if (codeOf(failure) === 'PreconditionFailed' || statusOf(failure) === 412) {
        // The object changed since the first bytes came: start again from zero.
        delete record.etag;
        offset = 0;
        held = undefined;
        hash = hash.restart();
      }
      if (signal.aborted) throw signal.reason;
      if (failure === undefined && offset === objectSize) break;
      const retry = failure === undefined || isTransient(failure) || statusOf(failure) === 412;
      if (!retry || attempt >= max) {
        if (failure === undefined || (statusOf(failure) ?? 500) < 300) throw appError(APP_ERROR_CODES.sizeMismatch, { expected: objectSize, actual: offset });
        throw failure;
      }
      // A try that brought bytes was progress: only tries in a row that bring nothing use up the tries.
      if (written > 0) attempt = 0;
      if (failure !== undefined) await sleep((this.#options.backoffMs ?? 200) * 2 ** Math.max(0, attempt - 1), signal);
      if (signal.aborted) throw signal.reason;
      if (offset > objectSize) {
        offset = 0;
        held = undefined;
        hash = hash.restart();
      }
    }
    this.#leaveSlot(record);
    // Held bytes, or none at all (an empty object); else the `.part` file.
    const bytes = held ? Buffer.concat(held, offset) : offset === 0 ? Buffer.alloc(0) : undefined;
    if (bytes && partMade) await unlink(partPath).catch(() => undefined);
    // Should the CRC thread have been lost midway, the file is hashed as written.
    const local = (await hash.value()) ?? (bytes ? new Crc64().update(bytes) : await hashOfFile(partPath)).value();
    if (remoteCrc === undefined) record.sizeOnly = true;
    else if (remoteCrc !== local) {
      if (!bytes) await unlink(partPath).catch(() => undefined);
      delete record.etag;
      this.#releasePart(record);
      record.transferred = 0;
      throw appError(APP_ERROR_CODES.checksumMismatch, { expected: remoteCrc, actual: local });
    }
    return this.#placeDownload(record, partPath, bytes, local);
  }

  /**
   * The checked bytes take the file's name. Unless the transfer replaces what stands there (Overwrite, or Skip if
   * identical that found a different file), the file is made only where nothing stands: a small object's created
   * exclusively, a `.part` file renamed after a look. A file that appeared since the target was checked is met
   * now, as the conflict choice says, and never overwritten.
   */
  async #placeDownload(record: TransferRecord, partPath: string, bytes: Buffer | undefined, crc: string): Promise<TransferState> {
    if (record.conflict !== 'overwrite' && !record.replaces) {
      if (await this.#makeWhereFree(record.localPath, partPath, bytes)) return this.#placed(record);
      const outcome = await this.#metLate(record, partPath, bytes, crc);
      if (outcome) return outcome;
    }
    const part = bytes ? this.#claimPart(record) : partPath;
    if (bytes) await createFile(part, bytes, PART_NEW_FLAGS | NO_FOLLOW);
    await rename(part, record.localPath);
    return this.#placed(record);
  }

  /**
   * makeWhereFree, one download at a time for each name: a `.part` file's look and rename are two steps, and two
   * downloads to one name (keys `a:b` and `a_b`) must not both find it free. (A small one's O_EXCL needs no turn.)
   */
  async #makeWhereFree(path: string, partPath: string, bytes: Buffer | undefined): Promise<boolean> {
    if (bytes) return makeWhereFree(path, partPath, bytes);
    const name = foldedName(path);
    const before = this.#placing.get(name) ?? Promise.resolve();
    const place = () => makeWhereFree(path, partPath, undefined);
    const turn = before.then(place, place);
    const done = turn.then(
      () => undefined,
      () => undefined,
    );
    this.#placing.set(name, done);
    try {
      return await turn;
    } finally {
      if (this.#placing.get(name) === done) this.#placing.delete(name);
    }
  }

  /**
   * The `.part` file a download writes, kept in its record: `<file>.part`, or `<file>.<n>.part` when another
   * download not yet finished with its own (two keys that come to one local name) writes that one.
   */
  #claimPart(record: TransferRecord): string {
    if (record.partPath) return record.partPath;
    const taken = (path: string) => {
      const holder = this.#parts.get(foldedName(path));
      return holder !== undefined && holder !== record && this.#records.get(holder.id) === holder;
    };
    let path = `${record.localPath}.part`;
    for (let n = 1; taken(path); n += 1) path = `${record.localPath}.${n}.part`;
    record.partPath = path;
    this.#parts.set(foldedName(path), record);
    return path;
  }

  /** The download no longer has a `.part` file of its own. */
  #releasePart(record: TransferRecord): void {
    if (!record.partPath) return;
    const name = foldedName(record.partPath);
    if (this.#parts.get(name) === record) this.#parts.delete(name);
    delete record.partPath;
  }

  #placed(record: TransferRecord): TransferState {
    this.#releasePart(record);
    this.#noteStanding(record.localPath);
    record.transferred = record.size;
    return 'done';
  }

  /** A file stands where the download goes, found once its bytes are here: undefined when it is to be replaced. */
  async #metLate(record: TransferRecord, partPath: string, bytes: Buffer | undefined, crc: string): Promise<TransferState | undefined> {
    const target = record.localPath;
    this.#noteStanding(target);
    const present = await lstat(target).catch(() => undefined);
    if (present?.isSymbolicLink()) throw appError(APP_ERROR_CODES.unsafeLocalName, { reason: 'outside' });
    if (present?.isDirectory()) throw appError(APP_ERROR_CODES.unsafeLocalName, { reason: 'notAFolder' });
    const drop = async () => {
      if (!bytes) await unlink(partPath).catch(() => undefined);
      this.#releasePart(record);
      delete record.etag;
      record.transferred = 0;
    };
    switch (present ? record.conflict : 'overwrite') {
      case 'ask':
        await drop();
        record.settled = false;
        record.existing = 'file';
        return 'asking';
      case 'skip':
        await drop();
        return 'skipped';
      case 'skipIfIdentical':
        if (present!.size !== record.size || (await hashOfFile(target)).value() !== crc) return undefined;
        await drop();
        record.identical = true;
        record.transferred = record.size;
        return 'skipped';
      case 'keepBoth':
        for (const path of numberedPaths(target)) {
          if (await exists(`${path}.part`)) continue;
          if (await this.#makeWhereFree(path, partPath, bytes)) {
            record.localPath = path;
            return this.#placed(record);
          }
        }
        return undefined; // Not reached: the numbered names do not run out.
      default:
        return undefined;
    }
  }

  /** Whether a file may stand at `path`: its folder's names, read once while transfers run (see #folderNames). */
  async #mayStand(path: string): Promise<boolean> {
    const folder = dirname(path);
    let names = this.#folderNames.get(folder);
    if (!names) {
      if (this.#folderNames.size >= 1_000) this.#folderNames.clear();
      names = readdir(folder).then(
        (found) => (found.length > MAX_FOLDER_NAMES ? undefined : new Set(found.map(foldedName))),
        () => undefined,
      );
      this.#folderNames.set(folder, names);
    }
    const found = await names;
    return found === undefined || found.has(foldedName(basename(path)));
  }

  /** A file now stands at `path` (made here, or met): later transfers into its folder look before they start. */
  #noteStanding(path: string): void {
    void this.#folderNames.get(dirname(path))?.then((found) => found?.add(foldedName(basename(path))));
  }

  async #settleDownload(record: TransferRecord, gateway: CosGateway, signal: AbortSignal): Promise<TransferState | undefined> {
    const relative = record.relative ?? record.name;
    if (this.#checkedFolders.size > 10_000) this.#checkedFolders.clear();
    const target = await downloadTarget(record.folder!, relative, this.#checkedFolders, (path) => this.#mayStand(path));
    if ('refused' in target) throw appError(APP_ERROR_CODES.unsafeLocalName, { reason: target.refused });
    record.localPath = target.path;
    if (record.key.endsWith('/')) {
      record.settled = true;
      return undefined;
    }
    const present = target.existing;
    if (present && record.conflict !== 'overwrite') {
      switch (record.conflict) {
        case 'ask':
          record.existing = 'file';
          return 'asking';
        case 'skip':
          return 'skipped';
        case 'keepBoth': {
          for (const path of numberedPaths(target.path)) {
            if (!(await exists(path)) && !(await exists(`${path}.part`))) {
              record.localPath = path;
              break;
            }
          }
          break;
        }
        case 'skipIfIdentical': {
          const details = await gateway.headObject({ bucket: record.bucket, region: record.region, key: record.key }, { signal });
          if (details.size === present.size && details.crc64 !== undefined && details.crc64 === (await hashOfFile(target.path)).value()) {
            record.identical = true;
            record.transferred = record.size;
            return 'skipped';
          }
          record.replaces = true;
          break;
        }
      }
    }
    record.settled = true;
    delete record.existing;
    return undefined;
  }
}
