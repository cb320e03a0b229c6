import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, parseSeed, seedBuckets, startEmulator } from './index';
import { sdkFor } from './testing';
import type { Emulator } from './types';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('startEmulator', () => {
  it('listens on an ephemeral loopback port with the demo account when the seed names none', async () => {
    emulator = await startEmulator();
    expect(emulator.address).toBe(`127.0.0.1:${emulator.port}`);
    expect(emulator.endpoint).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.accounts).toEqual([DEMO_ACCOUNT]);
    await expect(sdkFor(emulator).getService({})).resolves.toMatchObject({ Buckets: [] });
  });

  it('adds buckets owned by the first account by default, with an ISO creation date to the second', async () => {
    emulator = await startEmulator();
    emulator.addBucket({ name: 'late-1250000000', region: 'ap-tokyo', creationDate: '2024-01-02T03:04:05.999Z' });
    expect(emulator.buckets()).toEqual([
      {
        name: 'late-1250000000',
        region: 'ap-tokyo',
        owner: DEMO_ACCOUNT.ownerUin,
        creationDate: '2024-01-02T03:04:05Z',
        multiAz: false,
        acl: 'private',
        grants: {},
        objectCount: 0,
      },
    ]);
    expect(() => emulator!.addBucket({ name: 'late-1250000000', region: 'ap-tokyo' })).toThrow(/already exists/);
    expect(() => emulator!.setObjectCount('nothing-1250000000', 1)).toThrow(/No bucket/);
  });

  it('returns snapshots: changing them does not change the emulator', async () => {
    emulator = await startEmulator({ seed: { buckets: [{ name: 'a-1250000000', region: 'ap-tokyo' }] } });
    emulator.buckets()[0].objectCount = 9;
    emulator.requests().push({ method: 'GET', host: 'x', path: '/', status: 200 });
    expect(emulator.buckets()[0].objectCount).toBe(0);
    expect(emulator.requests()).toEqual([]);
  });

  it('closes promptly even while an SDK client keeps its connection alive', async () => {
    emulator = await startEmulator();
    await sdkFor(emulator).getService({});
    const started = Date.now();
    await emulator.close();
    emulator = undefined;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('seeds', () => {
  it('generates distinct, dated buckets across the given regions', () => {
    const seeds = seedBuckets(12, { appId: '1250000009', regions: ['ap-tokyo', 'ap-seoul'] });
    expect(seeds[0]).toEqual({
      name: 'bucket-01-1250000009',
      region: 'ap-tokyo',
      owner: undefined,
      creationDate: '2024-01-01T00:00:00Z',
    });
    expect(seeds[11]).toMatchObject({
      name: 'bucket-12-1250000009',
      region: 'ap-seoul',
      creationDate: '2024-01-01T00:11:00Z',
    });
  });

  it('reports where a seed file is wrong', () => {
    expect(() => parseSeed({ accounts: [{ secretId: 'x' }] })).toThrow('Seed accounts[0]: "secretKey" must be a string.');
    expect(() => parseSeed({ buckets: [{ name: 'a-1', region: 'ap-tokyo', objectCount: -1 }] })).toThrow(
      'Seed buckets[0]: "objectCount" must be a whole number.',
    );
    expect(parseSeed({ bucketLimit: 5 })).toEqual({ bucketLimit: 5 });
  });
});
