import type { z } from 'zod';
// Types only: the schema's module is the one that loads zod, which the renderer's first screen does without.
import type { appErrorSchema } from './error-schema';

/** COS error codes the app explains (doc 7730); anything else is shown with COS's own message. */
export const COS_ERROR_CODES = [
  'AccessDenied',
  'SignatureDoesNotMatch',
  'RequestTimeTooSkewed',
  'InvalidAccessKeyId',
  'ExpiredToken',
  'InvalidBucketName',
  'BucketNameTooLong',
  'TooManyBuckets',
  'InvalidRegionName',
  'InvalidLocationConstraint',
  'MultiAZFeatureNotSupport',
  'BucketAlreadyExists',
  'BucketAlreadyOwnedByYou',
  'BucketNotEmpty',
  'NoSuchBucket',
  'InvalidBucketState',
  'InvalidArgument',
] as const;
export type CosErrorCode = (typeof COS_ERROR_CODES)[number];

/** Errors raised by the app itself rather than by COS. */
export const APP_ERROR_CODES = {
  validation: 'ValidationError',
  network: 'NetworkError',
  timeout: 'Timeout',
  notSignedIn: 'NotSignedIn',
  /** The profile's SecretKey is not at hand (not remembered on this system, or no longer decryptable). */
  keysNeeded: 'KeysNeeded',
  /** The profile's temporary key is past its expiry. */
  keyExpired: 'KeyExpired',
  noSuchProfile: 'NoSuchProfile',
  /** A GET Service answer that ended early or was not a bucket list, every time it was asked for. */
  malformedResponse: 'MalformedResponse',
  /** A delete got no clear answer, and the check after it found the bucket still there. */
  bucketStillThere: 'BucketStillThere',
  /** A delete got no clear answer, and the check after it could not tell either. */
  outcomeUnknown: 'OutcomeUnknown',
  /** The user did not allow a profile to connect to a host that is not COS's own: nothing was sent. */
  routeRefused: 'RouteRefused',
  /** A server not yet shown to hold the keys answered with an error: its own text is not passed on. */
  unverifiedServer: 'UnverifiedServerError',
  untrustedSender: 'UntrustedSender',
  unknownChannel: 'UnknownChannel',
  internal: 'InternalError',
} as const;

export const ERROR_KINDS = ['cos', 'network', 'timeout', 'validation', 'session', 'internal'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** One error shape for every failure that crosses IPC (its schema: error-schema.ts). */
export type AppError = z.infer<typeof appErrorSchema>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** What the renderer catches: a real Error carrying the whole AppError. */
export class AppErrorException extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppError';
    this.error = error;
  }
}

export function isAppErrorException(value: unknown): value is AppErrorException {
  return value instanceof AppErrorException;
}

/** 4xx answers and local validation will not change on retry; only network trouble and 5xx might. */
export function isRetryable(error: AppError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'cos' && (error.status ?? 0) >= 500;
}
