/**
 * A private deployment's host names through the real SDK and the emulator: GET Service at the service domain, every
 * bucket call at the bucket domain template, each signed for the host it goes to (the emulator checks the
 * signature over the Host header it receives).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBuckets, startEmulator, type Emulator } from '../../e2e/emulator';
import { createInput, credentialsFor, OWN_BUCKETS, OWNER, SEED } from '../testing/cos-fixtures';
import { createCosGateway, type CosGateway } from './gateway';

const SERVICE_DOMAIN = 'cos.private.example';
const BUCKET_DOMAIN = '{Bucket}.s3.{Region}.private.example';

let emulator: Emulator;
let gateway: CosGateway;

beforeAll(async () => {
  emulator = await startEmulator({ seed: SEED, domains: { serviceDomain: SERVICE_DOMAIN, bucketDomain: BUCKET_DOMAIN } });
  gateway = createCosGateway({ ...credentialsFor(emulator, OWNER), serviceDomain: SERVICE_DOMAIN, bucketDomain: BUCKET_DOMAIN });
});
afterAll(() => emulator.close());

/** The hosts of the requests sent while `run` ran, as the emulator received them. */
async function hostsOf(run: () => Promise<unknown>): Promise<string[]> {
  const before = emulator.requests().length;
  await run();
  return emulator.requests().slice(before).map((r) => r.host);
}

const input = createInput({ name: 'private-made' });

describe('a profile with a service domain and a bucket domain', () => {
  it('lists buckets at the service domain, all regions and one region', async () => {
    let all: string[] = [];
    expect(await hostsOf(async () => (all = (await gateway.listBuckets()).buckets.map((b) => b.name).sort()))).toEqual([SERVICE_DOMAIN]);
    expect(all).toEqual(OWN_BUCKETS.map((b) => b.name).sort());

    let beijing: string[] = [];
    const hosts = await hostsOf(async () => (beijing = (await gateway.listBucketsPage({ region: 'ap-beijing' })).buckets.map((b) => b.name)));
    // The regional host is a production name: at a service domain the region goes as a (signed) parameter.
    expect(hosts).toEqual([SERVICE_DOMAIN]);
    expect(beijing).toEqual(['logs-1250000000']);
  });

  it('creates, checks and deletes at the bucket domain, with valid signatures', async () => {
    const host = 'private-made-1250000000.s3.ap-guangzhou.private.example';
    expect(await hostsOf(() => gateway.createBucket(input))).toEqual([host]);
    expect(emulator.buckets().some((b) => b.name === 'private-made-1250000000')).toBe(true);
    let exists: boolean | undefined;
    expect(await hostsOf(async () => ({ exists } = await gateway.headBucket({ bucket: 'private-made-1250000000', region: 'ap-guangzhou' })))).toEqual([host]);
    expect(exists).toBe(true);
    expect(await hostsOf(() => gateway.deleteBucket({ bucket: 'private-made-1250000000', region: 'ap-guangzhou' }))).toEqual([host]);
    expect(emulator.buckets().some((b) => b.name === 'private-made-1250000000')).toBe(false);
    // Every request was answered: none was refused for its signature.
    expect(emulator.requests().filter((r) => r.code === 'SignatureDoesNotMatch')).toEqual([]);
  });

  it('sends nothing to a production host name', async () => {
    await gateway.owner();
    const production = emulator.requests().filter((r) => r.host.endsWith('myqcloud.com'));
    expect(production).toEqual([]);
  });

  it('without the overrides, the same gateway calls go to the production names', async () => {
    const plain = createCosGateway(credentialsFor(emulator, OWNER));
    expect(await hostsOf(() => plain.listBuckets())).toEqual(['service.cos.myqcloud.com']);
    expect(await hostsOf(() => plain.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' }))).toEqual([
      'photos-1250000000.cos.ap-guangzhou.myqcloud.com',
    ]);
  });
});

describe('owner', () => {
  it('learns whose keys these are from one request, however many buckets there are', async () => {
    const many = await startEmulator({ seed: { accounts: [OWNER], buckets: seedBuckets(4500, { appId: OWNER.appId }) } });
    try {
      const owner = await createCosGateway(credentialsFor(many, OWNER)).owner();
      expect(owner).toEqual({ ownerId: `qcs::cam::uin/${OWNER.ownerUin}:uin/${OWNER.ownerUin}`, displayName: OWNER.displayName });
      expect(many.requests()).toHaveLength(1);
    } finally {
      await many.close();
    }
  });
});
