import { useQuery } from '@tanstack/react-query';
import { useApi } from '@renderer/api/api-context';
import { permissionKeys } from '@renderer/api/query-keys';

/** What the active profile's requests met this session; read afresh each time the view opens. */
export function usePermissions(profileId: string) {
  const api = useApi();
  return useQuery({
    queryKey: permissionKeys.profile(profileId),
    queryFn: ({ signal }) => api.getPermissions(undefined, { signal }),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
