import type { CustomDomains } from './hosts';
import type { EmulatorAccount, EmulatorBucket } from './types';
import { compareUtf8 } from './utf8-order';

export const DEFAULT_BUCKET_LIMIT = 200;

/** The emulator's whole world: accounts and buckets, held in memory for one server's lifetime. */
export class EmulatorState {
  readonly #accounts: EmulatorAccount[];
  readonly bucketLimit: number;
  /** Host names served besides COS's own. */
  readonly domains: CustomDomains;
  readonly #buckets = new Map<string, EmulatorBucket>();
  /** Sorted view, rebuilt lazily after a change so paging through many buckets does not re-sort per page. */
  #sorted: EmulatorBucket[] | undefined;

  constructor(accounts: EmulatorAccount[], bucketLimit = DEFAULT_BUCKET_LIMIT, domains: CustomDomains = {}) {
    if (accounts.length === 0) throw new Error('The emulator needs at least one account.');
    this.#accounts = accounts;
    this.bucketLimit = bucketLimit;
    this.domains = { ...domains };
  }

  get accounts(): readonly EmulatorAccount[] {
    return this.#accounts;
  }

  account(secretId: string): EmulatorAccount | undefined {
    return this.#accounts.find((a) => a.secretId === secretId);
  }

  addAccount(account: EmulatorAccount): void {
    if (this.account(account.secretId)) throw new Error(`SecretId ${account.secretId} already exists.`);
    this.#accounts.push(account);
  }

  bucket(name: string): EmulatorBucket | undefined {
    return this.#buckets.get(name);
  }

  insert(bucket: EmulatorBucket): void {
    if (this.#buckets.has(bucket.name)) throw new Error(`Bucket ${bucket.name} already exists.`);
    this.#buckets.set(bucket.name, bucket);
    this.#sorted = undefined;
  }

  remove(name: string): void {
    this.#buckets.delete(name);
    this.#sorted = undefined;
  }

  /** All buckets in UTF-8 name order, the order GET Service pages in. */
  sorted(): readonly EmulatorBucket[] {
    this.#sorted ??= [...this.#buckets.values()].sort((a, b) => compareUtf8(a.name, b.name));
    return this.#sorted;
  }

  countOwnedBy(owner: string): number {
    let count = 0;
    for (const bucket of this.#buckets.values()) if (bucket.owner === owner) count++;
    return count;
  }
}
