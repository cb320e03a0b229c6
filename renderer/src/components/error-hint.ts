import type { AppError } from '@shared/errors';
import { isExpiredSignature } from '@shared/refusals';
import { messages as m } from '../i18n';

/** What the user can do about an error: by COS code first, then by kind (network, timeout…). */
export function errorHint(error: AppError): string | undefined {
  if (isExpiredSignature(error)) return m.errors.clockHint;
  if (error.code === 'AccessDenied') return m.errors.accessDenied(error.action);
  return m.errors.hints[error.code] ?? m.errors.kindHints[error.kind];
}
