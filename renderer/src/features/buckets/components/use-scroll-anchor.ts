import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

interface ScrollAnchorOptions<T> {
  scrollRef: RefObject<HTMLElement | null>;
  /** The rows in order: when they change (a page arrives, a bucket comes or goes), the view holds still. */
  items: readonly T[];
  keyOf: (item: T) => string;
  rowHeight: number;
  /** When this changes (a new sort or filter), the view goes back to the top instead. */
  viewKey: string;
}

/**
 * Keeps the row at the top of the view where it is when rows are added or removed above it, so that the list
 * does not jump under the user after a create, a delete, a refresh or the arrival of a page. The browser's own
 * scroll anchoring is turned off for the table (table.css): it would fight this over the spacer rows.
 */
export function useScrollAnchor<T>({ scrollRef, items, keyOf, rowHeight, viewKey }: ScrollAnchorOptions<T>): void {
  const anchor = useRef<{ key: string; offset: number } | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const remember = () => {
      const top = element.scrollTop;
      const index = Math.floor(top / rowHeight);
      const item = itemsRef.current[index];
      anchor.current = top > 0 && item !== undefined ? { key: keyOf(item), offset: top - index * rowHeight } : null;
    };
    element.addEventListener('scroll', remember, { passive: true });
    return () => element.removeEventListener('scroll', remember);
  }, [scrollRef, keyOf, rowHeight]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const held = anchor.current;
    if (!element || !held) return;
    const index = items.findIndex((item) => keyOf(item) === held.key);
    // The anchor row itself went (it was deleted): the view stays where it was.
    if (index < 0) return;
    const top = index * rowHeight + held.offset;
    if (Math.abs(element.scrollTop - top) >= 1) element.scrollTop = top;
    // Only a change of rows moves the view; a new sort or filter (a new viewKey) is handled below.
  }, [items]);

  const firstView = useRef(true);
  useLayoutEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    anchor.current = null;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [viewKey, scrollRef]);
}
