/** One object through the real SDK against the emulator: the details panel's HEAD, a share link, a new folder's PUT. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { AppErrorException } from '@shared/errors';
import { OWNER, SEED, TEMPORARY, credentialsFor } from '../testing/cos-fixtures';
import { createCosGateway, type CosGateway } from './gateway';

const photos = { bucket: 'photos-1250000000', region: 'ap-guangzhou' };
const backup = { bucket: 'backup-1250000000', region: 'ap-shanghai' };

let emulator: Emulator;
let owner: CosGateway;

beforeAll(async () => {
  emulator = await startEmulator({
    seed: {
      ...SEED,
      buckets: SEED.buckets!.map((b) => (b.name === backup.bucket ? { ...b, versioning: 'Enabled' as const } : b)),
      objects: [
        // The test vector of doc 7749: its ETag and CRC64 are known.
        {
          bucket: photos.bucket,
          key: '2024/a b.txt',
          body: '[Object Content]',
          contentType: 'text/plain',
          storageClass: 'STANDARD_IA',
          lastModified: '2024-05-06T07:08:09Z',
          meta: { author: 'ana', 'camera-model': 'x100' },
        },
        { bucket: photos.bucket, key: 'plain.bin', size: 3 },
        { bucket: backup.bucket, key: 'db.dump', body: 'v1' },
      ],
    },
  });
  owner = createCosGateway(credentialsFor(emulator, OWNER));
});
afterAll(() => emulator.close());

describe('headObject', () => {
  it('gives size, type, ETag, CRC64, class, date and every x-cos-meta-* header of an object', async () => {
    const details = await owner.headObject({ ...photos, key: '2024/a b.txt' });
    expect(details).toEqual({
      key: '2024/a b.txt',
      size: 16,
      contentType: 'text/plain',
      etag: 'ee8de918d05640145b18f70f4c3aa602',
      crc64: '16749565679157681890',
      storageClass: 'STANDARD_IA',
      lastModified: '2024-05-06T07:08:09.000Z',
      meta: [
        { name: 'x-cos-meta-author', value: 'ana' },
        { name: 'x-cos-meta-camera-model', value: 'x100' },
      ],
      url: expect.stringMatching(/^http:\/\/photos-1250000000\.cos\.ap-guangzhou\.myqcloud\.com\/2024\/a%20b\.txt$/),
    });
  });

  it('calls a class-less object STANDARD and gives no version id outside a versioned bucket', async () => {
    const details = await owner.headObject({ ...photos, key: 'plain.bin' });
    expect(details).toMatchObject({ size: 3, storageClass: 'STANDARD', meta: [] });
    expect(details.versionId).toBeUndefined();
  });

  it('gives the version id in a versioned bucket', async () => {
    const details = await owner.headObject({ ...backup, key: 'db.dump' });
    expect(details.versionId).toMatch(/^\S+$/);
    expect(details.versionId).not.toBe('null');
  });

  it('says NoSuchKey, not NoSuchBucket, for an object that is not there', async () => {
    const error = await owner.headObject({ ...photos, key: 'gone.txt' }).catch((e: unknown) => e);
    expect((error as AppErrorException).error).toMatchObject({ kind: 'cos', code: 'NoSuchKey', status: 404, action: 'cos:HeadObject' });
  });
});

describe('createFolder', () => {
  it('writes the zero-byte <prefix><name>/ key, which then lists as a sub-folder', async () => {
    expect(await owner.createFolder({ ...photos, prefix: '2024/', name: 'trip 100% 照片' })).toEqual({ key: '2024/trip 100% 照片/' });
    expect((await owner.listObjects({ ...photos, prefix: '2024/' })).folders).toEqual(['2024/trip 100% 照片/']);
    expect(await owner.headObject({ ...photos, key: '2024/trip 100% 照片/' })).toMatchObject({ size: 0, etag: 'd41d8cd98f00b204e9800998ecf8427e' });
  });

  it('makes a folder at the bucket’s root', async () => {
    await owner.createFolder({ ...photos, prefix: '', name: 'inbox' });
    expect((await owner.listObjects({ ...photos, prefix: '' })).folders).toContain('inbox/');
  });
});

/** A plain HTTP GET of `url`, as a browser would send it, delivered to the emulator: no SDK, no key. */
function plainGet(url: string): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const [hostname, port] = emulator.address.split(':');
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port: Number(port), path: target.pathname + target.search, headers: { host: target.host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('createShareLink', () => {
  it('makes a presigned GET URL that opens the object without a key, for the time asked', async () => {
    const before = Date.now();
    const link = await owner.createShareLink({ ...photos, key: '2024/a b.txt', expiresInSeconds: 2 * 3600 });
    expect(link.url).toMatch(/^http:\/\/photos-1250000000\.cos\.ap-guangzhou\.myqcloud\.com\/2024\/a%20b\.txt\?/);
    expect(link.url).toContain('q-signature=');
    expect(link.url).not.toContain(OWNER.secretKey);
    const after = Date.now();
    // Signed at some moment between the two readings of the clock, to the second, and (as the SDK's signer does)
    // from one second before it: 2 h from then.
    const expires = Date.parse(link.expiresAt);
    expect(expires).toBeGreaterThanOrEqual((Math.floor(before / 1000) - 1) * 1000 + 2 * 3600_000);
    expect(expires).toBeLessThanOrEqual(Math.ceil(after / 1000) * 1000 + 2 * 3600_000);
    expect(await plainGet(link.url)).toEqual({ status: 200, body: '[Object Content]' });
  });

  it('makes a URL COS refuses once changed: another object, or a later end', async () => {
    const link = await owner.createShareLink({ ...photos, key: '2024/a b.txt', expiresInSeconds: 60 });
    const otherKey = link.url.replace('/2024/a%20b.txt?', '/plain.bin?');
    expect((await plainGet(otherKey)).status).toBe(403);
    const [start, end] = new URL(link.url).searchParams.get('q-sign-time')!.split(';');
    const longer = link.url.replaceAll(`${start};${end}`, `${start};${Number(end) + 3600}`);
    const refused = await plainGet(longer);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('SignatureDoesNotMatch');
  });

  it('carries a temporary key’s token, without which COS would refuse the link', async () => {
    const link = await createCosGateway(credentialsFor(emulator, TEMPORARY)).createShareLink({ ...photos, key: '2024/a b.txt', expiresInSeconds: 600 });
    expect(new URL(link.url).searchParams.get('x-cos-security-token')).toBe(TEMPORARY.sessionToken);
    expect((await plainGet(link.url)).status).toBe(200);
    expect((await plainGet(link.url.replace(/&x-cos-security-token=[^&]*/, ''))).status).toBe(403);
  });
});
