import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRecycledKeys } from './use-recycled-keys';

describe('useRecycledKeys', () => {
  it('keeps the key of a row still in view and gives an arriving row the key of one that left', () => {
    const { result, rerender } = renderHook(({ ids }) => useRecycledKeys(ids), { initialProps: { ids: ['a', 'b', 'c'] } });
    const [a, b, c] = result.current;
    expect(new Set([a, b, c]).size).toBe(3);

    rerender({ ids: ['b', 'c', 'd'] });
    expect(result.current).toEqual([b, c, a]);

    rerender({ ids: ['x', 'c', 'y', 'z'] });
    const [x, c2, y, z] = result.current;
    expect(c2).toBe(c);
    // Every key is different, and the keys in use before are used again before a new one is made.
    expect(new Set(result.current).size).toBe(4);
    expect([x, y].sort()).toEqual([a, b].sort());
    expect([a, b, c]).not.toContain(z);
  });

  it('gives the same keys for the same rows, so rendering twice changes nothing', () => {
    const { result, rerender } = renderHook(({ ids }) => useRecycledKeys(ids), { initialProps: { ids: ['a', 'b'] } });
    const first = result.current;
    rerender({ ids: ['a', 'b'] });
    expect(result.current).toEqual(first);
  });

  it('never gives the key of the row that last held focus to another row, even after it left the view', () => {
    const { result, rerender } = renderHook(({ ids, kept }) => useRecycledKeys(ids, kept), {
      initialProps: { ids: ['a', 'b'], kept: 'a' as string | undefined },
    });
    const [a, b] = result.current;
    rerender({ ids: ['b', 'c'], kept: 'a' });
    expect(result.current[0]).toBe(b);
    expect(result.current[1]).not.toBe(a);
    rerender({ ids: ['d', 'e', 'f'], kept: 'a' });
    expect(result.current).not.toContain(a);

    // Focus went elsewhere: the key is free again.
    rerender({ ids: ['g', 'h', 'i', 'j'], kept: undefined });
    expect(result.current).toContain(a);
  });
});
