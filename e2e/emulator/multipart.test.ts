import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc64 } from './crc64';
import { startEmulator } from './index';
import { OWNER, errorCode, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator } from './types';

const Bucket = 'photos-1250000000';
const Region = 'ap-guangzhou';
const MB = 1024 * 1024;

let emulator: Emulator;
let folder: string;
beforeEach(async () => {
  emulator = await startEmulator({ seed: { accounts: [OWNER], buckets: [{ name: Bucket, region: Region }] } });
  folder = mkdtempSync(join(tmpdir(), 'cos-multipart-test-'));
});
afterEach(async () => {
  await emulator.close();
  rmSync(folder, { recursive: true, force: true });
});

const cos = () => sdkFor(emulator);

function bytes(size: number, seed: number): Buffer {
  const data = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) data.writeUInt32LE((i * 2654435761 + seed) >>> 0, i);
  return data;
}

async function begin(Key: string): Promise<string> {
  return (await cos().multipartInit({ Bucket, Region, Key })).UploadId;
}

async function part(Key: string, UploadId: string, PartNumber: number, Body: Buffer): Promise<string> {
  return (await cos().multipartUpload({ Bucket, Region, Key, UploadId, PartNumber, Body })).ETag;
}

const complete = (Key: string, UploadId: string, Parts: { PartNumber: number; ETag: string }[]) =>
  cos().multipartComplete({ Bucket, Region, Key, UploadId, Parts });

