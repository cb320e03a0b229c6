import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { APP_ERROR_CODES, isAppErrorException } from '@shared/errors';
import { sessionKeys } from '@renderer/api/query-keys';

/** Answers that mean the active profile's keys no longer work, whichever call got them. */
const KEY_ERRORS = new Set<string>([APP_ERROR_CODES.keyExpired, APP_ERROR_CODES.keysNeeded, 'ExpiredToken']);

function isKeyError(error: unknown): boolean {
  return isAppErrorException(error) && KEY_ERRORS.has(error.error.code);
}

/**
 * When any call is refused because the keys expired or are gone, reads the session again: it then says so,
 * and the app asks for new keys.
 */
export function useSessionRefreshOnKeyErrors(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: sessionKeys.current() });
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && isKeyError(event.action.error)) refresh();
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && isKeyError(event.action.error)) refresh();
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient]);
}
