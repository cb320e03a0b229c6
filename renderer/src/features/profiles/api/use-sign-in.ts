import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SignInInput } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { takeSecrets } from '../../../api/secret-input';
import { showSession } from '../../../api/session-cache';

/** The first profile: tested, saved and made active in one call. */
export function useSignIn() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.signIn(takeSecrets(input)),
    gcTime: 0,
    onSuccess: (session) => showSession(queryClient, session),
  });
}