describe('a multipart upload from start to end', () => {
  it('joins parts into one object whose CRC64 is that of the whole content', async () => {
    const pieces = [bytes(MB, 1), bytes(MB, 2), bytes(5, 3)];
    const UploadId = await begin('big/file.bin');
    const etags = [];
    for (const [i, piece] of pieces.entries()) {
      const etag = await part('big/file.bin', UploadId, i + 1, piece);
      expect(etag).toBe(`"${createHash('md5').update(piece).digest('hex')}"`);
      etags.push({ PartNumber: i + 1, ETag: etag });
    }
    const done = await complete('big/file.bin', UploadId, etags);
    const whole = Buffer.concat(pieces);
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
    expect(done.headers?.['x-cos-hash-crc64ecma']).toBe(crc64(whole));
    expect(done).toMatchObject({ Bucket, Key: 'big/file.bin' });
    const read = await cos().getObject({ Bucket, Region, Key: 'big/file.bin' });
    expect(read.Body.equals(whole)).toBe(true);
    expect(read.headers).toMatchObject({ etag: done.ETag, 'x-cos-hash-crc64ecma': crc64(whole) });
    expect(emulator.uploads(Bucket)).toEqual([]);
  });

  it('matches the documented one-part vector (doc 7750/7742)', async () => {
    const UploadId = await begin('doc');
    const etag = await part('doc', UploadId, 1, Buffer.from('[Object Part]'));
    expect(etag).toBe('"108f528eb63b65e734f27ae331f5ffaa"');
    const done = await complete('doc', UploadId, [{ PartNumber: 1, ETag: etag }]);
    expect(done.headers?.['x-cos-hash-crc64ecma']).toBe('4510578591875220731');
  });

  it('serves the SDK’s sliceUploadFile, which checks every part’s Content-MD5', async () => {
    const file = join(folder, 'upload.bin');
    const content = bytes(3 * MB + 123, 9);
    writeFileSync(file, content);
    const client = new COS({ SecretId: OWNER.secretId, SecretKey: OWNER.secretKey, Protocol: 'http:', Ip: emulator.address, ConfCwd: folder } as never);
    const done = await client.sliceUploadFile({ Bucket, Region, Key: 'sliced.bin', FilePath: file, ChunkSize: MB } as never);
    expect((done as { ETag: string }).ETag).toMatch(/-4"$/);
    const head = await cos().headObject({ Bucket, Region, Key: 'sliced.bin' });
    expect(head.headers).toMatchObject({ 'content-length': String(content.length), 'x-cos-hash-crc64ecma': crc64(content) });
  });

  it('keeps the metadata given at initiation, and reports a version id once versioning is enabled', async () => {
    await cos().putBucketVersioning({ Bucket, Region, VersioningConfiguration: { Status: 'Enabled' } });
    const { UploadId } = await cos().multipartInit({ Bucket, Region, Key: 'm', ContentType: 'image/png', 'x-cos-meta-k': 'v' } as never);
    const etag = await part('m', UploadId, 1, Buffer.from('x'));
    const done = await complete('m', UploadId, [{ PartNumber: 1, ETag: etag }]);
    expect(done.headers?.['x-cos-version-id']).toBeTruthy();
    expect((await cos().headObject({ Bucket, Region, Key: 'm' })).headers).toMatchObject({ 'content-type': 'image/png', 'x-cos-meta-k': 'v' });
  });
});

describe('Upload Part - Copy', () => {
  it('serves the SDK’s sliceCopyFile: parts copied from ranges of the source make the same bytes', async () => {
    emulator.addObjects([{ bucket: Bucket, key: 'source/big.bin', size: 3 * MB + 17 }]);
    const CopySource = `${Bucket}.cos.${Region}.myqcloud.com/source/big.bin`;
    await cos().sliceCopyFile({ Bucket, Region, Key: 'copy/big.bin', CopySource, CopySliceSize: MB, CopyChunkSize: MB } as never);
    const copies = emulator.requests().filter((r) => r.method === 'PUT' && r.path === '/copy/big.bin');
    expect(copies.length).toBe(4);
    const [source, copy] = await Promise.all(['source/big.bin', 'copy/big.bin'].map((Key) => cos().getObject({ Bucket, Region, Key })));
    expect(copy.Body.equals(source.Body)).toBe(true);
    expect(copy.headers?.['x-cos-hash-crc64ecma']).toBe(source.headers?.['x-cos-hash-crc64ecma']);
    expect(copy.ETag).toMatch(/-4"$/);
  });

  it('answers CopyPartResult for one range, and refuses a range outside the source', async () => {
    await cos().putObject({ Bucket, Region, Key: 'src.txt', Body: '[Object Content]' });
    const UploadId = await begin('dst.txt');
    const CopySource = `${Bucket}.cos.${Region}.myqcloud.com/src.txt`;
    const copied = await cos().uploadPartCopy({ Bucket, Region, Key: 'dst.txt', UploadId, PartNumber: 1, CopySource, CopySourceRange: 'bytes=8-14' } as never);
    expect((copied as { ETag: string }).ETag).toBe(`"${createHash('md5').update('Content').digest('hex')}"`);
    await expect(
      cos().uploadPartCopy({ Bucket, Region, Key: 'dst.txt', UploadId, PartNumber: 2, CopySource, CopySourceRange: 'bytes=8-16' } as never),
    ).rejects.toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
  });
});

describe('Complete Multipart Upload errors', () => {
  it('refuses a part under 1 MB that is not the last with EntityTooSmall', async () => {
    const UploadId = await begin('small');
    const a = await part('small', UploadId, 1, bytes(1000, 1));
    const b = await part('small', UploadId, 2, bytes(1000, 2));
    await expect(complete('small', UploadId, [{ PartNumber: 1, ETag: a }, { PartNumber: 2, ETag: b }])).rejects.toMatchObject({
      statusCode: 400,
      code: 'EntityTooSmall',
    });
    // The upload survives a refused Complete.
    expect(emulator.uploads(Bucket)).toHaveLength(1);
  });

  it('refuses parts out of order, with gaps, unknown or with a wrong ETag', async () => {
    const UploadId = await begin('k');
    const a = await part('k', UploadId, 1, bytes(MB, 1));
    const b = await part('k', UploadId, 2, bytes(MB, 2));
    const c = await part('k', UploadId, 3, bytes(10, 3));
    await expect(complete('k', UploadId, [{ PartNumber: 2, ETag: b }, { PartNumber: 1, ETag: a }])).rejects.toMatchObject({
      code: 'InvalidPartOrder',
    });
    await expect(complete('k', UploadId, [{ PartNumber: 1, ETag: a }, { PartNumber: 3, ETag: c }])).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidPart',
    });
    await expect(complete('k', UploadId, [{ PartNumber: 1, ETag: a }, { PartNumber: 2, ETag: a }])).rejects.toMatchObject({
      code: 'InvalidPart',
    });
    await expect(complete('k', UploadId, [{ PartNumber: 4, ETag: c }])).rejects.toMatchObject({ code: 'InvalidPart' });
  });

  it('answers NoSuchUpload for an unknown upload id, and once an upload is aborted', async () => {
    await expect(complete('x', 'nope', [{ PartNumber: 1, ETag: '"a"' }])).rejects.toMatchObject({ statusCode: 404, code: 'NoSuchUpload' });
    await expect(part('x', 'nope', 1, Buffer.from('a'))).rejects.toMatchObject({ statusCode: 404, code: 'NoSuchUpload' });
    const UploadId = await begin('x');
    await expect(cos().multipartAbort({ Bucket, Region, Key: 'x', UploadId })).resolves.toMatchObject({ statusCode: 204 });
    await expect(cos().multipartAbort({ Bucket, Region, Key: 'x', UploadId })).rejects.toMatchObject({ code: 'NoSuchUpload' });
    await expect(cos().multipartListPart({ Bucket, Region, Key: 'x', UploadId })).rejects.toMatchObject({ code: 'NoSuchUpload' });
  });

  it('refuses a Complete body whose Content-MD5 does not match with BadDigest', async () => {
    const UploadId = await begin('md5');
    const ETag = await part('md5', UploadId, 1, Buffer.from('x'));
    const host = `${Bucket}.cos.${Region}.myqcloud.com`;
    const authorization = sdkAuthorization(OWNER, { method: 'post', host, pathname: '/md5', query: { uploadId: UploadId } });
    const res = await rawRequest(emulator, {
      method: 'POST',
      host,
      path: `/md5?uploadId=${UploadId}`,
      headers: { authorization, 'content-md5': createHash('md5').update('something else').digest('base64') },
      body: `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${ETag}</ETag></Part></CompleteMultipartUpload>`,
    });
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('BadDigest');
    expect(emulator.uploads(Bucket)).toHaveLength(1);
  });

  it('refuses part numbers outside 1 to 10,000', async () => {
    const UploadId = await begin('n');
    await expect(part('n', UploadId, 10_001, Buffer.from('a'))).rejects.toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
  });
});

