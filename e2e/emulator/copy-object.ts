/** PUT Object - Copy (doc 10881): a new version sharing the source's bytes, its metadata copied or replaced. */
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { decodeOrKeep } from './decode';
import { CosError } from './errors';
import { type CosResponse, xmlResponse } from './exchange';
import { ownedBucket } from './existing-bucket';
import { preconditionFailure, readableVersion } from './get-object';
import { ARCHIVED, objectHeaders, requireValidKey, requireValidUploadOptions, storageClassOf } from './object-headers';
import { type ObjectVersion, hashed } from './objects';
import { nextVersionId, storeVersion } from './put-object';
import { isoSeconds } from './seed';
import { XML_DECLARATION, element } from './xml';

/** `<bucket>-<appid>.cos.<region>.myqcloud.com/<URL-encoded key>[?versionId=…]`, the form the SDK insists on. */
const COPY_SOURCE = /^\/?([^./]+)\.cos\.([^./]+)\.myqcloud\.com\/([^?]+)(?:\?versionId=([^&]*))?$/;

function copySource(header: string): { bucket: string; region: string; key: string; versionId?: string } {
  const m = COPY_SOURCE.exec(header);
  if (!m) {
    throw new CosError(
      'InvalidArgument',
      'x-cos-copy-source must read <bucket>-<appid>.cos.<region>.myqcloud.com/<key>[?versionId=<id>].',
    );
  }
  return { bucket: m[1], region: m[2], key: decodeOrKeep(m[3]), ...(m[4] !== undefined ? { versionId: decodeOrKeep(m[4]) } : {}) };
}

/**
 * The version x-cos-copy-source names, after the CAM check on it (cos:GetObject) and its copy-source conditions.
 * Archived sources are refused: their bytes cannot be read before a restore.
 */
export function copiedVersion(call: BucketCall): { original: ObjectVersion; versionId?: string } {
  const { request, account, state } = call;
  const source = copySource(request.headers['x-cos-copy-source'] ?? '');
  requireAllowed(account, 'cos:GetObject', `${source.bucket}/${source.key}`, { bucket: source.bucket, key: source.key });
  const sourceBucket = ownedBucket(state, account, { kind: 'bucket', bucket: source.bucket, region: source.region });
  const original = hashed(
    readableVersion(state.objects(sourceBucket.name), source.key, source.versionId, sourceBucket.versioning !== undefined),
    state.blobs,
  );
  if (preconditionFailure(request.headers, original, 'x-cos-copy-source-') !== undefined) {
    throw new CosError('PreconditionFailed', 'Precondition not match.');
  }
  if (ARCHIVED.has(original.storageClass)) {
    throw new CosError('InvalidObjectState', 'The source object is archived: restore it before copying.');
  }
  return { original, ...(source.versionId !== undefined ? { versionId: source.versionId } : {}) };
}

export function putObjectCopy(call: BucketCall): CosResponse {
  const { request, account, state, target, key, now } = call;
  const source = copySource(request.headers['x-cos-copy-source'] ?? '');
  requireAllowed(account, 'cos:PutObject', `${target.bucket}/${key}`, { bucket: target.bucket, key });
  const bucket = call.bucket();
  requireValidKey(key);
  const directive = request.headers['x-cos-metadata-directive'] ?? 'Copy';
  if (directive !== 'Copy' && directive !== 'Replaced') {
    throw new CosError('InvalidArgument', `x-cos-metadata-directive must be Copy or Replaced, not "${directive}".`);
  }
  if (source.bucket === bucket.name && source.key === key && directive !== 'Replaced' && source.versionId === undefined) {
    throw new CosError(
      'InvalidRequest',
      'This copy request is illegal because it is trying to copy an object to itself without changing its metadata: send x-cos-metadata-directive: Replaced.',
    );
  }
  const storageClass = storageClassOf(request.headers);
  requireValidUploadOptions(request.headers);
  const { original } = copiedVersion(call);

  const copy: ObjectVersion = {
    ...original,
    key,
    versionId: nextVersionId(bucket),
    lastModified: now,
    storageClass,
    headers: directive === 'Replaced' ? objectHeaders(request.headers) : { ...original.headers },
  };
  state.blobs.retain(copy.body);
  storeVersion(state, bucket, copy);
  const result =
    element('ETag', copy.etag) +
    element('CRC64', copy.crc64) +
    element('LastModified', isoSeconds(new Date(now))) +
    (bucket.versioning === 'Enabled' ? element('VersionId', copy.versionId) : '');
  const response = xmlResponse(XML_DECLARATION + element('CopyObjectResult', result, { raw: true }));
  if (source.versionId !== undefined) response.headers!['x-cos-copy-source-version-id'] = source.versionId;
  if (bucket.versioning === 'Enabled') response.headers!['x-cos-version-id'] = copy.versionId;
  return response;
}
