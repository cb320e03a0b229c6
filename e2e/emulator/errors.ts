import { XML_DECLARATION, element } from './xml';

/** HTTP status per COS error code (doc 7730). */
const STATUS = {
  InvalidArgument: 400,
  InvalidURI: 400,
  MalformedXML: 400,
  InvalidBucketName: 400,
  BucketNameTooLong: 400,
  TooManyBuckets: 400,
  InvalidRegionName: 400,
  InvalidLocationConstraint: 400,
  MultiAZFeatureNotSupport: 400,
  InvalidRequest: 400,
  InvalidDigest: 400,
  BadDigest: 400,
  KeyTooLong: 400,
  InvalidObjectName: 400,
  EntityTooSmall: 400,
  EntityTooLarge: 400,
  InvalidPart: 400,
  InvalidPartOrder: 400,
  RequestTimeout: 400,
  InvalidTag: 400,
  MalformedPolicy: 400,
  XMLSizeLimit: 400,
  AccessDenied: 403,
  InvalidAccessKeyId: 403,
  SignatureDoesNotMatch: 403,
  RequestTimeTooSkewed: 403,
  ExpiredToken: 403,
  InvalidObjectState: 403,
  NoSuchBucket: 404,
  NoSuchKey: 404,
  NoSuchVersion: 404,
  NoSuchUpload: 404,
  NoSuchTagSet: 404,
  NoSuchPolicy: 404,
  NoSuchCORSConfiguration: 404,
  NoSuchLifecycleConfiguration: 404,
  MethodNotAllowed: 405,
  BucketAlreadyExists: 409,
  BucketAlreadyOwnedByYou: 409,
  BucketNotEmpty: 409,
  MissingContentLength: 411,
  PreconditionFailed: 412,
  InvalidRange: 416,
  InternalError: 500,
  NotImplemented: 501,
  SlowDown: 503,
} as const;

export type CosErrorCode = keyof typeof STATUS;

/** A failure the emulator reports to the client as a COS error document. */
export class CosError extends Error {
  readonly code: CosErrorCode;
  readonly status: number;
  /** Extra elements some codes carry after the standard ones (e.g. StringToSign). */
  readonly details: Readonly<Record<string, string>>;
  /** Response headers some errors carry (x-cos-delete-marker on a 404, Content-Range on a 416…). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: CosErrorCode,
    message: string,
    details: Record<string, string> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'CosError';
    this.code = code;
    this.status = STATUS[code];
    this.details = details;
    this.headers = headers;
  }
}

export function errorDocument(
  error: CosError,
  ids: { resource: string; requestId: string; traceId: string },
): string {
  const extra = Object.entries(error.details).map(([name, value]) => element(name, value));
  return (
    XML_DECLARATION +
    element(
      'Error',
      [
        element('Code', error.code),
        element('Message', error.message),
        element('Resource', ids.resource),
        element('RequestId', ids.requestId),
        element('TraceId', ids.traceId),
        ...extra,
      ].join(''),
      { raw: true },
    )
  );
}
