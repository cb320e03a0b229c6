import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBuckets, startEmulator } from './index';
import { OWNER, STRANGER, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator, EmulatorAccount } from './types';
import { compareUtf8 } from './utf8-order';

const SERVICE_URL = 'http://service.cos.myqcloud.com/';

const sub: EmulatorAccount = { ...OWNER, secretId: 'AKIDSUB', secretKey: 'sub-key', allow: ['cos:HeadBucket'] };
const lister: EmulatorAccount = {
  ...OWNER,
  secretId: 'AKIDLISTER',
  secretKey: 'lister-key',
  displayName: 'Lister',
  allow: ['cos:GetService'],
};

/** One page through `cos.request`, the only SDK call that exposes IsTruncated and NextMarker. */
async function page(emulator: Emulator, query: Record<string, string | number>) {
  const data = (await sdkFor(emulator).request({ Method: 'GET', Url: SERVICE_URL, Query: query })) as unknown as {
    ListAllMyBucketsResult: {
      Marker: string;
      NextMarker?: string;
      IsTruncated: string;
      Buckets: '' | { Bucket: { Name: string } | { Name: string }[] };
    };
  };
  const result = data.ListAllMyBucketsResult;
  const buckets = result.Buckets === '' ? [] : [result.Buckets.Bucket].flat();
  return { ...result, names: buckets.map((b) => b.Name) };
}

describe('GET Service', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: {
        accounts: [OWNER, sub, lister, STRANGER],
        buckets: [
          { name: 'zeta-1250000000', region: 'ap-guangzhou', creationDate: '2024-03-01T00:00:00Z' },
          { name: 'alpha-1250000000', region: 'ap-beijing', creationDate: '2024-01-02T03:04:05.678Z' },
          { name: 'mid-1250000000', region: 'ap-guangzhou', creationDate: '2024-02-01T00:00:00Z' },
          { name: 'theirs-1250000001', region: 'ap-guangzhou', owner: STRANGER.ownerUin },
        ],
      },
    });
  });
  afterAll(() => emulator.close());

  it('lists the owner’s buckets in name order with COS fields', async () => {
    const result = await sdkFor(emulator).getService({});
    expect(result.Buckets).toEqual([
      { Name: 'alpha-1250000000', Location: 'ap-beijing', CreationDate: '2024-01-02T03:04:05Z', BucketType: 'cos' },
      { Name: 'mid-1250000000', Location: 'ap-guangzhou', CreationDate: '2024-02-01T00:00:00Z', BucketType: 'cos' },
      { Name: 'zeta-1250000000', Location: 'ap-guangzhou', CreationDate: '2024-03-01T00:00:00Z', BucketType: 'cos' },
    ]);
    expect(result.Owner).toEqual({ ID: 'qcs::cam::uin/100000000001:uin/100000000001', DisplayName: 'Owner' });
    expect(result.headers?.['content-type']).toBe('application/xml');
  });

  it('filters by the regional host and by the region param', async () => {
    const byHost = await sdkFor(emulator).getService({ Region: 'ap-guangzhou' });
    expect(byHost.Buckets.map((b) => b.Name)).toEqual(['mid-1250000000', 'zeta-1250000000']);
    expect((await page(emulator, { region: 'ap-beijing' })).names).toEqual(['alpha-1250000000']);
  });

  it('filters by creation time and by tag', async () => {
    const after = Date.parse('2024-02-01T00:00:00Z') / 1000;
    expect((await page(emulator, { 'create-time': after, range: 'gte' })).names).toEqual([
      'mid-1250000000',
      'zeta-1250000000',
    ]);
    expect((await page(emulator, { 'create-time': after, range: 'lt' })).names).toEqual(['alpha-1250000000']);
    await sdkFor(emulator).putBucket({
      Bucket: 'tagged-1250000000',
      Region: 'ap-tokyo',
      Headers: { 'x-cos-tagging': 'team=web&env=prod' },
    });
    expect((await page(emulator, { tagkey: 'env', tagvalue: 'prod' })).names).toEqual(['tagged-1250000000']);
  });

  it('shows another owner only their own buckets, and sub-accounts their owner’s', async () => {
    const theirs = await sdkFor(emulator, STRANGER).getService({});
    expect(theirs.Buckets.map((b) => b.Name)).toEqual(['theirs-1250000001']);
    expect(theirs.Owner.ID).toBe('qcs::cam::uin/100000000002:uin/100000000002');
    const viaSub = await sdkFor(emulator, lister).getService({});
    expect(viaSub.Buckets.map((b) => b.Name)).toEqual((await sdkFor(emulator).getService({})).Buckets.map((b) => b.Name));
    expect(viaSub.Owner).toEqual({ ID: 'qcs::cam::uin/100000000001:uin/100000000001', DisplayName: 'Owner' });
  });

  it('refuses a sub-account without cos:GetService, naming the action', async () => {
    const error = await sdkFor(emulator, sub).getService({}).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 403, code: 'AccessDenied' });
    expect(error.message).toContain('cos:GetService');
  });

  it('pages with marker (exclusive) and max-keys', async () => {
    const all = emulator.buckets().filter((b) => b.owner === OWNER.ownerUin).map((b) => b.name);
    const first = await page(emulator, { 'max-keys': 2 });
    expect(first).toMatchObject({ IsTruncated: 'true', NextMarker: all[1], Marker: '' });
    expect(first.names).toEqual(all.slice(0, 2));
    const rest = await page(emulator, { 'max-keys': 2000, marker: first.NextMarker! });
    expect(rest).toMatchObject({ IsTruncated: 'false', Marker: all[1] });
    expect(rest).not.toHaveProperty('NextMarker');
    expect(rest.names).toEqual(all.slice(2));
  });

  it.each(['0', '2001', 'ten', '-1'])('rejects max-keys=%s with InvalidArgument', async (maxKeys) => {
    await expect(page(emulator, { 'max-keys': maxKeys })).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidArgument',
    });
  });

  it('rejects a malformed region with InvalidRegionName', async () => {
    await expect(page(emulator, { region: 'Guangzhou' })).rejects.toMatchObject({ code: 'InvalidRegionName' });
  });

  it('returns an empty Buckets element where the owner has no buckets', async () => {
    const host = 'cos.eu-frankfurt.myqcloud.com';
    const res = await rawRequest(emulator, { host, headers: { authorization: sdkAuthorization(OWNER, { host }) } });
    expect(res.body).toContain('<IsTruncated>false</IsTruncated><Buckets></Buckets>');
    expect((await sdkFor(emulator).getService({ Region: 'eu-frankfurt' })).Buckets).toEqual([]);
  });
});

