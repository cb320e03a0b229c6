import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSeed, startEmulator } from './index';
import { OWNER, errorCode, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator, EmulatorSeed } from './types';

const Bucket = 'photos-1250000000';
const Region = 'ap-guangzhou';
const HOST = `${Bucket}.cos.${Region}.myqcloud.com`;

let emulator: Emulator;
afterEach(() => emulator?.close());

async function start(keys: string[], seed: EmulatorSeed = {}): Promise<Emulator> {
  emulator = await startEmulator({
    seed: {
      accounts: [OWNER],
      buckets: [{ name: Bucket, region: Region }],
      objects: keys.map((key) => ({ bucket: Bucket, key, size: 3 })),
      ...seed,
    },
  });
  return emulator;
}

type Page = Awaited<ReturnType<ReturnType<typeof sdkFor>['getBucket']>>;
const list = (params: Record<string, unknown> = {}): Promise<Page> =>
  sdkFor(emulator).getBucket({ Bucket, Region, ...params });

/** Every entry (keys and common prefixes in page order) from following NextMarker to the end. */
async function pageThrough(params: Record<string, unknown>): Promise<{ pages: number; entries: string[] }> {
  const entries: string[] = [];
  let marker: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await list({ ...params, Marker: marker });
    pages += 1;
    entries.push(...page.CommonPrefixes.map((p) => p.Prefix), ...page.Contents.map((c) => c.Key));
    if (page.IsTruncated !== 'true') return { pages, entries };
    marker = (page as unknown as { NextMarker: string }).NextMarker;
  }
}

const KEYS = ['a.txt', 'b/1.jpg', 'b/2.jpg', 'b/c/3.jpg', 'c/4.jpg', 'd.txt', 'e/5.jpg', 'f.txt'];

