import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from './index';
import { OWNER, errorCode, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator } from './types';

const Bucket = 'photos-1250000000';
const Region = 'ap-guangzhou';
const HOST = `${Bucket}.cos.${Region}.myqcloud.com`;

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: { accounts: [OWNER], buckets: [{ name: Bucket, region: Region }] } });
});
afterEach(() => emulator.close());

const cos = () => sdkFor(emulator);
const put = (Key: string, Body: string) => cos().putObject({ Bucket, Region, Key, Body });
const setVersioning = (Status: 'Enabled' | 'Suspended') =>
  cos().putBucketVersioning({ Bucket, Region, VersioningConfiguration: { Status } });
/** The SDK sends VersionId on DELETE and HEAD, though its typings leave it out. */
const del = (Key: string, VersionId?: string) =>
  cos().deleteObject({ Bucket, Region, Key, VersionId } as never) as Promise<{ statusCode?: number; headers?: Record<string, string> }>;
const versions = (params: Record<string, unknown> = {}) =>
  cos().listObjectVersions({ Bucket, Region, ...params } as never) as Promise<Record<string, any>>;

describe('PUT and GET Bucket versioning', () => {
  it('shows no status until enabled, then Enabled, then Suspended', async () => {
    expect((await cos().getBucketVersioning({ Bucket, Region })).VersioningConfiguration).toEqual({});
    await setVersioning('Enabled');
    expect((await cos().getBucketVersioning({ Bucket, Region })).VersioningConfiguration).toEqual({ Status: 'Enabled' });
    await setVersioning('Suspended');
    expect((await cos().getBucketVersioning({ Bucket, Region })).VersioningConfiguration).toEqual({ Status: 'Suspended' });
  });

  it('refuses an empty body with InvalidArgument and an unknown status with MalformedXML', async () => {
    const send = (body: string) => {
      const authorization = sdkAuthorization(OWNER, { method: 'put', host: HOST, query: { versioning: '' } });
      return rawRequest(emulator, { method: 'PUT', host: HOST, path: '/?versioning', headers: { authorization }, body });
    };
    expect(errorCode((await send('')).body)).toBe('InvalidArgument');
    const bad = await send('<VersioningConfiguration><Status>On</Status></VersioningConfiguration>');
    expect(bad.status).toBe(400);
    expect(errorCode(bad.body)).toBe('MalformedXML');
  });
});

