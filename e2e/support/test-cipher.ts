import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Stands in for Electron's safeStorage, which cannot run outside Electron: AES-256-GCM under a key that
 * lives only in this process, behind the same Cipher interface the safeStorage adapter implements.
 */
export function createTestCipher(options: { available?: boolean; key?: Buffer } = {}) {
  // A key given by the caller stands for the same OS key store across a restart.
  const key = options.key ?? randomBytes(32);
  return {
    isAvailable: () => options.available ?? true,
    async encrypt(plain: string): Promise<string> {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async decrypt(cipherText: string): Promise<{ value: string; shouldReEncrypt: boolean }> {
      const raw = Buffer.from(cipherText, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const value = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return { value, shouldReEncrypt: false };
    },
  };
}
