import { BlobStore } from './blobs';
import type { CustomDomains } from './hosts';
import { BucketObjects } from './objects';
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
  readonly #objects = new Map<string, BucketObjects>();
  /** Object bytes on disk, freed by close(). */
  readonly blobs = new BlobStore();

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

  /** The bucket's objects, versions and uploads. */
  objects(bucket: string): BucketObjects {
    let objects = this.#objects.get(bucket);
    if (!objects) {
      objects = new BucketObjects();
      this.#objects.set(bucket, objects);
    }
    return objects;
  }

  /** Drops everything a bucket holds and frees its bytes. */
  empty(bucket: string): void {
    const objects = this.#objects.get(bucket);
    if (!objects) return;
    for (const held of objects.all()) this.blobs.release(held.body);
    objects.clear();
  }

  remove(name: string): void {
    this.empty(name);
    this.#objects.delete(name);
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
