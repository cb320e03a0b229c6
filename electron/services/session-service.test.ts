/** SessionService over the real gateway, the local COS emulator and `conf` files in a temporary folder. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedBuckets, startEmulator, type Emulator, type EmulatorAccount } from '../../e2e/emulator';
import type { SaveProfileInput, SessionState, SignInInput } from '@shared/contract';
import { AppErrorException, type AppError } from '@shared/errors';
import { createCosGateway, type CosCredentials, type CosGateway } from '../cos/gateway';
import { Redactor } from '../secrets/redactor';
import type { SettingsStore } from '../settings/settings-store';
import { SecretStore } from '../secrets/secret-store';
import { ALL_SECRETS, OWN_BUCKETS, OWNER, READER, SEED, STRANGER, TEMPORARY } from '../testing/cos-fixtures';
import { createFakeCipher, type FakeCipher } from '../testing/fake-cipher';
import { createTempStores, type TempStores } from '../testing/temp-stores';
import { SessionService, type SessionServiceDeps } from './session-service';

const HOUR = 3_600_000;

let emulator: Emulator;
let stores: TempStores;
let cipher: FakeCipher;
let clock: number;

beforeAll(async () => {
  emulator = await startEmulator({ seed: SEED });
});
afterAll(() => emulator.close());
beforeEach(() => {
  stores = createTempStores();
  cipher = createFakeCipher();
  clock = Date.now();
});
afterEach(() => stores.remove());

/** A fresh service over the same files: what the app has after a restart. */
function startService(overrides: Partial<SessionServiceDeps> = {}): SessionService {
  return new SessionService({
    settings: stores.open('settings'),
    secrets: new SecretStore(cipher, stores.open('secrets')),
    connect: (credentials) => createCosGateway(credentials),
    now: () => clock,
    ...overrides,
  });
}

function signInInput(account: EmulatorAccount, overrides: Partial<SignInInput> = {}): SignInInput {
  return {
    secretId: account.secretId,
    secretKey: account.secretKey,
    sessionToken: account.sessionToken,
    expiresAt: account.sessionToken ? new Date(clock + HOUR).toISOString() : undefined,
    region: 'ap-guangzhou',
    https: false,
    endpoint: emulator.address,
    ...overrides,
  };
}

function profileInput(account: EmulatorAccount, overrides: Partial<SaveProfileInput> = {}): SaveProfileInput {
  const temporary = account.sessionToken !== undefined;
  return {
    secretId: account.secretId,
    secretKey: account.secretKey,
    temporary,
    sessionToken: account.sessionToken,
    expiresAt: temporary ? new Date(clock + HOUR).toISOString() : undefined,
    region: 'ap-guangzhou',
    https: false,
    endpoint: emulator.address,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppErrorException);
  return (error as AppErrorException).error;
}

function idOf(state: SessionState, alias: string): string {
  const profile = state.profiles.find((p) => p.alias === alias);
  expect(profile, alias).toBeDefined();
  return profile!.id;
}

function activeAlias(state: SessionState): string | undefined {
  return state.signedIn ? state.profile.alias : undefined;
}

