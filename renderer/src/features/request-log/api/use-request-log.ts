import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useApi } from '@renderer/api/api-context';
import { requestLogKeys } from '@renderer/api/query-keys';

/** Entries per page the panel asks for. */
export const REQUEST_LOG_PAGE = 200;
/** While the panel is open it reads the log again this often, so new requests appear. */
const REFRESH_MS = 2000;

/** The request log, newest first, filtered in the main process; older pages on demand. */
export function useRequestLog(errorsOnly: boolean, text: string) {
  const api = useApi();
  const needle = text.trim();
  return useInfiniteQuery({
    queryKey: requestLogKeys.list(errorsOnly, needle),
    queryFn: ({ pageParam, signal }) =>
      api.listRequestLog(
        {
          limit: REQUEST_LOG_PAGE,
          ...(errorsOnly ? { errorsOnly } : {}),
          ...(needle ? { text: needle.slice(0, 200) } : {}),
          ...(pageParam === undefined ? {} : { before: pageParam }),
        },
        { signal },
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore,
    refetchInterval: REFRESH_MS,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
