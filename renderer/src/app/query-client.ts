import { QueryClient } from '@tanstack/react-query';
import { isAppErrorException, isRetryable } from '@shared/errors';
import { refetchOnWindowFocus } from './window-focus';

export const MAX_QUERY_RETRIES = 2;

/**
 * A 4xx or a validation error will answer the same again; only network trouble, timeouts and 5xx are retried,
 * and not when the main process has retried already (the error then counts its tries): the user waited enough.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (isAppErrorException(error) && !isRetryable(error.error)) return false;
  if (isAppErrorException(error) && (error.error.attempts ?? 1) > 1) return false;
  return failureCount < MAX_QUERY_RETRIES;
}

/** Short waits: the main process's SDK already retries network errors, and the user is watching. */
function retryDelayMs(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 4000);
}

export function createQueryClient(): QueryClient {
  refetchOnWindowFocus();
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryQuery, retryDelay: retryDelayMs, staleTime: 30_000 },
      // A retried create or delete could act twice; the user retries on purpose instead.
      mutations: { retry: false },
    },
  });
}
