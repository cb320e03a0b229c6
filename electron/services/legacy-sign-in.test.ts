/** The first version's single sign-in, as it left it on disk, becomes a saved profile at the next start. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
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

async function writeFirstVersion(account: typeof OWNER, temporary = false) {
  stores.open('settings').set('profile', {
    secretId: account.secretId,
    region: 'ap-beijing',
    https: false,
    endpoint: emulator.address,
    temporary,
    account: { ownerId: `qcs::cam::uin/${account.ownerUin}:uin/${account.ownerUin}`, displayName: 'Old sign-in' },
  });
  const secrets = new SecretStore(cipher, stores.open('secrets'));
  await secrets.set('secretKey', account.secretKey);
  if (account.sessionToken) await secrets.set('sessionToken', account.sessionToken);
}

function startService() {
  return new SessionService({
    settings: stores.open('settings'),
    secrets: new SecretStore(cipher, stores.open('secrets')),
    connect: (credentials) => createCosGateway(credentials),
  });
}

describe('the first version’s sign-in', () => {
  it('becomes an active profile with the same keys, and the old entries are deleted', async () => {
    await writeFirstVersion(TEMPORARY, true);
    const service = startService();
    expect(await service.restore()).toMatchObject({
      signedIn: true,
      profile: { alias: 'Old sign-in', region: 'ap-beijing', temporary: true, keys: 'ready' },
    });
    expect((await service.gateway().listBuckets()).buckets.length).toBeGreaterThan(0);
    expect(stores.read('settings')).not.toHaveProperty('profile');
    expect(Object.keys(stores.read('secrets') ?? {})).toEqual([expect.stringMatching(/^profile-/)]);
    expect(await startService().restore()).toMatchObject({ signedIn: true, profile: { alias: 'Old sign-in' } });
  });

  it('is dropped, old keys included, when its SecretKey no longer decrypts', async () => {
    await writeFirstVersion(OWNER);
    cipher.breakDecryption();
    expect(await startService().restore()).toEqual({ signedIn: false, canRememberKeys: true, profiles: [] });
    expect(stores.read('settings')).toEqual({});
    expect(stores.read('secrets')).toEqual({});
  });
});
