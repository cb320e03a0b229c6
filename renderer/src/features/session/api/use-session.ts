import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context';
import type { CosDeskApi } from '../../../api/client';
import { sessionKeys } from '../../../api/query-keys';

export function sessionQueryOptions(api: CosDeskApi) {
  // The session changes only through the session and profile calls, which write the cache themselves
  // (api/session-cache.ts), and is read again when a call says the keys no longer work.
  return queryOptions({ queryKey: sessionKeys.current(), queryFn: () => api.getSession(), staleTime: Infinity });
}

export function useSession() {
  const api = useApi();
  return useQuery(sessionQueryOptions(api));
}
