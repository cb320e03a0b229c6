/** Listing a bucket's folders through the real SDK against the emulator: what the object view is built on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { AppErrorException } from '@shared/errors';
import { OWNER, SEED, credentialsFor } from '../testing/cos-fixtures';
import { createCosGateway, type CosGateway } from './gateway';

const photos = { bucket: 'photos-1250000000', region: 'ap-guangzhou' };
/** Keys that only survive the trip URL-encoded: spaces, %, +, Unicode, a run of slashes, characters XML refuses. */
const AWKWARD = ['2024/a b.jpg', '2024/100%.png', '2024/c++.txt', '2024/照片.jpg', '2024/x//y.txt', '2024/tab\there.txt'];
/** Restricted to reading the team-a folder of one bucket. */
const TEAM_A = {
  ...OWNER,
  secretId: 'AKIDTEAMA0000000000000000000000000011',
  secretKey: 'SKteamASecretKeyDoNotLeak00000000011',
  allow: [{ actions: ['cos:GetBucket'], resources: ['team-a/*'], buckets: [photos.bucket] }],
};

let emulator: Emulator;
let owner: CosGateway;

beforeAll(async () => {
  emulator = await startEmulator({
    seed: {
      ...SEED,
      accounts: [...SEED.accounts!, TEAM_A],
      objects: [
        ...AWKWARD.map((key) => ({ bucket: photos.bucket, key, size: 3 })),
        { bucket: photos.bucket, key: 'readme.txt', body: 'hello' },
        { bucket: photos.bucket, key: 'team-a/plan.txt', size: 10 },
        { bucket: photos.bucket, prefix: 'bulk/item-', count: 2500, size: 1 },
      ],
    },
  });
  owner = createCosGateway(credentialsFor(emulator, OWNER));
});
afterAll(() => emulator.close());

describe('listObjects', () => {
  it('lists a folder’s sub-folders and objects, with sizes and storage class', async () => {
    const root = await owner.listObjects({ ...photos, prefix: '' });
    expect(root.folders).toEqual(['2024/', 'bulk/', 'team-a/']);
    expect(root.objects).toEqual([
      { key: 'readme.txt', size: 5, lastModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), etag: expect.stringMatching(/^[0-9a-f]{32}$/), storageClass: 'STANDARD' },
    ]);
    expect(root.truncated).toBe(false);
  });

  it('hands back every key exactly, whatever characters it holds', async () => {
    const folder = await owner.listObjects({ ...photos, prefix: '2024/' });
    // `x//y.txt` has a slash after the folder: it is a sub-folder `2024/x/`, as COS folds it.
    expect(folder.folders).toEqual(['2024/x/']);
    expect(folder.objects.map((o) => o.key).sort()).toEqual(AWKWARD.filter((k) => !k.includes('//')).sort());
    const nested = await owner.listObjects({ ...photos, prefix: '2024/x/' });
    expect(nested.folders).toEqual(['2024/x//']);
    expect((await owner.listObjects({ ...photos, prefix: '2024/x//' })).objects.map((o) => o.key)).toEqual(['2024/x//y.txt']);
  });

  it('pages a large folder by marker, 1,000 entries a page, with nothing lost or repeated', async () => {
    const keys: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await owner.listObjects({ ...photos, prefix: 'bulk/', ...(marker ? { marker } : {}) });
      expect(page.objects.length).toBeLessThanOrEqual(1000);
      keys.push(...page.objects.map((o) => o.key));
      marker = page.nextMarker;
      expect(page.truncated).toBe(marker !== undefined);
      pages += 1;
    } while (marker);
    expect(pages).toBe(3);
    expect(new Set(keys).size).toBe(2500);
    expect(keys[0]).toBe('bulk/item-000001');
  });

  it('lets a key limited to one folder list that folder, and names the action and folder when it lists another', async () => {
    const teamA = createCosGateway(credentialsFor(emulator, TEAM_A));
    expect((await teamA.listObjects({ ...photos, prefix: 'team-a/' })).objects.map((o) => o.key)).toEqual(['team-a/plan.txt']);
    const refused = await teamA.listObjects({ ...photos, prefix: '' }).then(
      () => expect.unreachable('the root was listed'),
      (error: unknown) => (error as AppErrorException).error,
    );
    expect(refused).toMatchObject({ kind: 'cos', code: 'AccessDenied', status: 403, action: 'cos:GetBucket' });
  });

  it('says NoSuchBucket for a bucket that is not there', async () => {
    const error = await owner.listObjects({ bucket: 'missing-1250000000', region: 'ap-guangzhou', prefix: '' }).catch((e: unknown) => e);
    expect((error as AppErrorException).error).toMatchObject({ code: 'NoSuchBucket', status: 404 });
  });
});

describe('a listing whose answer is cut short', () => {
  const cutShort = async (promise: Promise<unknown>) => ((await promise.catch((e: unknown) => e)) as AppErrorException).error;

  it('is read again, so the folder shows every entry', async () => {
    emulator.faults.add({ operation: 'GetBucket', kind: 'truncatedXml' });
    const before = emulator.requests().length;
    const page = await owner.listObjects({ ...photos, prefix: 'bulk/' });
    expect(page.objects).toHaveLength(1000);
    expect(emulator.requests().slice(before).map((r) => r.fault ?? r.status)).toEqual(['truncatedXml', 200]);
  });

  it('is an error when it is cut every time, never a shorter folder or a walk that ends early', async () => {
    emulator.faults.add({ operation: 'GetBucket', kind: 'truncatedXml', times: Infinity });
    emulator.faults.add({ operation: 'ListObjectVersions', kind: 'truncatedXml', times: Infinity });
    emulator.faults.add({ operation: 'ListMultipartUploads', kind: 'truncatedXml', times: Infinity });
    const malformed = { kind: 'network', code: 'MalformedResponse', params: { reads: 3 } };
    expect(await cutShort(owner.listObjects({ ...photos, prefix: 'bulk/' }))).toMatchObject({ ...malformed, action: 'cos:GetBucket' });
    expect(await cutShort(owner.listKeysPage({ ...photos, prefix: 'bulk/' }))).toMatchObject({ ...malformed, action: 'cos:GetBucket' });
    expect(await cutShort(owner.listVersionsPage(photos))).toMatchObject({ ...malformed, action: 'cos:GetBucketObjectVersions' });
    expect(await cutShort(owner.listUploadsPage(photos))).toMatchObject({ ...malformed, action: 'cos:ListMultipartUploads' });
    emulator.faults.clear();
    expect((await owner.listKeysPage({ ...photos, prefix: 'bulk/' })).objects).toHaveLength(1000);
  });
});
