import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { crc64 } from './crc64';
import { startEmulator } from './index';
import { OWNER, STRANGER, errorCode, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator } from './types';

const Bucket = 'photos-1250000000';
const Region = 'ap-guangzhou';
const HOST = `${Bucket}.cos.${Region}.myqcloud.com`;

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({
    seed: {
      accounts: [OWNER, STRANGER],
      buckets: [
        { name: Bucket, region: Region },
        { name: 'other-1250000000', region: 'ap-beijing' },
        { name: 'theirs-1250000001', region: Region, owner: STRANGER.ownerUin },
      ],
    },
  });
});
afterEach(() => emulator.close());

const cos = () => sdkFor(emulator);
const put = (Key: string, Body: string | Buffer, extra: Record<string, unknown> = {}) =>
  cos().putObject({ Bucket, Region, Key, Body, ...extra });
const get = (Key: string, extra: Record<string, unknown> = {}) => cos().getObject({ Bucket, Region, Key, ...extra });
const head = (Key: string, extra: Record<string, unknown> = {}) => cos().headObject({ Bucket, Region, Key, ...extra });

describe('PUT Object and GET Object', () => {
  it('stores the bytes and answers the documented ETag and CRC64 (doc 7749 vector)', async () => {
    const stored = await put('doc/object.txt', '[Object Content]');
    expect(stored.ETag).toBe('"ee8de918d05640145b18f70f4c3aa602"');
    expect(stored.headers?.['x-cos-hash-crc64ecma']).toBe('16749565679157681890');
    expect(stored.VersionId).toBeUndefined();
    const read = await get('doc/object.txt');
    expect(read.Body.toString()).toBe('[Object Content]');
    expect(read.ETag).toBe('"ee8de918d05640145b18f70f4c3aa602"');
    expect(read.headers).toMatchObject({
      'x-cos-hash-crc64ecma': '16749565679157681890',
      'content-length': '16',
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
    });
  });

  it('keeps the object headers and x-cos-meta-* it was given, and leaves out those it was not', async () => {
    await put('meta.html', '<p>hi</p>', {
      ContentType: 'text/html',
      CacheControl: 'max-age=60',
      ContentDisposition: 'attachment; filename="m.html"',
      ContentEncoding: 'identity',
      Expires: 'Wed, 21 Oct 2037 07:28:00 GMT',
      StorageClass: 'STANDARD_IA',
      'x-cos-meta-author': 'ada_lovelace',
    });
    const { headers } = await head('meta.html');
    expect(headers).toMatchObject({
      'content-type': 'text/html',
      'cache-control': 'max-age=60',
      'content-disposition': 'attachment; filename="m.html"',
      'content-encoding': 'identity',
      expires: 'Wed, 21 Oct 2037 07:28:00 GMT',
      'x-cos-storage-class': 'STANDARD_IA',
      'x-cos-meta-author': 'ada_lovelace',
      'content-length': '9',
    });
    await put('plain.txt', 'x');
    const plain = await head('plain.txt');
    expect(plain.headers).not.toHaveProperty('cache-control');
    expect(plain.headers).not.toHaveProperty('x-cos-storage-class');
  });

  it('lets response-* parameters override what GET answers with', async () => {
    await put('report.csv', 'a,b');
    const read = await get('report.csv', { ResponseContentType: 'text/csv', ResponseContentDisposition: 'attachment' });
    expect(read.headers).toMatchObject({ 'content-type': 'text/csv', 'content-disposition': 'attachment' });
  });

  it('refuses a metadata name with an underscore and an unknown storage class', async () => {
    await expect(put('a', 'x', { 'x-cos-meta-bad_name': 'v' })).rejects.toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    await expect(put('a', 'x', { StorageClass: 'COLD' })).rejects.toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
  });

  it('checks Content-MD5: a mismatch is BadDigest and nothing is stored', async () => {
    const cosChecking = sdkFor(emulator);
    (cosChecking as unknown as { options: { UploadCheckContentMd5: boolean } }).options.UploadCheckContentMd5 = true;
    await expect(cosChecking.putObject({ Bucket, Region, Key: 'md5.txt', Body: 'right' })).resolves.toMatchObject({ statusCode: 200 });
    const authorization = sdkAuthorization(OWNER, { method: 'put', host: HOST, pathname: '/bad.txt' });
    const wrong = await rawRequest(emulator, {
      method: 'PUT',
      host: HOST,
      path: '/bad.txt',
      headers: { authorization, 'content-md5': createHash('md5').update('other').digest('base64') },
      body: 'right',
    });
    expect(wrong.status).toBe(400);
    expect(errorCode(wrong.body)).toBe('BadDigest');
    await expect(head('bad.txt')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('overwrites silently where versioning is off', async () => {
    await put('same.txt', 'one');
    await put('same.txt', 'two');
    expect((await get('same.txt')).Body.toString()).toBe('two');
    expect(emulator.objectVersions(Bucket)).toHaveLength(1);
  });

  it('streams an upload of many megabytes to disk and back, byte for byte', async () => {
    const big = Buffer.alloc(12 * 1024 * 1024 + 7);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32LE(i, i);
    const stored = await put('big.bin', big);
    expect(stored.ETag).toBe(`"${createHash('md5').update(big).digest('hex')}"`);
    expect(stored.headers?.['x-cos-hash-crc64ecma']).toBe(crc64(big));
    expect(readdirSync(emulator.dataFolder).length).toBeGreaterThan(0);
    expect((await get('big.bin')).Body.equals(big)).toBe(true);
  });

  it('stores nothing, and keeps no file, when an upload is cut short', async () => {
    const pathname = '/cut.bin';
    const authorization = sdkAuthorization(OWNER, { method: 'put', host: HOST, pathname });
    const req = httpRequest({
      host: '127.0.0.1',
      port: emulator.port,
      method: 'PUT',
      path: pathname,
      headers: { host: HOST, authorization, 'content-length': '100000' },
    });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(1000));
    const patiently = { timeout: 15_000 };
    await vi.waitFor(() => expect(readdirSync(emulator.dataFolder)).toHaveLength(1), patiently);
    req.destroy();
    await vi.waitFor(() => expect(emulator.requests().at(-1)).toMatchObject({ method: 'PUT', code: 'RequestTimeout' }), patiently);
    expect(readdirSync(emulator.dataFolder)).toEqual([]);
    await expect(head('cut.bin')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('serves the SDK’s downloadFile, whose parallel range reads check the CRC64 and size against HEAD', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024 + 11, 'downloaded ');
    await put('dl/big.bin', content);
    const folder = mkdtempSync(join(tmpdir(), 'cos-download-test-'));
    try {
      const FilePath = join(folder, 'big.bin');
      await cos().downloadFile({ Bucket, Region, Key: 'dl/big.bin', FilePath, ChunkSize: 1024 * 1024 } as never);
      expect(readFileSync(FilePath).equals(content)).toBe(true);
      const ranged = emulator.requests().filter((r) => r.method === 'GET' && r.path === '/dl/big.bin');
      expect(ranged.map((r) => r.status)).toEqual([206, 206, 206, 206]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('removes its data folder on close', async () => {
    await put('x.txt', 'x');
    const folder = emulator.dataFolder;
    expect(existsSync(folder)).toBe(true);
    await emulator.close();
    expect(existsSync(folder)).toBe(false);
  });
});

describe('keys that need URL encoding', () => {
  it.each(['with space.txt', '100%.txt', 'a+b.txt', '照片/2020年/IMG 0001.jpg', 'a//b', "quote'(x)*!.txt", 'tilde~&amp;.txt'])(
    'stores and reads %j under exactly that key',
    async (Key) => {
      await put(Key, `content of ${Key}`);
      expect((await get(Key)).Body.toString()).toBe(`content of ${Key}`);
      const listed = await cos().getBucket({ Bucket, Region, Prefix: Key });
      expect(listed.Contents.map((c) => c.Key)).toEqual([Key]);
    },
  );

  it('refuses keys over 850 bytes of UTF-8 with KeyTooLong', async () => {
    await expect(put('é'.repeat(426), 'x')).rejects.toMatchObject({ statusCode: 400, code: 'KeyTooLong' });
    await expect(put('é'.repeat(425), 'x')).resolves.toMatchObject({ statusCode: 200 });
  });
});

describe('HEAD Object', () => {
  it('answers the headers without a body, and a bare 404 for a missing key', async () => {
    await put('h.txt', '[Object Content]');
    const found = await head('h.txt');
    expect(found.headers).toMatchObject({ 'content-length': '16', etag: '"ee8de918d05640145b18f70f4c3aa602"' });
    expect(Date.parse(found.headers?.['last-modified'] ?? '')).not.toBeNaN();
    await expect(head('missing.txt')).rejects.toMatchObject({ statusCode: 404, code: '404' });
  });
});

describe('GET Object errors', () => {
  it('answers NoSuchKey for a missing key and NoSuchBucket for a missing bucket', async () => {
    await expect(get('missing.txt')).rejects.toMatchObject({ statusCode: 404, code: 'NoSuchKey' });
    await expect(cos().getObject({ Bucket: 'gone-1250000000', Region, Key: 'a' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'NoSuchBucket',
    });
  });

  it('refuses another owner’s bucket with AccessDenied', async () => {
    await expect(cos().getObject({ Bucket: 'theirs-1250000001', Region, Key: 'a' })).rejects.toMatchObject({
      statusCode: 403,
      code: 'AccessDenied',
    });
  });

  it('refuses to read an archived object with InvalidObjectState, yet HEAD describes it', async () => {
    await put('cold.bin', 'zzz', { StorageClass: 'ARCHIVE' });
    await expect(get('cold.bin')).rejects.toMatchObject({ statusCode: 403, code: 'InvalidObjectState' });
    expect((await head('cold.bin')).headers?.['x-cos-storage-class']).toBe('ARCHIVE');
    const CopySource = `${HOST}/cold.bin`;
    await expect(cos().putObjectCopy({ Bucket, Region, Key: 'warm.bin', CopySource })).rejects.toMatchObject({ code: 'InvalidObjectState' });
  });

  it('lists an intelligent-tiering object with its storage tier', async () => {
    await put('smart.bin', 'x', { StorageClass: 'INTELLIGENT_TIERING' });
    const [listed] = (await cos().getBucket({ Bucket, Region })).Contents;
    expect(listed).toMatchObject({ StorageClass: 'INTELLIGENT_TIERING', StorageTier: 'FREQUENT' });
  });
});

describe('Range', () => {
  beforeEach(() => put('r.txt', '[Object Content]'));

  it('answers one range with 206, Content-Range and the whole object’s CRC64', async () => {
    const part = await get('r.txt', { Range: 'bytes=8-14' });
    expect(part.statusCode).toBe(206);
    expect(part.Body.toString()).toBe('Content');
    expect(part.headers).toMatchObject({
      'content-range': 'bytes 8-14/16',
      'content-length': '7',
      'x-cos-hash-crc64ecma': '16749565679157681890',
    });
  });

  it('reads open-ended and suffix ranges, clipping the end to the size', async () => {
    expect((await get('r.txt', { Range: 'bytes=9-' })).Body.toString()).toBe('ontent]');
    expect((await get('r.txt', { Range: 'bytes=-8' })).Body.toString()).toBe('Content]');
    const clipped = await get('r.txt', { Range: 'bytes=10-999' });
    expect(clipped.headers?.['content-range']).toBe('bytes 10-15/16');
  });

  it('answers 416 InvalidRange when the range starts past the end', async () => {
    await expect(get('r.txt', { Range: 'bytes=16-20' })).rejects.toMatchObject({ statusCode: 416, code: 'InvalidRange' });
  });
});

describe('conditional GET and HEAD', () => {
  const etag = '"ee8de918d05640145b18f70f4c3aa602"';
  beforeEach(() => put('c.txt', '[Object Content]'));

  it('answers 412 PreconditionFailed when If-Match or If-Unmodified-Since fails', async () => {
    await expect(get('c.txt', { IfMatch: '"0000"' })).rejects.toMatchObject({ statusCode: 412, code: 'PreconditionFailed' });
    await expect(get('c.txt', { IfUnmodifiedSince: 'Thu, 01 Jan 2015 00:00:00 GMT' })).rejects.toMatchObject({ statusCode: 412 });
    await expect(get('c.txt', { IfMatch: etag })).resolves.toMatchObject({ statusCode: 200 });
  });

  it('answers 304 when If-None-Match matches or nothing changed since If-Modified-Since', async () => {
    await expect(get('c.txt', { IfNoneMatch: etag })).rejects.toMatchObject({ statusCode: 304 });
    const later = new Date(Date.now() + 60_000).toUTCString();
    await expect(head('c.txt', { IfModifiedSince: later })).resolves.toMatchObject({ NotModified: true });
    await expect(get('c.txt', { IfModifiedSince: 'Thu, 01 Jan 2015 00:00:00 GMT' })).resolves.toMatchObject({ statusCode: 200 });
  });
});

describe('DELETE Object', () => {
  it('answers 204 and the object is gone; a missing key answers 204 too', async () => {
    await put('d.txt', 'x');
    await expect(cos().deleteObject({ Bucket, Region, Key: 'd.txt' })).resolves.toMatchObject({ statusCode: 204 });
    await expect(head('d.txt')).rejects.toMatchObject({ statusCode: 404 });
    await expect(cos().deleteObject({ Bucket, Region, Key: 'never.txt' })).resolves.toMatchObject({ statusCode: 204 });
  });
});

describe('PUT Object - Copy', () => {
  const source = (key: string, bucket = Bucket, region = Region) => `${bucket}.cos.${region}.myqcloud.com/${encodeURIComponent(key)}`;

  it('copies bytes and metadata (COPY), answering CopyObjectResult with ETag and CRC64', async () => {
    await put('src dir/a b.txt', '[Object Content]', { ContentType: 'text/plain', 'x-cos-meta-k': 'v' });
    const copied = await cos().putObjectCopy({ Bucket: 'other-1250000000', Region: 'ap-beijing', Key: 'copy.txt', CopySource: source('src dir/a b.txt') });
    expect(copied).toMatchObject({ ETag: '"ee8de918d05640145b18f70f4c3aa602"', CRC64: '16749565679157681890' });
    expect(copied.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const read = await cos().getObject({ Bucket: 'other-1250000000', Region: 'ap-beijing', Key: 'copy.txt' });
    expect(read.Body.toString()).toBe('[Object Content]');
    expect(read.headers).toMatchObject({ 'content-type': 'text/plain', 'x-cos-meta-k': 'v' });
  });

  it('replaces metadata with REPLACED, which is required to copy an object onto itself', async () => {
    await put('self.txt', 'x', { 'x-cos-meta-k': 'old' });
    await expect(cos().putObjectCopy({ Bucket, Region, Key: 'self.txt', CopySource: source('self.txt') })).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidRequest',
    });
    await cos().putObjectCopy({
      Bucket,
      Region,
      Key: 'self.txt',
      CopySource: source('self.txt'),
      MetadataDirective: 'Replaced',
      ContentType: 'text/x-new',
      'x-cos-meta-k': 'new',
    } as never);
    const { headers } = await head('self.txt');
    expect(headers).toMatchObject({ 'content-type': 'text/x-new', 'x-cos-meta-k': 'new' });
  });

  it('answers NoSuchKey for a missing source and 412 when a copy-source condition fails', async () => {
    await expect(cos().putObjectCopy({ Bucket, Region, Key: 'c', CopySource: source('nothing') })).rejects.toMatchObject({
      statusCode: 404,
      code: 'NoSuchKey',
    });
    await put('s.txt', 'x');
    await expect(
      cos().putObjectCopy({ Bucket, Region, Key: 'c', CopySource: source('s.txt'), CopySourceIfMatch: '"nope"' } as never),
    ).rejects.toMatchObject({ statusCode: 412, code: 'PreconditionFailed' });
  });
});

describe('presigned URLs', () => {
  const rawFromUrl = (url: string, method = 'GET', body?: string) => {
    const { host, pathname, search } = new URL(url);
    return rawRequest(emulator, { method, host, path: pathname + search, body, headers: body ? { 'content-length': String(body.length) } : {} });
  };

  it('reads and writes an object with the signature in the query, and refuses a tampered one', async () => {
    const Key = 'shared/a b+c.txt';
    const putUrl = cos().getObjectUrl({ Bucket, Region, Key, Method: 'PUT', Sign: true, Expires: 60 }, () => undefined);
    expect((await rawFromUrl(putUrl, 'PUT', 'via url')).status).toBe(200);
    const getUrl = cos().getObjectUrl({ Bucket, Region, Key, Sign: true, Expires: 60 }, () => undefined);
    const read = await rawFromUrl(getUrl);
    expect(read.status).toBe(200);
    expect(read.body).toBe('via url');
    const other = await rawFromUrl(getUrl.replace('a%20b', 'a%20c'));
    expect(other.status).toBe(403);
    expect(errorCode(other.body)).toBe('SignatureDoesNotMatch');
  });

  it('signs response-* overrides listed in the URL', async () => {
    await put('report.csv', 'a,b');
    const url = cos().getObjectUrl(
      { Bucket, Region, Key: 'report.csv', Sign: true, Query: { 'response-content-type': 'text/csv' } },
      () => undefined,
    );
    const read = await rawFromUrl(url);
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toBe('text/csv');
  });
});
