/** PUT Object (doc 7749): the body streamed to disk, hashed on the way, stored as a new current version. */
import type { Written } from './blobs';
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { CosError } from './errors';
import type { CosResponse } from './exchange';
import { newVersionId } from './ids';
import {
  objectHeaders,
  requireMatchingDigest,
  requireValidKey,
  requireValidUploadOptions,
  storageClassOf,
} from './object-headers';
import type { ObjectVersion } from './objects';
import type { EmulatorState } from './state';
import type { EmulatorBucket } from './types';

/** The largest single PUT (and part): 5 GB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 ** 3;

/** The version id a write gets: a new one while versioning is enabled, otherwise the single 'null' version. */
export function nextVersionId(bucket: EmulatorBucket): string {
  return bucket.versioning === 'Enabled' ? newVersionId() : 'null';
}

/** Makes `version` current and frees the bytes of the 'null' version it replaces, if any. */
export function storeVersion(state: EmulatorState, bucket: EmulatorBucket, version: ObjectVersion): void {
  for (const replaced of state.objects(bucket.name).add(version)) state.blobs.release(replaced.body);
}

/** Streams an upload's body to disk after checking its declared length; checks Content-MD5 once it is all in. */
export async function receiveBody(call: BucketCall): Promise<Written> {
  const { request, state } = call;
  const length = request.headers['content-length'];
  if (length === undefined && request.headers['transfer-encoding'] === undefined) {
    throw new CosError('MissingContentLength', 'You must provide the Content-Length HTTP header.');
  }
  if (length !== undefined && Number(length) > MAX_UPLOAD_BYTES) {
    throw new CosError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size of 5 GB.');
  }
  let written: Written;
  try {
    written = await state.blobs.write(request.upload ?? (async function* () {})());
  } catch {
    // The client went away mid-body: nobody reads this answer, but the log says what happened.
    throw new CosError('RequestTimeout', 'The upload ended before the whole body arrived.');
  }
  try {
    requireMatchingDigest(request.headers, written.md5);
  } catch (error) {
    state.blobs.discard([written.segment]);
    throw error;
  }
  return written;
}

export async function putObject(call: BucketCall): Promise<CosResponse> {
  const { request, account, state, target, key, now } = call;
  requireAllowed(account, 'cos:PutObject', `${target.bucket}/${key}`, { bucket: target.bucket, key });
  const bucket = call.bucket();
  requireValidKey(key);
  const headers = objectHeaders(request.headers);
  const storageClass = storageClassOf(request.headers);
  requireValidUploadOptions(request.headers);
  const written = await receiveBody(call);
  const version: ObjectVersion = {
    key,
    versionId: nextVersionId(bucket),
    deleteMarker: false,
    lastModified: now,
    size: written.segment.size,
    etag: `"${written.md5.toString('hex')}"`,
    crc64: written.crc64,
    body: { kind: 'files', segments: [written.segment] },
    storageClass,
    headers,
  };
  state.blobs.retain(version.body);
  storeVersion(state, bucket, version);
  const answer: Record<string, string> = { etag: version.etag, 'x-cos-hash-crc64ecma': version.crc64 };
  if (bucket.versioning === 'Enabled') answer['x-cos-version-id'] = version.versionId;
  return { status: 200, headers: answer };
}
