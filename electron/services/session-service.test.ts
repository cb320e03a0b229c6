/** SessionService over the real gateway, the local COS emulator and `conf` files in a temporary folder. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorAccount } from '../../e2e/emulator';
import type { SignInInput } from '../../shared/contract';
import { AppErrorException } from '../../shared/errors';
import { createCosGateway } from '../cos/gateway';
import { SecretStore } from '../secrets/secret-store';
import { OWNER, SEED, TEMPORARY } from '../testing/cos-fixtures';
import { createFakeCipher, type FakeCipher } from '../testing/fake-cipher';
import { createTempStores, type TempStores } from '../testing/temp-stores';
import { SessionService } from './session-service';

let emulator: Emulator;
let stores: TempStores;
let cipher: FakeCipher;

beforeAll(async () => {
  emulator = await startEmulator({ seed: SEED });
});
afterAll(() => emulator.close());
beforeEach(() => {
  stores = createTempStores();
  cipher = createFakeCipher();
});
afterEach(() => stores.remove());

/** A fresh service over the same files: what the app has after a restart. */
function startService(): SessionService {
  return new SessionService({
    settings: stores.open('settings'),
    secrets: new SecretStore(cipher, stores.open('secrets')),
    connect: (credentials) => createCosGateway(credentials),
  });
}

function signInInput(account: EmulatorAccount, overrides: Partial<SignInInput> = {}): SignInInput {
  return {
    secretId: account.secretId,
    secretKey: account.secretKey,
    sessionToken: account.sessionToken,
    region: 'ap-guangzhou',
    https: false,
    endpoint: emulator.address,
    ...overrides,
  };
}

describe('SessionService', () => {
  it('starts signed out', () => {
    expect(startService().getSession()).toEqual({ signedIn: false, canRememberKeys: true });
  });

  it('refuses wrong keys with the COS reason and saves nothing', async () => {
    const service = startService();
    const error = await service.signIn(signInInput(OWNER, { secretKey: 'WrongSecretKey000000000000000000' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppErrorException);
    expect((error as AppErrorException).error).toMatchObject({ code: 'SignatureDoesNotMatch', action: 'cos:GetService' });
    expect(service.getSession().signedIn).toBe(false);
    expect(stores.read('settings')).toBeUndefined();
    expect(stores.read('secrets')).toBeUndefined();
  });

  it('signs in with good keys: the account and a masked SecretId, never the SecretKey', async () => {
    const state = await startService().signIn(signInInput(OWNER));
    expect(state).toEqual({
      signedIn: true,
      canRememberKeys: true,
      account: { ownerId: expect.stringContaining(OWNER.ownerUin), displayName: expect.any(String) },
      profile: {
        secretIdMasked: `${OWNER.secretId.slice(0, 4)}…${OWNER.secretId.slice(-4)}`,
        region: 'ap-guangzhou',
        https: false,
        endpoint: emulator.address,
        temporary: false,
      },
    });
    expect(JSON.stringify(state)).not.toContain(OWNER.secretKey);
    expect(JSON.stringify(state)).not.toContain(OWNER.secretId);
  });

  it('keeps the SecretKey and token encrypted on disk, and restores the session after a restart', async () => {
    const first = startService();
    const signedIn = await first.signIn(signInInput(TEMPORARY));
    expect(signedIn).toMatchObject({ signedIn: true, profile: { temporary: true } });
    const disk = stores.diskText();
    expect(disk).not.toContain(TEMPORARY.secretKey);
    expect(disk).not.toContain(TEMPORARY.sessionToken);

    const second = startService();
    expect(await second.restore()).toEqual(signedIn);
    const buckets = await second.gateway().listBuckets();
    expect(buckets.buckets.length).toBeGreaterThan(0);
  });

  it('signs out: memory, the stored profile and the secrets are wiped', async () => {
    const service = startService();
    await service.signIn(signInInput(TEMPORARY));
    expect(await service.signOut()).toEqual({ signedIn: false, canRememberKeys: true });
    expect(stores.read('settings')).not.toHaveProperty('profile');
    expect(stores.read('secrets')).toEqual({});
    expect(() => service.gateway()).toThrow(AppErrorException);
    expect(await startService().restore()).toMatchObject({ signedIn: false });
  });

  it('signs out at startup when the stored SecretKey no longer decrypts, deleting it', async () => {
    await startService().signIn(signInInput(OWNER));
    cipher.breakDecryption();
    expect(await startService().restore()).toEqual({ signedIn: false, canRememberKeys: true });
    expect(stores.read('settings')).not.toHaveProperty('profile');
    expect(stores.read('secrets')).not.toHaveProperty('secretKey');
  });

  it('signs out at startup when the stored profile is unreadable', async () => {
    stores.open('settings').set('profile', { secretId: 42 });
    expect(await startService().restore()).toMatchObject({ signedIn: false });
    expect(stores.read('settings')).not.toHaveProperty('profile');
  });

  it('without encryption keeps the session in memory only: nothing written, canRememberKeys false', async () => {
    cipher.available = false;
    const service = startService();
    expect(await service.signIn(signInInput(OWNER))).toMatchObject({ signedIn: true, canRememberKeys: false });
    await service.gateway().listBuckets();
    expect(stores.read('settings')).toBeUndefined();
    expect(stores.read('secrets')).toBeUndefined();
    expect(await startService().restore()).toEqual({ signedIn: false, canRememberKeys: false });
  });

  it('a sign-in not to remember (the demo) leaves the stored profile as it was', async () => {
    await startService().signIn(signInInput(OWNER));
    const before = stores.diskText();
    const service = startService();
    expect(await service.signIn(signInInput(TEMPORARY), { remember: false })).toMatchObject({ signedIn: true, profile: { temporary: true } });
    expect(stores.diskText()).toBe(before);
  });

  it('treats an empty session token as none', async () => {
    expect(await startService().signIn(signInInput(OWNER, { sessionToken: '' }))).toMatchObject({ profile: { temporary: false } });
  });
});
