import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@renderer/api/api-context';
import { showSession } from '@renderer/api/session-cache';

export function useSignOut() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.signOut(),
    onSuccess: (session) => showSession(queryClient, session),
  });
}
