/** Encryption by the operating system's key store (safeStorage in the app). */
export interface Cipher {
  /** False where the OS offers no real encryption: secrets must then stay in memory. */
  isAvailable(): boolean;
  /** Returns base64 text, so the result can sit in a JSON settings file. */
  encrypt(plain: string): Promise<string>;
  /** `shouldReEncrypt`: the OS rotated its key; store the value encrypted again. */
  decrypt(cipherText: string): Promise<{ value: string; shouldReEncrypt: boolean }>;
}
