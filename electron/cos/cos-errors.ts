/**
 * The SDK fails in three shapes (a plain object for HEAD, an Error with a parsed XML body, a client-side check
 * `{code: 'Error'}`) plus network errors and timeouts. This module turns all of them into one AppError.
 * Every string copied out of an SDK error is scrubbed of the SecretKey and token first: SDK errors carry request
 * options and echo server text, and an AppError travels to the renderer and into logs.
 */
import { APP_ERROR_CODES, type AppError } from '@shared/errors';
import { REDACTED } from '../secrets/redactor';

export interface ErrorContext {
  /** The CAM action the call needed (shared/cam.ts), for instance `cos:HeadBucket`. */
  action: string;
  /** Values that must never leave the gateway: the SecretKey and the session token. */
  secrets: readonly (string | undefined)[];
  /** How long the user waited for the call, retries included: what a timeout reports. */
  waitedMs: number;
  /** Tries sent for the failed request; above one, the error says so. */
  attempts?: number;
}

const MAX_MESSAGE_LENGTH = 500;

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** Error codes a body-less answer gets, so the renderer can explain it like the XML one. */
const STATUS_CODES: Record<number, string> = {
  403: 'AccessDenied',
  404: 'NoSuchBucket',
};

type RawSdkError = {
  code?: unknown;
  message?: unknown;
  statusCode?: unknown;
  headers?: unknown;
  RequestId?: unknown;
  error?: unknown;
};

export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret) result = result.split(secret).join(REDACTED);
  }
  return result.length > MAX_MESSAGE_LENGTH ? `${result.slice(0, MAX_MESSAGE_LENGTH)}…` : result;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function requestIdOf(raw: RawSdkError, body: Record<string, unknown> | undefined): string | undefined {
  return text(body?.RequestId) ?? text(asRecord(raw.headers)?.['x-cos-request-id']) ?? text(raw.RequestId);
}

export function toAppError(error: unknown, context: ErrorContext): AppError {
  const raw: RawSdkError = asRecord(error) ?? { message: String(error) };
  const clean = (value: string | undefined) => (value === undefined ? undefined : scrub(value, context.secrets));
  const status = typeof raw.statusCode === 'number' ? raw.statusCode : undefined;
  const code = text(raw.code);
  const attempts = context.attempts ?? 1;
  const base = { action: context.action, ...(attempts > 1 ? { attempts } : {}) };

  const body = asRecord(raw.error);
  const cosCode = text(body?.Code);
  if (cosCode) {
    const cosMessage = clean(text(body?.Message));
    return {
      ...base,
      kind: 'cos',
      code: clean(cosCode)!,
      ...(cosMessage ? { cosMessage } : {}),
      status,
      requestId: clean(requestIdOf(raw, body)),
    };
  }

  // Only a proxy answers 407: COS never saw the request.
  if (status === 407) return { ...base, kind: 'network', code: 'ProxyAuthenticationRequired', status };

  if (status !== undefined) {
    return { ...base, kind: 'cos', code: STATUS_CODES[status] ?? `Http${status}`, status, requestId: clean(requestIdOf(raw, undefined)) };
  }

  if (code && TIMEOUT_CODES.has(code)) {
    return { ...base, kind: 'timeout', code: APP_ERROR_CODES.timeout, params: { waitedMs: context.waitedMs } };
  }

  // The SDK's own parameter checks answer `{code: 'Error'}`; the main process validated the input already,
  // so reaching this means our input and the SDK's rules disagree.
  if (code === 'Error') return { ...base, kind: 'validation', code: APP_ERROR_CODES.sdkRefusedInput };

  // The system's error code (ECONNREFUSED…) is what the renderer explains; a code of any other shape is not shown.
  if (code) {
    const reason = clean(code)!;
    return { ...base, kind: 'network', code: APP_ERROR_CODES.network, params: { reason: /^E[A-Z_]{2,30}$/.test(reason) ? reason : 'other' } };
  }

  return { ...base, kind: 'internal', code: APP_ERROR_CODES.internal };
}
