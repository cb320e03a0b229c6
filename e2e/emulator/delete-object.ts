/** DELETE Object (doc 7743) and DELETE Multiple Objects (doc 8289), with versioning's delete markers (doc 36716). */
import { createHash } from 'node:crypto';
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { CosError } from './errors';
import { type CosResponse, xmlResponse } from './exchange';
import { newVersionId } from './ids';
import { requireMatchingDigest } from './object-headers';
import type { ObjectVersion } from './objects';
import { storeVersion } from './put-object';
import type { EmulatorState } from './state';
import type { EmulatorBucket } from './types';
import { XML_DECLARATION, childElements, childText, element, rootContent } from './xml';

/** The most keys one DELETE Multiple Objects may name. */
const MAX_KEYS = 1000;

interface Deletion {
  /** The version removed, or of the delete marker made; absent where versioning was never enabled. */
  versionId?: string;
  /** A delete marker was made, or the version removed was one. */
  deleteMarker: boolean;
}

/**
 * One deletion. With a version id, that version or marker is gone for good (an unknown id deletes nothing, and
 * still succeeds). Without one: never versioned, the key is gone; enabled, a new delete marker hides it; suspended,
 * the 'null' version is replaced by a 'null' delete marker.
 */
export function deleteOne(state: EmulatorState, bucket: EmulatorBucket, key: string, versionId: string | undefined, now: number): Deletion {
  const objects = state.objects(bucket.name);
  if (versionId !== undefined) {
    const removed = objects.remove(key, versionId);
    if (removed) state.blobs.release(removed.body);
    return { versionId, deleteMarker: removed?.deleteMarker ?? false };
  }
  if (!bucket.versioning) {
    for (const removed of objects.removeKey(key)) state.blobs.release(removed.body);
    return { deleteMarker: false };
  }
  const marker: ObjectVersion = {
    key,
    versionId: bucket.versioning === 'Enabled' ? newVersionId() : 'null',
    deleteMarker: true,
    lastModified: now,
    size: 0,
    etag: '',
    crc64: '',
    body: { kind: 'generated', size: 0 },
    storageClass: 'STANDARD',
    headers: {},
  };
  storeVersion(state, bucket, marker);
  return { versionId: marker.versionId, deleteMarker: true };
}

export function deleteObject({ request, account, state, target, key, now, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:DeleteObject', `${target.bucket}/${key}`, { bucket: target.bucket, key });
  const bucket = owned();
  const deletion = deleteOne(state, bucket, key, request.query.get('versionId'), now);
  const headers: Record<string, string> = {};
  if (deletion.versionId !== undefined) headers['x-cos-version-id'] = deletion.versionId;
  if (deletion.deleteMarker) headers['x-cos-delete-marker'] = 'true';
  return { status: 204, headers };
}

function readDeleteDocument(body: string): { quiet: boolean; objects: { key: string; versionId?: string }[] } {
  const content = rootContent(body, 'Delete');
  if (content === undefined) throw new CosError('MalformedXML', 'The request body is not a Delete document.');
  const quiet = childText(content, 'Quiet')?.trim();
  if (quiet !== undefined && quiet !== 'true' && quiet !== 'false') {
    throw new CosError('MalformedXML', `Quiet must be true or false, not "${quiet}".`);
  }
  const objects = childElements(content, 'Object').map((markup) => {
    const key = childText(markup, 'Key');
    if (key === undefined) throw new CosError('MalformedXML', 'Each Object needs a Key.');
    const versionId = childText(markup, 'VersionId')?.trim();
    return { key, ...(versionId ? { versionId } : {}) };
  });
  if (objects.length === 0 || objects.length > MAX_KEYS) {
    throw new CosError('MalformedXML', `A Delete document names 1 to ${MAX_KEYS} objects; this one names ${objects.length}.`);
  }
  return { quiet: quiet === 'true', objects };
}

export function deleteMultipleObjects({ request, account, state, target, now, bucket: owned }: BucketCall): CosResponse {
  const bucket = owned();
  requireMatchingDigest(request.headers, createHash('md5').update(request.body).digest());
  const { quiet, objects } = readDeleteDocument(request.body);
  const results = objects.map(({ key, versionId }) => {
    const named = versionId !== undefined ? element('VersionId', versionId) : '';
    try {
      // Each key is checked as its own DeleteObject (doc 8289), so one refusal does not stop the others.
      requireAllowed(account, 'cos:DeleteObject', `${target.bucket}/${key}`, { bucket: target.bucket, key });
      const deletion = deleteOne(state, bucket, key, versionId, now);
      if (quiet) return '';
      const marker = deletion.deleteMarker
        ? element('DeleteMarker', 'true') + element('DeleteMarkerVersionId', deletion.versionId ?? '')
        : '';
      return element('Deleted', element('Key', key) + marker + named, { raw: true });
    } catch (error) {
      if (!(error instanceof CosError)) throw error;
      return element('Error', element('Key', key) + named + element('Code', error.code) + element('Message', error.message), { raw: true });
    }
  });
  return xmlResponse(XML_DECLARATION + element('DeleteResult', results.join(''), { raw: true }));
}
