/** Two COS refusals that do not mean what their code says at first sight, read the same way on both sides of IPC. */
import type { AppError } from './errors';

/**
 * AccessDenied with COS's "Request has expired": the signature's time has passed, so the computer's clock is off.
 * It says nothing about the key's permissions.
 */
export function isExpiredSignature(error: AppError): boolean {
  return error.code === 'AccessDenied' && /^Request has expired/i.test(error.cosMessage ?? '');
}

/**
 * AccessDenied for cos:GetService: the key may not list buckets. COS checks the signature first, so the key itself
 * is good: it can still use buckets it knows by name.
 */
export function isListDenied(error: AppError): boolean {
  return error.code === 'AccessDenied' && error.action === 'cos:GetService' && !isExpiredSignature(error);
}
