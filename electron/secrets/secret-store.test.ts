import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeCipher } from '../testing/fake-cipher';
import { createTempStores, type TempStores } from '../testing/temp-stores';
import { SecretStore } from './secret-store';

const SECRET_KEY = 'PlainSecretKeyThatMustNotReachDisk1';

let stores: TempStores;
beforeEach(() => {
  stores = createTempStores();
});
afterEach(() => stores.remove());

describe('SecretStore with encryption', () => {
  it('writes only cipher text, and a new store over the same file reads the secret back', async () => {
    const cipher = createFakeCipher();
    await new SecretStore(cipher, stores.open('secrets')).set('secretKey', SECRET_KEY);
    expect(stores.read('secrets')).toHaveProperty('secretKey');
    expect(stores.diskText()).not.toContain(SECRET_KEY);

    const afterRestart = new SecretStore(cipher, stores.open('secrets'));
    expect(await afterRestart.get('secretKey')).toBe(SECRET_KEY);
    expect(afterRestart.canPersist()).toBe(true);
  });

  it('deletes a secret that no longer decrypts', async () => {
    const cipher = createFakeCipher();
    await new SecretStore(cipher, stores.open('secrets')).set('secretKey', SECRET_KEY);
    cipher.breakDecryption();
    const afterRestart = new SecretStore(cipher, stores.open('secrets'));
    expect(await afterRestart.get('secretKey')).toBeUndefined();
    expect(stores.read('secrets')).not.toHaveProperty('secretKey');
  });

  it('deletes a stored value that is not cipher text at all', async () => {
    stores.open('secrets').set('secretKey', 12345);
    expect(await new SecretStore(createFakeCipher(), stores.open('secrets')).get('secretKey')).toBeUndefined();
    expect(stores.read('secrets')).not.toHaveProperty('secretKey');
  });

  it('stores the secret again when the OS asks for re-encryption', async () => {
    const cipher = createFakeCipher();
    await new SecretStore(cipher, stores.open('secrets')).set('secretKey', SECRET_KEY);
    const before = stores.read('secrets')?.secretKey;
    cipher.rotateKey();
    let encryptions = 0;
    const encrypt = cipher.encrypt;
    cipher.encrypt = (plain) => {
      encryptions += 1;
      return encrypt(plain);
    };
    expect(await new SecretStore(cipher, stores.open('secrets')).get('secretKey')).toBe(SECRET_KEY);
    expect(encryptions).toBe(1);
    expect(stores.read('secrets')?.secretKey).toBe(before);
  });

  it('runs writes of one name in call order, so the last value wins on disk', async () => {
    const cipher = createFakeCipher();
    cipher.slowMs = 50;
    const store = new SecretStore(cipher, stores.open('secrets'));
    const first = store.set('secretKey', 'slow-first-value');
    const second = store.set('secretKey', 'fast-second-value');
    await Promise.all([first, second]);
    expect(await new SecretStore(cipher, stores.open('secrets')).get('secretKey')).toBe('fast-second-value');
  });

  it('deletes from memory and disk', async () => {
    const store = new SecretStore(createFakeCipher(), stores.open('secrets'));
    await store.set('secretKey', SECRET_KEY);
    await store.delete('secretKey');
    expect(await store.get('secretKey')).toBeUndefined();
    expect(stores.read('secrets')).not.toHaveProperty('secretKey');
  });
});

describe('SecretStore without encryption', () => {
  it('keeps secrets in memory only: nothing is written, and a restart forgets them', async () => {
    const cipher = createFakeCipher({ available: false });
    const store = new SecretStore(cipher, stores.open('secrets'));
    await store.set('secretKey', SECRET_KEY);
    expect(await store.get('secretKey')).toBe(SECRET_KEY);
    expect(store.canPersist()).toBe(false);
    expect(stores.read('secrets')).toBeUndefined();
    expect(stores.diskText()).not.toContain(SECRET_KEY);
    expect(await new SecretStore(cipher, stores.open('secrets')).get('secretKey')).toBeUndefined();
  });
});
