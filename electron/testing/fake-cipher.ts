/** Stand-ins for the OS key store in unit tests: a reversible transform behind the Cipher interface. */
import type { Cipher } from '../secrets/cipher';

export interface FakeCipher extends Cipher {
  available: boolean;
  /** Decryptions fail from now on, as after an OS key change. */
  breakDecryption(): void;
  /** The next decryptions report a rotated key. */
  rotateKey(): void;
  /** Makes encrypt() wait this long for values starting with `slow`, to exercise ordering. */
  slowMs: number;
}

const PREFIX = 'fake1:';

export function createFakeCipher(options: { available?: boolean } = {}): FakeCipher {
  let broken = false;
  let rotated = false;
  const cipher: FakeCipher = {
    available: options.available ?? true,
    slowMs: 0,
    isAvailable: () => cipher.available,
    async encrypt(plain) {
      if (plain.startsWith('slow')) await new Promise((done) => setTimeout(done, cipher.slowMs));
      return Buffer.from(PREFIX + [...plain].reverse().join(''), 'utf8').toString('base64');
    },
    async decrypt(cipherText) {
      const text = Buffer.from(cipherText, 'base64').toString('utf8');
      if (broken || !text.startsWith(PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { value: [...text.slice(PREFIX.length)].reverse().join(''), shouldReEncrypt: rotated };
    },
    breakDecryption: () => {
      broken = true;
    },
    rotateKey: () => {
      rotated = true;
    },
  };
  return cipher;
}
