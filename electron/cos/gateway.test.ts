/** The gateway through the real SDK against the local COS emulator over loopback. */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBuckets, startEmulator, type Emulator } from '../../e2e/emulator';
import { AppErrorException, type AppError } from '@shared/errors';
import { ALL_SECRETS, createInput, credentialsFor, OWN_BUCKETS, OWNER, READER, SEED, STRANGER, TEMPORARY } from '../testing/cos-fixtures';
import { createCosGateway, type CosGateway } from './gateway';

let emulator: Emulator;
let owner: CosGateway;

beforeAll(async () => {
  emulator = await startEmulator({ seed: SEED });
  owner = createCosGateway(credentialsFor(emulator, OWNER));
});
afterAll(() => emulator.close());

const seen: AppError[] = [];

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable('the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppErrorException);
  const appError = (error as AppErrorException).error;
  seen.push(appError);
  return appError;
}

describe('listBuckets', () => {
  it('lists the account buckets in every region, with the owner', async () => {
    const list = await owner.listBuckets();
    expect(list.owner.ownerId).toContain(OWNER.ownerUin);
    expect(list.owner.displayName).not.toBe('');
    expect(list.buckets.map((b) => b.name).sort()).toEqual(OWN_BUCKETS.map((b) => b.name).sort());
    expect(list.buckets.find((b) => b.name === 'photos-1250000000')).toEqual({
      name: 'photos-1250000000',
      region: 'ap-guangzhou',
      creationDate: '2024-03-01T08:00:00Z',
      bucketType: 'cos',
    });
  });

  it('lists one region through its regional host', async () => {
    const list = await owner.listBuckets({ region: 'ap-beijing' });
    expect(list.buckets.map((b) => b.name)).toEqual(['logs-1250000000']);
    expect(emulator.requests().at(-1)?.host).toBe('cos.ap-beijing.myqcloud.com');
  });

  it('works with temporary keys and their token', async () => {
    const list = await createCosGateway(credentialsFor(emulator, TEMPORARY)).listBuckets();
    expect(list.buckets.length).toBeGreaterThan(0);
  });

  it('loads every page: 4,500 buckets come back in three requests', async () => {
    const many = await startEmulator({ seed: { accounts: [OWNER], buckets: seedBuckets(4500, { appId: OWNER.appId }) } });
    try {
      const list = await createCosGateway(credentialsFor(many, OWNER)).listBuckets();
      expect(list.buckets).toHaveLength(4500);
      expect(new Set(list.buckets.map((b) => b.name)).size).toBe(4500);
      expect(many.requests().filter((r) => r.method === 'GET')).toHaveLength(3);
    } finally {
      await many.close();
    }
  });

  it('pages a region filter as well', async () => {
    const seed = seedBuckets(4100, { appId: OWNER.appId, regions: ['ap-beijing', 'ap-chengdu'] });
    const many = await startEmulator({ seed: { accounts: [OWNER], buckets: seed } });
    try {
      const list = await createCosGateway(credentialsFor(many, OWNER)).listBuckets({ region: 'ap-chengdu' });
      expect(list.buckets).toHaveLength(2050);
      expect(list.buckets.every((b) => b.region === 'ap-chengdu')).toBe(true);
    } finally {
      await many.close();
    }
  });

  it('answers InvalidAccessKeyId for an unknown SecretId', async () => {
    const gateway = createCosGateway({ ...credentialsFor(emulator, OWNER), secretId: 'AKIDUNKNOWN0000000000000000000000000' });
    expect(await failure(gateway.listBuckets())).toMatchObject({
      kind: 'cos',
      code: 'InvalidAccessKeyId',
      status: 403,
      action: 'cos:GetService',
      requestId: expect.any(String),
    });
  });

  it('answers SignatureDoesNotMatch for a wrong SecretKey, without echoing either key', async () => {
    const wrongKey = 'WrongSecretKeyThatMustNotLeak00000';
    const error = await failure(createCosGateway({ ...credentialsFor(emulator, OWNER), secretKey: wrongKey }).listBuckets());
    expect(error).toMatchObject({ kind: 'cos', code: 'SignatureDoesNotMatch', status: 403 });
    expect(JSON.stringify(error)).not.toContain(wrongKey);
  });

  it('answers AccessDenied naming cos:GetService for a key without it', async () => {
    const emulatorWithout = await startEmulator({ seed: { accounts: [OWNER, { ...READER, allow: ['cos:HeadBucket'] }] } });
    try {
      const error = await failure(createCosGateway(credentialsFor(emulatorWithout, READER)).listBuckets());
      expect(error).toMatchObject({ kind: 'cos', code: 'AccessDenied', status: 403, action: 'cos:GetService' });
    } finally {
      await emulatorWithout.close();
    }
  });
});

