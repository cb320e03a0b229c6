import { describe, expect, it } from 'vitest';
import type { ObjectListPage } from '@shared/contract';
import { extendRows, orderRows, pageRows, rowsOf as rowsOfPages } from './object-rows';

const object = (key: string, size = 1, lastModified = '2025-01-01T00:00:00.000Z', storageClass = 'STANDARD') => ({
  key,
  size,
  lastModified,
  etag: '"x"',
  storageClass,
});
const page = (folders: string[], objects: ReturnType<typeof object>[]): ObjectListPage => ({ folders, objects, truncated: false });
const rowsOf = (pages: ObjectListPage[], prefix: string) => rowsOfPages(pages.map((p) => pageRows(p, prefix)));

describe('rowsOf', () => {
  it('puts the folders of every page before the objects, named after the prefix, without the folder’s own marker', () => {
    const rows = rowsOf([page(['a/b/'], [object('a/'), object('a/x')]), page(['a/c/'], [object('a/y')])], 'a/');
    expect(rows.map((r) => [r.kind, r.name])).toEqual([
      ['folder', 'b/'],
      ['folder', 'c/'],
      ['object', 'x'],
      ['object', 'y'],
    ]);
  });

  it('lists a key that came twice (a page asked for again) once', () => {
    expect(rowsOf([page([], [object('x')]), page([], [object('x'), object('y')])], '').map((r) => r.key)).toEqual(['x', 'y']);
  });
});

describe('pageRows', () => {
  it('keeps what the table shows and no ETag (the details panel asks COS for it)', () => {
    const [row] = pageRows(page([], [object('a/x', 5, '2025-01-01T00:00:00.000Z', 'ARCHIVE')]), 'a/').objects;
    expect(row).toEqual({ kind: 'object', key: 'a/x', name: 'x', size: 5, lastModified: '2025-01-01T00:00:00.000Z', time: Date.parse('2025-01-01T00:00:00.000Z'), storageClass: 'ARCHIVE' });
  });

  it('carries where the next page starts', () => {
    expect(pageRows({ folders: [], objects: [], truncated: true, nextMarker: 'k' }, '')).toMatchObject({ truncated: true, nextMarker: 'k' });
  });
});

describe('extendRows', () => {
  const raw = [page(['a/b/'], [object('a/x')]), page(['a/b/', 'a/c/'], [object('a/y')]), page([], [object('a/z')])];
  const pages = raw.map((p) => pageRows(p, 'a/'));
  const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

  it('adds the rows of pages that arrive to those it has, the same rows rowsOf reads from all of them', () => {
    const one = extendRows(undefined, pages.slice(0, 1));
    const firstRows = one.rows;
    const three = extendRows(one, pages);
    expect(keys(three.rows)).toEqual(keys(rowsOf(raw, 'a/')));
    expect(keys(three.rows)).toEqual(['a/b/', 'a/c/', 'a/x', 'a/y', 'a/z']);
    // What was shown before is left as it was.
    expect(keys(firstRows)).toEqual(['a/b/', 'a/x']);
    expect(extendRows(three, pages)).toBe(three);
  });

  it('reads from the start for another folder, or when a page it had was replaced', () => {
    const some = extendRows(undefined, pages.slice(0, 2));
    const root = raw.map((p) => pageRows(p, ''));
    expect(keys(extendRows(some, root).rows)).toEqual(keys(rowsOf(raw, '')));
    const refreshed = [pageRows(page([], [object('a/w')]), 'a/'), ...pages.slice(1)];
    expect(keys(extendRows(some, refreshed).rows)).toEqual(['a/b/', 'a/c/', 'a/w', 'a/y', 'a/z']);
  });
});

describe('orderRows', () => {
  const rows = rowsOf(
    [
      page(['m/', 'z/'], [object('b', 30, '2025-03-01T00:00:00Z', 'STANDARD_IA'), object('a', 200, '2025-01-01T00:00:00Z'), object('c', 30, '2024-06-01T00:00:00Z')]),
    ],
    '',
  );
  const keys = (sorting: { id: string; desc: boolean }[], filter = '') => orderRows(rows, sorting, filter).map((r) => r.key);

  it('keeps folders first whatever the column, ties broken by name', () => {
    expect(keys([{ id: 'size', desc: false }])).toEqual(['m/', 'z/', 'b', 'c', 'a']);
    expect(keys([{ id: 'size', desc: true }])).toEqual(['m/', 'z/', 'a', 'c', 'b']);
    expect(keys([{ id: 'modified', desc: true }])).toEqual(['m/', 'z/', 'b', 'a', 'c']);
    expect(keys([{ id: 'storageClass', desc: false }])).toEqual(['m/', 'z/', 'a', 'c', 'b']);
    expect(keys([{ id: 'name', desc: true }])).toEqual(['z/', 'm/', 'c', 'b', 'a']);
  });

  it('filters by name, any case', () => {
    expect(keys([{ id: 'name', desc: false }], 'z')).toEqual(['z/']);
    expect(keys([], 'nothing')).toEqual([]);
  });
});
