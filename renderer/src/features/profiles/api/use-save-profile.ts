import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SaveProfileInput } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { takeSecrets } from '../../../api/secret-input';
import { activeProfileId, showSession } from '../../../api/session-cache';

/** Adds or changes a profile; the main process tests its keys first. */
export function useSaveProfile() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveProfileInput) => api.saveProfile(takeSecrets(input)),
    gcTime: 0,
    // New keys for the active profile may belong to another account: its cached lists go too.
    onSuccess: (session, input) =>
      showSession(queryClient, session, { keysChanged: input.id !== undefined && input.id === activeProfileId(queryClient) }),
  });
}