describe('createBucket', () => {
  it('creates with ACL, every grant as id="…" and multi-AZ', async () => {
    const result = await owner.createBucket(
      createInput({
        name: 'full-options',
        acl: 'public-read',
        grantRead: ['100000000011', 'qcs::cam::uin/100000000001:uin/100000000012'],
        grantWrite: ['100000000013'],
        grantFullControl: ['100000000014'],
        multiAz: true,
      }),
    );
    expect(result).toEqual({
      bucket: { name: 'full-options-1250000000', region: 'ap-guangzhou', creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      alreadyOwned: false,
    });
    const made = emulator.buckets().find((b) => b.name === 'full-options-1250000000');
    expect(made).toMatchObject({ region: 'ap-guangzhou', acl: 'public-read', multiAz: true, owner: OWNER.ownerUin });
    expect(made?.grants).toEqual({
      READ: ['100000000011', 'qcs::cam::uin/100000000001:uin/100000000012'],
      WRITE: ['100000000013'],
      FULL_CONTROL: ['100000000014'],
    });
  });

  it('sends no grant header when a grant list is empty', async () => {
    await owner.createBucket(createInput({ name: 'no-grants', region: 'ap-chengdu' }));
    const made = emulator.buckets().find((b) => b.name === 'no-grants-1250000000');
    expect(made).toMatchObject({ region: 'ap-chengdu', acl: 'private', multiAz: false, grants: {} });
  });

  it.each([
    ['BucketAlreadyExists', createInput({ name: 'taken' }), 409],
    ['BucketAlreadyOwnedByYou', createInput({ name: 'photos' }), 409],
    ['InvalidBucketName', createInput({ name: '-dash-' }), 400],
    ['BucketNameTooLong', createInput({ name: 'a'.repeat(30) }), 400],
    ['InvalidRegionName', createInput({ name: 'nowhere', region: 'xx-nowhere' }), 400],
    ['MultiAZFeatureNotSupport', createInput({ name: 'maz', region: 'ap-nanjing', multiAz: true }), 400],
  ])('answers %s', async (code, input, status) => {
    expect(await failure(owner.createBucket(input))).toMatchObject({ kind: 'cos', code, status, action: 'cos:PutBucket' });
  });

  it('answers TooManyBuckets past the account limit', async () => {
    const full = await startEmulator({ seed: { accounts: [OWNER], bucketLimit: 1, buckets: [{ name: 'only-1250000000', region: 'ap-guangzhou' }] } });
    try {
      const error = await failure(createCosGateway(credentialsFor(full, OWNER)).createBucket(createInput({ name: 'second' })));
      expect(error).toMatchObject({ kind: 'cos', code: 'TooManyBuckets', status: 400 });
    } finally {
      await full.close();
    }
  });

  it('answers AccessDenied naming cos:PutBucket for a key without it', async () => {
    const reader = createCosGateway(credentialsFor(emulator, READER));
    expect(await failure(reader.createBucket(createInput({ name: 'not-allowed' })))).toMatchObject({
      kind: 'cos',
      code: 'AccessDenied',
      status: 403,
      action: 'cos:PutBucket',
    });
  });

  it("reports the SDK's own name check as a validation error", async () => {
    expect(await failure(owner.createBucket(createInput({ name: 'UPPER' })))).toMatchObject({
      kind: 'validation',
      code: 'SdkRefusedInput',
      action: 'cos:PutBucket',
    });
  });
});

describe('headBucket', () => {
  it('reports an accessible multi-AZ bucket with its region and request id', async () => {
    expect(await owner.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' })).toEqual({
      bucket: 'photos-1250000000',
      region: 'ap-guangzhou',
      status: 200,
      exists: true,
      accessible: true,
      bucketRegion: 'ap-guangzhou',
      multiAz: true,
      requestId: expect.any(String),
    });
    expect(await owner.headBucket({ bucket: 'backup-1250000000', region: 'ap-shanghai' })).toMatchObject({ multiAz: false });
  });

  it("reports someone else's bucket as existing but not accessible (403)", async () => {
    expect(await owner.headBucket({ bucket: 'private-data-1250000009', region: 'ap-guangzhou' })).toMatchObject({
      status: 403,
      exists: true,
      accessible: false,
      multiAz: false,
      requestId: expect.any(String),
    });
  });

  it('reports a missing bucket as not existing (404)', async () => {
    expect(await owner.headBucket({ bucket: 'missing-1250000000', region: 'ap-guangzhou' })).toMatchObject({
      status: 404,
      exists: false,
      accessible: false,
      requestId: expect.any(String),
    });
  });
});

