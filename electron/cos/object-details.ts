/** Reads HEAD Object's headers, as the SDK hands them over (lower-case names, every value text). */
import type { ObjectDetails } from '@shared/contract';

type Headers = Record<string, string | undefined>;

const META = 'x-cos-meta-';

export function readObjectDetails(key: string, headers: Headers, url: string): ObjectDetails {
  const lastModified = Date.parse(headers['last-modified'] ?? '');
  const meta = Object.entries(headers)
    .filter((entry): entry is [string, string] => entry[0].startsWith(META) && entry[1] !== undefined)
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const versionId = headers['x-cos-version-id'];
  const crc64 = headers['x-cos-hash-crc64ecma'];
  const contentType = headers['content-type'];
  return {
    key,
    size: Number(headers['content-length'] ?? 0) || 0,
    ...(contentType ? { contentType } : {}),
    etag: (headers.etag ?? '').replace(/^"|"$/g, ''),
    ...(crc64 ? { crc64 } : {}),
    // COS sends x-cos-storage-class only for classes other than STANDARD (doc 7745).
    storageClass: headers['x-cos-storage-class'] || 'STANDARD',
    lastModified: Number.isNaN(lastModified) ? (headers['last-modified'] ?? '') : new Date(lastModified).toISOString(),
    meta,
    ...(versionId ? { versionId } : {}),
    url,
  };
}
