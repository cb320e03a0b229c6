/** The Electron side of Cipher: safeStorage, asked once after `ready` whether it really encrypts. */
import { safeStorage } from 'electron';
import type { Cipher } from './cipher';

export async function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): Promise<Cipher> {
  const available =
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    // Without a keyring Linux "encrypts" with a hard-coded password: as good as plaintext.
    !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  return {
    isAvailable: () => available,
    async encrypt(plain) {
      return (await safeStorage.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(cipherText) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(cipherText, 'base64'));
      return { value: result, shouldReEncrypt };
    },
  };
}
