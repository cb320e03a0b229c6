import { describe, expect, it, vi } from 'vitest';
import { METHODS, channelOf, type Method } from '@shared/contract';
import { AppErrorException, type Envelope } from '@shared/errors';
import { isTrustedSenderUrl } from '../security';
import { BUCKET_REF, CREATE_INPUT, HANDLE, validInputs } from '../testing/valid-inputs';
import { createHandlerRegistry, type Handlers, type SenderInfo } from './registry';

const SECRET_KEY = 'RegistrySecretKeyMustNotLeak000001';
const TRUSTED: SenderInfo = { url: 'app://cos-desk/index.html', isMainFrame: true };

const signedOut = { signedIn: false as const, canRememberKeys: true, profiles: [] };
const bucket = { name: 'a-1250000000', region: 'ap-guangzhou', creationDate: '2024-01-01T00:00:00Z' };
const ref = BUCKET_REF;
const createInput = CREATE_INPUT;

/** One valid input per method, so that each malformed variant differs from a good call in one way. */
const VALID_INPUT = validInputs(SECRET_KEY);

const transferList = {
  transfers: [{ id: 't', batchId: 'b', direction: 'upload' as const, name: 'a.txt', bucket: ref.bucket, key: 'a.txt', size: 3, transferred: 1, state: 'running' as const }],
  counts: { queued: 0, running: 1, paused: 0, asking: 0, done: 0, failed: 0, skipped: 0, cancelled: 0 },
  total: 1,
  concurrency: 8,
  restored: false,
};

