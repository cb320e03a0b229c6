/**
 * Where a downloaded key goes on disk: always inside the folder the user picked. A key is any UTF-8 text, so each
 * of its `/`-separated names is made into a name every OS can hold, or the key is refused:
 * - `.` and `..` names are refused (they would climb out, or mean nothing);
 * - empty names (a leading `/`, `//`) are dropped, so an absolute key lands inside the folder like any other;
 * - `\`, `:` (drive letters, streams), `<>"|?*`, NUL and control characters become `_` (Windows reads `\` as a
 *   separator and refuses the rest);
 * - names Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or without an extension: `aux.txt`) and names
 *   ending in a dot or space (Windows drops those) get `_` added;
 * - a name over 255 bytes of UTF-8 is shortened, keeping its extension, with a hash of the whole so two long names
 *   stay apart; a whole path over 4,000 bytes is refused.
 * `placeInside` then joins the names to the folder and checks, once more, that the result is inside it.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const MAX_NAME_BYTES = 255;
const MAX_PATH_BYTES = 4000;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f<>:"|?*\\]/g;

export type UnsafeKeyReason = 'dotName' | 'tooLong' | 'empty';

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `max` bytes of UTF-8 without splitting a character. */
function cutBytes(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (bytes(out + ch) > max) break;
    out += ch;
  }
  return out;
}

export function safeName(name: string): string {
  let safe = name.replace(UNSAFE_CHARS, '_').normalize('NFC');
  if (RESERVED.test(safe)) safe = `_${safe}`;
  if (/[. ]$/.test(safe)) safe = `${safe}_`;
  if (bytes(safe) > MAX_NAME_BYTES) {
    const hash = createHash('sha256').update(name).digest('hex').slice(0, 10);
    const dot = safe.lastIndexOf('.');
    const ext = dot > 0 && bytes(safe.slice(dot)) <= 16 ? safe.slice(dot) : '';
    safe = `${cutBytes(safe.slice(0, safe.length - ext.length), MAX_NAME_BYTES - bytes(ext) - 11)}~${hash}${ext}`;
  }
  return safe;
}

/** The names a key (relative to the folder being downloaded) becomes on disk, or why it cannot be written. */
export function localNames(relativeKey: string): { names: string[] } | { refused: UnsafeKeyReason } {
  const raw = relativeKey.split('/').filter((part) => part !== '');
  if (raw.some((part) => part === '.' || part === '..')) return { refused: 'dotName' };
  if (raw.length === 0) return { refused: 'empty' };
  const names = raw.map(safeName);
  if (bytes(names.join('/')) > MAX_PATH_BYTES) return { refused: 'tooLong' };
  return { names };
}

/** The path of `names` inside `folder`; throws if it would not be inside (which `localNames` never allows). */
export function placeInside(folder: string, names: readonly string[]): string {
  const base = resolve(folder);
  const target = resolve(join(base, ...names));
  const rel = relative(base, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new Error('A download target outside the chosen folder was refused.');
  }
  return target;
}

/** Whether `path` is `folder` itself or inside it (both already resolved, symbolic links included). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** "name (1).ext", "name (2).ext"…: Keep both. */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/** Keep both's candidates for a local file, in its folder: "name (1).ext", "name (2).ext"…, without end. */
export function* numberedPaths(path: string): Generator<string, never> {
  const folder = dirname(path);
  const name = basename(path);
  for (let n = 1; ; n += 1) yield join(folder, numberedName(name, n));
}
