import type { AppError } from '../../../shared/errors';
import { messages as m } from '../i18n';

/** What the user can do about an error: by COS code first, then by kind (network, timeout…). */
/** The exact message COS gives (and the SDK recognises) when the signature's time has passed: a clock problem. */
const EXPIRED_SIGNATURE = /^Request has expired/i;

export function errorHint(error: AppError): string | undefined {
  if (error.code === 'AccessDenied' && EXPIRED_SIGNATURE.test(error.message)) return m.errors.clockHint;
  if (error.code === 'AccessDenied') return m.errors.accessDenied(error.action);
  return m.errors.hints[error.code] ?? m.errors.kindHints[error.kind];
}