describe('signing in', () => {
  it('starts signed out, with no profile', () => {
    expect(startService().getSession()).toEqual({ signedIn: false, canRememberKeys: true, profiles: [] });
  });

  it('refuses wrong keys with the COS reason and saves nothing', async () => {
    const service = startService();
    const error = await failure(service.signIn(signInInput(OWNER, { secretKey: 'WrongSecretKey000000000000000000' })));
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', action: 'cos:GetService' });
    expect(service.getSession()).toMatchObject({ signedIn: false, profiles: [] });
    expect(stores.read('settings')).toBeUndefined();
    expect(stores.read('secrets')).toBeUndefined();
  });

  it('signs in with good keys: a profile named after the account, a masked SecretId, never the SecretKey', async () => {
    const state = await startService().signIn(signInInput(OWNER));
    expect(state).toEqual({
      signedIn: true,
      canRememberKeys: true,
      account: { ownerId: expect.stringContaining(OWNER.ownerUin), displayName: OWNER.displayName },
      profiles: [state.signedIn && state.profile],
      profile: {
        id: expect.any(String),
        alias: OWNER.displayName,
        secretIdMasked: `${OWNER.secretId.slice(0, 4)}…${OWNER.secretId.slice(-4)}`,
        temporary: false,
        region: 'ap-guangzhou',
        https: false,
        endpoint: emulator.address,
        account: { ownerId: expect.stringContaining(OWNER.ownerUin), displayName: OWNER.displayName },
        keys: 'ready',
      },
    });
    expect(JSON.stringify(state)).not.toContain(OWNER.secretKey);
    expect(JSON.stringify(state)).not.toContain(OWNER.secretId);
  });

  it('keeps the SecretKey and token encrypted on disk, and reopens the profile after a restart', async () => {
    const signedIn = await startService().signIn(signInInput(TEMPORARY, { alias: 'Temporary' }));
    expect(signedIn).toMatchObject({ signedIn: true, profile: { alias: 'Temporary', temporary: true, keys: 'ready' } });
    const disk = stores.diskText();
    expect(disk).not.toContain(TEMPORARY.secretKey);
    expect(disk).not.toContain(TEMPORARY.sessionToken);

    const second = startService();
    expect(await second.restore()).toEqual(signedIn);
    expect((await second.gateway().listBuckets()).buckets.length).toBeGreaterThan(0);
  });

  it('learns the account from one short GET Service, however many buckets there are', async () => {
    const many = await startEmulator({ seed: { accounts: [OWNER], buckets: seedBuckets(4500, { appId: OWNER.appId }) } });
    try {
      const state = await startService().signIn(signInInput(OWNER, { endpoint: many.address }));
      expect(state).toMatchObject({ signedIn: true, account: { displayName: OWNER.displayName } });
      expect(many.requests()).toEqual([expect.objectContaining({ method: 'GET', host: 'service.cos.myqcloud.com', status: 200 })]);
    } finally {
      await many.close();
    }
  });

  it('treats an empty session token as none', async () => {
    expect(await startService().signIn(signInInput(OWNER, { sessionToken: '' }))).toMatchObject({ profile: { temporary: false } });
  });
});

