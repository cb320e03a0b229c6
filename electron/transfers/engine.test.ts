import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { sdkFor } from '../../e2e/emulator/testing';
import { createCosGateway, type CosGateway } from '../cos/gateway';
import { OWNER, SEED, credentialsFor } from '../testing/cos-fixtures';
import { crc64 } from './crc64';
import { TransferEngine, type TransferEngineOptions } from './engine';
import { LocalRegistry } from './local-files';
import { MIB } from './part-plan';

const bucket = SEED.buckets![0].name;
const region = SEED.buckets![0].region;
const where = { bucket, region };

let emulator: Emulator;
let gateway: CosGateway;
let dir: string;
let local: LocalRegistry;
const engines: TransferEngine[] = [];

beforeEach(async () => {
  emulator = await startEmulator({ seed: SEED });
  gateway = createCosGateway(credentialsFor(emulator, OWNER), { timeoutMs: 5000, backoffMs: 10 });
  dir = mkdtempSync(join(tmpdir(), 'cos-desk-transfers-'));
  local = new LocalRegistry();
});
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

function engine(options: Partial<TransferEngineOptions> = {}): TransferEngine {
  const made = new TransferEngine({
    gateway: () => gateway,
    profileId: () => 'profile-1',
    local,
    multipartThreshold: 2 * MIB,
    partSize: MIB,
    backoffMs: 5,
    drainMs: 100,
    ...options,
  });
  engines.push(made);
  return made;
}

function bytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >>> 16;
  }
  return out;
}