describe('deleteBucket', () => {
  it('deletes an empty bucket', async () => {
    emulator.addBucket({ name: 'to-delete-1250000000', region: 'ap-shanghai' });
    expect(await owner.deleteBucket({ bucket: 'to-delete-1250000000', region: 'ap-shanghai' })).toEqual({
      bucket: 'to-delete-1250000000',
      region: 'ap-shanghai',
      confirmedByCheck: false,
    });
    expect(emulator.buckets().some((b) => b.name === 'to-delete-1250000000')).toBe(false);
  });

  it('answers BucketNotEmpty and keeps the bucket', async () => {
    expect(await failure(owner.deleteBucket({ bucket: 'logs-1250000000', region: 'ap-beijing' }))).toMatchObject({
      kind: 'cos',
      code: 'BucketNotEmpty',
      status: 409,
      action: 'cos:DeleteBucket',
      requestId: expect.any(String),
    });
    expect(emulator.buckets().some((b) => b.name === 'logs-1250000000')).toBe(true);
  });

  it('answers NoSuchBucket', async () => {
    expect(await failure(owner.deleteBucket({ bucket: 'missing-1250000000', region: 'ap-beijing' }))).toMatchObject({
      kind: 'cos',
      code: 'NoSuchBucket',
      status: 404,
    });
  });

  it('answers AccessDenied naming cos:DeleteBucket for a key without it', async () => {
    const reader = createCosGateway(credentialsFor(emulator, READER));
    expect(await failure(reader.deleteBucket({ bucket: 'backup-1250000000', region: 'ap-shanghai' }))).toMatchObject({
      code: 'AccessDenied',
      action: 'cos:DeleteBucket',
    });
  });
});

describe('network trouble', () => {
  it('says the connection was refused', async () => {
    const closed = await startEmulator();
    const address = closed.address;
    await closed.close();
    const gateway = createCosGateway({ ...credentialsFor(emulator, OWNER), endpoint: address }, { backoffMs: 1 });
    expect(await failure(gateway.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' }))).toMatchObject({
      kind: 'network',
      code: 'NetworkError',
      params: { reason: 'ECONNREFUSED' },
      action: 'cos:HeadBucket',
    });
  });

  it('says so when COS does not answer in time', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    try {
      const gateway = createCosGateway(
        { ...credentialsFor(emulator, OWNER), endpoint: `127.0.0.1:${port}` },
        { timeoutMs: 200, backoffMs: 1 },
      );
      // Two hung tries of 0.2 s, then the user is told how long they waited in all.
      expect(await failure(gateway.listBuckets())).toEqual({
        kind: 'timeout',
        code: 'Timeout',
        params: { waitedMs: expect.any(Number) },
        action: 'cos:GetService',
        attempts: 2,
      });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => silent.close(done));
    }
  });
});

describe('secrets', () => {
  it('no error seen by these tests carries a SecretKey or a token', () => {
    expect(seen.length).toBeGreaterThan(10);
    const text = JSON.stringify(seen);
    for (const secret of [...ALL_SECRETS, STRANGER.secretKey]) expect(text).not.toContain(secret);
  });
});
