import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PreferencesState } from '@shared/preferences';
import { useApi } from '@renderer/api/api-context';
import type { CosDeskApi } from '@renderer/api/client';
import { preferenceKeys } from '@renderer/api/query-keys';
import { useCall } from '@renderer/api/use-call';
import { applyPreferences } from '../apply-preferences';

/** Read once at start (main.tsx) and written by setPreferences' answer; nothing else changes them. */
export function preferencesQueryOptions(api: CosDeskApi) {
  return queryOptions({ queryKey: preferenceKeys.current(), queryFn: () => api.getPreferences(), staleTime: Infinity });
}

export function usePreferences() {
  const api = useApi();
  return useQuery(preferencesQueryOptions(api));
}

/** Keeps the page's language and theme on the preferences as they change. */
export function useAppliedPreferences(): void {
  const { data } = usePreferences();
  useEffect(() => {
    if (data) applyPreferences(data);
  }, [data]);
}

/** Changes some preferences; the answer (all of them) becomes the cache, and the page follows at once. */
export function useSetPreferences() {
  return useCall('setPreferences', (queryClient) => ({
    onSuccess: (state: PreferencesState) => {
      queryClient.setQueryData(preferenceKeys.current(), state);
      applyPreferences(state);
    },
  }));
}
