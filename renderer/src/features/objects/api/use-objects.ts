/**
 * One folder of a bucket, loaded page by page (GET Bucket answers at most 1,000 keys a page): each page is shown
 * as it arrives, the next one is asked for at once, and the user may stop the load and go on later.
 */
import { infiniteQueryOptions, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import { useApi } from '@renderer/api/api-context';
import type { CosDeskApi } from '@renderer/api/client';
import { objectKeys } from '@renderer/api/query-keys';
import { usePageLoop } from '@renderer/api/use-page-loop';
import type { PagedListState } from '@renderer/components/ListProgress';
import { useActiveProfileId } from '@renderer/features/session/api/use-session';
import { extendRows, pageRows, type FolderPage, type ObjectRow, type RowsSoFar } from '../object-rows';

/** Coming back to a folder within this time shows it as loaded, without asking COS again. */
const FOLDER_FRESH_MS = 30_000;

export interface FolderPlace {
  bucket: string;
  region: string;
  /** Ends in `/`, or empty for the bucket's root. */
  prefix: string;
}

function folderQueryOptions(api: CosDeskApi, profileId: string | undefined, { bucket, region, prefix }: FolderPlace) {
  return infiniteQueryOptions({
    queryKey: objectKeys.folder(profileId, bucket, region, prefix),
    // Cancel aborts the page in flight in the main process too. The cache holds the page's rows, made once.
    queryFn: async ({ pageParam, signal }) =>
      pageRows(await api.listObjects({ bucket, region, prefix, ...(pageParam ? { marker: pageParam } : {}) }, { signal }), prefix),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: FolderPage) => (last.truncated ? last.nextMarker : undefined),
    staleTime: FOLDER_FRESH_MS,
  });
}

export interface FolderState extends PagedListState {
  /** Folders first, then objects, in COS's order. */
  rows: ObjectRow[];
  folderCount: number;
  objectCount: number;
  hasData: boolean;
  error: Error | null;
  failedOnLaterPage: boolean;
  refresh(): void;
  retry(): void;
}

/**
 * Asks for a folder's first page now, before its view is made: the view, made in slices after the click, finds the
 * page on its way (or already there, or still fresh from a visit before) and asks for nothing more.
 */
export function usePrefetchFolder(): (place: FolderPlace) => void {
  const api = useApi();
  const profileId = useActiveProfileId();
  const queryClient = useQueryClient();
  return useCallback((place) => void queryClient.prefetchInfiniteQuery(folderQueryOptions(api, profileId, place)), [api, profileId, queryClient]);
}

export function useFolder(place: FolderPlace): FolderState {
  const api = useApi();
  const profileId = useActiveProfileId();
  const options = folderQueryOptions(api, profileId, place);
  const query = useInfiniteQuery(options);
  const loop = usePageLoop(query, options.queryKey);
  const data = query.data;
  const soFar = useRef<RowsSoFar | undefined>(undefined);
  const rows = useMemo(() => {
    soFar.current = extendRows(soFar.current, data?.pages ?? []);
    return soFar.current.rows;
  }, [data]);
  const folderCount = useMemo(() => rows.findIndex((row) => row.kind === 'object'), [rows]);

  return {
    rows,
    folderCount: folderCount < 0 ? rows.length : folderCount,
    objectCount: folderCount < 0 ? 0 : rows.length - folderCount,
    hasData: data !== undefined,
    isPending: query.isPending,
    isFetching: query.isFetching,
    isLoadingMore: loop.isLoadingMore,
    isStopped: loop.isStopped,
    error: query.error,
    failedOnLaterPage: query.isFetchNextPageError,
    stop: loop.stop,
    resume: loop.resume,
    refresh: loop.refresh,
    retry: loop.retry,
  };
}