function file(relative: string, content: Buffer | string): string {
  const path = join(dir, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function objectBody(key: string): Promise<Buffer> {
  return (await sdkFor(emulator).getObject({ Bucket: bucket, Region: region, Key: key })).Body as Buffer;
}

async function handles(...paths: string[]): Promise<string[]> {
  return (await local.register(paths)).map((s) => s.handle);
}

async function folderHandle(path: string): Promise<string> {
  mkdirSync(path, { recursive: true });
  return (await local.register([path]))[0].handle;
}

const states = (e: TransferEngine) => Object.fromEntries(e.records().map((r) => [r.key, r.state]));

describe('uploads', () => {
  it('uploads files and a folder, keys keeping the relative paths, each checked against the CRC64 COS answers', async () => {
    const one = file('one.txt', 'first file');
    file('album/a.jpg', bytes(5000));
    file('album/deep/b.jpg', bytes(300, 2));
    const e = engine();
    const started = await e.startUpload({ ...where, prefix: 'in/', sources: await handles(one, join(dir, 'album')), conflict: 'ask' });
    expect(started.queued).toBe(3);
    await e.idle();
    expect(states(e)).toEqual({ 'in/one.txt': 'done', 'in/album/a.jpg': 'done', 'in/album/deep/b.jpg': 'done' });
    expect((await objectBody('in/album/deep/b.jpg')).equals(bytes(300, 2))).toBe(true);
    expect(e.listTransfers().counts.done).toBe(3);
  });

  it('sends a small file as it is when it is sent: grown past one read, or gone, since it was queued', async () => {
    for (const key of ['grows.txt', 'shrinks.txt', 'gone.txt']) await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: `up/${key}`, Body: 'old' });
    const paths = [file('grows.txt', 'small'), file('shrinks.txt', bytes(5000)), file('gone.txt', 'here')];
    const e = engine();
    // Each waits on the user's choice (the key exists) while its file changes.
    await e.startUpload({ ...where, prefix: 'up/', sources: await handles(...paths), conflict: 'ask' });
    await e.idle();
    expect(Object.values(states(e))).toEqual(['asking', 'asking', 'asking']);
    const grown = bytes(3 * MIB, 7);
    writeFileSync(paths[0], grown);
    writeFileSync(paths[1], 'tiny');
    rmSync(paths[2]);
    for (const record of e.records()) e.resolveTransferConflict({ id: record.id, choice: 'overwrite', applyToAll: false });
    await e.idle();
    expect(states(e)).toEqual({ 'up/grows.txt': 'done', 'up/shrinks.txt': 'done', 'up/gone.txt': 'failed' });
    // Grown past the multipart threshold: sent as parts, whole.
    expect((await objectBody('up/grows.txt')).equals(grown)).toBe(true);
    expect((await objectBody('up/shrinks.txt')).toString()).toBe('tiny');
    expect(e.records().find((r) => r.key === 'up/shrinks.txt')).toMatchObject({ size: 4, transferred: 4 });
    expect(e.records().find((r) => r.key === 'up/gone.txt')?.error).toMatchObject({ code: 'SourceUnreadable', params: { reason: 'ENOENT' } });
    expect((await objectBody('up/gone.txt')).toString()).toBe('old');
  });

  it('cancels transfers waiting on the target folder’s listing without waiting for it to answer', async () => {
    // The listing (asked for once for the batch) is held until the end.
    const gate = emulator.faults.gate({ operation: 'GetBucket' });
    const e = engine();
    await e.startUpload({ ...where, prefix: 'wait/', sources: await handles(file('a.txt', 'a'), file('b.txt', 'b')), conflict: 'ask' });
    await gate.arrived();
    expect(Object.values(states(e))).toEqual(['running', 'running']);
    await e.cancelTransfers({});
    // idle() resolves only once no transfer runs: none is left waiting on the listing, which is still held.
    await e.idle();
    expect(gate.heldCount()).toBe(1);
    gate.open();
    expect(Object.values(states(e))).toEqual(['cancelled', 'cancelled']);
    expect((await sdkFor(emulator).getBucket({ Bucket: bucket, Region: region, Prefix: 'wait/' })).Contents).toEqual([]);
  });

  it('sends a large file as parts and checks the whole object’s CRC64 against the parts’ combined', async () => {
    const data = bytes(Math.floor(4.5 * MIB));
    const path = file('big.bin', data);
    const e = engine();
    await e.startUpload({ ...where, prefix: '', sources: await handles(path), conflict: 'overwrite' });
    await e.idle();
    expect(e.records()[0]).toMatchObject({ state: 'done', transferred: data.length });
    const head = await gateway.headObject({ ...where, key: 'big.bin' });
    expect(head.crc64).toBe(crc64(data));
    expect(emulator.requests().filter((r) => r.method === 'PUT' && r.path === '/big.bin')).toHaveLength(5);
    expect(emulator.uploads(bucket)).toEqual([]);
  });

  it('keeps an empty folder as its folder key, and leaves one that is already there', async () => {
    file('tree/photos/a.jpg', 'a');
    mkdirSync(join(dir, 'tree', 'empty', 'deeper'), { recursive: true });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'in/tree/empty/deeper/', Body: '' });
    const e = engine();
    await e.startUpload({ ...where, prefix: 'in/', sources: await handles(join(dir, 'tree')), conflict: 'ask' });
    await e.idle();
    expect(states(e)).toEqual({ 'in/tree/empty/deeper/': 'skipped', 'in/tree/photos/a.jpg': 'done' });
    mkdirSync(join(dir, 'tree', 'new'));
    const again = engine();
    await again.startUpload({ ...where, prefix: 'in/', sources: await handles(join(dir, 'tree', 'new')), conflict: 'ask' });
    await again.idle();
    expect(states(again)).toEqual({ 'in/new/': 'done' });
    const head = await gateway.headObject({ ...where, key: 'in/new/' });
    expect(head.size).toBe(0);
  });

  it('stores each object with the Content-Type of its extension, small files and multipart alike', async () => {
    const paths = [file('types/photo.jpg', bytes(2000)), file('types/notes.txt', 'text'), file('types/clip.mp4', bytes(Math.floor(2.5 * MIB))), file('types/data.zzq', 'x')];
    const e = engine();
    await e.startUpload({ ...where, prefix: '', sources: await handles(...paths), conflict: 'overwrite' });
    await e.idle();
    expect(e.records().map((r) => r.state)).toEqual(['done', 'done', 'done', 'done']);
    const types = await Promise.all(['photo.jpg', 'notes.txt', 'clip.mp4', 'data.zzq'].map(async (key) => (await gateway.headObject({ ...where, key })).contentType));
    expect(types).toEqual(['image/jpeg', 'text/plain', 'video/mp4', 'application/octet-stream']);
  });

  it('fails an upload whose stored bytes do not have the file’s CRC64, and says so', async () => {
    const path = file('c.txt', 'content that will arrive damaged');
    emulator.faults.add({ operation: 'PutObject', kind: 'corruptBody' });
    const e = engine();
    await e.startUpload({ ...where, prefix: '', sources: await handles(path), conflict: 'overwrite' });
    await e.idle();
    expect(e.records()[0]).toMatchObject({ state: 'failed', error: { code: 'ChecksumMismatch' } });
  });

  it('sends a damaged part again, and retries parts cut midway, 5xx and dropped connections', async () => {
    const data = bytes(3 * MIB + 17);
    const path = file('faulty.bin', data);
    emulator.faults.add({ operation: 'UploadPart', kind: 'corruptBody', nth: 1 });
    emulator.faults.add({ operation: 'UploadPart', kind: 'cutRequest', bytes: 100_000, nth: 2 });
    emulator.faults.add({ operation: 'UploadPart', kind: 'status', status: 503, nth: 3 });
    emulator.faults.add({ operation: 'CompleteMultipartUpload', kind: 'resetAfter' });
    const e = engine();
    await e.startUpload({ ...where, prefix: '', sources: await handles(path), conflict: 'overwrite' });
    await e.idle();
    expect(e.records()[0]).toMatchObject({ state: 'done' });
    expect((await objectBody('faulty.bin')).equals(data)).toBe(true);
  });

  it('asks when the key exists; Keep both with apply to all numbers the rest, Skip if identical skips a same file', async () => {
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'up/a.txt', Body: 'old a' });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'up/b.txt', Body: 'old b' });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'up/same.txt', Body: 'same' });
    const paths = [file('a.txt', 'new a'), file('b.txt', 'new b'), file('c.txt', 'new c')];
    const e = engine();
    await e.startUpload({ ...where, prefix: 'up/', sources: await handles(...paths), conflict: 'ask' });
    await e.idle();
    expect(states(e)).toEqual({ 'up/a.txt': 'asking', 'up/b.txt': 'asking', 'up/c.txt': 'done' });
    const asking = e.records().find((r) => r.key === 'up/a.txt')!;
    e.resolveTransferConflict({ id: asking.id, choice: 'keepBoth', applyToAll: true });
    await e.idle();
    expect(states(e)).toEqual({ 'up/a (1).txt': 'done', 'up/b (1).txt': 'done', 'up/c.txt': 'done' });
    expect((await objectBody('up/a.txt')).toString()).toBe('old a');

    const again = engine();
    await again.startUpload({ ...where, prefix: 'up/', sources: await handles(file('same.txt', 'same'), file('a.txt', 'newer')), conflict: 'skipIfIdentical' });
    await again.idle();
    expect(again.records().map((r) => [r.key, r.state, r.identical ?? false])).toEqual([
      ['up/same.txt', 'skipped', true],
      ['up/a.txt', 'done', false],
    ]);
    expect((await objectBody('up/a.txt')).toString()).toBe('newer');
  });

  it('cancel aborts the request in flight and the multipart upload on COS: no parts left behind', async () => {
    const path = file('cancel.bin', bytes(6 * MIB));
    const gate = emulator.faults.gate({ operation: 'UploadPart', nth: 2 });
    const e = engine({ partConcurrency: 1 });
    await e.startUpload({ ...where, prefix: '', sources: await handles(path), conflict: 'overwrite' });
    await gate.arrived();
    expect(emulator.uploads(bucket)).toHaveLength(1);
    await e.cancelTransfers({});
    await e.idle();
    gate.open();
    expect(e.records()[0].state).toBe('cancelled');
    expect(emulator.uploads(bucket)).toEqual([]);
  });

  it('resumes a multipart upload after a restart from the parts COS lists, sending none of them again', async () => {
    const data = bytes(6 * MIB + 5);
    const path = file('resume.bin', data);
    const stateFile = join(dir, 'state', 'transfers.json');
    const gate = emulator.faults.gate({ operation: 'UploadPart', nth: 4 });
    const first = engine({ stateFile, partConcurrency: 1 });
    await first.startUpload({ ...where, prefix: '', sources: await handles(path), conflict: 'overwrite' });
    await gate.arrived();
    await first.close();
    gate.open();

    const second = engine({ stateFile, partConcurrency: 1 });
    await second.load();
    const list = second.listTransfers();
    expect(list.restored).toBe(true);
    expect(list.transfers[0]).toMatchObject({ state: 'paused', transferred: 3 * MIB });
    const before = emulator.requests().length;
    second.resumeTransfers({});
    await second.idle();
    expect(second.records()[0].state).toBe('done');
    // The request held at the gate when the app closed may still land: it is not one the resumed upload sent.
    const parts = emulator.requests().slice(before).filter((r) => r.method === 'PUT' && r.held === undefined);
    expect(parts).toHaveLength(4);
    expect((await objectBody('resume.bin')).equals(data)).toBe(true);
  });
});