function fakeServices() {
  const handlers = {
    getSession: vi.fn(() => signedOut),
    signIn: vi.fn(async () => signedOut),
    signOut: vi.fn(async () => signedOut),
    switchProfile: vi.fn(async () => signedOut),
    saveProfile: vi.fn(async () => signedOut),
    deleteProfile: vi.fn(async () => signedOut),
    testProfile: vi.fn(async () => ({ account: { ownerId: 'o', displayName: 'd' }, bucketCount: 1 })),
    listBuckets: vi.fn(async () => ({ owner: { ownerId: 'o', displayName: 'd' }, buckets: [bucket] })),
    listBucketsPage: vi.fn(async (_input?: unknown, _call?: { signal: AbortSignal }) => ({ owner: { ownerId: 'o', displayName: 'd' }, buckets: [bucket], truncated: false })),
    createBucket: vi.fn(async () => ({ bucket, alreadyOwned: false })),
    headBucket: vi.fn(async () => ({ ...ref, status: 404 as const, exists: false, accessible: false, multiAz: false })),
    deleteBucket: vi.fn(async () => ({ ...ref, confirmedByCheck: false })),
    addBucketByName: vi.fn(async () => ({
      bucket: { name: ref.bucket, region: ref.region, addedAt: '2024-01-01T00:00:00.000Z' },
      check: { ...ref, status: 200 as const, exists: true, accessible: true, multiAz: false },
    })),
    listAddedBuckets: vi.fn(async () => ({ buckets: [] })),
    removeAddedBucket: vi.fn(async () => ({ buckets: [] })),
    listObjects: vi.fn(async () => ({ objects: [], folders: ['photos/2024/'], truncated: false })),
    deleteObjects: vi.fn(async () => ({ deleted: 2, failed: [] })),
    createShareLink: vi.fn(async () => ({ url: 'https://a-1250000000.cos.ap-guangzhou.myqcloud.com/photos/a%20b.jpg?q-signature=x', expiresAt: '2025-03-01T09:00:00.000Z' })),
    createFolder: vi.fn(async () => ({ key: 'photos/trip 2024/' })),
    headObject: vi.fn(async () => ({ key: 'photos/a b.jpg', size: 3, etag: 'e', storageClass: 'STANDARD', lastModified: '2025-03-01T08:00:00.000Z', meta: [], url: 'https://a-1250000000.cos.ap-guangzhou.myqcloud.com/photos/a%20b.jpg' })),
    countPrefix: vi.fn(async () => ({ objects: 1, bytes: 5, sample: ['photos/a.jpg'] })),
    deletePrefixStep: vi.fn(async () => ({ deleted: 1, failed: [], remaining: false })),
    countBucketContents: vi.fn(async () => ({ objects: 1, noncurrentVersions: 0, deleteMarkers: 0, uploads: 0 })),
    getBucketAcl: vi.fn(async () => ({ acl: 'private' as const, owner: { id: 'qcs::cam::uin/1:uin/1', displayName: 'o' }, grants: [] })),
    putBucketAcl: vi.fn(async () => ({ done: true as const })),
    getBucketVersioning: vi.fn(async () => ({ status: 'off' as const })),
    putBucketVersioning: vi.fn(async () => ({ done: true as const })),
    getBucketTagging: vi.fn(async () => ({ tags: [] })),
    putBucketTagging: vi.fn(async () => ({ done: true as const })),
    getBucketPolicy: vi.fn(async () => ({ policy: null })),
    putBucketPolicy: vi.fn(async () => ({ done: true as const })),
    getBucketCors: vi.fn(async () => ({ rules: [] })),
    putBucketCors: vi.fn(async () => ({ done: true as const })),
    getBucketLifecycle: vi.fn(async () => ({ rules: [], beyondEditing: false })),
    putBucketLifecycle: vi.fn(async () => ({ done: true as const })),
    emptyBucketStep: vi.fn(async () => ({ removed: { objects: 1, noncurrentVersions: 0, deleteMarkers: 0, uploads: 0 }, failed: [], remaining: false })),
    getPreferences: vi.fn(() => ({ language: 'system', theme: 'system', requestLogSize: 5000, fileLogging: false, systemLanguages: [] })),
    setPreferences: vi.fn(() => ({ language: 'zh-CN', theme: 'dark', requestLogSize: 5000, fileLogging: true, systemLanguages: [] })),
    pickUploadSources: vi.fn(async () => ({ sources: [{ handle: HANDLE, name: 'photo.jpg', kind: 'file' as const, size: 3 }] })),
    addDroppedFiles: vi.fn(async () => ({ sources: [{ handle: HANDLE, name: 'album', kind: 'folder' as const }] })),
    pickDownloadFolder: vi.fn(async () => ({})),
    startUpload: vi.fn(async () => ({ batchId: 'b', queued: 1 })),
    startDownload: vi.fn(async () => ({ batchId: 'b', queued: 2 })),
    ...Object.fromEntries(
      (['listTransfers', 'pauseTransfers', 'resumeTransfers', 'cancelTransfers', 'retryTransfers', 'clearFinishedTransfers', 'resolveTransferConflict', 'setTransferConcurrency'] as const).map(
        (name) => [name, vi.fn(() => transferList)],
      ),
    ) as Record<'listTransfers' | 'pauseTransfers' | 'resumeTransfers' | 'cancelTransfers' | 'retryTransfers' | 'clearFinishedTransfers' | 'resolveTransferConflict' | 'setTransferConcurrency', ReturnType<typeof vi.fn>>,
    listRequestLog: vi.fn(() => ({ entries: [], held: 0, capacity: 5000 })),
    getPermissions: vi.fn(() => ({ profileId: 'p', profile: 'Studio', temporaryKey: false, permissions: [] })),
  };
  const called = () => Object.values(handlers).some((f) => f.mock.calls.length > 0);
  return { services: handlers as unknown as Handlers, raw: handlers, called };
}

function registryWith(handlers: Handlers, log = vi.fn()) {
  return createHandlerRegistry({ handlers, isTrustedSender: (s) => s.isMainFrame && isTrustedSenderUrl(s.url), log });
}

function expectFailure(envelope: Envelope<unknown>, code: string) {
  expect(envelope.ok).toBe(false);
  if (!envelope.ok) expect(envelope.error.code).toBe(code);
  return envelope as Extract<Envelope<unknown>, { ok: false }>;
}

