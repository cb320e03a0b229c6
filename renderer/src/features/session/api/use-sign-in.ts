import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SignInInput } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { bucketKeys, sessionKeys } from '../../../api/query-keys';

export function useSignIn() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.signIn(input),
    onSuccess: (session) => {
      // Another key may see other buckets: never show the previous account's list.
      queryClient.removeQueries({ queryKey: bucketKeys.all });
      queryClient.setQueryData(sessionKeys.current(), session);
    },
  });
}
