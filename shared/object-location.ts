/**
 * Where the object view can be sent by typing: `cos://<bucket>/<prefix>`, a bucket's own URL
 * `https://<bucket>.cos.<region>.myqcloud.com/<key>`, or a path in the bucket already open. Pure, so that the
 * page and its tests read the same rules.
 */
import { isFullBucketName } from './bucket-name';
import { isWellFormedRegion } from './regions';

export type ObjectLocation =
  /** A place in a bucket. `region` is known only when the text named it (a URL); `key` when it named an object. */
  | { ok: true; bucket?: string; region?: string; prefix: string; key?: string }
  | { ok: false; problem: LocationProblem };

/** `noBucket` is the page's: a path typed where no bucket is open. */
export type LocationProblem = 'empty' | 'bucket' | 'region' | 'leadingSlash' | 'tooLong' | 'noBucket';

/** COS's longest key, in UTF-8 bytes (contract.ts holds the same number for the IPC schema). */
const MAX_KEY_BYTES = 850;
const COS_URL = /^https?:\/\/([^/.]+)\.cos\.([^/.]+)\.myqcloud\.com(?::\d+)?(\/[^?#]*)?(?:[?#].*)?$/i;
const COS_SCHEME = /^cos:\/\/([^/]*)(\/.*)?$/i;

/**
 * Reads what the user typed. A `cos://` location and a path name a folder: a missing final `/` is added, since that
 * is how people write folders. A URL names an object unless it ends in `/`: the view opens the object's folder.
 * Keys are taken as typed, except in a URL, where they are percent-encoded (a `+` there stays a plus).
 */
export function parseObjectLocation(text: string): ObjectLocation {
  const input = text.trim();
  if (!input) return { ok: false, problem: 'empty' };

  const url = COS_URL.exec(input);
  if (url) {
    const bucket = url[1].toLowerCase();
    const region = url[2].toLowerCase();
    if (!isFullBucketName(bucket)) return { ok: false, problem: 'bucket' };
    if (!isWellFormedRegion(region)) return { ok: false, problem: 'region' };
    const path = decodePath((url[3] ?? '/').slice(1));
    return placeOf(path, { bucket, region }, false);
  }

  const cos = COS_SCHEME.exec(input);
  if (cos) {
    const bucket = cos[1].toLowerCase();
    if (!isFullBucketName(bucket)) return { ok: false, problem: 'bucket' };
    return placeOf((cos[2] ?? '/').slice(1), { bucket }, true);
  }

  // A path in the open bucket: a key never starts with `/`, so a leading one only says "from the root".
  return placeOf(input.replace(/^\/+/, ''), {}, true);
}

function placeOf(path: string, where: { bucket?: string; region?: string }, folder: boolean): ObjectLocation {
  if (path.startsWith('/')) return { ok: false, problem: 'leadingSlash' };
  if (utf8Length(path) > MAX_KEY_BYTES) return { ok: false, problem: 'tooLong' };
  if (path === '' || path.endsWith('/')) return { ok: true, ...where, prefix: path };
  if (folder) return { ok: true, ...where, prefix: `${path}/` };
  const cut = path.lastIndexOf('/') + 1;
  return { ok: true, ...where, prefix: path.slice(0, cut), key: path };
}

/** Percent-decoding, per escape: a stray `%` (as in a pasted `100%.png`) is kept as it is. */
function decodePath(path: string): string {
  return path.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The folder above `prefix` (`a/b/` → `a/`, `a/` → ``); undefined at the root. */
export function parentPrefix(prefix: string): string | undefined {
  if (!prefix) return undefined;
  const cut = prefix.slice(0, -1).lastIndexOf('/');
  return cut < 0 ? '' : prefix.slice(0, cut + 1);
}

/** Each folder of `prefix` from the root, with the prefix that opens it: `a/b/` → a (`a/`), b (`a/b/`). */
export function prefixSteps(prefix: string): { name: string; prefix: string }[] {
  const steps: { name: string; prefix: string }[] = [];
  let start = 0;
  for (let i = 0; i < prefix.length; i++) {
    if (prefix[i] !== '/') continue;
    steps.push({ name: prefix.slice(start, i), prefix: prefix.slice(0, i + 1) });
    start = i + 1;
  }
  return steps;
}

/** The location as the user can type it back. */
export function formatObjectLocation(bucket: string, prefix: string): string {
  return `cos://${bucket}/${prefix}`;
}
