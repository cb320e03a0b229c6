/**
 * Object bytes, kept on disk so tests can hold gigabytes: one temporary folder per emulator, removed on close.
 * Stored bytes never change once written; an object made of several files (a completed multipart upload, or a
 * copy of one) lists them in order. Seeded objects need no file at all: their bytes are generated from their size.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Crc64 } from './crc64';

export interface Segment {
  path: string;
  size: number;
}

/** Where an object's bytes are: files on disk, or a size whose bytes are made up on read. */
export type Body = { kind: 'files'; segments: Segment[] } | { kind: 'generated'; size: number };

/** The same line over and over: readable when a test or the demo downloads a seeded object. */
const FILLER = Buffer.from('COS Desk emulator: generated object content.\n');
const CHUNK = 64 * 1024;

export interface Written {
  segment: Segment;
  md5: Buffer;
  crc64: string;
}

export function bodySize(body: Body): number {
  return body.kind === 'generated' ? body.size : body.segments.reduce((sum, s) => sum + s.size, 0);
}

function* generated(start: number, end: number): Generator<Buffer> {
  // A buffer of whole filler lines, so every chunk can be cut from it at the right phase.
  const block = Buffer.concat(Array.from({ length: Math.ceil(CHUNK / FILLER.length) + 1 }, () => FILLER));
  for (let at = start; at < end; ) {
    const phase = at % FILLER.length;
    const length = Math.min(CHUNK, end - at);
    yield block.subarray(phase, phase + length);
    at += length;
  }
}

async function* fromFiles(segments: Segment[], start: number, end: number): AsyncGenerator<Buffer> {
  let offset = 0;
  for (const segment of segments) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + segment.size);
    if (from < to) {
      for await (const chunk of createReadStream(segment.path, { start: from - offset, end: to - offset - 1 })) {
        yield chunk as Buffer;
      }
    }
    offset += segment.size;
    if (offset >= end) return;
  }
}

export class BlobStore {
  readonly folder = mkdtempSync(join(tmpdir(), 'cos-emulator-'));
  /** MD5 and CRC64 of generated bodies depend on the size alone: 100,000 seeded objects of one size hash once. */
  readonly #generatedHashes = new Map<number, { md5: string; crc64: string }>();
  readonly #holders = new Map<string, number>();

  /** Streams a request body into a new file, hashing on the way. */
  async write(source: AsyncIterable<Buffer> | Readable): Promise<Written> {
    const path = join(this.folder, randomBytes(12).toString('hex'));
    const md5 = createHash('md5');
    const crc = new Crc64();
    let size = 0;
    const hashing = async function* (input: AsyncIterable<Buffer>) {
      for await (const chunk of input) {
        md5.update(chunk);
        crc.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    };
    try {
      await pipeline(source, hashing, createWriteStream(path));
    } catch (error) {
      this.discard([{ path, size }]);
      throw error;
    }
    return { segment: { path, size }, md5: md5.digest(), crc64: crc.value() };
  }

  /** Seeded text content: small, so written at once. */
  writeSync(data: Buffer): Written {
    const path = join(this.folder, randomBytes(12).toString('hex'));
    writeFileSync(path, data);
    return { segment: { path, size: data.length }, md5: createHash('md5').update(data).digest(), crc64: new Crc64().update(data).value() };
  }

  /** Bytes `start` to `end` (exclusive) of a body. */
  read(body: Body, start = 0, end = bodySize(body)): Readable {
    return Readable.from(body.kind === 'generated' ? generated(start, end) : fromFiles(body.segments, start, end));
  }

  /** MD5 (hex) and CRC64 of a body, read through once. */
  async hash(body: Body): Promise<{ md5: string; crc64: string }> {
    if (body.kind === 'generated') {
      const known = this.#generatedHashes.get(body.size);
      if (known) return known;
    }
    const md5 = createHash('md5');
    const crc = new Crc64();
    for await (const chunk of this.read(body)) {
      md5.update(chunk as Buffer);
      crc.update(chunk as Buffer);
    }
    const hashes = { md5: md5.digest('hex'), crc64: crc.value() };
    if (body.kind === 'generated') this.#generatedHashes.set(body.size, hashes);
    return hashes;
  }

  /** Hashes of a generated body without reading it asynchronously: seeding and listing need them at once. */
  generatedHashes(size: number): { md5: string; crc64: string } {
    let known = this.#generatedHashes.get(size);
    if (!known) {
      const md5 = createHash('md5');
      const crc = new Crc64();
      for (const chunk of generated(0, size)) {
        md5.update(chunk);
        crc.update(chunk);
      }
      known = { md5: md5.digest('hex'), crc64: crc.value() };
      this.#generatedHashes.set(size, known);
    }
    return known;
  }

  /** Files are shared by copies: each holder retains them, and the last release frees the disk. */
  retain(body: Body): void {
    if (body.kind === 'files') for (const { path } of body.segments) this.#holders.set(path, (this.#holders.get(path) ?? 0) + 1);
  }

  release(body: Body): void {
    if (body.kind !== 'files') return;
    for (const segment of body.segments) {
      const holders = (this.#holders.get(segment.path) ?? 1) - 1;
      if (holders > 0) this.#holders.set(segment.path, holders);
      else {
        this.#holders.delete(segment.path);
        this.discard([segment]);
      }
    }
  }

  discard(segments: Segment[]): void {
    for (const { path } of segments) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone: nothing to free.
      }
    }
  }

  close(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }
}
