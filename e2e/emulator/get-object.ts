/** GET Object and HEAD Object (docs 7753, 7745): versions, conditions, a single byte range, response-* overrides. */
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { CosError } from './errors';
import type { CosResponse } from './exchange';
import { ARCHIVED, describingHeaders } from './object-headers';
import { type BucketObjects, type ObjectVersion, hashed } from './objects';

/** response-* query parameters and the header each replaces on a GET. */
const OVERRIDES: Record<string, string> = {
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
  'response-content-language': 'content-language',
  'response-content-type': 'content-type',
  'response-expires': 'expires',
};

/**
 * The version a GET/HEAD (or a copy's source) reads: the current one, or the one named by versionId. A delete
 * marker answers 404 with x-cos-delete-marker, as COS's docs say for both cases.
 */
export function readableVersion(objects: BucketObjects, key: string, versionId: string | undefined, versioned: boolean): ObjectVersion {
  const versions = objects.versions(key);
  if (versionId === undefined) {
    const latest = versions[0];
    if (latest && !latest.deleteMarker) return latest;
    const headers: Record<string, string> = latest ? { 'x-cos-delete-marker': 'true', ...(versioned ? { 'x-cos-version-id': latest.versionId } : {}) } : {};
    throw new CosError('NoSuchKey', 'The specified key does not exist.', {}, headers);
  }
  const version = versions.find((v) => v.versionId === versionId);
  if (!version) throw new CosError('NoSuchVersion', `The specified version ${versionId} does not exist.`);
  if (version.deleteMarker) {
    throw new CosError('NoSuchKey', 'The specified version is a delete marker.', {}, { 'x-cos-delete-marker': 'true', 'x-cos-version-id': versionId });
  }
  return version;
}

function sameEtag(list: string, etag: string): boolean {
  return list.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag || `"${t}"` === etag;
  });
}

/** Seconds, as HTTP dates carry them; undefined for a date that does not parse (the header is then ignored). */
function seconds(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/**
 * Conditional headers, judged as RFC 7232 orders them: If-Match, else If-Unmodified-Since (412); then
 * If-None-Match, else If-Modified-Since (304). `prefix` reads the copy-source variants.
 */
export function preconditionFailure(
  headers: BucketCall['request']['headers'],
  version: ObjectVersion,
  prefix = '',
): 304 | 412 | undefined {
  const modified = Math.floor(version.lastModified / 1000);
  const ifMatch = headers[`${prefix}if-match`];
  const unmodifiedSince = seconds(headers[`${prefix}if-unmodified-since`]);
  if (ifMatch !== undefined ? !sameEtag(ifMatch, version.etag) : unmodifiedSince !== undefined && modified > unmodifiedSince) {
    return 412;
  }
  const ifNoneMatch = headers[`${prefix}if-none-match`];
  const modifiedSince = seconds(headers[`${prefix}if-modified-since`]);
  if (ifNoneMatch !== undefined ? sameEtag(ifNoneMatch, version.etag) : modifiedSince !== undefined && modified <= modifiedSince) {
    return 304;
  }
  return undefined;
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`; undefined for no usable Range (ignored as HTTP allows), or 'unsatisfiable'. */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(m[1]);
  const last = m[2] === '' ? size - 1 : Number(m[2]);
  if (last < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(last, size - 1) + 1 };
}

export function getObject(call: BucketCall, method: 'GET' | 'HEAD'): CosResponse {
  const { request, account, state, target, key } = call;
  requireAllowed(account, method === 'GET' ? 'cos:GetObject' : 'cos:HeadObject', `${target.bucket}/${key}`, { bucket: target.bucket, key });
  const bucket = call.bucket();
  const versionId = request.query.get('versionId');
  const version = hashed(readableVersion(state.objects(bucket.name), key, versionId, bucket.versioning !== undefined), state.blobs);
  const headers = describingHeaders(version, bucket.versioning !== undefined);
  const condition = preconditionFailure(request.headers, version);
  if (condition === 412) throw new CosError('PreconditionFailed', 'Precondition not match.');
  if (condition === 304) {
    return { status: 304, headers: { etag: version.etag, 'last-modified': headers['last-modified'] } };
  }
  if (method === 'GET' && ARCHIVED.has(version.storageClass)) {
    throw new CosError('InvalidObjectState', 'The operation is not valid for the object storage class.', {}, {
      'x-cos-storage-class': version.storageClass,
    });
  }
  // HEAD describes the bytes without sending them: the server keeps this Content-Length and sends no body.
  if (method === 'HEAD') return { status: 200, headers: { ...headers, 'content-length': String(version.size) } };

  for (const [param, header] of Object.entries(OVERRIDES)) {
    const value = request.query.get(param);
    if (value !== undefined) headers[header] = value;
  }
  headers['accept-ranges'] = 'bytes';
  const range = byteRange(request.headers.range, version.size);
  if (range === 'unsatisfiable') {
    throw new CosError('InvalidRange', 'The requested range is not satisfiable.', {}, { 'content-range': `bytes */${version.size}` });
  }
  const { start, end } = range ?? { start: 0, end: version.size };
  if (range) headers['content-range'] = `bytes ${start}-${end - 1}/${version.size}`;
  headers['content-length'] = String(end - start);
  return { status: range ? 206 : 200, headers, stream: () => state.blobs.read(version.body, start, end) };
}