describe('GET Service over 10,000 buckets', () => {
  let emulator: Emulator;
  const count = 10_000;
  beforeAll(async () => {
    const seeds = seedBuckets(count, { regions: ['ap-guangzhou', 'ap-beijing'] });
    // Shuffled so that the order must come from the emulator, not from the seed.
    seeds.reverse();
    emulator = await startEmulator({ seed: { accounts: [OWNER], buckets: seeds } });
  });
  afterAll(() => emulator.close());

  it('pages through all of them in UTF-8 order, 2,000 at a time by default', async () => {
    const names: string[] = [];
    let marker = '';
    let pages = 0;
    for (;;) {
      const result = await page(emulator, marker ? { marker } : {});
      names.push(...result.names);
      pages += 1;
      if (result.IsTruncated !== 'true') break;
      expect(result.names).toHaveLength(2000);
      marker = result.NextMarker!;
    }
    expect(pages).toBe(5);
    expect(names).toEqual(emulator.buckets().map((b) => b.name));
    expect(names).toEqual([...names].sort(compareUtf8));
    expect(new Set(names).size).toBe(count);
  });

  it('pages one region with a small page size without repeats or gaps', async () => {
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const result = await page(emulator, { region: 'ap-beijing', 'max-keys': 1000, ...(marker ? { marker } : {}) });
      names.push(...result.names);
      marker = result.IsTruncated === 'true' ? result.NextMarker : undefined;
    } while (marker);
    expect(names).toEqual(emulator.buckets().filter((b) => b.region === 'ap-beijing').map((b) => b.name));
  });
});

describe('UTF-8 order', () => {
  it('puts characters beyond U+FFFF after U+E000–U+FFFF, as their UTF-8 bytes do', () => {
    const names = ['\u{1F600}', '\uFF21', 'b', 'a'];
    const byBytes = [...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...names].sort(compareUtf8)).toEqual(byBytes);
    expect(byBytes).toEqual(['a', 'b', '\uFF21', '\u{1F600}']);
  });
});
