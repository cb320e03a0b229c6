import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context';
import { bucketKeys, sessionKeys } from '../../../api/query-keys';

export function useSignOut() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.signOut(),
    onSuccess: (session) => {
      queryClient.removeQueries({ queryKey: bucketKeys.all });
      queryClient.setQueryData(sessionKeys.current(), session);
    },
  });
}