describe('several profiles', () => {
  it('adds a profile without leaving the active one, and switches in one call with the saved keys', async () => {
    const service = startService();
    await service.signIn(signInInput(OWNER, { alias: 'Owner' }));
    const added = await service.saveProfile(profileInput(STRANGER, { alias: 'Stranger' }));
    expect(added.profiles.map((p) => p.alias)).toEqual(['Owner', 'Stranger']);
    expect(activeAlias(added)).toBe('Owner');

    const requestsBefore = emulator.requests().length;
    const switched = await service.switchProfile({ id: idOf(added, 'Stranger') });
    expect(emulator.requests().length).toBe(requestsBefore);
    expect(switched).toMatchObject({ signedIn: true, account: { displayName: STRANGER.displayName }, profile: { alias: 'Stranger' } });
    const names = (await service.gateway().listBuckets()).buckets.map((b) => b.name);
    expect(names).toContain('private-data-1250000009');
    expect(names).not.toContain('photos-1250000000');

    expect(activeAlias(await startService().restore())).toBe('Stranger');
  });

  it('changes a profile without the SecretKey typed again: the saved keys stay and still work', async () => {
    const service = startService();
    const state = await service.signIn(signInInput(TEMPORARY, { alias: 'Before' }));
    const id = idOf(state, 'Before');
    const laterExpiry = new Date(clock + 2 * HOUR).toISOString();
    // The renderer never knows the SecretId, SecretKey or token: it sends none of them back.
    const edited = await service.saveProfile({
      ...profileInput(TEMPORARY, { id, alias: 'After', region: 'ap-beijing', expiresAt: laterExpiry }),
      secretId: undefined,
      secretKey: undefined,
      sessionToken: undefined,
    });
    expect(edited).toMatchObject({ signedIn: true, profile: { id, alias: 'After', region: 'ap-beijing', expiresAt: laterExpiry } });
    expect((await service.gateway().listBuckets()).buckets.length).toBeGreaterThan(0);
    expect(await startService().restore()).toMatchObject({ signedIn: true, profile: { alias: 'After' } });
  });

  it('wants the SecretKey again when the SecretId changes, and changes nothing without it', async () => {
    const service = startService();
    const id = idOf(await service.signIn(signInInput(OWNER, { alias: 'Owner' })), 'Owner');
    const before = stores.diskText();
    const error = await failure(service.saveProfile({ ...profileInput(READER, { id }), secretKey: undefined }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'secretKey', rule: 'secretKey.retypeForNewSecretId' }] });
    expect(stores.diskText()).toBe(before);
  });

  it('sends saved keys nowhere new: another endpoint or proxy, or HTTPS turned off, needs the SecretKey typed again', async () => {
    // The emulator speaks plain HTTP; the profile says HTTPS, which is what matters here.
    const service = startService({ connect: (credentials) => createCosGateway({ ...credentials, https: false }) });
    const id = idOf(await service.signIn(signInInput(OWNER, { alias: 'Owner', https: true })), 'Owner');
    const requestsBefore = emulator.requests().length;
    for (const change of [
      { endpoint: '203.0.113.7:443' },
      { https: false },
      { proxyUrl: 'http://203.0.113.9:3128' },
      { serviceDomain: 'collector.attacker.example' },
      { bucketDomain: '{Bucket}.collector.attacker.example' },
    ]) {
      const error = await failure(service.saveProfile({ ...profileInput(OWNER, { id, https: true, ...change }), secretId: undefined, secretKey: undefined }));
      expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'secretKey', rule: 'secretKey.retypeForNewRoute' }] });
    }
    expect(emulator.requests().length).toBe(requestsBefore);
  });

  it('keeps the saved keys when new ones are refused by COS', async () => {
    const service = startService();
    const id = idOf(await service.signIn(signInInput(OWNER, { alias: 'Owner' })), 'Owner');
    const error = await failure(service.saveProfile(profileInput(OWNER, { id, secretKey: 'WrongSecretKey000000000000000000' })));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(await startService().testProfile({ id })).toMatchObject({ account: { displayName: OWNER.displayName } });
  });

  it('tests a saved profile: the account and its bucket count, the active profile unchanged', async () => {
    const service = startService();
    await service.signIn(signInInput(OWNER, { alias: 'Owner' }));
    const id = idOf(await service.saveProfile(profileInput(STRANGER, { alias: 'Stranger' })), 'Stranger');
    const ownBuckets = emulator.buckets().filter((b) => b.owner === STRANGER.ownerUin).length;
    expect(await service.testProfile({ id })).toEqual({
      account: { ownerId: expect.stringContaining(STRANGER.ownerUin), displayName: STRANGER.displayName },
      bucketCount: ownBuckets,
    });
    expect(activeAlias(service.getSession())).toBe('Owner');
  });

  it('deletes a profile with its keys; deleting the active one signs out', async () => {
    const service = startService();
    const owner = idOf(await service.signIn(signInInput(OWNER, { alias: 'Owner' })), 'Owner');
    const stranger = idOf(await service.saveProfile(profileInput(STRANGER, { alias: 'Stranger' })), 'Stranger');

    const afterOther = await service.deleteProfile({ id: stranger });
    expect(afterOther).toMatchObject({ signedIn: true, profiles: [{ alias: 'Owner' }] });
    expect(Object.keys(stores.read('secrets') ?? {})).toEqual([`profile-${owner}`]);

    const afterActive = await service.deleteProfile({ id: owner });
    expect(afterActive).toEqual({ signedIn: false, canRememberKeys: true, profiles: [] });
    expect(() => service.gateway()).toThrow(AppErrorException);
    expect(stores.read('secrets')).toEqual({});
    expect(stores.read('settings')).toEqual({ profiles: [] });
    expect((await failure(service.switchProfile({ id: owner }))).code).toBe('NoSuchProfile');
  });

  it('signs out without forgetting any profile; nothing reopens at the next start', async () => {
    const service = startService();
    await service.signIn(signInInput(OWNER, { alias: 'Owner' }));
    const state = await service.signOut();
    expect(state).toMatchObject({ signedIn: false, profiles: [{ alias: 'Owner', keys: 'ready' }] });
    expect(state).not.toHaveProperty('askKeysFor');
    expect(() => service.gateway()).toThrow(AppErrorException);
    expect(await startService().restore()).toMatchObject({ signedIn: false, profiles: [{ alias: 'Owner' }] });
  });

  it('runs two saves of one profile in call order, so the later one is what stays', async () => {
    let calls = 0;
    const slowFirst = (credentials: CosCredentials): CosGateway => {
      const gateway = createCosGateway(credentials);
      const delay = ++calls === 2 ? 150 : 0;
      return { ...gateway, listBuckets: async (input) => (await new Promise((r) => setTimeout(r, delay)), gateway.listBuckets(input)) };
    };
    const service = startService({ connect: slowFirst });
    const id = idOf(await service.signIn(signInInput(OWNER, { alias: 'Owner' })), 'Owner');
    const first = service.saveProfile(profileInput(OWNER, { id, alias: 'First' }));
    const second = service.saveProfile(profileInput(OWNER, { id, alias: 'Second' }));
    await Promise.all([first, second]);
    expect(startService().getSession().profiles.map((p) => p.alias)).toEqual(['Second']);
  });

  it('never writes any SecretKey or token in plaintext, whatever is added, changed or deleted', async () => {
    const service = startService();
    await service.signIn(signInInput(TEMPORARY, { alias: 'Temporary' }));
    const owner = idOf(await service.saveProfile(profileInput(OWNER, { alias: 'Owner' })), 'Owner');
    await service.saveProfile(profileInput(READER, { alias: 'Reader' }));
    await service.saveProfile({ ...profileInput(OWNER, { id: owner, alias: 'Owner 2' }), secretKey: undefined });
    await service.switchProfile({ id: owner });
    await service.deleteProfile({ id: owner });
    const disk = stores.diskText();
    expect(disk.length).toBeGreaterThan(0);
    for (const secret of ALL_SECRETS) expect(disk).not.toContain(secret);
  });
});

