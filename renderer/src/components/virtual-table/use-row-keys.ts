import { useMemo, useRef } from 'react';

/** `row-<slot>`, made once per slot: a new string per row in view at every frame is garbage, however small. */
const SLOT_KEYS: string[] = [];
const slotKey = (slot: number) => (SLOT_KEYS[slot] ??= `row-${slot}`);

interface Drawn {
  ids: readonly string[];
  /** Each row's slot, in the order the rows stand in the document. */
  slots: number[];
  /** The row that last held focus and its slot. */
  held?: { id: string; slot: number };
}

/**
 * Keys for the rows in view, by their place in the view. The row elements stay where they stand in the document
 * and, as the view moves, each shows the row that is now in its place: React changes their text and attributes,
 * and moves none and makes none.
 *
 * Keys that followed the rows (a row kept its key while in view, an arriving row took the key of one that left)
 * made React move the arriving rows' elements from one end of the table to the other at every step, and Blink
 * builds a moved element's boxes and styles anew. At 100,000 rows, scrolling top to bottom a view per frame spent
 * 5.6 to 7.2 s recalculating styles that way, against 2.0 to 2.4 s with keys by place (README, table 7).
 *
 * The row that last held focus (`kept`) keeps the key it had wherever it goes in the view, and no other row is
 * given that key, in view or not: its elements are where focus is, or where a dialog opened from it gives focus
 * back, and they must not start showing another row (a Delete button that now deletes something else). Nor are
 * they moved: a moved element loses focus, and though React gives it back, focus has left and come again (a screen
 * reader says so). When that row goes down the view (the view scrolls up), the places it leaves behind get new
 * elements instead of elements from below it. When it leaves the view, its elements go.
 */
export function useRowKeys(ids: readonly string[], kept?: string): string[] {
  const last = useRef<Drawn>({ ids: [], slots: [] });
  return useMemo(() => {
    const before = last.current;
    const held = heldBefore(before, kept);
    // The slots drawn before, in the order their elements stand; then new ones, never the held row's.
    const reused = held ? before.slots.filter((slot) => slot !== held.slot) : before.slots;
    // Made only when a new slot is wanted (a taller view, or the held row going down it): not at every frame.
    let inUse: Set<number> | undefined;
    let fresh = 0;
    const freshSlot = () => {
      inUse ??= new Set(held ? [...before.slots, held.slot] : before.slots);
      while (inUse.has(fresh)) fresh += 1;
      inUse.add(fresh);
      return fresh;
    };
    const heldAt = held ? ids.indexOf(held.id) : -1;
    // Where the held row's element stands now: every element put before it must come from before it, or be new.
    const heldWas = held ? before.slots.indexOf(held.slot) : -1;
    let taken = 0;
    const slots = ids.map((_, place) => {
      if (held && place === heldAt) return held.slot;
      if (heldAt >= 0 && heldWas >= 0 && place < heldAt && place >= heldWas) return freshSlot();
      return taken < reused.length ? reused[taken++] : freshSlot();
    });
    // A row focused before it was ever drawn here holds the key it has now.
    const keptAt = held || kept === undefined ? -1 : ids.indexOf(kept);
    // Kept for the next view; running this twice for the same ids (strict mode) gives the same keys.
    last.current = { ids, slots, held: keptAt >= 0 ? { id: kept!, slot: slots[keptAt] } : held };
    return slots.map(slotKey);
  }, [ids, kept]);
}

/** The row that last held focus and the slot it keeps: the one it held, or the one it was last drawn with. */
function heldBefore(before: Drawn, kept: string | undefined): Drawn['held'] {
  if (kept === undefined) return undefined;
  if (before.held?.id === kept) return before.held;
  // Focus lands on a row drawn last time: it keeps the key it was drawn with.
  const at = before.ids.indexOf(kept);
  return at >= 0 ? { id: kept, slot: before.slots[at] } : undefined;
}
