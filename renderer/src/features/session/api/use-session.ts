import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context';
import type { CosDeskApi } from '../../../api/client';
import { sessionKeys } from '../../../api/query-keys';

export function sessionQueryOptions(api: CosDeskApi) {
  // The session changes only through sign-in and sign-out, which write the cache themselves.
  return queryOptions({ queryKey: sessionKeys.current(), queryFn: () => api.getSession(), staleTime: Infinity });
}

export function useSession() {
  const api = useApi();
  return useQuery(sessionQueryOptions(api));
}
