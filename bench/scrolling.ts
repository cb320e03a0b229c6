/**
 * 3. The table at 10,000 buckets: how many rows the document holds, and the longest main-thread task while
 * scrolling from top to bottom, while typing a name filter and while re-sorting, from the browser's long-task
 * entries (a task shows there only from 50 ms) and, below that, from the gaps between animation frames.
 */
import type { Page } from 'playwright-core';
import { launchWithBuckets } from './page-timing';
import { round } from './stats';

export interface ScrollingRow {
  buckets: number;
  domRows: number;
  /** Long tasks (≥ 50 ms) seen while scrolling; the longest, or 0 when none. */
  scrollLongTasks: number;
  scrollLongestTaskMs: number;
  /** The longest gap between two frames while scrolling: a task shorter than 50 ms still shows here. */
  scrollWorstFrameMs: number;
  scrollSteps: number;
  typingLongestTaskMs: number;
  typingWorstFrameMs: number;
  sortLongestTaskMs: number;
  sortWorstFrameMs: number;
}

const domRows = (page: Page) =>
  page.locator('table[aria-label="Buckets"] tbody tr:not([aria-hidden="true"])').count();

/**
 * One view's height per frame, top to bottom: as fast as a dragged scrollbar thumb. Returns the views scrolled.
 * Found by a selector in the page, not through a locator: a locator's evaluate is the first use of Playwright's
 * own script in the page's world, which it then evaluates there (about 330 KB, a task of 10 to 35 ms in traces),
 * inside the scrolling being watched.
 */
export function scrollTopToBottom(page: Page): Promise<number> {
  // A string, not a function: the TypeScript loader would wrap named inner functions in a helper the page lacks.
  return page.evaluate(`(async () => {
    const el = document.querySelector('.table-scroll');
    if (!el) throw new Error('no .table-scroll in the page');
    // Sizes read once: reading them at every step would force a layout a real scroll does not cause.
    const end = el.scrollHeight - el.clientHeight;
    const step = el.clientHeight;
    let n = 0;
    for (let top = step; top < end + step; top += step) {
      el.scrollTop = Math.min(top, end);
      n += 1;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return n;
  })()`);
}

/** Runs `act` while watching long tasks and frame gaps; returns the longest of each. */
export async function watch(page: Page, act: () => Promise<void>): Promise<{ longTasks: number[]; worstFrame: number }> {
  // A string, not a function: the TypeScript loader would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const watch = { longTasks: [], frames: [], stop: false };
    window.__watch = watch;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) watch.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now) => {
      watch.frames.push(now - last);
      last = now;
      if (!watch.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  // Let the last frame land before reading.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => {
    const w = window as unknown as { __watch: { longTasks: number[]; frames: number[]; stop: boolean } };
    w.__watch.stop = true;
    return { longTasks: w.__watch.longTasks, worstFrame: Math.max(0, ...w.__watch.frames.slice(1)) };
  });
}

export async function measureScrolling(count: number): Promise<ScrollingRow> {
  const app = await launchWithBuckets(count);
  try {
    const { page } = app;
    const rows = await domRows(page);

    // One view's height per frame, top to bottom: as fast as a dragged scrollbar thumb.
    let steps = 0;
    const scroll = await watch(page, async () => {
      steps = await scrollTopToBottom(page);
    });
    const lastVisible = await page.locator('table[aria-label="Buckets"] tbody th[scope="row"]').last().textContent();
    if (!lastVisible) throw new Error('no row at the bottom of the table');

    const filter = page.getByLabel('Filter by name');
    const typing = await watch(page, async () => {
      await filter.pressSequentially('bucket-0999', { delay: 40 });
      await filter.fill('');
    });
    const sort = await watch(page, async () => {
      const table = page.getByRole('table', { name: 'Buckets' });
      await table.getByRole('button', { name: 'Created', exact: true }).click();
      await table.getByRole('button', { name: 'Name', exact: true }).click();
    });

    const longest = (tasks: number[]) => round(Math.max(0, ...tasks));
    return {
      buckets: count,
      domRows: rows,
      scrollLongTasks: scroll.longTasks.length,
      scrollLongestTaskMs: longest(scroll.longTasks),
      scrollWorstFrameMs: round(scroll.worstFrame),
      scrollSteps: steps,
      typingLongestTaskMs: longest(typing.longTasks),
      typingWorstFrameMs: round(typing.worstFrame),
      sortLongestTaskMs: longest(sort.longTasks),
      sortWorstFrameMs: round(sort.worstFrame),
    };
  } finally {
    await app.close();
  }
}
