/** The session's own refusals, as AppErrors the renderer can explain and act on (asking for keys again). */
import { APP_ERROR_CODES, AppErrorException } from '@shared/errors';
import type { IssueRule } from '@shared/issue-rules';

export function notSignedIn(): AppErrorException {
  return new AppErrorException({ kind: 'session', code: APP_ERROR_CODES.notSignedIn });
}

export function noSuchProfile(): AppErrorException {
  return new AppErrorException({ kind: 'session', code: APP_ERROR_CODES.noSuchProfile });
}

export function keysNeeded(alias: string): AppErrorException {
  return new AppErrorException({ kind: 'session', code: APP_ERROR_CODES.keysNeeded, params: { profile: alias } });
}

export function keyExpired(alias: string): AppErrorException {
  return new AppErrorException({ kind: 'session', code: APP_ERROR_CODES.keyExpired, params: { profile: alias } });
}

/** A value the schema accepts but the saved state does not (a SecretKey that must be typed again, a past expiry). */
export function invalidField(field: string, broken: IssueRule): AppErrorException {
  return new AppErrorException({ kind: 'validation', code: APP_ERROR_CODES.validation, issues: [{ path: field, rule: broken }] });
}
