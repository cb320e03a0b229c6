/**
 * GET Service, one page at a time. The SDK's getService() drops NextMarker and IsTruncated, so pages are fetched
 * with its raw request, and the body is read by our own reader rather than the SDK's slower general parser.
 */
import { BUCKET_PAGE_SIZE, type Bucket, type BucketList, type BucketListPage } from '@shared/contract';
import { parseBucketListXml } from './bucket-list-xml';

/** What this module needs of the SDK, so that tests can hand it a stand-in. */
export interface RawRequester {
  /** `signal` is not the SDK's: it aborts the request (see abortable.ts) and is taken out before the SDK sees it. */
  request(params: { Method: string; Url: string; Query?: Record<string, string | number>; RawBody?: boolean; signal?: AbortSignal }): Promise<{
    Body?: Buffer | string;
  }>;
}

function toBucket(name: string, location: string, creationDate: string, bucketType: string): Bucket {
  // One documented example has a trailing space inside <Name>.
  const bucket: Bucket = { name: name.trim(), region: location.trim(), creationDate: creationDate.trim() };
  const type = bucketType.trim();
  if (type) bucket.bucketType = type;
  return bucket;
}

export function readBucketListPage(xml: string): BucketListPage {
  // Each bucket is made in its final shape as it is read.
  const raw = parseBucketListXml(xml, toBucket);
  const buckets = raw.buckets;
  const claimsMore = raw.isTruncated.trim().toLowerCase() === 'true';
  // NextMarker is documented; the last name is the same position when a server leaves it out.
  const nextMarker = claimsMore ? raw.nextMarker.trim() || buckets.at(-1)?.name : undefined;
  return {
    owner: { ownerId: raw.ownerId.trim(), displayName: raw.displayName.trim() },
    buckets,
    // Without a marker there is no way to ask for the rest: the list ends here.
    ...(nextMarker ? { nextMarker, truncated: true } : { truncated: false }),
  };
}

/**
 * The body of one page. `url` is the service host (all regions) or a regional one (cos.<region>.myqcloud.com:
 * that region only). Failures are still read by the SDK into its error shapes; only a success comes back raw.
 */
export async function requestBucketListPage(cos: RawRequester, url: string, marker?: string, signal?: AbortSignal): Promise<Buffer> {
  const { Body } = await cos.request({
    Method: 'GET',
    Url: url,
    Query: { ...(marker === undefined ? {} : { marker }), 'max-keys': BUCKET_PAGE_SIZE },
    RawBody: true,
    ...(signal ? { signal } : {}),
  });
  return Buffer.isBuffer(Body) ? Body : Buffer.from(Body ?? '', 'utf8');
}

/** Follows the pages to the end and joins them. */
export async function collectBucketPages(fetchPage: (marker?: string) => Promise<BucketListPage>): Promise<BucketList> {
  const first = await fetchPage();
  const buckets = [...first.buckets];
  let marker = first.nextMarker;
  while (marker !== undefined) {
    const page = await fetchPage(marker);
    buckets.push(...page.buckets);
    // A server that claims more pages without moving the marker would loop forever.
    marker = page.nextMarker === marker ? undefined : page.nextMarker;
  }
  return { owner: first.owner, buckets };
}