describe('the active profile in memory', () => {
  it('reads no settings per call, and the next call follows an edit of the profile', async () => {
    const moved = await startEmulator({ seed: SEED });
    try {
      const file = stores.open('settings');
      let reads = 0;
      const settings: SettingsStore = {
        get: (key) => {
          reads += 1;
          return file.get(key);
        },
        set: (key, value) => file.set(key, value),
        delete: (key) => file.delete(key),
      };
      const service = startService({ settings });
      const id = idOf(await service.signIn(signInInput(OWNER, { alias: 'Owner' })), 'Owner');

      reads = 0;
      for (let page = 0; page < 20; page += 1) await service.gateway().listBuckets();
      expect(reads).toBe(0);

      // The edit goes through the app: the very next call goes to the new endpoint, the old one sees no more.
      await service.saveProfile(profileInput(OWNER, { id, region: 'ap-beijing', endpoint: moved.address }));
      expect(service.getSession()).toMatchObject({ profile: { region: 'ap-beijing', endpoint: moved.address } });
      const oldBefore = emulator.requests().length;
      const movedBefore = moved.requests().length;
      reads = 0;
      expect((await service.gateway().listBuckets()).buckets.length).toBeGreaterThan(0);
      expect(moved.requests().length).toBe(movedBefore + 1);
      expect(emulator.requests().length).toBe(oldBefore);
      expect(reads).toBe(0);

      // Signing out is seen at once too.
      await service.signOut();
      expect(() => service.gateway()).toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'NotSignedIn' }) }));
    } finally {
      await moved.close();
    }
  });
});

