import { useLayoutEffect, useRef, type RefObject } from 'react';

interface ScrollAnchorOptions<T> {
  scrollRef: RefObject<HTMLElement | null>;
  /** The rows in order: when they change (a page arrives, a bucket comes or goes), the view holds still. */
  items: readonly T[];
  keyOf: (item: T) => string;
  rowHeight: number;
  /** How far the view is scrolled, as last seen (read without asking the browser to lay the page out). */
  scrollOffset: () => number;
  /** When this changes (a new sort or filter), the view goes back to the top instead. */
  viewKey: string;
}

/**
 * Keeps the row at the top of the view where it is when rows are added or removed above it, so that the list
 * does not jump under the user after a create, a delete, a refresh or the arrival of a page. The browser's own
 * scroll anchoring is turned off for the table (table.css): it would fight this over the spacer rows.
 */
export function useScrollAnchor<T>({ scrollRef, items, keyOf, rowHeight, scrollOffset, viewKey }: ScrollAnchorOptions<T>): void {
  const previous = useRef(items);

  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = items;
    const element = scrollRef.current;
    const top = scrollOffset();
    if (before === items || !element || top <= 0) return;
    const index = Math.floor(top / rowHeight);
    const held = before[index];
    if (held === undefined) return;
    const key = keyOf(held);
    const now = items.findIndex((item) => keyOf(item) === key);
    // The row at the top went (it was deleted), or did not move: the view stays where it was.
    if (now < 0 || now === index) return;
    element.scrollTop = now * rowHeight + (top - index * rowHeight);
    // Only a change of rows moves the view; a new sort or filter (a new viewKey) is handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items]);

  const firstView = useRef(true);
  useLayoutEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [viewKey, scrollRef]);
}
