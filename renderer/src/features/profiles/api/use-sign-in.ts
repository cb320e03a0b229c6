import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SignInInput } from '@shared/contract';
import { useApi } from '@renderer/api/api-context';
import { showSession } from '@renderer/api/session-cache';

/** The first profile: tested, saved and made active in one call. */
export function useSignIn() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.signIn(input),
    onSuccess: (session) => showSession(queryClient, session),
  });
}