describe('a private deployment’s host names', () => {
  const domains = { serviceDomain: 'cos.private.example:8443', bucketDomain: '{Bucket}.cos.{Region}.private.example' };
  let privateCos: Emulator;
  beforeAll(async () => {
    privateCos = await startEmulator({ seed: SEED, domains });
  });
  afterAll(() => privateCos.close());

  it('signs in through the service domain, keeps both domains and sends every later call to them', async () => {
    const service = startService();
    const state = await service.signIn(signInInput(OWNER, { endpoint: privateCos.address, ...domains }));
    expect(state).toMatchObject({ signedIn: true, account: { displayName: OWNER.displayName }, profile: domains });
    expect((await service.gateway().headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' })).accessible).toBe(true);

    // After a restart, from the saved profile.
    const restarted = startService();
    expect(await restarted.restore()).toMatchObject({ signedIn: true, profile: domains });
    expect((await restarted.gateway().listBuckets()).buckets.length).toBe(OWN_BUCKETS.length);
    expect(privateCos.requests().map((r) => r.host)).toEqual([
      'cos.private.example:8443',
      'photos-1250000000.cos.ap-guangzhou.private.example',
      'cos.private.example:8443',
    ]);
  });

  it('moves a saved profile to new domains only with the SecretKey typed again', async () => {
    const service = startService();
    const id = idOf(await service.signIn(signInInput(OWNER, { alias: 'Owner', endpoint: privateCos.address })), 'Owner');
    const move = { ...profileInput(OWNER, { id, endpoint: privateCos.address, ...domains }), secretId: undefined };
    const error = await failure(service.saveProfile({ ...move, secretKey: undefined }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'secretKey', rule: 'secretKey.retypeForNewRoute' }] });
    expect(service.getSession()).toMatchObject({ profile: { serviceDomain: undefined, bucketDomain: undefined } });

    expect(await service.saveProfile(move)).toMatchObject({ profile: domains });
    // Dropping a domain is a change of route too.
    const back = await failure(service.saveProfile({ ...move, secretKey: undefined, bucketDomain: undefined }));
    expect(back).toMatchObject({ issues: [{ path: 'secretKey' }] });
  });
});

describe('temporary keys', () => {
  it('count as expired once the clock passes their expiry: no more calls, and switching asks for a new key', async () => {
    const service = startService();
    const state = await service.signIn(signInInput(TEMPORARY, { alias: 'Temp', expiresAt: new Date(clock + 60_000).toISOString() }));
    const id = idOf(state, 'Temp');
    expect(service.gateway()).toBeDefined();

    clock += 60_000;
    expect(service.getSession()).toMatchObject({ signedIn: true, profile: { keys: 'expired' } });
    expect(() => service.gateway()).toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'KeyExpired' }) }));
    await service.signOut();
    expect((await failure(service.switchProfile({ id }))).code).toBe('KeyExpired');

    const renewed = await service.saveProfile(profileInput(TEMPORARY, { id, expiresAt: new Date(clock + HOUR).toISOString(), activate: true }));
    expect(renewed).toMatchObject({ signedIn: true, profile: { keys: 'ready' } });
  });

  it('refuse an expiry that has already passed, and save nothing', async () => {
    const error = await failure(startService().saveProfile(profileInput(TEMPORARY, { expiresAt: new Date(clock - 1000).toISOString() })));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'expiresAt' }] });
    expect(stores.read('settings')).toBeUndefined();
  });

  it('count as expired when COS answers ExpiredToken before the typed expiry', async () => {
    let expired = false;
    const connect = (credentials: CosCredentials): CosGateway => {
      const gateway = createCosGateway(credentials);
      return {
        ...gateway,
        listBuckets: (input) =>
          expired
            ? Promise.reject(new AppErrorException({ kind: 'cos', code: 'ExpiredToken', cosMessage: 'The token has expired.', status: 400 }))
            : gateway.listBuckets(input),
      };
    };
    const service = startService({ connect });
    await service.signIn(signInInput(TEMPORARY));
    expired = true;
    expect((await failure(service.gateway().listBuckets())).code).toBe('ExpiredToken');
    expect(service.getSession()).toMatchObject({ signedIn: true, profile: { keys: 'expired' } });
  });
});