describe('GET Bucket', () => {
  it('lists keys in UTF-8 byte order with their size, ETag, owner and storage class', async () => {
    await start(['z', 'a', '\u{1F600}', '\uFF21', 'B']);
    const page = await list();
    expect(page.Contents.map((c) => c.Key)).toEqual(['B', 'a', 'z', '\uFF21', '\u{1F600}']);
    expect(page.Contents[0]).toMatchObject({
      Size: '3',
      StorageClass: 'STANDARD',
      Owner: { ID: '1250000000', DisplayName: '1250000000' },
    });
    expect(page.Contents[0].ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(page.Contents[0].LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(page).toMatchObject({ Name: Bucket, Prefix: '', Marker: '', MaxKeys: '1000', IsTruncated: 'false' });
    expect(page.headers?.['x-cos-bucket-region']).toBe(Region);
  });

  it('folds keys under a delimiter into CommonPrefixes, and filters by prefix', async () => {
    await start(KEYS);
    const top = await list({ Delimiter: '/' });
    expect(top.CommonPrefixes.map((p) => p.Prefix)).toEqual(['b/', 'c/', 'e/']);
    expect(top.Contents.map((c) => c.Key)).toEqual(['a.txt', 'd.txt', 'f.txt']);
    const inB = await list({ Prefix: 'b/', Delimiter: '/' });
    expect(inB.CommonPrefixes.map((p) => p.Prefix)).toEqual(['b/c/']);
    expect(inB.Contents.map((c) => c.Key)).toEqual(['b/1.jpg', 'b/2.jpg']);
    expect((await list({ Prefix: 'b/' })).Contents.map((c) => c.Key)).toEqual(['b/1.jpg', 'b/2.jpg', 'b/c/3.jpg']);
  });

  it('pages with a delimiter: max-keys counts prefixes and keys, NextMarker may be a prefix, and nothing repeats', async () => {
    await start(KEYS);
    const first = await list({ Delimiter: '/', MaxKeys: 2 });
    expect([...first.CommonPrefixes.map((p) => p.Prefix), ...first.Contents.map((c) => c.Key)].sort()).toEqual(['a.txt', 'b/']);
    expect(first).toMatchObject({ IsTruncated: 'true', NextMarker: 'b/' });
    const all = await pageThrough({ Delimiter: '/', MaxKeys: 2 });
    expect(all.entries.sort()).toEqual(['a.txt', 'b/', 'c/', 'd.txt', 'e/', 'f.txt']);
    expect(all.pages).toBe(3);
  });

  it('returns NextMarker when truncated without a delimiter too, and starts after the marker', async () => {
    await start(KEYS);
    const first = await list({ MaxKeys: 3 });
    expect(first).toMatchObject({ IsTruncated: 'true', NextMarker: 'b/2.jpg' });
    const next = await list({ MaxKeys: 3, Marker: 'b/2.jpg' });
    expect(next.Contents.map((c) => c.Key)).toEqual(['b/c/3.jpg', 'c/4.jpg', 'd.txt']);
    const last = await list({ Marker: 'e/5.jpg' });
    expect(last.Contents.map((c) => c.Key)).toEqual(['f.txt']);
    expect(last.IsTruncated).toBe('false');
    expect(last).not.toHaveProperty('NextMarker');
  });

  it('percent-encodes keys and prefixes with encoding-type=url, keeping /', async () => {
    await start(['照片/2020年/IMG0001.jpg', 'Tencent Cloud.jpg', 'a+b%.txt']);
    const page = await list({ EncodingType: 'url', Delimiter: '/' });
    expect(page.EncodingType).toBe('url');
    expect(page.Contents.map((c) => c.Key)).toEqual(['Tencent%20Cloud.jpg', 'a%2Bb%25.txt']);
    expect(page.CommonPrefixes.map((p) => p.Prefix)).toEqual(['%E7%85%A7%E7%89%87/']);
    const inside = await list({ EncodingType: 'url', Prefix: '照片/2020年/' });
    expect(inside.Contents.map((c) => decodeURIComponent(c.Key))).toEqual(['照片/2020年/IMG0001.jpg']);
  });

  it.each(['0', '1001', 'ten'])('refuses max-keys=%s with InvalidArgument', async (maxKeys) => {
    await start(KEYS);
    const authorization = sdkAuthorization(OWNER, { host: HOST, query: { 'max-keys': maxKeys } });
    const res = await rawRequest(emulator, { host: HOST, path: `/?max-keys=${maxKeys}`, headers: { authorization } });
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('InvalidArgument');
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    await start([]);
    await expect(sdkFor(emulator).getBucket({ Bucket: 'none-1250000000', Region })).rejects.toMatchObject({
      statusCode: 404,
      code: 'NoSuchBucket',
    });
  });
});

describe('100,000 seeded keys', () => {
  it('seeds them without writing files and pages through all of them, 1,000 at a time', async () => {
    emulator = await startEmulator({
      seed: {
        accounts: [OWNER],
        buckets: [{ name: Bucket, region: Region }],
        objects: [
          { bucket: Bucket, prefix: 'logs/', count: 100_000, size: 10 },
          { bucket: Bucket, key: 'readme.txt', body: 'hello' },
        ],
      },
    });
    expect(emulator.buckets()[0].objectCount).toBe(100_001);
    // Only the text object has a file; generated ones are made up on read.
    expect(readdirSync(emulator.dataFolder)).toHaveLength(1);
    const top = await list({ Delimiter: '/' });
    expect(top.CommonPrefixes.map((p) => p.Prefix)).toEqual(['logs/']);
    expect(top.Contents.map((c) => c.Key)).toEqual(['readme.txt']);

    // The whole walk reads raw pages through the SDK: its XML parser, not the emulator, would set the pace.
    const cos = sdkFor(emulator);
    const keys: string[] = [];
    let marker = '';
    let pages = 0;
    for (;;) {
      const page = await cos.request({ Bucket, Region, Method: 'GET', Key: '', Query: { prefix: 'logs/', marker }, RawBody: true } as never);
      const xml = String((page as unknown as { Body: Buffer }).Body);
      pages += 1;
      keys.push(...[...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]));
      if (!xml.includes('<IsTruncated>true</IsTruncated>')) break;
      marker = /<NextMarker>([^<]*)<\/NextMarker>/.exec(xml)?.[1] ?? '';
    }
    expect(pages).toBe(100);
    expect(keys).toHaveLength(100_000);
    expect(new Set(keys).size).toBe(100_000);
    expect(keys[0]).toBe('logs/000001');
    expect(keys.at(-1)).toBe('logs/100000');
    const deep = await list({ Prefix: 'logs/', Marker: 'logs/054321', MaxKeys: 1 });
    expect(deep.Contents.map((c) => c.Key)).toEqual(['logs/054322']);
    const read = await sdkFor(emulator).getObject({ Bucket, Region, Key: 'logs/054322' });
    expect(read.Body).toHaveLength(10);
    expect(read.ETag).toBe(deep.Contents[0].ETag);
  }, 60_000);
});

describe('seeding objects', () => {
  it('refuses a seed whose object COS would refuse, or whose bucket is missing, saying which', async () => {
    const buckets = [{ name: Bucket, region: Region }];
    await expect(startEmulator({ seed: { buckets, objects: [{ bucket: Bucket, key: '/lead.txt' }] } })).rejects.toThrow(
      'Seed object "/lead.txt" in photos-1250000000: An object key may not start with / or \\.',
    );
    await expect(startEmulator({ seed: { buckets, objects: [{ bucket: 'none-1250000000', key: 'a' }] } })).rejects.toThrow(
      'no bucket of that name',
    );
  });

  it('checks object entries of a seed file', () => {
    expect(() => parseSeed({ objects: [{ bucket: Bucket, prefix: 'p/', count: -1 }] })).toThrow('Seed objects[0]: "count" must be a whole number.');
    expect(() => parseSeed({ objects: [{ bucket: Bucket, key: 'a', meta: { k: 1 } }] })).toThrow('Seed objects[0]: "meta"');
    expect(() => parseSeed({ objects: [{ bucket: Bucket }] })).toThrow('Seed objects[0]: "key" must be a string.');
  });
});
