/**
 * The one error shape that crosses IPC. The main process speaks in codes: an AppError names what happened (`code`)
 * and the values a sentence about it needs (`params`); the renderer's strings module puts it into words, in the
 * user's language. COS's own `<Message>` travels as `cosMessage` and is shown as COS's words. The schema that checks
 * this shape at the IPC boundary is error-schema.ts (apart, so that the renderer's first screen loads no zod).
 */

/** COS error codes the app explains with a hint of its own (doc 7730); others show COS's message alone. */
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
  'NoSuchKey',
  'InvalidBucketState',
  'SlowDown',
  'InternalError',
  'ProxyAuthenticationRequired',
] as const;
export type CosErrorCode = (typeof COS_ERROR_CODES)[number];

/** Errors raised by the app itself rather than by COS. */
export const APP_ERROR_CODES = {
  validation: 'ValidationError',
  /** The SDK refused a request before sending it: the app's checks and the SDK's disagree. */
  sdkRefusedInput: 'SdkRefusedInput',
  network: 'NetworkError',
  timeout: 'Timeout',
  /** The user cancelled the call; whatever was in flight was aborted. */
  cancelled: 'Cancelled',
  /** COS answered 5xx to a call that is not retried (a delete). */
  serverError: 'ServerError',
  notSignedIn: 'NotSignedIn',
  /** The profile's SecretKey is not at hand (not remembered on this system, or no longer decryptable). */
  keysNeeded: 'KeysNeeded',
  /** The profile's temporary key is past its expiry. */
  keyExpired: 'KeyExpired',
  noSuchProfile: 'NoSuchProfile',
  /** A GET Service answer that ended early or was not a bucket list, every time it was asked for. */
  malformedResponse: 'MalformedResponse',
  /** A retried create found the name ours, but in another region than the one asked for. */
  bucketOwnedElsewhere: 'BucketOwnedInOtherRegion',
  /** A delete got no clear answer, and the check after it found the bucket still there. */
  bucketStillThere: 'BucketStillThere',
  /** A delete got no clear answer, and the check after it could not tell either. */
  outcomeUnknown: 'OutcomeUnknown',
  /** The user did not allow a profile to connect to a host that is not COS's own: nothing was sent. */
  routeRefused: 'RouteRefused',
  /** A server not yet shown to hold the keys answered with an error: its own text is not passed on. */
  unverifiedServer: 'UnverifiedServerError',
  untrustedSender: 'UntrustedSender',
  /** A transfer id, or a file or folder handle, that this run of the app does not know. */
  transferNotFound: 'TransferNotFound',
  /** A file picked for upload is gone or cannot be read (params.reason: the system error code). */
  sourceUnreadable: 'SourceUnreadable',
  /** A file to upload changed while it was being sent: what COS holds would be neither version. */
  sourceChanged: 'SourceChanged',
  /** The bytes that arrived do not have the CRC64 COS holds for them (params.expected, params.actual). */
  checksumMismatch: 'ChecksumMismatch',
  /** A download ended with fewer or more bytes than the object has, every time it was tried. */
  sizeMismatch: 'SizeMismatch',
  /** A key cannot become a file inside the chosen folder (params.reason: dotName, tooLong, empty, outside, notAFolder). */
  unsafeLocalName: 'UnsafeLocalName',
  /** Writing the downloaded file failed (params.reason: the system error code). */
  localWriteFailed: 'LocalWriteFailed',
  /** A file larger than 10,000 parts of 5 GB. */
  fileTooLarge: 'FileTooLarge',
  /** The object changed on COS while it was being downloaded: the download starts again from the beginning. */
  objectChanged: 'ObjectChanged',
  /** A transfer kept from another profile's session: it resumes only when that profile is active. */
  otherProfile: 'TransferOfOtherProfile',
  unknownChannel: 'UnknownChannel',
  internal: 'InternalError',
} as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[keyof typeof APP_ERROR_CODES];

export const ERROR_KINDS = ['cos', 'network', 'timeout', 'cancelled', 'validation', 'session', 'internal'] as const;

/** One field-level problem: where (`path`) and which rule it broke (issue-rules.ts), with the rule's limit if any. */
export interface ErrorIssue {
  path: string;
  rule: string;
  limit?: number;
}

/** What a sentence about an error may need: names, regions, counts, durations. Never a secret. */
export type ErrorParams = Record<string, string | number>;

export interface AppError {
  kind: (typeof ERROR_KINDS)[number];
  code: string;
  params?: ErrorParams;
  /** COS's own `<Message>`, scrubbed of secrets: shown as COS's words, never rewritten. */
  cosMessage?: string;
  status?: number;
  requestId?: string;
  /** The CAM action the call needed, so an AccessDenied can name it. */
  action?: string;
  /** For an AccessDenied: the CAM resource the action was refused on (shared/cam.ts), `*` for GET Service. */
  resource?: string;
  /** For an AccessDenied with a temporary key: the token's own policy may be what refused. */
  temporaryKey?: true;
  /** Field-level problems of a validation error. */
  issues?: ErrorIssue[];
  /** Tries the main process sent before giving up, when more than one. */
  attempts?: number;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** What the renderer catches: a real Error carrying the whole AppError. */
export class AppErrorException extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.code);
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
