import { APP_ERROR_CODES, isAppErrorException, type AppError } from '@shared/errors';

/** Whatever was thrown, as the one error shape the UI knows how to explain. */
export function toAppError(error: unknown): AppError {
  if (isAppErrorException(error)) return error.error;
  // A failure inside the page itself: its own message is all there is to show.
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  return { kind: 'internal', code: APP_ERROR_CODES.internal, ...(detail ? { params: { detail } } : {}) };
}
