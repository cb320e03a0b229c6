/** The session's own refusals, as AppErrors the renderer can explain and act on (asking for keys again). */
import { APP_ERROR_CODES, AppErrorException } from '@shared/errors';

export function notSignedIn(): AppErrorException {
  return new AppErrorException({ kind: 'session', code: APP_ERROR_CODES.notSignedIn, message: 'Sign in first.' });
}

export function noSuchProfile(): AppErrorException {
  return new AppErrorException({ kind: 'session', code: APP_ERROR_CODES.noSuchProfile, message: 'This profile no longer exists.' });
}

export function keysNeeded(alias: string): AppErrorException {
  return new AppErrorException({
    kind: 'session',
    code: APP_ERROR_CODES.keysNeeded,
    message: `The keys of profile “${alias}” are not saved on this computer: type them again.`,
  });
}

export function keyExpired(alias: string): AppErrorException {
  return new AppErrorException({
    kind: 'session',
    code: APP_ERROR_CODES.keyExpired,
    message: `The temporary key of profile “${alias}” has expired: enter a new one.`,
  });
}

/** A value the schema accepts but the saved state does not (a SecretKey that must be typed again, a past expiry). */
export function invalidField(field: string, message: string): AppErrorException {
  return new AppErrorException({ kind: 'validation', code: APP_ERROR_CODES.validation, message, issues: [{ path: field, message }] });
}
