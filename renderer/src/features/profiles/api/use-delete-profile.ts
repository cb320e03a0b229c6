import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@renderer/api/api-context';
import { showSession } from '@renderer/api/session-cache';

export function useDeleteProfile() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteProfile({ id }),
    onSuccess: (session) => showSession(queryClient, session),
  });
}
