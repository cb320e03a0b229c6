/**
 * What an object keeps of the request that wrote it (PUT Object, Initiate Multipart Upload, a Replaced copy) and
 * what HEAD/GET send back. Checks follow doc 7749; see the README for the limits the docs leave open.
 */
import { CosError } from './errors';
import type { CosRequest } from './exchange';
import type { ObjectVersion } from './objects';

type Headers = CosRequest['headers'];

/** Headers stored as sent and returned on HEAD/GET only when stored. */
const STORED = ['cache-control', 'content-disposition', 'content-encoding', 'content-language', 'expires'] as const;

export const STORAGE_CLASSES = [
  'STANDARD',
  'STANDARD_IA',
  'INTELLIGENT_TIERING',
  'ARCHIVE',
  'DEEP_ARCHIVE',
  'MAZ_STANDARD',
  'MAZ_STANDARD_IA',
  'MAZ_INTELLIGENT_TIERING',
];

const OBJECT_ACLS = ['default', 'private', 'public-read', 'authenticated-read', 'bucket-owner-read', 'bucket-owner-full-control'];

const MAX_KEY_BYTES = 850;
const MAX_META_HEADER_BYTES = 2048;
const MAX_META_TOTAL_BYTES = 4096;
const META = 'x-cos-meta-';

/** The key rules of doc 13324, checked where an object is written. */
export function requireValidKey(key: string): void {
  if (key === '') throw new CosError('InvalidObjectName', 'The object key is empty.');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw new CosError('KeyTooLong', `The object key is ${Buffer.byteLength(key)} bytes of UTF-8; at most ${MAX_KEY_BYTES} are allowed.`);
  }
  if (key.startsWith('/') || key.startsWith('\\')) {
    throw new CosError('InvalidObjectName', 'An object key may not start with / or \\.');
  }
  // Those very control characters are what COS refuses in a key.
  // eslint-disable-next-line no-control-regex
  if (/[\n\r\x18-\x1b]/.test(key)) {
    throw new CosError('InvalidObjectName', 'An object key may not contain line breaks or the control characters 0x18-0x1B.');
  }
}

export function storageClassOf(headers: Headers): string {
  const value = headers['x-cos-storage-class'];
  if (value === undefined || value === '') return 'STANDARD';
  const upper = value.toUpperCase();
  if (!STORAGE_CLASSES.includes(upper)) {
    throw new CosError('InvalidArgument', `x-cos-storage-class must be one of ${STORAGE_CLASSES.join(', ')}, not "${value}".`);
  }
  return upper;
}

/** Checks the headers an upload may carry that the emulator does not keep, so a bad value still fails. */
export function requireValidUploadOptions(headers: Headers): void {
  const acl = headers['x-cos-acl'];
  if (acl !== undefined && !OBJECT_ACLS.includes(acl)) {
    throw new CosError('InvalidArgument', `x-cos-acl must be one of ${OBJECT_ACLS.join(', ')}, not "${acl}".`);
  }
  const limit = headers['x-cos-traffic-limit'];
  if (limit !== undefined && !(/^\d+$/.test(limit) && Number(limit) >= 819_200 && Number(limit) <= 838_860_800)) {
    throw new CosError('InvalidArgument', `x-cos-traffic-limit must be 819200 to 838860800 bit/s, not "${limit}".`);
  }
}

/** Content-Type, the STORED headers and x-cos-meta-*; empty values count as not sent (the SDK sends some empty). */
export function objectHeaders(headers: Headers): Record<string, string> {
  const stored: Record<string, string> = {
    'content-type': headers['content-type'] || 'application/octet-stream',
  };
  for (const name of STORED) {
    const value = headers[name];
    if (value) stored[name] = value;
  }
  let total = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(META) || value === undefined) continue;
    const suffix = name.slice(META.length);
    if (!/^[a-z0-9-]+$/.test(suffix)) {
      throw new CosError('InvalidArgument', `${name}: a metadata name may hold only letters, digits and hyphens.`);
    }
    const bytes = Buffer.byteLength(name) + Buffer.byteLength(value);
    if (bytes > MAX_META_HEADER_BYTES) throw new CosError('InvalidArgument', `${name} is over 2 KB.`);
    total += bytes;
    stored[name] = value;
  }
  if (total > MAX_META_TOTAL_BYTES) throw new CosError('InvalidArgument', 'The x-cos-meta-* headers together are over 4 KB.');
  return stored;
}

/** Checks Content-MD5 (base64 of the binary MD5) against the body's MD5, when the client sent one. */
export function requireMatchingDigest(headers: Headers, md5: Buffer): void {
  const sent = headers['content-md5'];
  if (sent === undefined) return;
  const digest = Buffer.from(sent, 'base64');
  if (digest.length !== 16 || digest.toString('base64') !== sent) {
    throw new CosError('InvalidDigest', 'The Content-MD5 you specified is not valid: send the base64 of the 16-byte MD5.');
  }
  if (!digest.equals(md5)) throw new CosError('BadDigest', 'The Content-MD5 you specified did not match what we received.');
}

/** Listings add a StorageTier to intelligent-tiering objects; the emulator keeps them all in the frequent tier. */
export function storageTierElement(storageClass: string): string {
  return storageClass.endsWith('INTELLIGENT_TIERING') ? '<StorageTier>FREQUENT</StorageTier>' : '';
}

/** Archived objects must be restored before their bytes can be read; the emulator models no restore. */
export const ARCHIVED = new Set(['ARCHIVE', 'DEEP_ARCHIVE']);

/** HTTP date of a version's modification, to the second as Last-Modified carries it. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** ISO 8601 with milliseconds, the form listings use. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** The headers HEAD and GET describe a version with. */
export function describingHeaders(version: ObjectVersion, versioned: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    ...version.headers,
    etag: version.etag,
    'last-modified': httpDate(version.lastModified),
    'x-cos-hash-crc64ecma': version.crc64,
  };
  if (version.storageClass !== 'STANDARD') headers['x-cos-storage-class'] = version.storageClass;
  if (versioned) headers['x-cos-version-id'] = version.versionId;
  return headers;
}
