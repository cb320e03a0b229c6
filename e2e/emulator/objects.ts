/**
 * The objects of one bucket: every version and delete marker of every key, plus its unfinished multipart uploads.
 * Keys are kept in UTF-8 order lazily (seeding 100,000 keys sorts once) and then by binary insertion, so that a
 * listing page starts with a binary search on its marker instead of a scan.
 */
import type { BlobStore, Body } from './blobs';
import { compareUtf8 } from './utf8-order';

export interface ObjectVersion {
  key: string;
  /** 'null' for a version written while versioning was never enabled or suspended. */
  versionId: string;
  deleteMarker: boolean;
  /** ms since the epoch. */
  lastModified: number;
  size: number;
  /** Quoted, as sent in the ETag header; empty for delete markers, and for generated bodies until `hashed`. */
  etag: string;
  /** Empty like `etag` until known. */
  crc64: string;
  body: Body;
  storageClass: string;
  /** The object headers stored with it (content-type, cache-control…, x-cos-meta-*), lowercase names. */
  headers: Record<string, string>;
}

export interface UploadedPart {
  partNumber: number;
  etag: string;
  md5: Buffer;
  size: number;
  crc64: string;
  body: Body;
  lastModified: number;
}

export interface Upload {
  uploadId: string;
  key: string;
  initiated: number;
  storageClass: string;
  headers: Record<string, string>;
  /** UIN of the key that initiated it. */
  initiator: string;
  parts: Map<number, UploadedPart>;
}

/** A version with its ETag and CRC64 filled in: seeded objects get them on first use, not 100,000 at start-up. */
export function hashed(version: ObjectVersion, blobs: BlobStore): ObjectVersion {
  if (!version.deleteMarker && version.etag === '' && version.body.kind === 'generated') {
    const { md5, crc64 } = blobs.generatedHashes(version.size);
    version.etag = `"${md5}"`;
    version.crc64 = crc64;
  }
  return version;
}

/** First index in `sorted` whose key is greater than `bound` (at least `bound` when `inclusive`). */
export function searchKeys(sorted: readonly string[], bound: string, inclusive = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compareUtf8(sorted[mid], bound);
    if (order < 0 || (order === 0 && !inclusive)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First index from `from` whose key does not start with `prefix`: keys sharing a prefix are contiguous. */
export function endOfPrefix(sorted: readonly string[], prefix: string, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid].startsWith(prefix) || compareUtf8(sorted[mid], prefix) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class BucketObjects {
  /** Versions of each key, newest first. */
  readonly #byKey = new Map<string, ObjectVersion[]>();
  #sorted: string[] | undefined;
  readonly uploads = new Map<string, Upload>();

  /** Every key that has a version or a delete marker, in UTF-8 order. */
  keys(): readonly string[] {
    this.#sorted ??= [...this.#byKey.keys()].sort(compareUtf8);
    return this.#sorted;
  }

  versions(key: string): readonly ObjectVersion[] {
    return this.#byKey.get(key) ?? [];
  }

  /** The version a plain GET answers with: the newest, unless that is a delete marker. */
  current(key: string): ObjectVersion | undefined {
    const latest = this.#byKey.get(key)?.[0];
    return latest && !latest.deleteMarker ? latest : undefined;
  }

  /**
   * Makes `version` the newest of its key. A 'null' version replaces the key's earlier 'null' one (at most one per
   * key); the versions it pushes out are returned so their bytes can be freed.
   */
  add(version: ObjectVersion, options: { bulk?: boolean } = {}): ObjectVersion[] {
    const existing = this.#byKey.get(version.key);
    if (!existing) {
      this.#byKey.set(version.key, [version]);
      if (options.bulk) this.#sorted = undefined;
      else if (this.#sorted) this.#sorted.splice(searchKeys(this.#sorted, version.key), 0, version.key);
      return [];
    }
    const removed = version.versionId === 'null' ? existing.filter((v) => v.versionId === 'null') : [];
    const kept = removed.length ? existing.filter((v) => v.versionId !== 'null') : existing;
    this.#byKey.set(version.key, [version, ...kept]);
    return removed;
  }

  /** Removes one version or delete marker; the key disappears with its last one. */
  remove(key: string, versionId: string): ObjectVersion | undefined {
    const existing = this.#byKey.get(key);
    const index = existing?.findIndex((v) => v.versionId === versionId) ?? -1;
    if (!existing || index < 0) return undefined;
    const [removed] = existing.splice(index, 1);
    if (existing.length === 0) this.#forget(key);
    return removed;
  }

  /** Removes a key with all its versions: what DELETE does where versioning was never enabled. */
  removeKey(key: string): ObjectVersion[] {
    const existing = this.#byKey.get(key) ?? [];
    if (existing.length) this.#forget(key);
    return existing;
  }

  #forget(key: string): void {
    this.#byKey.delete(key);
    if (this.#sorted) {
      const index = searchKeys(this.#sorted, key, true);
      if (this.#sorted[index] === key) this.#sorted.splice(index, 1);
    }
  }

  /** Keys whose newest version is an object, not a delete marker. */
  currentCount(): number {
    let count = 0;
    for (const versions of this.#byKey.values()) if (!versions[0].deleteMarker) count++;
    return count;
  }

  /** Nothing that keeps DELETE Bucket from succeeding: no version, no delete marker, no unfinished upload. */
  isEmpty(): boolean {
    return this.#byKey.size === 0 && this.uploads.size === 0;
  }

  /** Everything held, for freeing bytes when the bucket is emptied. */
  *all(): Generator<{ body: Body }> {
    for (const versions of this.#byKey.values()) yield* versions;
    for (const upload of this.uploads.values()) yield* upload.parts.values();
  }

  clear(): void {
    this.#byKey.clear();
    this.uploads.clear();
    this.#sorted = undefined;
  }
}
