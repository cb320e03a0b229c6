import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

interface RowWindowOptions {
  scrollRef: RefObject<HTMLElement | null>;
  count: number;
  /** Every row's height: rows are never measured. */
  rowHeight: number;
  /** Space above the first row inside the scrolling box (a sticky header). */
  offset: number;
  /** Rows kept beyond each edge of the view. */
  overscan: number;
  /** Where the view is taken to start before the box is first read. */
  initialTop?: number;
}

export interface RowWindow {
  /** The first and last row to draw (last < first when there is none). */
  first: number;
  last: number;
  /** How far the box was scrolled when last seen, read without asking the browser to lay the page out. */
  scrollTop: () => number;
  /** Reads the box again now (after the caller moved it). */
  sync: () => void;
}

interface View {
  top: number;
  height: number;
}

function rangeOf(view: View, count: number, rowHeight: number, offset: number, overscan: number): [number, number] {
  if (count === 0) return [0, -1];
  const from = Math.floor((view.top - offset) / rowHeight);
  const to = Math.ceil((view.top - offset + view.height) / rowHeight) - 1;
  const first = Math.min(count - 1, Math.max(0, from - overscan));
  const last = Math.max(first, Math.min(count - 1, to + overscan));
  return [first, last];
}

/**
 * Which rows of a list of equal rows a scrolling box shows, plus `overscan` on each side. The place of any row is
 * its index times the row's height, so nothing is computed per row: a list that grows page by page to 100,000 rows
 * costs nothing more at each page. (A general virtualizer places every row again whenever the count changes, about
 * 10 ms a page near the end of such a list, and leaves two arrays of the list's length behind each time.)
 *
 * The box's height is read once and on resize; its scroll position at each scroll event. The rows change in the
 * same event, before the next frame is drawn, and only when the rows to draw do: a scroll within a row draws nothing.
 */
export function useRowWindow({ scrollRef, count, rowHeight, offset, overscan, initialTop }: RowWindowOptions): RowWindow {
  const [view, setView] = useState<View>({ top: initialTop ?? 0, height: 0 });
  const seen = useRef<View>(view);
  const shape = useRef({ count, rowHeight, offset, overscan });
  shape.current = { count, rowHeight, offset, overscan };

  /** Takes `next` as the view; renders again only when it changes the rows drawn (now, with `sync`). */
  const take = useCallback((next: View, now: boolean) => {
    const before = seen.current;
    seen.current = next;
    const { count: n, rowHeight: h, offset: o, overscan: s } = shape.current;
    const [a, b] = rangeOf(before, n, h, o, s);
    const [c, d] = rangeOf(next, n, h, o, s);
    if (a === c && b === d) return;
    if (now) flushSync(() => setView(next));
    else setView(next);
  }, []);

  const sync = useCallback(() => {
    const element = scrollRef.current;
    if (element) take({ top: element.scrollTop, height: element.clientHeight }, false);
  }, [scrollRef, take]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    // The first read always renders: the height was not known before.
    seen.current = { top: element.scrollTop, height: element.clientHeight };
    setView(seen.current);
    const onScroll = () => take({ top: element.scrollTop, height: seen.current.height }, true);
    element.addEventListener('scroll', onScroll, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => take({ top: seen.current.top, height: element.clientHeight }, false));
    resized?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resized?.disconnect();
    };
  }, [scrollRef, take]);

  const [first, last] = rangeOf(view, count, rowHeight, offset, overscan);
  // A scroll that left the rows as they were is not rendered, so the view drawn may be older than the one last
  // seen: when the list or its shape changed since, the rows are drawn for the one last seen.
  useLayoutEffect(() => {
    const [a, b] = rangeOf(seen.current, count, rowHeight, offset, overscan);
    if (a !== first || b !== last) setView(seen.current);
  }, [count, rowHeight, offset, overscan, first, last]);
  const scrollTop = useCallback(() => seen.current.top, []);
  return { first, last, scrollTop, sync };
}