describe('versions and delete markers', () => {
  it('keeps every version once enabled, and GET/HEAD/DELETE take a versionId', async () => {
    await put('a.txt', 'before');
    await setVersioning('Enabled');
    const v1 = await put('a.txt', 'one');
    const v2 = await put('a.txt', 'two');
    expect(v1.VersionId).toMatch(/^[A-Za-z0-9+/]+$/);
    expect(v2.VersionId).not.toBe(v1.VersionId);
    expect((await cos().getObject({ Bucket, Region, Key: 'a.txt' })).Body.toString()).toBe('two');
    const old = await cos().getObject({ Bucket, Region, Key: 'a.txt', VersionId: v1.VersionId });
    expect(old.Body.toString()).toBe('one');
    expect(old.headers?.['x-cos-version-id']).toBe(v1.VersionId);
    expect((await cos().getObject({ Bucket, Region, Key: 'a.txt', VersionId: 'null' })).Body.toString()).toBe('before');
    await expect(cos().getObject({ Bucket, Region, Key: 'a.txt', VersionId: 'bm9uZQ' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'NoSuchVersion',
    });

    const listed = await versions();
    expect(listed.Versions.map((v: any) => [v.VersionId, v.IsLatest])).toEqual([
      [v2.VersionId, 'true'],
      [v1.VersionId, 'false'],
      ['null', 'false'],
    ]);

    const removed = await del('a.txt', v2.VersionId);
    expect(removed.headers?.['x-cos-version-id']).toBe(v2.VersionId);
    expect((await cos().getObject({ Bucket, Region, Key: 'a.txt' })).Body.toString()).toBe('one');
  });

  it('hides a key behind a delete marker, which only a versionId delete removes', async () => {
    await setVersioning('Enabled');
    await put('k.txt', 'data');
    const marked = await del('k.txt');
    expect(marked.headers).toMatchObject({ 'x-cos-delete-marker': 'true' });
    const markerId = marked.headers?.['x-cos-version-id'];
    expect(markerId).toBeTruthy();
    await expect(cos().getObject({ Bucket, Region, Key: 'k.txt' })).rejects.toMatchObject({ statusCode: 404, code: 'NoSuchKey' });
    await expect(cos().headObject({ Bucket, Region, Key: 'k.txt', VersionId: markerId } as never)).rejects.toMatchObject({ statusCode: 404 });
    expect((await cos().getBucket({ Bucket, Region })).Contents).toEqual([]);
    const listed = await versions();
    expect(listed.DeleteMarkers).toEqual([
      expect.objectContaining({ Key: 'k.txt', VersionId: markerId, IsLatest: 'true' }),
    ]);
    expect(listed.Versions).toEqual([expect.objectContaining({ Key: 'k.txt', IsLatest: 'false' })]);

    const unmarked = await del('k.txt', markerId);
    expect(unmarked.headers).toMatchObject({ 'x-cos-delete-marker': 'true', 'x-cos-version-id': markerId });
    expect((await cos().getObject({ Bucket, Region, Key: 'k.txt' })).Body.toString()).toBe('data');
  });

  it('writes and deletes the single null version while suspended', async () => {
    await setVersioning('Enabled');
    const kept = await put('s.txt', 'enabled');
    await setVersioning('Suspended');
    const suspended = await put('s.txt', 'suspended');
    expect(suspended.VersionId).toBeUndefined();
    await put('s.txt', 'suspended again');
    expect(emulator.objectVersions(Bucket).map((v) => v.versionId)).toEqual(['null', kept.VersionId]);
    const marked = await del('s.txt');
    expect(marked.headers).toMatchObject({ 'x-cos-delete-marker': 'true', 'x-cos-version-id': 'null' });
    expect(emulator.objectVersions(Bucket).map((v) => [v.versionId, v.deleteMarker])).toEqual([
      ['null', true],
      [kept.VersionId, false],
    ]);
  });

  it('shows empty version ids where versioning was never enabled', async () => {
    await put('plain.txt', 'x');
    const listed = await versions();
    expect(listed.Versions).toEqual([expect.objectContaining({ Key: 'plain.txt', VersionId: '', IsLatest: 'true', Size: '1' })]);
  });
});

describe('GET Bucket Object versions paging', () => {
  it('pages through versions and markers with key-marker and version-id-marker, none twice', async () => {
    await setVersioning('Enabled');
    for (const key of ['a', 'b', 'c']) {
      await put(key, `${key}1`);
      await put(key, `${key}2`);
    }
    await del('b');
    const seen: string[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await versions({ MaxKeys: 2, KeyMarker, VersionIdMarker });
      pages += 1;
      for (const v of [...page.Versions, ...page.DeleteMarkers]) seen.push(`${v.Key}@${v.VersionId}`);
      if (page.IsTruncated !== 'true') break;
      KeyMarker = page.NextKeyMarker;
      VersionIdMarker = page.NextVersionIdMarker;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.sort()).toEqual(emulator.objectVersions(Bucket).map((v) => `${v.key}@${v.versionId}`).sort());
  });

  it('skips every version of key-marker when no version-id-marker is given, and folds by delimiter', async () => {
    await setVersioning('Enabled');
    await put('a', '1');
    await put('a', '2');
    await put('dir/x', '1');
    await put('z', '1');
    const after = await versions({ KeyMarker: 'a' });
    expect(after.Versions.map((v: any) => v.Key)).toEqual(['dir/x', 'z']);
    const folded = await versions({ Delimiter: '/' });
    expect(folded.CommonPrefixes).toEqual({ Prefix: 'dir/' });
    expect(folded.Versions.map((v: any) => v.Key)).toEqual(['a', 'a', 'z']);
  });
});

describe('DELETE Multiple Objects', () => {
  it('deletes the keys named and reports each one, missing keys included', async () => {
    await put('x/1', '1');
    await put('x/2', '2');
    const result = await cos().deleteMultipleObject({ Bucket, Region, Objects: [{ Key: 'x/1' }, { Key: 'x/2' }, { Key: 'never' }] });
    expect(result.Deleted.map((d) => d.Key).sort()).toEqual(['never', 'x/1', 'x/2']);
    expect(result.Error).toEqual([]);
    expect(emulator.objectVersions(Bucket)).toEqual([]);
  });

  it('answers only failures in Quiet mode', async () => {
    await put('q', '1');
    const result = await cos().deleteMultipleObject({ Bucket, Region, Objects: [{ Key: 'q' }], Quiet: true });
    expect(result.Deleted).toEqual([]);
    expect(result.Error).toEqual([]);
    expect(emulator.objectVersions(Bucket)).toEqual([]);
  });

  it('makes delete markers without versionIds and removes exact versions with them', async () => {
    await setVersioning('Enabled');
    const v = await put('v', '1');
    const marked = await cos().deleteMultipleObject({ Bucket, Region, Objects: [{ Key: 'v' }] });
    expect(marked.Deleted).toEqual([
      expect.objectContaining({ Key: 'v', DeleteMarker: 'true', DeleteMarkerVersionId: expect.any(String) }),
    ]);
    const markerId = marked.Deleted[0].DeleteMarkerVersionId as string;
    const removed = await cos().deleteMultipleObject({
      Bucket,
      Region,
      Objects: [{ Key: 'v', VersionId: markerId }, { Key: 'v', VersionId: v.VersionId }],
    });
    expect(removed.Deleted).toEqual([
      expect.objectContaining({ Key: 'v', VersionId: markerId, DeleteMarker: 'true', DeleteMarkerVersionId: markerId }),
      expect.objectContaining({ Key: 'v', VersionId: v.VersionId }),
    ]);
    expect(emulator.objectVersions(Bucket)).toEqual([]);
  });

  it('refuses more than 1,000 keys, and a body whose Content-MD5 does not match', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ Key: `k${i}` }));
    await expect(cos().deleteMultipleObject({ Bucket, Region, Objects: many })).rejects.toMatchObject({
      statusCode: 400,
      code: 'MalformedXML',
    });
    const authorization = sdkAuthorization(OWNER, { method: 'post', host: HOST, query: { delete: '' } });
    const res = await rawRequest(emulator, {
      method: 'POST',
      host: HOST,
      path: '/?delete',
      headers: { authorization, 'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==' },
      body: '<Delete><Object><Key>a</Key></Object></Delete>',
    });
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('BadDigest');
  });
});

describe('DELETE Bucket with data left', () => {
  it('answers BucketNotEmpty while objects, old versions, delete markers or uploads remain', async () => {
    const remove = () => cos().deleteBucket({ Bucket, Region });
    await setVersioning('Enabled');
    const v = await put('only', 'x');
    await expect(remove()).rejects.toMatchObject({ statusCode: 409, code: 'BucketNotEmpty' });
    const marker = await del('only');
    // A delete marker and an old version still count as data.
    await expect(remove()).rejects.toMatchObject({ code: 'BucketNotEmpty' });
    await del('only', v.VersionId);
    await expect(remove()).rejects.toMatchObject({ code: 'BucketNotEmpty' });
    await del('only', marker.headers?.['x-cos-version-id']);
    const upload = await cos().multipartInit({ Bucket, Region, Key: 'pending' });
    await expect(remove()).rejects.toMatchObject({ code: 'BucketNotEmpty' });
    await cos().multipartAbort({ Bucket, Region, Key: 'pending', UploadId: upload.UploadId });
    await expect(remove()).resolves.toMatchObject({ statusCode: 204 });
  });
});
