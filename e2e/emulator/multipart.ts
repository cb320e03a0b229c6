/**
 * Multipart upload (docs 7746, 7750, 7742, 7740, 7747): parts are files of their own until Complete makes an
 * object that lists them in order, without copying a byte.
 */
import { createHash } from 'node:crypto';
import type { Body, Written } from './blobs';
import { copiedVersion } from './copy-object';
import type { BucketCall } from './bucket-call';
import { type CamAction, requireAllowed } from './cam';
import { CosError } from './errors';
import { type CosResponse, xmlResponse } from './exchange';
import { newUploadId } from './ids';
import { encodingType, keyElement, pageSize } from './listing';
import {
  isoMillis,
  objectHeaders,
  requireMatchingDigest,
  requireValidKey,
  requireValidUploadOptions,
  storageClassOf,
} from './object-headers';
import type { ObjectVersion, Upload, UploadedPart } from './objects';
import { MAX_UPLOAD_BYTES, nextVersionId, receiveBody, storeVersion } from './put-object';
import { isoSeconds } from './seed';
import type { EmulatorBucket } from './types';
import { XML_DECLARATION, childElements, childText, element, rootContent } from './xml';

const MAX_PART_NUMBER = 10_000;
/** Every part but the last must be at least this big (doc 7742). */
const MIN_PART_BYTES = 1024 * 1024;

function allowed(call: BucketCall, action: CamAction): EmulatorBucket {
  const { account, target, key } = call;
  requireAllowed(account, action, `${target.bucket}/${key}`, { bucket: target.bucket, key });
  return call.bucket();
}

function upload(call: BucketCall, bucket: EmulatorBucket): Upload {
  const uploadId = call.request.query.get('uploadId') ?? '';
  const found = call.state.objects(bucket.name).uploads.get(uploadId);
  if (!found || found.key !== call.key) {
    throw new CosError('NoSuchUpload', 'The specified multipart upload does not exist: it may have been aborted or completed.');
  }
  return found;
}

function person(name: 'Initiator' | 'Owner', uin: string): string {
  return element(name, element('ID', `qcs::cam::uin/${uin}:uin/${uin}`) + element('DisplayName', uin), { raw: true });
}

export function initiateMultipartUpload(call: BucketCall): CosResponse {
  const bucket = allowed(call, 'cos:InitiateMultipartUpload');
  const { request, key, state, now, account } = call;
  requireValidKey(key);
  // Metadata is fixed here; Complete ignores what it carries.
  const created: Upload = {
    uploadId: newUploadId(),
    key,
    initiated: now,
    storageClass: storageClassOf(request.headers),
    headers: objectHeaders(request.headers),
    initiator: account.ownerUin,
    parts: new Map(),
  };
  requireValidUploadOptions(request.headers);
  state.objects(bucket.name).uploads.set(created.uploadId, created);
  const result = element('Bucket', bucket.name) + element('Key', key) + element('UploadId', created.uploadId);
  return xmlResponse(XML_DECLARATION + element('InitiateMultipartUploadResult', result, { raw: true }));
}

function partNumberOf(call: BucketCall): number {
  const text = call.request.query.get('partNumber') ?? '';
  const partNumber = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(partNumber >= 1 && partNumber <= MAX_PART_NUMBER)) {
    throw new CosError('InvalidArgument', `partNumber must be a whole number from 1 to ${MAX_PART_NUMBER}, not "${text}".`);
  }
  return partNumber;
}

/** Keeps a part, replacing one of the same number (doc 7750); an upload aborted meanwhile keeps nothing. */
function keepPart(call: BucketCall, bucket: EmulatorBucket, target: Upload, written: Written, partNumber: number): UploadedPart {
  const { state, now } = call;
  const part: UploadedPart = {
    partNumber,
    etag: `"${written.md5.toString('hex')}"`,
    md5: written.md5,
    size: written.segment.size,
    crc64: written.crc64,
    body: { kind: 'files', segments: [written.segment] },
    lastModified: now,
  };
  state.blobs.retain(part.body);
  if (state.objects(bucket.name).uploads.get(target.uploadId) === target) {
    const previous = target.parts.get(partNumber);
    if (previous) state.blobs.release(previous.body);
    target.parts.set(partNumber, part);
  } else {
    state.blobs.release(part.body);
  }
  return part;
}