describe('downloads', () => {
  it('downloads objects and folders into the chosen folder keeping their structure, checked by CRC64', async () => {
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'docs/readme.txt', Body: 'hello' });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'docs/photos/a.bin', Body: bytes(70_000) });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'docs/photos/empty/', Body: '' });
    const target = join(dir, 'out');
    const e = engine();
    const started = await e.startDownload({ ...where, prefix: 'docs/', keys: ['docs/readme.txt'], folders: ['docs/photos/'], folder: await folderHandle(target), conflict: 'ask' });
    expect(started.queued).toBe(3);
    await e.idle();
    expect(e.records().every((r) => r.state === 'done')).toBe(true);
    expect(readFileSync(join(target, 'readme.txt'), 'utf8')).toBe('hello');
    expect(readFileSync(join(target, 'photos', 'a.bin')).equals(bytes(70_000))).toBe(true);
    expect(existsSync(join(target, 'photos', 'empty'))).toBe(true);
    expect(readdirSync(target).some((n) => n.endsWith('.part'))).toBe(false);
  });

  it('carries on from the bytes it has after an answer cut midway, with a Range from the same object', async () => {
    const data = bytes(900_000, 3);
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'cut.bin', Body: data });
    emulator.faults.add({ operation: 'GetObject', kind: 'cutResponse', bytes: 500_000 });
    const target = join(dir, 'cut');
    const e = engine();
    await e.startDownload({ ...where, prefix: '', keys: ['cut.bin'], folders: [], folder: await folderHandle(target), conflict: 'overwrite' });
    await e.idle();
    expect(e.records()[0].state).toBe('done');
    expect(readFileSync(join(target, 'cut.bin')).equals(data)).toBe(true);
    expect(emulator.requests().filter((r) => r.method === 'GET').map((r) => r.status)).toEqual([200, 206]);
  });

  it('fails a download whose bytes do not match the CRC64, keeping no file', async () => {
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'bad.bin', Body: bytes(10_000) });
    emulator.faults.add({ operation: 'GetObject', kind: 'corruptBody' });
    const target = join(dir, 'bad');
    const e = engine();
    await e.startDownload({ ...where, prefix: '', keys: ['bad.bin'], folders: [], folder: await folderHandle(target), conflict: 'overwrite' });
    await e.idle();
    expect(e.records()[0]).toMatchObject({ state: 'failed', error: { code: 'ChecksumMismatch' } });
    expect(readdirSync(target)).toEqual([]);
  });

  it('checks a large download on the CRC thread: an intact one is kept, a damaged one fails and leaves no file', async () => {
    const data = bytes(6 * MIB, 5);
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'large/good.bin', Body: data });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'large/bad.bin', Body: data });
    emulator.faults.add({ operation: 'GetObject', kind: 'corruptBody', nth: 2 });
    const target = join(dir, 'large');
    const e = engine({ concurrency: 1 });
    await e.startDownload({ ...where, prefix: 'large/', keys: ['large/good.bin', 'large/bad.bin'], folders: [], folder: await folderHandle(target), conflict: 'overwrite' });
    await e.idle();
    expect(states(e)).toEqual({ 'large/good.bin': 'done', 'large/bad.bin': 'failed' });
    expect(e.records()[1].error).toMatchObject({ code: 'ChecksumMismatch' });
    expect(readFileSync(join(target, 'good.bin')).equals(data)).toBe(true);
    expect(readdirSync(target)).toEqual(['good.bin']);
  });

  it('asks about an existing file; Skip leaves it, Overwrite replaces it, and unsafe keys are refused', async () => {
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'x.txt', Body: 'from COS' });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'a/../../escape.txt', Body: 'no' });
    const target = join(dir, 'exists');
    mkdirSync(target);
    writeFileSync(join(target, 'x.txt'), 'mine');
    const e = engine();
    await e.startDownload({ ...where, prefix: '', keys: ['x.txt', 'a/../../escape.txt'], folders: [], folder: await folderHandle(target), conflict: 'ask' });
    await e.idle();
    expect(states(e)).toEqual({ 'x.txt': 'asking', 'a/../../escape.txt': 'failed' });
    expect(e.records()[1].error).toMatchObject({ code: 'UnsafeLocalName', params: { reason: 'dotName' } });
    e.resolveTransferConflict({ id: e.records()[0].id, choice: 'skip', applyToAll: false });
    await e.idle();
    expect(readFileSync(join(target, 'x.txt'), 'utf8')).toBe('mine');
    e.retryTransfers({});
    await e.idle();
    const again = engine();
    await again.startDownload({ ...where, prefix: '', keys: ['x.txt'], folders: [], folder: await folderHandle(target), conflict: 'overwrite' });
    await again.idle();
    expect(readFileSync(join(target, 'x.txt'), 'utf8')).toBe('from COS');
    expect(existsSync(join(dir, 'escape.txt'))).toBe(false);
  });

  it('never overwrites a file that appears at the target while the object is on its way: it asks then, small or large', async () => {
    const large = bytes(300_000, 7);
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'late/small.txt', Body: 'from COS' });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'late/large.bin', Body: large });
    const target = join(dir, 'late');
    const gate = emulator.faults.gate({ operation: 'GetObject', times: 2 });
    const e = engine({ concurrency: 2 });
    await e.startDownload({ ...where, prefix: 'late/', keys: ['late/small.txt', 'late/large.bin'], folders: [], folder: await folderHandle(target), conflict: 'ask' });
    // Both targets were free when their downloads started; files appear there before the bytes come.
    await gate.arrived(2);
    writeFileSync(join(target, 'small.txt'), 'mine');
    writeFileSync(join(target, 'large.bin'), 'also mine');
    gate.open();
    await e.idle();
    expect(states(e)).toEqual({ 'late/small.txt': 'asking', 'late/large.bin': 'asking' });
    expect(readFileSync(join(target, 'small.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(target, 'large.bin'), 'utf8')).toBe('also mine');
    expect(readdirSync(target).sort()).toEqual(['large.bin', 'small.txt']);

    e.resolveTransferConflict({ id: e.records()[0].id, choice: 'keepBoth', applyToAll: true });
    await e.idle();
    expect(readFileSync(join(target, 'small (1).txt'), 'utf8')).toBe('from COS');
    expect(readFileSync(join(target, 'large (1).bin')).equals(large)).toBe(true);
    expect(readFileSync(join(target, 'small.txt'), 'utf8')).toBe('mine');
  });

  it('keeps both of two keys that come to the same local name (`a:b` is made `a_b`): the second never overwrites the first', async () => {
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'same/a:b.txt', Body: 'colon' });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'same/a_b.txt', Body: 'underscore' });
    const target = join(dir, 'same');
    const e = engine({ concurrency: 2 });
    await e.startDownload({ ...where, prefix: 'same/', keys: ['same/a:b.txt', 'same/a_b.txt'], folders: [], folder: await folderHandle(target), conflict: 'keepBoth' });
    await e.idle();
    expect(states(e)).toEqual({ 'same/a:b.txt': 'done', 'same/a_b.txt': 'done' });
    expect(readdirSync(target).sort()).toEqual(['a_b (1).txt', 'a_b.txt']);
    const contents = readdirSync(target).map((name) => readFileSync(join(target, name), 'utf8'));
    expect(contents.sort()).toEqual(['colon', 'underscore']);
  });

  it('gives two large downloads that come to the same local name a .part file each, and keeps both', async () => {
    const colon = bytes(200_000, 11);
    const underscore = bytes(300_000, 12);
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'big/a:b.bin', Body: colon });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'big/a_b.bin', Body: underscore });
    const target = join(dir, 'big');
    const gate = emulator.faults.gate({ operation: 'GetObject', times: 2 });
    const e = engine({ concurrency: 2 });
    await e.startDownload({ ...where, prefix: 'big/', keys: ['big/a:b.bin', 'big/a_b.bin'], folders: [], folder: await folderHandle(target), conflict: 'keepBoth' });
    // Both under way at once, each writing its own .part file.
    await gate.arrived(2);
    gate.open();
    await e.idle();
    expect(states(e)).toEqual({ 'big/a:b.bin': 'done', 'big/a_b.bin': 'done' });
    expect(readdirSync(target).sort()).toEqual(['a_b (1).bin', 'a_b.bin']);
    const kept = readdirSync(target).map((name) => readFileSync(join(target, name)));
    expect(kept.some((b) => b.equals(colon)) && kept.some((b) => b.equals(underscore))).toBe(true);
  });

  it('meets a file that appears during the download with Skip if identical: a same file is skipped, a different one replaced', async () => {
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'same.txt', Body: 'from COS' });
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'other.txt', Body: 'from COS' });
    const target = join(dir, 'identical');
    const gate = emulator.faults.gate({ operation: 'GetObject', times: 2 });
    const e = engine({ concurrency: 2 });
    await e.startDownload({ ...where, prefix: '', keys: ['same.txt', 'other.txt'], folders: [], folder: await folderHandle(target), conflict: 'skipIfIdentical' });
    await gate.arrived(2);
    writeFileSync(join(target, 'same.txt'), 'from COS');
    writeFileSync(join(target, 'other.txt'), 'from me!');
    gate.open();
    await e.idle();
    expect(states(e)).toEqual({ 'same.txt': 'skipped', 'other.txt': 'done' });
    expect(e.records().find((r) => r.key === 'same.txt')?.identical).toBe(true);
    expect(readFileSync(join(target, 'other.txt'), 'utf8')).toBe('from COS');
    expect(readdirSync(target).sort()).toEqual(['other.txt', 'same.txt']);
  });

  it('does not follow a link planted where the .part file goes: nothing is written outside the folder', async () => {
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'x.txt', Body: 'from COS' });
    const target = join(dir, 'linked');
    const outside = file('outside.txt', 'not yours');
    mkdirSync(target);
    symlinkSync(outside, join(target, 'x.txt.part'));
    const e = engine();
    await e.startDownload({ ...where, prefix: '', keys: ['x.txt'], folders: [], folder: await folderHandle(target), conflict: 'overwrite' });
    await e.idle();
    expect(e.records()[0]).toMatchObject({ state: 'failed', error: { code: 'LocalWriteFailed', params: { reason: 'ELOOP' } } });
    expect(readFileSync(outside, 'utf8')).toBe('not yours');
    expect(existsSync(join(target, 'x.txt'))).toBe(false);
  });

  it('pauses a download keeping its .part file, and resumes from it after a restart', async () => {
    const data = bytes(3 * MIB, 9);
    await sdkFor(emulator).putObject({ Bucket: bucket, Region: region, Key: 'long.bin', Body: data });
    emulator.faults.add({ operation: 'GetObject', kind: 'cutResponse', bytes: 2 * MIB, times: 1 });
    const stateFile = join(dir, 'dl-state.json');
    const target = join(dir, 'long');
    const first = engine({ stateFile, maxTries: 1 });
    await first.startDownload({ ...where, prefix: '', keys: ['long.bin'], folders: [], folder: await folderHandle(target), conflict: 'overwrite' });
    await first.idle();
    // What reached the client before the cut (a little may be lost with the connection).
    const kept = first.records()[0];
    expect(kept.state).toBe('failed');
    expect(kept.transferred).toBeGreaterThan(MIB);
    expect(kept.transferred).toBeLessThanOrEqual(2 * MIB);
    await first.close();
    expect(existsSync(join(target, 'long.bin.part'))).toBe(true);

    const second = engine({ stateFile });
    await second.load();
    second.retryTransfers({});
    await second.idle();
    expect(second.records()[0].state).toBe('done');
    expect(readFileSync(join(target, 'long.bin')).equals(data)).toBe(true);
    expect(emulator.requests().filter((r) => r.method === 'GET').map((r) => r.status)).toEqual([200, 206]);
  });
});
