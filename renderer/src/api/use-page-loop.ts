/**
 * Drives an infinite query to its last page, one page at a time, and lets the user stop and go on.
 *
 * Stopping keeps every page that has arrived and drops the one on its way (React Query puts the list back as it
 * was before that page was asked for), so what the user sees when they stop is what stays.
 */
import { hashKey, useQueryClient, type QueryKey, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';

export interface PageLoop {
  /** Pages are left to load and will be asked for. */
  isLoadingMore: boolean;
  /** The user stopped with pages left (or before the first arrived). */
  isStopped: boolean;
  stop(): void;
  resume(): void;
  refresh(): void;
  retry(): void;
}

export function usePageLoop<TData>(query: UseInfiniteQueryResult<TData, Error>, queryKey: QueryKey): PageLoop {
  const queryClient = useQueryClient();
  const keyHash = hashKey(queryKey);
  // Kept per list: stopping one region's load says nothing about another's.
  const [stoppedFor, setStoppedFor] = useState<string | null>(null);
  const stopped = stoppedFor === keyHash;
  const { hasNextPage, isFetching, isError, isPlaceholderData, isFetchNextPageError, data, fetchNextPage, refetch } = query;
  const canContinue = hasNextPage && !isError && !isPlaceholderData && !stopped;

  // `data` too: a page that comes back before the page shows it being asked for leaves the other values as they were.
  useEffect(() => {
    if (canContinue && !isFetching) void fetchNextPage({ cancelRefetch: false });
  }, [canContinue, isFetching, fetchNextPage, data]);

  const stop = useCallback(() => {
    setStoppedFor(keyHash);
    void queryClient.cancelQueries({ queryKey, exact: true });
    // The key array is new on every render; its hash says whether it is another list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryClient, keyHash]);

  const resume = useCallback(() => {
    setStoppedFor(null);
    if (data === undefined) void refetch();
  }, [data, refetch]);

  const refresh = useCallback(() => {
    setStoppedFor(null);
    // A second click while the list is loading does not start it over.
    void refetch({ cancelRefetch: false });
  }, [refetch]);

  const retry = useCallback(() => {
    setStoppedFor(null);
    void (isFetchNextPageError ? fetchNextPage() : refetch());
  }, [isFetchNextPageError, fetchNextPage, refetch]);

  return {
    isLoadingMore: canContinue,
    isStopped: stopped && (hasNextPage || data === undefined),
    stop,
    resume,
    refresh,
    retry,
  };
}