export async function uploadPart(call: BucketCall): Promise<CosResponse> {
  const bucket = allowed(call, 'cos:UploadPart');
  const partNumber = partNumberOf(call);
  const target = upload(call, bucket);
  const part = keepPart(call, bucket, target, await receiveBody(call), partNumber);
  return { status: 200, headers: { etag: part.etag, 'x-cos-hash-crc64ecma': part.crc64 } };
}

/** `bytes=first-last` of x-cos-copy-source-range, both ends given and inside the source. */
function copyRange(header: string | undefined, size: number): { start: number; end: number } {
  if (header === undefined) return { start: 0, end: size };
  const m = /^bytes=(\d+)-(\d+)$/.exec(header.trim());
  if (!m || Number(m[1]) > Number(m[2]) || Number(m[2]) >= size) {
    throw new CosError('InvalidArgument', `x-cos-copy-source-range must be bytes=<first>-<last> inside the ${size}-byte source, not "${header}".`);
  }
  return { start: Number(m[1]), end: Number(m[2]) + 1 };
}

/** Upload Part - Copy: a part made of bytes of an existing object, written to a file of its own. */
export async function uploadPartCopy(call: BucketCall): Promise<CosResponse> {
  // The SDK scopes this call to cos:PutObject on the destination and cos:GetObject on the source (doc 31923).
  const bucket = allowed(call, 'cos:PutObject');
  const partNumber = partNumberOf(call);
  const target = upload(call, bucket);
  const { original, versionId } = copiedVersion(call);
  const { start, end } = copyRange(call.request.headers['x-cos-copy-source-range'], original.size);
  if (end - start > MAX_UPLOAD_BYTES) throw new CosError('EntityTooLarge', 'A part may hold at most 5 GB.');
  const part = keepPart(call, bucket, target, await call.state.blobs.write(call.state.blobs.read(original.body, start, end)), partNumber);
  const result = element('ETag', part.etag) + element('LastModified', isoSeconds(new Date(part.lastModified))) + element('CRC64', part.crc64);
  const response = xmlResponse(XML_DECLARATION + element('CopyPartResult', result, { raw: true }));
  if (versionId !== undefined) response.headers!['x-cos-copy-source-version-id'] = versionId;
  return response;
}

function requestedParts(body: string): { partNumber: number; etag: string }[] {
  const content = rootContent(body, 'CompleteMultipartUpload');
  if (content === undefined) throw new CosError('MalformedXML', 'The request body is not a CompleteMultipartUpload document.');
  const parts = childElements(content, 'Part').map((markup) => {
    const number = childText(markup, 'PartNumber')?.trim() ?? '';
    const etag = childText(markup, 'ETag')?.trim();
    if (!/^\d+$/.test(number) || etag === undefined) throw new CosError('MalformedXML', 'Each Part needs a PartNumber and an ETag.');
    return { partNumber: Number(number), etag: etag.replace(/^"|"$/g, '') };
  });
  if (parts.length === 0) throw new CosError('MalformedXML', 'The CompleteMultipartUpload document names no parts.');
  return parts;
}

/** The parts Complete names, checked as doc 7742 lists its errors: order, gaps, unknown parts, small parts. */
function partsToJoin(target: Upload, body: string): UploadedPart[] {
  const requested = requestedParts(body);
  requested.forEach((part, i) => {
    if (i > 0 && part.partNumber <= requested[i - 1].partNumber) {
      throw new CosError('InvalidPartOrder', 'The list of parts was not in ascending order.');
    }
  });
  requested.forEach((part, i) => {
    if (i > 0 && part.partNumber !== requested[i - 1].partNumber + 1) {
      throw new CosError('InvalidPart', `Part numbers must follow each other: ${part.partNumber} comes after ${requested[i - 1].partNumber}.`);
    }
  });
  const parts = requested.map(({ partNumber, etag }) => {
    const part = target.parts.get(partNumber);
    if (!part || part.etag !== `"${etag}"`) {
      throw new CosError('InvalidPart', `Part ${partNumber} was not uploaded, or its ETag is not "${etag}".`);
    }
    return part;
  });
  parts.slice(0, -1).forEach((part) => {
    if (part.size < MIN_PART_BYTES) {
      throw new CosError('EntityTooSmall', `Part ${part.partNumber} is ${part.size} bytes: every part but the last must be at least 1 MB.`);
    }
  });
  return parts;
}

