/**
 * The SDK fails in three shapes (a plain object for HEAD, an Error with a parsed XML body, a client-side check
 * `{code: 'Error'}`) plus network errors and timeouts. This module turns all of them into one AppError.
 * Every string copied out of an SDK error is scrubbed of the SecretKey and token first: SDK errors carry request
 * options and echo server text, and an AppError travels to the renderer and into logs.
 */
import { APP_ERROR_CODES, type AppError } from '@shared/errors';

export type CamAction = 'cos:GetService' | 'cos:PutBucket' | 'cos:HeadBucket' | 'cos:DeleteBucket';

export interface ErrorContext {
  action: CamAction;
  /** Values that must never leave the gateway: the SecretKey and the session token. */
  secrets: readonly (string | undefined)[];
  /** How long the user waited for the call, retries included: what a timeout reports. */
  waitedMs: number;
  /** Tries sent for the failed request; above one, the error says so. */
  attempts?: number;
}

const MAX_MESSAGE_LENGTH = 500;
const REDACTED = '[redacted]';

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved right now',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ECONNABORTED: 'the connection was aborted',
  EPIPE: 'the connection was closed while sending',
};

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

/** Seconds to a tenth below ten, whole above: "0.6 s", "20 s". */
export function formatSeconds(ms: number): string {
  return String(ms < 10_000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000));
}

export function toAppError(error: unknown, context: ErrorContext): AppError {
  const raw: RawSdkError = asRecord(error) ?? { message: String(error) };
  const clean = (value: string | undefined) => (value === undefined ? undefined : scrub(value, context.secrets));
  const status = typeof raw.statusCode === 'number' ? raw.statusCode : undefined;
  const code = text(raw.code);
  const message = text(raw.message);
  const attempts = context.attempts ?? 1;
  const base = { action: context.action, ...(attempts > 1 ? { attempts } : {}) };

  const body = asRecord(raw.error);
  const cosCode = text(body?.Code);
  if (cosCode) {
    return {
      ...base,
      kind: 'cos',
      code: clean(cosCode)!,
      message: clean(text(body?.Message) ?? message) ?? cosCode,
      status,
      requestId: clean(requestIdOf(raw, body)),
    };
  }

  if (status === 407) {
    // Only a proxy answers 407: COS never saw the request.
    return {
      ...base,
      kind: 'network',
      code: 'ProxyAuthenticationRequired',
      message: 'The proxy asked for a user name and password, or refused the ones given (HTTP 407).',
      status,
    };
  }

  if (status !== undefined) {
    const statusCode = STATUS_CODES[status] ?? `Http${status}`;
    return {
      ...base,
      kind: 'cos',
      code: statusCode,
      message: `COS answered HTTP ${status}${message ? ` (${clean(message)})` : ''} without an error body.`,
      status,
      requestId: clean(requestIdOf(raw, undefined)),
    };
  }

  if (code && TIMEOUT_CODES.has(code)) {
    return {
      ...base,
      kind: 'timeout',
      code: APP_ERROR_CODES.timeout,
      message: `No answer from COS within ${formatSeconds(context.waitedMs)} s${attempts > 1 ? ` (${attempts} tries)` : ''}.`,
    };
  }

  // The SDK's own parameter checks answer `{code: 'Error'}`; the main process validated the input already,
  // so reaching this means our input and the SDK's rules disagree.
  if (code === 'Error') {
    return { ...base, kind: 'validation', code: APP_ERROR_CODES.validation, message: clean(message) ?? 'Invalid request.' };
  }

  if (code) {
    const reason = NETWORK_REASONS[code] ?? clean(message) ?? 'the request failed';
    return {
      ...base,
      kind: 'network',
      code: APP_ERROR_CODES.network,
      message: `Could not reach COS: ${reason} (${clean(code)}).`,
    };
  }

  return { ...base, kind: 'internal', code: APP_ERROR_CODES.internal, message: clean(message) ?? 'Unexpected error from the COS SDK.' };
}
