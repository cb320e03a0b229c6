/**
 * Which COS call a request is, from its method, path, query names and (for a copy) one header. The router
 * dispatches on it and fault rules are written against it, so both always agree on what "GetBucket" means.
 */
import { decodeOrKeep } from './decode';
import { type CustomDomains, parseHost } from './hosts';

export const FAULT_OPERATIONS = [
  'GetService',
  'PutBucket',
  'HeadBucket',
  'DeleteBucket',
  'GetBucket',
  'ListObjectVersions',
  'ListMultipartUploads',
  'PutBucketVersioning',
  'GetBucketVersioning',
  'GetBucketAcl',
  'PutBucketAcl',
  'GetBucketTagging',
  'PutBucketTagging',
  'DeleteBucketTagging',
  'GetBucketPolicy',
  'PutBucketPolicy',
  'DeleteBucketPolicy',
  'GetBucketCors',
  'PutBucketCors',
  'DeleteBucketCors',
  'GetBucketLifecycle',
  'PutBucketLifecycle',
  'DeleteBucketLifecycle',
  'DeleteMultipleObjects',
  'PutObject',
  'PutObjectCopy',
  'GetObject',
  'HeadObject',
  'DeleteObject',
  'InitiateMultipartUpload',
  'UploadPart',
  'UploadPartCopy',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
  'ListParts',
] as const;
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

/** Operations answering with an XML document on success: the ones a truncatedXml fault can cut. */
export const XML_ANSWERS: ReadonlySet<FaultOperation> = new Set([
  'GetService',
  'GetBucket',
  'ListObjectVersions',
  'ListMultipartUploads',
  'GetBucketVersioning',
  'GetBucketAcl',
  'GetBucketTagging',
  'GetBucketCors',
  'GetBucketLifecycle',
  'DeleteMultipleObjects',
  'PutObjectCopy',
  'InitiateMultipartUpload',
  'UploadPartCopy',
  'CompleteMultipartUpload',
  'ListParts',
]);

/** Query names that are parameters of a call, not a sub-resource naming another call. */
const PARAMETERS = new Set([
  'prefix',
  'delimiter',
  'marker',
  'max-keys',
  'encoding-type',
  'key-marker',
  'version-id-marker',
  'upload-id-marker',
  'max-uploads',
  'max-parts',
  'part-number-marker',
  'versionId',
  'uploadId',
  'partNumber',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
]);

const BUCKET_CALLS: Record<string, Record<string, FaultOperation>> = {
  GET: {
    '': 'GetBucket',
    versions: 'ListObjectVersions',
    uploads: 'ListMultipartUploads',
    versioning: 'GetBucketVersioning',
    acl: 'GetBucketAcl',
    tagging: 'GetBucketTagging',
    policy: 'GetBucketPolicy',
    cors: 'GetBucketCors',
    lifecycle: 'GetBucketLifecycle',
  },
  PUT: {
    '': 'PutBucket',
    versioning: 'PutBucketVersioning',
    acl: 'PutBucketAcl',
    tagging: 'PutBucketTagging',
    policy: 'PutBucketPolicy',
    cors: 'PutBucketCors',
    lifecycle: 'PutBucketLifecycle',
  },
  HEAD: { '': 'HeadBucket' },
  DELETE: {
    '': 'DeleteBucket',
    tagging: 'DeleteBucketTagging',
    policy: 'DeleteBucketPolicy',
    cors: 'DeleteBucketCors',
    lifecycle: 'DeleteBucketLifecycle',
  },
  POST: { delete: 'DeleteMultipleObjects' },
};

/**
 * The call on a bucket host, or undefined for one the emulator does not implement (`?acl`, `?cors`, Append…).
 * `queryNames` are decoded; `copySource` is whether x-cos-copy-source was sent.
 */
export function bucketCall(
  method: string,
  rawPath: string,
  queryNames: readonly string[],
  copySource: boolean,
): FaultOperation | undefined {
  // A presigned URL's signature fields and token ride in the query too; they name no call.
  const subresources = queryNames.filter((name) => !PARAMETERS.has(name) && !name.startsWith('q-') && name !== 'x-cos-security-token');
  if (subresources.length > 1) return undefined;
  const sub = subresources[0] ?? '';
  if (rawPath === '/') return BUCKET_CALLS[method]?.[sub];
  if (sub !== '' && !(method === 'POST' && sub === 'uploads')) return undefined;
  const has = (name: string) => queryNames.includes(name);
  switch (method) {
    case 'PUT':
      if (has('partNumber') || has('uploadId')) return copySource ? 'UploadPartCopy' : 'UploadPart';
      return copySource ? 'PutObjectCopy' : 'PutObject';
    case 'GET':
      return has('uploadId') ? 'ListParts' : 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    case 'DELETE':
      return has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
    case 'POST':
      if (sub === 'uploads') return 'InitiateMultipartUpload';
      return has('uploadId') ? 'CompleteMultipartUpload' : undefined;
    default:
      return undefined;
  }
}

/** Decoded query names of a raw query string, in order. */
export function queryNames(search: string): string[] {
  return search
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => decodeOrKeep(pair.split('=', 1)[0]));
}

/** Which operation a request is, for fault rules, or undefined for anything the faults do not address. */
export function operationOf(
  method: string,
  host: string,
  rawPath: string,
  search: string,
  domains: CustomDomains = {},
  headers: Readonly<Record<string, string | string[] | undefined>> = {},
): { operation: FaultOperation; bucket?: string } | undefined {
  const target = parseHost(host, domains);
  if (!target) return undefined;
  if (target.kind === 'service') return method === 'GET' && rawPath === '/' ? { operation: 'GetService' } : undefined;
  const operation = bucketCall(method, rawPath, queryNames(search), headers['x-cos-copy-source'] !== undefined);
  return operation ? { operation, bucket: target.bucket } : undefined;
}
