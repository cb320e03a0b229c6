/**
 * The bucket list as React Query keeps it: the GET Service pages as they arrived. These helpers read it as one
 * list and change it in place of COS while a create or delete is on its way.
 */
import type { InfiniteData } from '@tanstack/react-query';
import type { Bucket, BucketListPage } from '@shared/contract';

export type BucketPages = InfiniteData<BucketListPage, string | undefined>;

/**
 * Every bucket of the pages loaded so far, once each: a bucket added here before COS listed it (a create) can
 * also arrive in a later page.
 */
export function bucketsOf(data: Pick<BucketPages, 'pages'> | undefined): Bucket[] {
  if (!data) return [];
  if (data.pages.length === 1) return data.pages[0].buckets;
  const seen = new Set<string>();
  const all: Bucket[] = [];
  for (const page of data.pages) {
    for (const bucket of page.buckets) {
      if (seen.has(bucket.name)) continue;
      seen.add(bucket.name);
      all.push(bucket);
    }
  }
  return all;
}

export function hasBucket(data: BucketPages | undefined, name: string): boolean {
  return data?.pages.some((page) => page.buckets.some((b) => b.name === name)) ?? false;
}

/** Adds or replaces a bucket; a new one goes to the last page loaded (the table sorts it into place). */
export function withBucket(data: BucketPages | undefined, bucket: Bucket): BucketPages | undefined {
  if (!data || data.pages.length === 0) return data;
  if (hasBucket(data, bucket.name)) {
    return {
      ...data,
      pages: data.pages.map((page) =>
        page.buckets.some((b) => b.name === bucket.name)
          ? { ...page, buckets: page.buckets.map((b) => (b.name === bucket.name ? bucket : b)) }
          : page,
      ),
    };
  }
  const last = data.pages.length - 1;
  return { ...data, pages: data.pages.map((page, i) => (i === last ? { ...page, buckets: [...page.buckets, bucket] } : page)) };
}

export function withoutBucket(data: BucketPages | undefined, name: string): BucketPages | undefined {
  if (!data || !hasBucket(data, name)) return data;
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.buckets.some((b) => b.name === name) ? { ...page, buckets: page.buckets.filter((b) => b.name !== name) } : page,
    ),
  };
}
