import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

interface ScrollAnchorOptions {
  scrollRef: RefObject<HTMLElement | null>;
  rows: readonly { id: string }[];
  rowHeight: number;
  /** The list behind the rows: when it changes (a page arrives, a bucket comes or goes), the view holds still. */
  data: unknown;
  /** When this changes (a new sort or filter), the view goes back to the top instead. */
  viewKey: string;
}

/**
 * Keeps the row at the top of the view where it is when rows are added or removed above it, so that the list
 * does not jump under the user after a create, a delete, a refresh or the arrival of a page. The browser's own
 * scroll anchoring is turned off for the table (table.css): it would fight this over the spacer rows.
 */
export function useScrollAnchor({ scrollRef, rows, rowHeight, data, viewKey }: ScrollAnchorOptions): void {
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const remember = () => {
      const top = element.scrollTop;
      const index = Math.floor(top / rowHeight);
      const row = rowsRef.current[index];
      anchor.current = top > 0 && row ? { id: row.id, offset: top - index * rowHeight } : null;
    };
    element.addEventListener('scroll', remember, { passive: true });
    return () => element.removeEventListener('scroll', remember);
  }, [scrollRef, rowHeight]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const held = anchor.current;
    if (!element || !held) return;
    const index = rows.findIndex((row) => row.id === held.id);
    // The anchor row itself went (it was deleted): the view stays where it was.
    if (index < 0) return;
    const top = index * rowHeight + held.offset;
    if (Math.abs(element.scrollTop - top) >= 1) element.scrollTop = top;
    // Only the list's content moves the view; a new sort or filter is handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

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
