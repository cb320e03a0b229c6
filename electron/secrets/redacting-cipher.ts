/**
 * Whatever the secret store encrypts or decrypts is a secret the main process now holds, whichever code path asked
 * for it (a profile's keys, a legacy entry being adopted): each one is handed to the redactor on the way through, so
 * no later log line can print it.
 */
import type { Cipher } from './cipher';
import type { Redactor } from './redactor';

/** A profile entry is JSON of secrets (see profile-store.ts); an older entry is the secret itself. */
function register(plain: string, redactor: Redactor): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null) {
    for (const value of Object.values(parsed)) if (typeof value === 'string') redactor.add(value);
  } else {
    redactor.add(plain);
  }
}

export function redactingCipher(cipher: Cipher, redactor: Redactor): Cipher {
  return {
    isAvailable: () => cipher.isAvailable(),
    encrypt(plain) {
      register(plain, redactor);
      return cipher.encrypt(plain);
    },
    async decrypt(cipherText) {
      const decrypted = await cipher.decrypt(cipherText);
      register(decrypted.value, redactor);
      return decrypted;
    },
  };
}
