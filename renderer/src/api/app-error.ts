import { APP_ERROR_CODES, isAppErrorException, type AppError } from '@shared/errors';

/** Whatever was thrown, as the one error shape the UI knows how to explain. */
export function toAppError(error: unknown): AppError {
  if (isAppErrorException(error)) return error.error;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', code: APP_ERROR_CODES.internal, message };
}
