/**
 * CRC64 on a thread of its own, for large downloads: the main process copies each chunk into a batch as it writes
 * it to disk and goes on reading the network, while the other thread folds the batches in. On one thread, hashing
 * a large download costs about as much as receiving and writing it (bench table 9).
 *
 * Batches are 1 MiB buffers handed over (not cloned) and handed back once folded, so a download allocates nothing
 * as it goes; at most BATCHES_IN_FLIGHT are away at once, beyond which the download waits for the thread.
 *
 * The thread runs the same fold as `Crc64` (`crc64Fold`, whose source it is given with the WebAssembly module's
 * bytes: the worker needs no file of its own, which a bundled main process and the test runners would each place
 * differently). Should the thread fail, a
 * running job reports no value and the caller hashes what it wrote instead (see engine.ts): a download is never
 * left unchecked.
 */
import { Worker } from 'node:worker_threads';
import { CRC64_WASM_MODULE, Crc64, crc64Fold, type Crc64State } from './crc64';

const BATCH_BYTES = 1024 * 1024;
const BATCHES_IN_FLIGHT = 16;

type Message = { job: number; start: Crc64State } | { job: number; batch: ArrayBuffer; length: number } | { job: number; end: true };
type Reply = { job: number; state?: Crc64State } | { batch: ArrayBuffer };
type Fold = ReturnType<typeof crc64Fold>;
interface Port {
  on(event: 'message', listener: (message: Message) => void): void;
  postMessage(reply: Reply, transfer?: ArrayBuffer[]): void;
}

/** The thread's loop: one register per job, fed in the order the batches were sent. Self-contained, like the fold. */
function serve(fold: Fold, port: Port): void {
  const jobs = new Map<number, [number, number]>();
  port.on('message', (message) => {
    if ('start' in message) jobs.set(message.job, [message.start.hi, message.start.lo]);
    else if ('batch' in message) {
      const register = jobs.get(message.job);
      if (register) jobs.set(message.job, fold(register[0], register[1], new Uint8Array(message.batch, 0, message.length)));
      port.postMessage({ batch: message.batch }, [message.batch]);
    } else {
      const register = jobs.get(message.job);
      jobs.delete(message.job);
      port.postMessage({ job: message.job, ...(register ? { state: { hi: register[0], lo: register[1] } } : {}) });
    }
  });
}

// `__name`: the helper some TypeScript transforms call to keep function names; a no-op is all the thread needs.
const SOURCE = `"use strict";
var __name = (target) => target;
const { parentPort } = require('node:worker_threads');
(${serve.toString()})((${crc64Fold.toString()})(${JSON.stringify(CRC64_WASM_MODULE)}), parentPort);`;

/** A CRC64 being computed on the thread: chunks go in as they come; `value()` is undefined if the thread was lost. */
export interface CrcJob {
  /** False when the thread has all the batches it may hold: wait for `ready()` before the next chunk. */
  update(chunk: Uint8Array): boolean;
  ready(): Promise<void>;
  value(): Promise<string | undefined>;
}

export class CrcThread {
  #worker: Worker | undefined;
  #broken = false;
  #nextJob = 1;
  readonly #waiting = new Map<number, (state: Crc64State | undefined) => void>();
  /** Batches back from the thread, to fill again. */
  readonly #free: ArrayBuffer[] = [];
  #away = 0;
  #onReturn: (() => void)[] = [];

  /** False once the thread has failed: callers hash on their own thread from then on. */
  get usable(): boolean {
    return !this.#broken;
  }

  /** A job that continues `from` (the CRC of bytes already on disk, for a resumed download). */
  start(from: Crc64 = new Crc64()): CrcJob {
    const worker = this.#start();
    const job = this.#nextJob++;
    worker?.postMessage({ job, start: from.state } satisfies Message);
    let batch: Uint8Array | undefined;
    let filled = 0;
    const send = () => {
      if (!worker || this.#broken || !batch || filled === 0) return;
      this.#away += 1;
      this.#busy();
      worker.postMessage({ job, batch: batch.buffer as ArrayBuffer, length: filled } satisfies Message, [batch.buffer as ArrayBuffer]);
      batch = undefined;
      filled = 0;
    };
    let ended: Promise<string | undefined> | undefined;
    return {
      update: (chunk) => {
        if (!worker || this.#broken || ended) return true;
        for (let at = 0; at < chunk.length; ) {
          batch ??= new Uint8Array(this.#free.pop() ?? new ArrayBuffer(BATCH_BYTES));
          const take = Math.min(chunk.length - at, BATCH_BYTES - filled);
          batch.set(chunk.subarray(at, at + take), filled);
          filled += take;
          at += take;
          if (filled === BATCH_BYTES) send();
        }
        return this.#away < BATCHES_IN_FLIGHT;
      },
      ready: () =>
        this.#away < BATCHES_IN_FLIGHT || this.#broken ? Promise.resolve() : new Promise<void>((resolve) => this.#onReturn.push(resolve)),
      value: () => {
        ended ??= new Promise<Crc64State | undefined>((resolve) => {
          send();
          if (!worker || this.#broken) return resolve(undefined);
          this.#waiting.set(job, resolve);
          this.#busy();
          worker.postMessage({ job, end: true } satisfies Message);
        }).then((state) => (state ? Crc64.from(state).value() : undefined));
        return ended;
      },
    };
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#fail();
    await worker?.terminate();
  }

  #start(): Worker | undefined {
    if (this.#broken) return undefined;
    if (this.#worker) return this.#worker;
    try {
      const worker = new Worker(SOURCE, { eval: true });
      worker.on('message', (reply: Reply) => {
        if ('batch' in reply) {
          this.#away -= 1;
          this.#free.push(reply.batch);
          const resume = this.#onReturn;
          this.#onReturn = [];
          for (const resolve of resume) resolve();
        } else {
          const resolve = this.#waiting.get(reply.job);
          this.#waiting.delete(reply.job);
          resolve?.(reply.state);
        }
        this.#busy();
      });
      worker.on('error', () => this.#fail());
      worker.on('exit', () => this.#fail());
      // The thread never keeps the app from quitting; while batches or a value are awaited, it is held (see #busy).
      worker.unref();
      this.#worker = worker;
      return worker;
    } catch {
      this.#fail();
      return undefined;
    }
  }

  /** Held while something is awaited from it, so that a process with nothing else to do still hears the answer. */
  #busy(): void {
    if (this.#waiting.size > 0 || this.#away > 0) this.#worker?.ref();
    else this.#worker?.unref();
  }

  #fail(): void {
    this.#broken = true;
    for (const resolve of this.#waiting.values()) resolve(undefined);
    this.#waiting.clear();
    for (const resolve of this.#onReturn) resolve();
    this.#onReturn = [];
  }
}
