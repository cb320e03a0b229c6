/** The table's rows: the buckets COS listed, then those added by hand that the list does not already hold. */
import type { AddedBucket, Bucket, HeadBucketResult } from '@shared/contract';
import { isAppErrorException } from '@shared/errors';
import { isListDenied as isListDeniedError } from '@shared/refusals';

export type ListedBucket = Bucket & { addedByHand?: boolean };

export function withAddedBuckets(listed: readonly Bucket[], added: readonly AddedBucket[]): ListedBucket[] {
  if (added.length === 0) return listed as ListedBucket[];
  const names = new Set(listed.map((b) => b.name));
  const extra = added
    .filter((b) => !names.has(b.name))
    // GET Service is where creation dates come from: a bucket added by hand has none to show.
    .map((b): ListedBucket => ({ name: b.name, region: b.region, creationDate: '', addedByHand: true }));
  return extra.length > 0 ? [...listed, ...extra] : (listed as ListedBucket[]);
}

/** COS's answer when the key may not list buckets (see shared/refusals.ts). */
export function isListDenied(error: unknown): boolean {
  return isAppErrorException(error) && isListDeniedError(error.error);
}

/** A 403 from HEAD: the bucket exists, or the key may not check buckets at all; either way it was added. */
export function addedUnchecked(check: HeadBucketResult): boolean {
  return check.status === 403;
}
