/**
 * Reads one GET Service page as parsed by the SDK's XML parser, which keeps every value a string,
 * turns a single <Bucket> into an object instead of an array, and leaves an empty <Buckets/> as "".
 */
import type { Account, Bucket } from '../../shared/contract';

export interface BucketListPage {
  owner: Account;
  buckets: Bucket[];
  /** Where the next page starts; undefined on the last page. */
  nextMarker?: string;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function toBucket(raw: unknown): Bucket {
  const fields = record(raw);
  const bucketType = str(fields.BucketType);
  return {
    // One documented example has a trailing space inside <Name>.
    name: str(fields.Name).trim(),
    region: str(fields.Location).trim(),
    creationDate: str(fields.CreationDate).trim(),
    ...(bucketType ? { bucketType } : {}),
  };
}

export function readBucketListPage(data: unknown): BucketListPage {
  const result = record(record(data).ListAllMyBucketsResult);
  const owner = record(result.Owner);
  const rawBuckets = record(result.Buckets).Bucket;
  const list = rawBuckets === undefined ? [] : Array.isArray(rawBuckets) ? rawBuckets : [rawBuckets];
  const buckets = list.map(toBucket);
  const truncated = str(result.IsTruncated).toLowerCase() === 'true';
  // NextMarker is documented; the last name is the same position when a server leaves it out.
  const nextMarker = truncated ? str(result.NextMarker).trim() || buckets.at(-1)?.name : undefined;
  return {
    owner: { ownerId: str(owner.ID), displayName: str(owner.DisplayName) },
    buckets,
    nextMarker: nextMarker || undefined,
  };
}