describe('keys that are gone', () => {
  it('deletes a saved SecretKey that no longer decrypts, and asks for it at the next start', async () => {
    const id = idOf(await startService().signIn(signInInput(OWNER, { alias: 'Owner' })), 'Owner');
    cipher.breakDecryption();
    const restarted = startService();
    expect(await restarted.restore()).toEqual({
      signedIn: false,
      canRememberKeys: true,
      askKeysFor: id,
      profiles: [expect.objectContaining({ id, alias: 'Owner', keys: 'missing' })],
    });
    expect(stores.read('secrets')).not.toHaveProperty(`profile-${id}`);

    cipher = createFakeCipher();
    const again = startService();
    await again.restore();
    expect((await failure(again.switchProfile({ id }))).code).toBe('KeysNeeded');
    const typedAgain = await again.saveProfile(profileInput(OWNER, { id, activate: true }));
    expect(typedAgain).toMatchObject({ signedIn: true, profile: { id, keys: 'ready' } });
  });

  it('skips a saved profile that does not parse', async () => {
    stores.open('settings').set('profiles', [{ id: 'x', secretId: 42 }]);
    expect(await startService().restore()).toMatchObject({ signedIn: false, profiles: [] });
  });

  it('without encryption keeps the keys in memory only: the profile is listed after a restart, its keys asked for', async () => {
    cipher.available = false;
    const service = startService();
    const state = await service.signIn(signInInput(TEMPORARY, { alias: 'Temp' }));
    expect(state).toMatchObject({ signedIn: true, canRememberKeys: false });
    await service.gateway().listBuckets();
    expect(stores.read('secrets')).toBeUndefined();
    for (const secret of ALL_SECRETS) expect(stores.diskText()).not.toContain(secret);

    expect(await startService().restore()).toMatchObject({
      signedIn: false,
      canRememberKeys: false,
      askKeysFor: idOf(state, 'Temp'),
      profiles: [{ alias: 'Temp', keys: 'missing' }],
    });
  });

  it('a profile not to remember (the demo) leaves the disk as it was', async () => {
    await startService().signIn(signInInput(OWNER));
    const before = stores.diskText();
    const service = startService();
    const state = await service.signIn(signInInput(TEMPORARY, { alias: 'Demo' }), { remember: false });
    expect(state).toMatchObject({ signedIn: true, profile: { alias: 'Demo', temporary: true } });
    await service.saveProfile({ ...profileInput(TEMPORARY, { id: idOf(state, 'Demo'), alias: 'Demo 2' }), secretKey: undefined, sessionToken: undefined });
    expect(stores.diskText()).toBe(before);
  });
});

describe('the redactor', () => {
  it('learns every key the service handles, typed or read back from the store', async () => {
    const id = idOf(await startService().signIn(signInInput(TEMPORARY, { alias: 'Temp' })), 'Temp');
    const redactor = new Redactor();
    const service = startService({ redactor });
    await service.switchProfile({ id });
    expect(redactor.redact(`${TEMPORARY.secretKey} ${TEMPORARY.sessionToken}`)).toBe('[redacted] [redacted]');
  });
});
