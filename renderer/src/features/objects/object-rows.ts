/** The rows of the object table: a folder's pages as one list, then filtered and sorted the way the user asks. */
import type { SortingState } from '@tanstack/react-table';
import type { ObjectListPage } from '@shared/contract';

export type ObjectRow =
  | { kind: 'folder'; key: string; name: string }
  | { kind: 'object'; key: string; name: string; size: number; lastModified: string; time: number; storageClass: string };

/**
 * One page of a folder's listing as the table keeps it: its rows, made once when the page arrives. The answer's
 * own objects are not kept beside them (100,000 objects would be held twice), nor what the table never shows (the
 * ETag, which the details panel asks COS for); a storage class is one string however many objects have it.
 */
export interface FolderPage {
  readonly folders: readonly ObjectRow[];
  readonly objects: readonly ObjectRow[];
  readonly nextMarker?: string;
  readonly truncated: boolean;
}

/** Storage classes seen, each kept once; a listing with more than a few dozen is not COS's, and is not pooled. */
const storageClasses = new Map<string, string>();
const MAX_POOLED_CLASSES = 64;

function pooledClass(name: string): string {
  const known = storageClasses.get(name);
  if (known !== undefined) return known;
  if (storageClasses.size < MAX_POOLED_CLASSES) storageClasses.set(name, name);
  return name;
}

/**
 * The rows of one page under `prefix`: folders (COS's CommonPrefixes) and objects. A key equal to the prefix is the
 * folder's own zero-byte marker, not something in it. The name is the key after the prefix.
 */
export function pageRows(page: ObjectListPage, prefix: string): FolderPage {
  const folders: ObjectRow[] = [];
  for (const key of page.folders) {
    if (key.startsWith(prefix) && key !== prefix) folders.push({ kind: 'folder', key, name: key.slice(prefix.length) });
  }
  const objects: ObjectRow[] = [];
  for (const o of page.objects) {
    if (!o.key.startsWith(prefix) || o.key === prefix) continue;
    const time = Date.parse(o.lastModified);
    objects.push({
      kind: 'object',
      key: o.key,
      name: o.key.slice(prefix.length),
      size: o.size,
      lastModified: o.lastModified,
      time: Number.isNaN(time) ? 0 : time,
      storageClass: pooledClass(o.storageClass),
    });
  }
  return { folders, objects, ...(page.nextMarker !== undefined ? { nextMarker: page.nextMarker } : {}), truncated: page.truncated };
}

/** Folders first, then objects, each once (a page asked for again may repeat keys). */
export function rowsOf(pages: readonly FolderPage[]): ObjectRow[] {
  return extendRows(undefined, pages).rows;
}

/** The rows of some pages, kept so that the next page adds to them. */
export interface RowsSoFar {
  readonly pages: readonly FolderPage[];
  readonly rows: ObjectRow[];
  readonly folders: ObjectRow[];
  readonly objects: ObjectRow[];
  readonly seen: Set<string>;
}

/**
 * rowsOf, page by page: when `pages` are the pages `before` was made of plus new ones, only the new ones are read
 * (a 100,000-key folder arrives in 100 pages; reading every page again at each would cost the window a long task
 * per page near the end). Anything else (another folder, a refresh that changed a page) is read from the start.
 * `before` is spent: its lists grow into the answer. Rows are the pages' own, not copies.
 */
export function extendRows(before: RowsSoFar | undefined, pages: readonly FolderPage[]): RowsSoFar {
  const extends_ = before !== undefined && before.pages.length <= pages.length && before.pages.every((page, i) => page === pages[i]);
  if (extends_ && before.pages.length === pages.length) return before;
  const folders = extends_ ? before.folders : [];
  const objects = extends_ ? before.objects : [];
  const seen = extends_ ? before.seen : new Set<string>();
  for (const page of pages.slice(extends_ ? before.pages.length : 0)) {
    for (const row of page.folders) {
      if (seen.has(row.key)) continue;
      seen.add(row.key);
      folders.push(row);
    }
    for (const row of page.objects) {
      if (seen.has(row.key)) continue;
      seen.add(row.key);
      objects.push(row);
    }
  }
  return { pages, folders, objects, seen, rows: folders.concat(objects) };
}

export type ObjectSortColumn = 'name' | 'size' | 'modified' | 'storageClass';

// By code unit, as fast as it gets for 100,000 keys and the same order COS lists ASCII keys in.
const byName = (a: ObjectRow, b: ObjectRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const compare: Record<ObjectSortColumn, (a: ObjectRow, b: ObjectRow) => number> = {
  name: byName,
  size: (a, b) => (a.kind === 'object' && b.kind === 'object' ? a.size - b.size : 0) || byName(a, b),
  modified: (a, b) => (a.kind === 'object' && b.kind === 'object' ? a.time - b.time : 0) || byName(a, b),
  storageClass: (a, b) =>
    (a.kind === 'object' && b.kind === 'object' ? (a.storageClass < b.storageClass ? -1 : a.storageClass > b.storageClass ? 1 : 0) : 0) ||
    byName(a, b),
};

/**
 * The rows whose name holds `filter` (lowercase), folders always before objects; within each, by the chosen column
 * (ties by name). Folders have no size, date or class: for those columns they stay in name order.
 */
export function orderRows(rows: readonly ObjectRow[], sorting: SortingState, filter: string): readonly ObjectRow[] {
  const shown = filter ? rows.filter((row) => row.name.toLowerCase().includes(filter)) : rows;
  const sort = sorting[0];
  const column = (sort?.id ?? 'name') as ObjectSortColumn;
  const desc = sort?.desc ?? false;
  // Already in COS's order: the default view of a big folder needs no sort at all.
  if (column === 'name' && !desc) return shown;
  const cmp = compare[column] ?? byName;
  const folders: ObjectRow[] = shown.filter((row) => row.kind === 'folder');
  const objects: ObjectRow[] = shown.filter((row) => row.kind === 'object');
  const folderCmp = column === 'name' && desc ? (a: ObjectRow, b: ObjectRow) => -byName(a, b) : byName;
  return folders.sort(folderCmp).concat(objects.sort(desc ? (a, b) => -cmp(a, b) : cmp));
}
