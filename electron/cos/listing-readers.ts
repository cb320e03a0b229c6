/**
 * Reading COS's listing answers, parsed from XML read whole: GET Bucket (folded by `/` for the object view, or flat
 * for a walk), GET Bucket versions, List Multipart Uploads, and DELETE Multiple Objects' failures. Every value
 * arrives as a string, keys URL-encoded (they are asked for that way, so that keys holding characters XML refuses
 * survive), and a single entry comes as an object rather than an array.
 */
import type { ObjectListPage } from '@shared/contract';

export function decodeKey(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // Not percent-encoded after all (a server that ignored encoding-type): the text is the key.
    return value;
  }
}

function list<T>(value: T | T[] | undefined | ''): T[] {
  if (value === '') return [];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** One version or delete marker, as DELETE Multiple Objects needs to name it. */
export interface VersionEntry {
  key: string;
  /** Empty where versioning was never enabled: such an entry is deleted by key alone. */
  versionId: string;
  isLatest: boolean;
  deleteMarker: boolean;
}

/** A listing position: after this key (and, when given, after this version or upload of it). */
export interface ListPosition {
  keyMarker: string;
  idMarker?: string;
}

export interface VersionPage {
  entries: VersionEntry[];
  /** Where the next page starts; present exactly when truncated. */
  next?: ListPosition;
}

/** The next position of a truncated listing; a server that leaves the markers out is read as ending at `last`. */
function nextPosition(truncated: boolean, key: string | undefined, id: string | undefined, last: ListPosition | undefined): ListPosition | undefined {
  if (!truncated) return undefined;
  if (!key) return last;
  return { keyMarker: decodeKey(key), ...(id ? { idMarker: id } : {}) };
}

interface RawVersion {
  Key?: string;
  VersionId?: string;
  IsLatest?: string;
}

interface RawVersionPage {
  Version?: RawVersion | RawVersion[];
  DeleteMarker?: RawVersion | RawVersion[];
  IsTruncated?: string;
  NextKeyMarker?: string;
  NextVersionIdMarker?: string;
}

export function readVersionPage(raw: RawVersionPage): VersionPage {
  const entry = (v: RawVersion, deleteMarker: boolean): VersionEntry[] =>
    v.Key === undefined ? [] : [{ key: decodeKey(v.Key), versionId: v.VersionId ?? '', isLatest: v.IsLatest === 'true', deleteMarker }];
  const entries = [...list(raw.Version).flatMap((v) => entry(v, false)), ...list(raw.DeleteMarker).flatMap((v) => entry(v, true))];
  const last = entries.at(-1);
  const next = nextPosition(raw.IsTruncated === 'true', raw.NextKeyMarker, raw.NextVersionIdMarker, last && { keyMarker: last.key, ...(last.versionId ? { idMarker: last.versionId } : {}) });
  return { entries, ...(next ? { next } : {}) };
}

export interface UploadEntry {
  key: string;
  uploadId: string;
}

export interface UploadPage {
  uploads: UploadEntry[];
  next?: ListPosition;
}

interface RawUploadPage {
  Upload?: { Key?: string; UploadId?: string } | { Key?: string; UploadId?: string }[];
  IsTruncated?: string;
  NextKeyMarker?: string;
  NextUploadIdMarker?: string;
}

export function readUploadPage(raw: RawUploadPage): UploadPage {
  const uploads = list(raw.Upload).flatMap((u) => (u.Key === undefined || !u.UploadId ? [] : [{ key: decodeKey(u.Key), uploadId: u.UploadId }]));
  const last = uploads.at(-1);
  const next = nextPosition(raw.IsTruncated === 'true', raw.NextKeyMarker, raw.NextUploadIdMarker, last && { keyMarker: last.key, idMarker: last.uploadId });
  return { uploads, ...(next ? { next } : {}) };
}

export interface KeyPage {
  objects: { key: string; size: number }[];
  /** Where the next page starts; present exactly when truncated. */
  nextMarker?: string;
}

export function readKeyPage(raw: Pick<RawObjectPage, 'Contents' | 'IsTruncated' | 'NextMarker'>): KeyPage {
  const objects = list(raw.Contents).flatMap((o) => (o.Key === undefined ? [] : [{ key: decodeKey(o.Key), size: Number(o.Size ?? 0) || 0 }]));
  if (raw.IsTruncated !== 'true') return { objects };
  // NextMarker is documented for every truncated page; the last key is the same position if a server leaves it out.
  const nextMarker = raw.NextMarker ? decodeKey(raw.NextMarker) : objects.at(-1)?.key;
  return { objects, ...(nextMarker === undefined ? {} : { nextMarker }) };
}

/** What GET Bucket answers: every value a string, keys URL-encoded, a single entry perhaps not in an array. */
interface RawObjectPage {
  IsTruncated?: string;
  NextMarker?: string;
  CommonPrefixes?: { Prefix?: string } | { Prefix?: string }[];
  Contents?: RawObject | RawObject[];
}

interface RawObject {
  Key?: string;
  LastModified?: string;
  ETag?: string;
  Size?: string;
  StorageClass?: string;
}

/** A GET Bucket page folded by `/`, as the object view shows it. */
export function readObjectPage(raw: RawObjectPage): ObjectListPage {
  const folders = list(raw.CommonPrefixes).flatMap((p) => (p.Prefix ? [decodeKey(p.Prefix)] : []));
  const objects = list(raw.Contents).flatMap((o) =>
    o.Key === undefined
      ? []
      : [
          {
            key: decodeKey(o.Key),
            size: Number(o.Size ?? 0) || 0,
            lastModified: o.LastModified ?? '',
            etag: (o.ETag ?? '').replace(/^"|"$/g, ''),
            storageClass: o.StorageClass || 'STANDARD',
          },
        ],
  );
  const truncated = raw.IsTruncated === 'true';
  // NextMarker is documented for every truncated page; the last entry is the same position if a server leaves it out.
  const [lastFolder, lastObject] = [folders.at(-1), objects.at(-1)?.key];
  const last = lastFolder === undefined || (lastObject !== undefined && Buffer.compare(Buffer.from(lastObject), Buffer.from(lastFolder)) > 0) ? lastObject : lastFolder;
  const nextMarker = truncated ? (raw.NextMarker ? decodeKey(raw.NextMarker) : last) : undefined;
  return { objects, folders, truncated: nextMarker !== undefined, ...(nextMarker === undefined ? {} : { nextMarker }) };
}

export interface BatchFailure {
  key: string;
  versionId?: string;
  code: string;
}

interface RawFailure {
  Key?: string;
  VersionId?: string;
  Code?: string;
}

/** DELETE Multiple Objects' per-key errors; in Quiet mode the answer lists nothing else. */
export function readBatchFailures(raw: { Error?: RawFailure | RawFailure[] }): BatchFailure[] {

  return list(raw.Error).map((e) => ({
    key: e.Key ?? '',
    ...(e.VersionId ? { versionId: e.VersionId } : {}),
    code: e.Code || 'InternalError',
  }));
}
