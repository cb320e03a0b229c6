/**
 * The local side of transfers. The page never names a path: files and folders to upload come from a picker the
 * main process opened, or from an OS drop the preload turned into paths, and are registered here under random
 * handles; a download folder likewise. Downloads are written only inside their folder (see safe-path.ts), and
 * only through a real folder inside it: a symbolic link planted inside that points elsewhere is refused.
 */
import { randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, mkdir, opendir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isInside, localNames, placeInside, type UnsafeKeyReason } from './safe-path';

export interface LocalSource {
  handle: string;
  name: string;
  kind: 'file' | 'folder';
  /** Files only. */
  size?: number;
}

export interface LocalFile {
  path: string;
  /** Relative to what was picked, `/`-separated, starting with the picked item's own name; `…/` for a folder. */
  relative: string;
  size: number;
  mtimeMs: number;
  /** An empty folder, uploaded as its folder key. */
  folder?: true;
}

interface Registered {
  path: string;
  kind: 'file' | 'folder';
}

/** The largest folder walked for one upload: beyond it, the user is told rather than the app stalling. */
const MAX_FILES_PER_FOLDER = 200_000;
/** Files of one folder looked at (lstat) at once while a folder is read. */
const LOOKS_AT_ONCE = 64;

export class LocalRegistry {
  readonly #items = new Map<string, Registered>();

  /** Paths the user picked or dropped; anything that is neither a file nor a folder (or is gone) is left out. */
  async register(paths: readonly string[]): Promise<LocalSource[]> {
    const sources: LocalSource[] = [];
    for (const path of paths) {
      if (typeof path !== 'string' || path === '') continue;
      const info = await stat(path).catch(() => undefined);
      if (!info || !(info.isFile() || info.isDirectory())) continue;
      const handle = randomUUID();
      const kind = info.isFile() ? 'file' : 'folder';
      this.#items.set(handle, { path, kind });
      sources.push({ handle, name: basename(path), kind, ...(kind === 'file' ? { size: info.size } : {}) });
    }
    return sources;
  }

  path(handle: string, kind: 'file' | 'folder'): string | undefined {
    const item = this.#items.get(handle);
    return item && item.kind === kind ? item.path : undefined;
  }

  has(handle: string): boolean {
    return this.#items.has(handle);
  }

  /** The files of a registered source: itself, or every file under it (symbolic links are not followed). */
  async files(handle: string): Promise<LocalFile[] | undefined> {
    const item = this.#items.get(handle);
    if (!item) return undefined;
    const top = basename(item.path);
    if (item.kind === 'file') {
      const info = await stat(item.path);
      return [{ path: item.path, relative: top, size: info.size, mtimeMs: info.mtimeMs }];
    }
    const found: LocalFile[] = [];
    const walk = async (dir: string, rel: string) => {
      let empty = true;
      // A folder's files are looked at together (thousands of small files: one wait, not one each).
      const looks: Promise<void>[] = [];
      // The first file that cannot be looked at fails the walk, as before; it is kept here at once, so that no look
      // is left failing with nothing waiting on it while the folder is still being read.
      let failure: { error: unknown } | undefined;
      for await (const entry of await opendir(dir)) {
        if (found.length + looks.length >= MAX_FILES_PER_FOLDER) break;
        const path = join(dir, entry.name);
        const relative = `${rel}/${entry.name}`;
        if (entry.isDirectory()) {
          empty = false;
          await walk(path, relative);
        } else if (entry.isFile()) {
          empty = false;
          looks.push(
            lstat(path).then(
              (info) => void found.push({ path, relative, size: info.size, mtimeMs: info.mtimeMs }),
              (error: unknown) => void (failure ??= { error }),
            ),
          );
          if (looks.length >= LOOKS_AT_ONCE) await Promise.all(looks.splice(0));
        }
        if (failure) throw failure.error;
      }
      await Promise.all(looks);
      if (failure) throw failure.error;
      if (found.length >= MAX_FILES_PER_FOLDER) return;
      // An empty folder is kept as COS keeps one: its own key, ending in `/`, with no bytes.
      if (empty) found.push({ path: dir, relative: `${rel}/`, size: 0, mtimeMs: 0, folder: true });
    };
    await walk(item.path, top);
    return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  }
}

/** `existing`: the file already at `path`, if any. */
export type DownloadTarget = { path: string; existing?: Stats } | { refused: UnsafeKeyReason | 'outside' | 'notAFolder' };

/**
 * The path a key (relative to what is being downloaded) is written to inside `folder`, with its folders made. The
 * folder's real path is checked after they are made: no planted link can carry a write outside. `mayStand`, when
 * given, says whether a file may stand at the path: when it says no, the path is not looked at (the caller makes
 * the file only where nothing stands, see the engine's placing of a download).
 */
export async function downloadTarget(
  folder: string,
  relativeKey: string,
  checked?: Set<string>,
  mayStand?: (path: string) => Promise<boolean>,
): Promise<DownloadTarget> {
  const names = localNames(relativeKey);
  if ('refused' in names) return names;
  const path = placeInside(folder, names.names);
  const parent = dirname(path);
  // `checked`: folders of this download already made and checked (thousands of files share a few folders).
  if (!checked?.has(parent)) {
    try {
      await mkdir(parent, { recursive: true });
    } catch {
      // A file stands where a folder is needed (keys `a` and `a/b`).
      return { refused: 'notAFolder' };
    }
    const [realFolder, realParent] = await Promise.all([realpath(folder), realpath(parent)]);
    if (!isInside(realFolder, realParent)) return { refused: 'outside' };
    checked?.add(parent);
  }
  if (mayStand && !(await mayStand(path))) return { path };
  const existing = await lstat(path).catch(() => undefined);
  if (existing?.isSymbolicLink()) return { refused: 'outside' };
  if (existing?.isDirectory()) return { refused: 'notAFolder' };
  return existing ? { path, existing } : { path };
}
