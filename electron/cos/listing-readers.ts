/**
 * Reading the SDK's answers to the listings an emptying walks: GET Bucket versions, List Multipart Uploads and
 * GET Bucket without a delimiter. Every value arrives as a string, keys URL-encoded (they are asked for that way, so
 * that keys holding characters XML refuses survive), and a single entry may come as an object rather than an array.
 */

export function decodeKey(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // Not percent-encoded after all (a server that ignored encoding-type): the text is the key.
    return value;
  }
}

function list<T>(value: T | T[] | undefined): T[] {
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
  Versions?: RawVersion[];
  DeleteMarkers?: RawVersion[];
  IsTruncated?: string;
  NextKeyMarker?: string;
  NextVersionIdMarker?: string;
}

export function readVersionPage(raw: RawVersionPage): VersionPage {
  const entry = (v: RawVersion, deleteMarker: boolean): VersionEntry[] =>
    v.Key === undefined ? [] : [{ key: decodeKey(v.Key), versionId: v.VersionId ?? '', isLatest: v.IsLatest === 'true', deleteMarker }];
  const entries = [...list(raw.Versions).flatMap((v) => entry(v, false)), ...list(raw.DeleteMarkers).flatMap((v) => entry(v, true))];
  const last = entries.at(-1);
  const next = nextPosition(raw.IsTruncated === 'true', raw.NextKeyMarker, raw.NextVersionIdMarker, last && { keyMarker: last.key, ...(last.versionId ? { idMarker: last.versionId } : {}) });
  return { entries, ...(next ? { next } : {}) };
}

export interface UploadEntry {
  key: string;
  uploadId: string;
  /** When it was initiated (ISO 8601), when COS said. */
  initiated?: string;
}

export interface UploadPage {
  uploads: UploadEntry[];
  next?: ListPosition;
}

interface RawUploadPage {
  Upload?: { Key?: string; UploadId?: string; Initiated?: string }[];
  IsTruncated?: string;
  NextKeyMarker?: string;
  NextUploadIdMarker?: string;
}

export function readUploadPage(raw: RawUploadPage): UploadPage {
  const uploads = list(raw.Upload).flatMap((u) => (u.Key === undefined || !u.UploadId ? [] : [{ key: decodeKey(u.Key), uploadId: u.UploadId, ...(u.Initiated ? { initiated: u.Initiated } : {}) }]));
  const last = uploads.at(-1);
  const next = nextPosition(raw.IsTruncated === 'true', raw.NextKeyMarker, raw.NextUploadIdMarker, last && { keyMarker: last.key, idMarker: last.uploadId });
  return { uploads, ...(next ? { next } : {}) };
}

export interface KeyPage {
  objects: { key: string; size: number }[];
  /** Where the next page starts; present exactly when truncated. */
  nextMarker?: string;
}

export function readKeyPage(raw: { Contents?: { Key?: string; Size?: string }[]; IsTruncated?: string; NextMarker?: string }): KeyPage {
  const objects = list(raw.Contents).flatMap((o) => (o.Key === undefined ? [] : [{ key: decodeKey(o.Key), size: Number(o.Size ?? 0) || 0 }]));
  if (raw.IsTruncated !== 'true') return { objects };
  // NextMarker is documented for every truncated page; the last key is the same position if a server leaves it out.
  const nextMarker = raw.NextMarker ? decodeKey(raw.NextMarker) : objects.at(-1)?.key;
  return { objects, ...(nextMarker === undefined ? {} : { nextMarker }) };
}

export interface BatchFailure {
  key: string;
  versionId?: string;
  code: string;
}

/** DELETE Multiple Objects' per-key errors; in Quiet mode the answer lists nothing else. */
export function readBatchFailures(raw: { Error?: { Key?: string; VersionId?: string; Code?: string }[] }): BatchFailure[] {
  return list(raw.Error).map((e) => ({
    key: e.Key ?? '',
    ...(e.VersionId ? { versionId: e.VersionId } : {}),
    code: e.Code || 'InternalError',
  }));
}