describe('handler registry', () => {
  it('offers exactly one channel per contract method', () => {
    const { services } = fakeServices();
    expect(registryWith(services).channels).toEqual(METHODS.map(channelOf));
  });

  it.each(METHODS)('%s answers a valid call from our window', async (method) => {
    const { services } = fakeServices();
    const envelope = await registryWith(services).invoke(channelOf(method), TRUSTED, VALID_INPUT[method]);
    expect(envelope.ok).toBe(true);
  });

  const foreignSenders: [string, unknown][] = [
    ['another origin', { url: 'https://evil.example/index.html', isMainFrame: true }],
    ['a look-alike host', { url: 'app://cos-desk.evil/index.html', isMainFrame: true }],
    ['credentials in the URL', { url: 'app://cos-desk@evil/index.html', isMainFrame: true }],
    ['a file URL', { url: 'file:///work/main/out/renderer/index.html', isMainFrame: true }],
    ['a subframe of our origin', { url: 'app://cos-desk/index.html', isMainFrame: false }],
    ['an empty URL', { url: '', isMainFrame: true }],
    ['no sender', undefined],
    ['a sender of the wrong shape', { url: 42, isMainFrame: 'yes' }],
  ];
  for (const method of METHODS) {
    it.each(foreignSenders)(`${method} refuses %s without calling a service`, async (_label, sender) => {
      const { services, called } = fakeServices();
      const envelope = await registryWith(services).invoke(channelOf(method), sender as SenderInfo, VALID_INPUT[method]);
      expectFailure(envelope, 'UntrustedSender');
      expect(called()).toBe(false);
    });
  }

  it('treats a sender check that throws as a refusal', async () => {
    const { services } = fakeServices();
    const registry = createHandlerRegistry({
      handlers: services,
      isTrustedSender: (s) => new URL(s.url).protocol === 'app:',
    });
    expectFailure(await registry.invoke(channelOf('getSession'), { url: 'not a url', isMainFrame: true }, undefined), 'UntrustedSender');
  });

  it.each(['cos-desk:readFile', 'cos-desk:', 'getSession', 'cos-desk:__proto__', 'cos-desk:constructor', 42 as unknown as string])(
    'refuses the unknown channel %s',
    async (channel) => {
      const { services, called } = fakeServices();
      expectFailure(await registryWith(services).invoke(channel, TRUSTED, undefined), 'UnknownChannel');
      expect(called()).toBe(false);
    },
  );

  const huge = 'x'.repeat(5_000_000);
  const malformed: [Method, string, unknown][] = [
    ['getSession', 'an unexpected argument', { anything: true }],
    ['signOut', 'an unexpected argument', 'now'],
    ['signIn', 'no input', undefined],
    ['signIn', 'null', null],
    ['signIn', 'an array', []],
    ['signIn', 'a missing SecretKey', { ...(VALID_INPUT.signIn as object), secretKey: undefined }],
    ['signIn', 'https as a string', { ...(VALID_INPUT.signIn as object), https: 'true' }],
    ['signIn', 'an extra field', { ...(VALID_INPUT.signIn as object), remember: false }],
    ['signIn', 'a huge SecretKey', { ...(VALID_INPUT.signIn as object), secretKey: huge }],
    ['signIn', 'an endpoint with a scheme', { ...(VALID_INPUT.signIn as object), endpoint: 'http://127.0.0.1:9' }],
    ['signIn', 'a __proto__ key', JSON.parse(`{"__proto__": {"polluted": true}, "secretId": "AKID1", "secretKey": "k", "region": "ap-guangzhou", "https": true}`)],
    ['switchProfile', 'no id', {}],
    ['switchProfile', 'an id with a path in it', { id: '../secrets' }],
    ['deleteProfile', 'an id that is not a string', { id: 7 }],
    ['testProfile', 'a __proto__ id', JSON.parse(`{"__proto__": {"polluted": true}}`)],
    ['saveProfile', 'a new profile without its SecretKey', { ...(VALID_INPUT.saveProfile as object), id: undefined }],
    ['saveProfile', 'a temporary key without expiry', { ...(VALID_INPUT.saveProfile as object), temporary: true, sessionToken: 't' }],
    ['saveProfile', 'a token on a permanent key', { ...(VALID_INPUT.saveProfile as object), sessionToken: 'token' }],
    ['saveProfile', 'an expiry that is not a date', { ...(VALID_INPUT.saveProfile as object), temporary: true, expiresAt: 'tomorrow' }],
    ['saveProfile', 'a control character in the name', { ...(VALID_INPUT.saveProfile as object), alias: 'a\u0007b' }],
    ['saveProfile', 'an endpoint with a path', { ...(VALID_INPUT.saveProfile as object), endpoint: 'evil.example/x' }],
    ['listBuckets', 'a region that is not one', { region: '../../etc' }],
    ['listBuckets', 'a numeric region', { region: 7 }],
    ['listBucketsPage', 'an empty marker', { marker: '' }],
    ['listBucketsPage', 'a huge marker', { marker: huge }],
    ['listBucketsPage', 'a page size of its own', { 'max-keys': 1 }],
    ['createBucket', 'an uppercase name', { ...createInput, name: 'Photos' }],
    ['createBucket', 'NaN for multiAz', { ...createInput, multiAz: NaN }],
    ['createBucket', 'an unknown ACL', { ...createInput, acl: 'authenticated-read' }],
    ['createBucket', 'a bad grantee', { ...createInput, grantRead: ['id="1"; drop'] }],
    ['createBucket', 'too many grantees', { ...createInput, grantRead: Array.from({ length: 10_000 }, () => '100000000001') }],
    ['createBucket', 'a huge name', { ...createInput, name: huge }],
    ['headBucket', 'a bucket without APPID', { ...ref, bucket: 'photos' }],
    ['headBucket', 'a missing region', { bucket: ref.bucket }],
    ['deleteBucket', 'a number', 12],
    ['deleteBucket', 'a __proto__ key', JSON.parse(`{"bucket": "a-1250000000", "region": "ap-guangzhou", "__proto__": {"x": 1}}`)],
  ];
  it.each(malformed)('%s with %s gets a ValidationError envelope, not a throw', async (method, _label, input) => {
    const { services, called } = fakeServices();
    const started = Date.now();
    const envelope = expectFailure(await registryWith(services).invoke(channelOf(method), TRUSTED, input), 'ValidationError');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(envelope.error.kind).toBe('validation');
    expect(envelope.error.issues?.length).toBeGreaterThan(0);
    expect(envelope.error.issues!.length).toBeLessThanOrEqual(20);
    expect(JSON.stringify(envelope.error).length).toBeLessThan(5000);
    expect(JSON.stringify(envelope)).not.toContain(SECRET_KEY);
    expect(called()).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says which field to fix', async () => {
    const { services } = fakeServices();
    const envelope = expectFailure(
      await registryWith(services).invoke(channelOf('createBucket'), TRUSTED, { ...createInput, name: '-photos' }),
      'ValidationError',
    );
    expect(envelope.error.issues).toEqual([{ path: 'name', rule: 'bucket.name.hyphenEnds' }]);
    expect(envelope.error.params).toEqual({ call: 'createBucket' });
  });

  it('answers an input whose properties throw when read', async () => {
    const { services } = fakeServices();
    const hostile = new Proxy({}, {
      get() {
        throw new Error('boom');
      },
      ownKeys() {
        throw new Error('boom');
      },
    });
    const envelope = await registryWith(services).invoke(channelOf('headBucket'), TRUSTED, hostile);
    expect(envelope.ok).toBe(false);
  });

  it('passes a service AppError through unchanged, minus fields the contract does not know', async () => {
    const { services, raw } = fakeServices();
    const error = { kind: 'cos' as const, code: 'BucketNotEmpty', cosMessage: 'Not empty.', status: 409, requestId: 'r1', action: 'cos:DeleteBucket' };
    raw.deleteBucket.mockRejectedValueOnce(new AppErrorException({ ...error, secretKey: SECRET_KEY } as never));
    const envelope = await registryWith(services).invoke(channelOf('deleteBucket'), TRUSTED, ref);
    expect(envelope).toEqual({ ok: false, error });
  });

  it('turns any other exception into an InternalError without its text, and logs it', async () => {
    const { services, raw } = fakeServices();
    raw.signIn.mockRejectedValueOnce(new Error(`failed with ${SECRET_KEY}`));
    const log = vi.fn();
    const envelope = expectFailure(await registryWith(services, log).invoke(channelOf('signIn'), TRUSTED, VALID_INPUT.signIn), 'InternalError');
    expect(envelope.error.kind).toBe('internal');
    expect(JSON.stringify(envelope)).not.toContain(SECRET_KEY);
    expect(log).toHaveBeenCalledOnce();
  });

  it('drops answer fields outside the contract, and refuses an answer that breaks it', async () => {
    const { services, raw } = fakeServices();
    raw.getSession.mockReturnValueOnce({ ...signedOut, secretKey: SECRET_KEY } as never);
    const registry = registryWith(services);
    expect(await registry.invoke(channelOf('getSession'), TRUSTED, undefined)).toEqual({ ok: true, data: signedOut });
    raw.getSession.mockReturnValueOnce({ signedIn: 'maybe' } as never);
    expectFailure(await registry.invoke(channelOf('getSession'), TRUSTED, undefined), 'InternalError');
  });

  it('holds a page of buckets to the contract: drops a stray field, refuses a wrong shape', async () => {
    const { services, raw } = fakeServices();
    const log = vi.fn();
    const registry = registryWith(services, log);
    const owner = { ownerId: 'o', displayName: 'd' };
    const page = { owner, buckets: [bucket, { ...bucket, name: 'b-1250000000', bucketType: 'cos' }], nextMarker: 'b-1250000000', truncated: true };
    raw.listBucketsPage.mockResolvedValueOnce(page);
    expect(await registry.invoke(channelOf('listBucketsPage'), TRUSTED, {})).toEqual({ ok: true, data: page });

    raw.listBucketsPage.mockResolvedValueOnce({ ...page, buckets: [{ ...bucket, secretKey: SECRET_KEY }] } as never);
    expect(await registry.invoke(channelOf('listBucketsPage'), TRUSTED, {})).toEqual({ ok: true, data: { ...page, buckets: [bucket] } });

    for (const wrong of [
      { ...page, buckets: [{ ...bucket, name: 7 }] },
      { ...page, buckets: Array.from({ length: 2001 }, () => bucket) },
      { ...page, truncated: 'yes' },
      { ...page, owner: undefined },
    ]) {
      raw.listBucketsPage.mockResolvedValueOnce(wrong as never);
      expectFailure(await registry.invoke(channelOf('listBucketsPage'), TRUSTED, {}), 'InternalError');
    }
    expect(log).toHaveBeenCalledWith('listBucketsPage answered outside its contract', expect.anything());
  });

  it('cancels a call by the id the page gave it: the handler’s signal aborts and the page hears Cancelled', async () => {
    const { services, raw } = fakeServices();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    raw.listBucketsPage.mockImplementationOnce(
      (_input?: unknown, call?: { signal: AbortSignal }) =>
        new Promise((_resolve, reject) => {
          started();
          call!.signal.addEventListener('abort', () => reject(new Error('aborted')));
        }) as never,
    );
    const registry = registryWith(services);
    const answer = registry.invoke(channelOf('listBucketsPage'), TRUSTED, {}, 'load-7');
    await running;
    expect(await registry.invoke(channelOf('cancelCall'), TRUSTED, { callId: 'load-7' })).toEqual({ ok: true, data: { cancelled: true } });
    expectFailure(await answer, 'Cancelled');
    // Once over, the id names nothing any more.
    expect(await registry.invoke(channelOf('cancelCall'), TRUSTED, { callId: 'load-7' })).toEqual({ ok: true, data: { cancelled: false } });
  });

  it.each([42, '', 'x'.repeat(65), '../id', { id: 1 }])('refuses the call id %j', async (callId) => {
    const { services, called } = fakeServices();
    expectFailure(await registryWith(services).invoke(channelOf('headBucket'), TRUSTED, ref, callId), 'ValidationError');
    expect(called()).toBe(false);
  });

  it('hands the service the parsed input', async () => {
    const { services, raw } = fakeServices();
    await registryWith(services).invoke(channelOf('signIn'), TRUSTED, { ...(VALID_INPUT.signIn as object), secretId: '  AKID1234  ' });
    expect(raw.signIn).toHaveBeenCalledWith(expect.objectContaining({ secretId: 'AKID1234' }), { signal: expect.any(AbortSignal) });
  });
});