describe('List Parts', () => {
  it('pages through parts with max-parts and part-number-marker; a part uploaded again replaces the old one', async () => {
    const UploadId = await begin('p');
    for (const n of [1, 2, 3]) await part('p', UploadId, n, Buffer.from(`part ${n}`));
    const again = await part('p', UploadId, 2, Buffer.from('part two, again'));
    const first = await cos().multipartListPart({ Bucket, Region, Key: 'p', UploadId, MaxParts: 2 } as never);
    expect(first.Part.map((p) => p.PartNumber)).toEqual(['1', '2']);
    expect(first.Part[1]).toMatchObject({ ETag: again, Size: '15' });
    expect(first).toMatchObject({ IsTruncated: 'true', NextPartNumberMarker: '2', StorageClass: 'STANDARD' });
    const rest = await cos().multipartListPart({ Bucket, Region, Key: 'p', UploadId, PartNumberMarker: '2' } as never);
    expect(rest.Part.map((p) => p.PartNumber)).toEqual(['3']);
    expect(rest.IsTruncated).toBe('false');
  });
});

describe('List Multipart Uploads', () => {
  it('lists unfinished uploads by key, folding by delimiter and paging with key and upload id markers', async () => {
    const ids: Record<string, string> = {};
    for (const key of ['b', 'a', 'dir/one', 'dir/two']) ids[key] = await begin(key);
    const second = await begin('a');
    const all = await cos().multipartList({ Bucket, Region, Prefix: '' } as never);
    expect(all.Upload.map((u) => [u.Key, u.UploadId])).toEqual([
      ['a', ids.a],
      ['a', second],
      ['b', ids.b],
      ['dir/one', ids['dir/one']],
      ['dir/two', ids['dir/two']],
    ]);
    expect(all.Upload[0]).toMatchObject({ StorageClass: 'STANDARD' });

    const folded = await cos().multipartList({ Bucket, Region, Delimiter: '/' } as never);
    expect(folded.Upload.map((u) => u.Key)).toEqual(['a', 'a', 'b']);
    expect((folded as unknown as { CommonPrefixes: unknown }).CommonPrefixes).toEqual({ Prefix: 'dir/' });

    const page = await cos().multipartList({ Bucket, Region, MaxUploads: 1 } as never);
    expect(page).toMatchObject({ IsTruncated: 'true', NextKeyMarker: 'a', NextUploadIdMarker: ids.a });
    const next = await cos().multipartList({ Bucket, Region, MaxUploads: 2, KeyMarker: 'a', UploadIdMarker: ids.a } as never);
    expect(next.Upload.map((u) => u.UploadId)).toEqual([second, ids.b]);
    const onlyDir = await cos().multipartList({ Bucket, Region, Prefix: 'dir/' } as never);
    expect(onlyDir.Upload.map((u) => u.Key)).toEqual(['dir/one', 'dir/two']);
  });
});