export async function completeMultipartUpload(call: BucketCall): Promise<CosResponse> {
  const bucket = allowed(call, 'cos:CompleteMultipartUpload');
  const { request, state, key, now, target: host } = call;
  const target = upload(call, bucket);
  requireMatchingDigest(request.headers, createHash('md5').update(request.body).digest());
  const parts = partsToJoin(target, request.body);
  const objects = state.objects(bucket.name);
  objects.uploads.delete(target.uploadId);
  // Parts named go on as the object's bytes; the others are freed.
  const used = new Set(parts);
  for (const part of target.parts.values()) if (!used.has(part)) state.blobs.release(part.body);

  const body: Body = { kind: 'files', segments: parts.flatMap((p) => (p.body.kind === 'files' ? p.body.segments : [])) };
  const { crc64 } = await state.blobs.hash(body);
  const joinedMd5 = createHash('md5').update(Buffer.concat(parts.map((p) => p.md5))).digest('hex');
  const version: ObjectVersion = {
    key,
    versionId: nextVersionId(bucket),
    deleteMarker: false,
    lastModified: now,
    size: parts.reduce((sum, p) => sum + p.size, 0),
    etag: `"${joinedMd5}-${parts.length}"`,
    crc64,
    body,
    storageClass: target.storageClass,
    headers: target.headers,
  };
  storeVersion(state, bucket, version);
  const location = `${bucket.name}.cos.${host.region}.myqcloud.com/${encodeURIComponent(key).replace(/%2F/g, '/')}`;
  const result =
    element('Location', location) + element('Bucket', bucket.name) + element('Key', key) + element('ETag', version.etag);
  const response = xmlResponse(
    XML_DECLARATION +
      `<CompleteMultipartUploadResult xmlns="http://www.qcloud.com/document/product/436/7751">${result}</CompleteMultipartUploadResult>`,
  );
  response.headers!['x-cos-hash-crc64ecma'] = crc64;
  // Unlike PUT Object, Complete names the 'null' version of a suspended bucket (doc 7742).
  if (bucket.versioning) response.headers!['x-cos-version-id'] = version.versionId;
  return response;
}

export function abortMultipartUpload(call: BucketCall): CosResponse {
  const bucket = allowed(call, 'cos:AbortMultipartUpload');
  const target = upload(call, bucket);
  call.state.objects(bucket.name).uploads.delete(target.uploadId);
  for (const part of target.parts.values()) call.state.blobs.release(part.body);
  return { status: 204 };
}

export function listParts(call: BucketCall): CosResponse {
  const bucket = allowed(call, 'cos:ListParts');
  const { query } = call.request;
  const target = upload(call, bucket);
  const limit = pageSize('max-parts', query.get('max-parts'));
  const encoding = encodingType(query);
  const markerText = query.get('part-number-marker') ?? '0';
  if (!/^\d+$/.test(markerText)) throw new CosError('InvalidArgument', `part-number-marker must be a whole number, not "${markerText}".`);
  const marker = Number(markerText);
  const after = [...target.parts.values()].filter((p) => p.partNumber > marker).sort((a, b) => a.partNumber - b.partNumber);
  const page = after.slice(0, limit);
  const truncated = after.length > limit;
  const body = [
    element('Bucket', bucket.name),
    encoding ? element('Encoding-type', encoding) : '',
    keyElement('Key', call.key, encoding),
    element('UploadId', target.uploadId),
    person('Initiator', target.initiator),
    person('Owner', call.account.ownerUin),
    element('PartNumberMarker', String(marker)),
    ...page.map((p) =>
      element(
        'Part',
        element('PartNumber', String(p.partNumber)) +
          element('LastModified', isoMillis(p.lastModified)) +
          element('ETag', p.etag) +
          element('Size', String(p.size)),
        { raw: true },
      ),
    ),
    element('NextPartNumberMarker', String(page.at(-1)?.partNumber ?? marker)),
    element('StorageClass', target.storageClass),
    element('MaxParts', String(limit)),
    element('IsTruncated', String(truncated)),
  ].join('');
  return xmlResponse(XML_DECLARATION + element('ListPartsResult', body, { raw: true }));
}
