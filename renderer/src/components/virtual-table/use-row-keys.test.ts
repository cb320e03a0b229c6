import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRowKeys } from './use-row-keys';

const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => `r${from + i}`);

/**
 * Whether React would move an element to go from `before` to `after` (keys in document order): it keeps in place
 * each element that stood after every element kept before it, and moves the others.
 */
function moved(before: readonly string[], after: readonly string[]): string[] {
  let lastPlaced = -1;
  const out: string[] = [];
  for (const key of after) {
    const was = before.indexOf(key);
    if (was < 0) continue;
    if (was < lastPlaced) out.push(key);
    else lastPlaced = was;
  }
  return out;
}

describe('useRowKeys', () => {
  it('gives keys by place: as the view moves, every element stays where it is and shows the row now there', () => {
    const { result, rerender } = renderHook(({ ids }) => useRowKeys(ids), { initialProps: { ids: rows(0, 5) } });
    const start = result.current;
    expect(new Set(start).size).toBe(5);
    for (const from of [1, 3, 40, 2, 0]) {
      rerender({ ids: rows(from, 5) });
      expect(result.current).toEqual(start);
    }
    // A taller view adds elements after the others; a shorter one drops the last.
    rerender({ ids: rows(7, 7) });
    expect(result.current.slice(0, 5)).toEqual(start);
    expect(new Set(result.current).size).toBe(7);
    rerender({ ids: rows(9, 3) });
    expect(result.current).toEqual(start.slice(0, 3));
  });

  it('keeps the key of the row that last held focus, moves its elements never, and gives its key to no other row', () => {
    const { result, rerender } = renderHook(({ ids, kept }) => useRowKeys(ids, kept), {
      initialProps: { ids: rows(0, 6), kept: undefined as string | undefined },
    });
    let drawn = result.current;
    rerender({ ids: rows(0, 6), kept: 'r3' });
    expect(result.current).toEqual(drawn);
    const key = drawn[3];

    // Down, up, and down again past where it started: each time the focused row's elements stay put.
    for (const from of [1, 2, 0, 2, 3]) {
      rerender({ ids: rows(from, 6), kept: 'r3' });
      expect(result.current[3 - from]).toBe(key);
      expect(new Set(result.current).size).toBe(6);
      expect(moved(drawn, result.current)).not.toContain(key);
      drawn = result.current;
    }

    // Out of view its key is given to no one, so its elements go; back in view it has that key again.
    rerender({ ids: rows(10, 6), kept: 'r3' });
    expect(result.current).not.toContain(key);
    expect(new Set(result.current).size).toBe(6);
    rerender({ ids: rows(1, 6), kept: 'r3' });
    expect(result.current[2]).toBe(key);

    // Focus went elsewhere: the key is anyone's again.
    rerender({ ids: rows(10, 6), kept: undefined });
    rerender({ ids: rows(20, 6), kept: undefined });
    expect(result.current).toContain(key);
  });

  it('gives the same keys for the same rows, so rendering twice changes nothing', () => {
    const { result, rerender } = renderHook(({ ids, kept }) => useRowKeys(ids, kept), { initialProps: { ids: rows(0, 4), kept: 'r2' } });
    rerender({ ids: rows(1, 4), kept: 'r2' });
    const first = result.current;
    rerender({ ids: rows(1, 4), kept: 'r2' });
    expect(result.current).toEqual(first);
  });
});
