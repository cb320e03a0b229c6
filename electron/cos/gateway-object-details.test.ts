/** One object through the real SDK against the emulator: the details panel's HEAD, and a new folder's PUT. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { AppErrorException } from '@shared/errors';
import { OWNER, SEED, credentialsFor } from '../testing/cos-fixtures';
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
