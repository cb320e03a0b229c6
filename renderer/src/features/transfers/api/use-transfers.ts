/**
 * The transfer queue as the main process reports it: polled twice a second while something moves or waits for
 * the user, every two seconds otherwise. Every action answers with the new list, which replaces the cached one.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { TransferList } from '@shared/contract';
import { useApi } from '@renderer/api/api-context';
import { transferKeys } from '@renderer/api/query-keys';
import { useCall } from '@renderer/api/use-call';

const ACTIVE_POLL_MS = 500;
const IDLE_POLL_MS = 2000;

export function isMoving(list: TransferList | undefined): boolean {
  return !!list && list.counts.running + list.counts.queued + list.counts.asking > 0;
}

export function useTransfers() {
  const api = useApi();
  return useQuery({
    queryKey: transferKeys.list(),
    queryFn: () => api.listTransfers(),
    refetchInterval: (query) => (isMoving(query.state.data) ? ACTIVE_POLL_MS : IDLE_POLL_MS),
    refetchIntervalInBackground: true,
  });
}

const replaceList = (queryClient: QueryClient) => ({
  onSuccess: (list: TransferList) => queryClient.setQueryData(transferKeys.list(), list),
});

const refetchList = (queryClient: QueryClient) => ({
  onSuccess: () => void queryClient.invalidateQueries({ queryKey: transferKeys.list() }),
});

export const pauseTransfersEffects = replaceList;
export const resumeTransfersEffects = replaceList;
export const cancelTransfersEffects = replaceList;
export const retryTransfersEffects = replaceList;
export const clearFinishedTransfersEffects = replaceList;
export const resolveTransferConflictEffects = replaceList;
export const setTransferConcurrencyEffects = replaceList;
export const startUploadEffects = refetchList;
export const startDownloadEffects = refetchList;

/** The actions of the Transfers panel, each answered with the new list. */
export function useTransferActions() {
  return {
    pause: useCall('pauseTransfers', pauseTransfersEffects),
    resume: useCall('resumeTransfers', resumeTransfersEffects),
    cancel: useCall('cancelTransfers', cancelTransfersEffects),
    retry: useCall('retryTransfers', retryTransfersEffects),
    clearFinished: useCall('clearFinishedTransfers', clearFinishedTransfersEffects),
    resolve: useCall('resolveTransferConflict', resolveTransferConflictEffects),
    concurrency: useCall('setTransferConcurrency', setTransferConcurrencyEffects),
  };
}
