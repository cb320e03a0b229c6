/**
 * Secrets (each profile's SecretKey, session token and proxy password) encrypted with a Cipher, in their own
 * settings file.
 * Where the cipher is unavailable they live in memory for this run only: plaintext never reaches the disk.
 * A value that no longer decrypts (new OS key, copied profile) is deleted, so the user is asked again
 * instead of failing on every start.
 */
import type { Cipher } from './cipher';
import { KeyedQueue } from '../keyed-queue';
import type { SettingsStore } from '../settings/settings-store';

export class SecretStore {
  private readonly memory = new Map<string, string>();
  /** Writes of one name run in call order, so the last call wins on disk. */
  private readonly writes = new KeyedQueue();

  constructor(
    private readonly cipher: Cipher,
    private readonly file: SettingsStore,
  ) {}

  /** Whether secrets survive a restart. */
  canPersist(): boolean {
    return this.cipher.isAvailable();
  }

  /** Whether a value is held, without decrypting it (a stored value that no longer decrypts still counts). */
  has(name: string): boolean {
    return this.memory.has(name) || (this.cipher.isAvailable() && this.file.get(name) !== undefined);
  }

  set(name: string, value: string): Promise<void> {
    this.memory.set(name, value);
    return this.writes.run(name, async () => {
      if (this.cipher.isAvailable()) this.file.set(name, await this.cipher.encrypt(value));
      else this.deleteFromFile(name);
    });
  }

  delete(name: string): Promise<void> {
    this.memory.delete(name);
    return this.writes.run(name, async () => this.deleteFromFile(name));
  }

  async get(name: string): Promise<string | undefined> {
    await this.writes.settled(name);
    const remembered = this.memory.get(name);
    if (remembered !== undefined) return remembered;

    const stored = this.file.get(name);
    if (stored === undefined) return undefined;
    const decrypted = typeof stored === 'string' && this.cipher.isAvailable() ? await this.tryDecrypt(stored) : undefined;
    if (decrypted === undefined) {
      await this.delete(name);
      return undefined;
    }
    this.memory.set(name, decrypted.value);
    if (decrypted.shouldReEncrypt) await this.set(name, decrypted.value);
    return decrypted.value;
  }

  /** Deleting rewrites the whole file: skipped when there is nothing to delete, so memory-only use writes nothing. */
  private deleteFromFile(name: string): void {
    if (this.file.get(name) !== undefined) this.file.delete(name);
  }

  private async tryDecrypt(cipherText: string): Promise<{ value: string; shouldReEncrypt: boolean } | undefined> {
    try {
      return await this.cipher.decrypt(cipherText);
    } catch {
      return undefined;
    }
  }
}
