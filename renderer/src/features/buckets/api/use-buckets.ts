/**
 * The bucket list, loaded page by page (GET Service answers at most 2,000 buckets a page): each page is shown as
 * it arrives, the next one is asked for at once, and the user may stop the load and go on later.
 */
import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Bucket, BucketListPage } from '@shared/contract';
import { useApi } from '@renderer/api/api-context';
import type { CosDeskApi } from '@renderer/api/client';
import { bucketKeys } from '@renderer/api/query-keys';
import { useActiveProfileId } from '@renderer/features/session/api/use-session';
import { bucketsOf, type BucketPages } from './bucket-pages-cache';
import { usePageLoop } from '@renderer/api/use-page-loop';

/** How long a loaded list counts as current: closing a dialog or going back to a region does not ask COS again. */
const LIST_FRESH_MS = 30_000;

/**
 * One list per profile and region filter sent to COS (its regional host answers for that region only); undefined
 * is all. The profile is the one active when the list is asked for: its pages are kept under its id.
 */
function bucketPagesQueryOptions(api: CosDeskApi, profileId: string | undefined, region?: string) {
  return infiniteQueryOptions({
    queryKey: bucketKeys.list(profileId, region),
    // Cancel loading aborts the page in flight in the main process too: the signal reaches it as a cancelCall.
    queryFn: ({ pageParam, signal }) =>
      api.listBucketsPage({ ...(region ? { region } : {}), ...(pageParam ? { marker: pageParam } : {}) }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: BucketListPage) => (last.truncated ? last.nextMarker : undefined),
    staleTime: LIST_FRESH_MS,
  });
}

/** While a region's own list is on its way, the buckets of that region already known from the full list. */
function regionPreview(queryClient: QueryClient, profileId: string | undefined, region: string): BucketPages | undefined {
  const all = queryClient.getQueryData<BucketPages>(bucketKeys.list(profileId));
  if (!all?.pages.length) return undefined;
  const buckets = bucketsOf(all).filter((b) => b.region === region);
  return { pages: [{ owner: all.pages[0].owner, buckets, truncated: false }], pageParams: [undefined] };
}

export interface BucketListState {
  buckets: Bucket[];
  /** No page has arrived yet. */
  isPending: boolean;
  /** At least one page is here (possibly an empty one). */
  hasData: boolean;
  /** COS is being asked: a page, or the list again. */
  isFetching: boolean;
  /** More pages are coming after the ones shown. */
  isLoadingMore: boolean;
  /** The user stopped the load: what arrived is shown, the rest was not asked for. */
  isStopped: boolean;
  /** What is shown comes from the full list while this region's own list is on its way. */
  isPreview: boolean;
  error: Error | null;
  /** The failure was on a later page: the pages before it are shown. */
  failedOnLaterPage: boolean;
  stop(): void;
  /** Goes on from where the load stopped. */
  resume(): void;
  /** Asks COS for the whole list again. */
  refresh(): void;
  /** After a failure: the page that failed, or the whole list. */
  retry(): void;
}

export function useBuckets(region?: string): BucketListState {
  const api = useApi();
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  const query = useInfiniteQuery({
    ...bucketPagesQueryOptions(api, profileId, region),
    placeholderData: region ? () => regionPreview(queryClient, profileId, region) : undefined,
  });
  const loop = usePageLoop(query, bucketKeys.list(profileId, region));
  const buckets = useMemo(() => bucketsOf(query.data), [query.data]);

  return {
    buckets,
    isPending: query.isPending,
    hasData: query.data !== undefined,
    isFetching: query.isFetching,
    isLoadingMore: loop.isLoadingMore,
    isStopped: loop.isStopped,
    isPreview: query.isPlaceholderData,
    error: query.error,
    failedOnLaterPage: query.isFetchNextPageError,
    stop: loop.stop,
    resume: loop.resume,
    refresh: loop.refresh,
    retry: loop.retry,
  };
}

/** The regions of the buckets in the full list, sorted: what the region filter offers. */
export function useRegionsInList(): string[] {
  const api = useApi();
  const profileId = useActiveProfileId();
  const { data } = useInfiniteQuery({ ...bucketPagesQueryOptions(api, profileId), enabled: false, select: selectRegions });
  return data ?? NO_REGIONS;
}

const NO_REGIONS: string[] = [];

function selectRegions(data: BucketPages): string[] {
  const regions = new Set<string>();
  for (const page of data.pages) for (const bucket of page.buckets) regions.add(bucket.region);
  return [...regions].sort();
}
