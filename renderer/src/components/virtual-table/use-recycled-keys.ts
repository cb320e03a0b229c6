import { useMemo, useRef } from 'react';

/** `row-<slot>`, made once per slot: a new string per row in view at every frame is garbage, however small. */
const SLOT_KEYS: string[] = [];
const slotKey = (slot: number) => (SLOT_KEYS[slot] ??= `row-${slot}`);

/**
 * Keys for the rows in view that reuse elements: a row still in view keeps its key, and a row that arrives takes
 * the key of one that left, so React updates that row's elements in place instead of removing them and building
 * new ones. Scrolling a view per frame then makes no elements and little garbage (at 100,000 rows, building every
 * row anew each frame, with the collections that garbage brings, made frames of 50 ms and more).
 *
 * The key of the row that last held focus (`kept`) is never given to another row: its elements are where focus
 * is, or where a dialog opened from it gives focus back, and they must not start showing another row (a Delete
 * button that now deletes something else). When that row leaves the view, its elements go, as any row's did.
 */
export function useRecycledKeys(ids: readonly string[], kept?: string): string[] {
  const slotOf = useRef(new Map<string, number>());
  return useMemo(() => {
    const previous = slotOf.current;
    const next = new Map<string, number>();
    const taken = new Set<number>();
    // Rows still in view keep their keys, and so does the row that last held focus, in view or not.
    for (const id of kept === undefined ? ids : [kept, ...ids]) {
      const slot = previous.get(id);
      if (slot !== undefined) {
        next.set(id, slot);
        taken.add(slot);
      }
    }
    let free = 0;
    const keys = ids.map((id) => {
      let slot = next.get(id);
      if (slot === undefined) {
        while (taken.has(free)) free += 1;
        slot = free;
        taken.add(slot);
        next.set(id, slot);
      }
      return slotKey(slot);
    });
    // Kept for the next view; running this twice for the same ids (strict mode) gives the same keys.
    slotOf.current = next;
    return keys;
  }, [ids, kept]);
}
