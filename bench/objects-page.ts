/**
 * 7. A 100,000-object folder in the object view (harness: built renderer in Chromium, real handlers, emulator): the
 * first rows after the first page, all rows, rows in the document, long tasks while the pages arrive, while
 * scrolling top to bottom and while filtering, and the memory both sides hold once it is all loaded.
 */
import type { Page } from 'playwright-core';
import { launchApp } from '../e2e/harness';
import { BENCH_ACCOUNT, BENCH_BUCKET } from './bench-main';
import { probeScript, probeWhenAllRows } from './page-probe';
import { scrollTopToBottom, watch } from './scrolling';
import { round } from './stats';

export interface ObjectsPageRow {
  objects: number;
  pages: number;
  firstRowAfterPageMs: number;
  allRowsMs: number;
  domRows: number;
  /** Long tasks (≥ 50 ms) from the first page asked for to the last row shown; the longest, or 0. */
  loadLongTasks: number;
  loadLongestTaskMs: number;
  scrollLongTasks: number;
  scrollLongestTaskMs: number;
  scrollWorstFrameMs: number;
  filterLongestTaskMs: number;
  filterWorstFrameMs: number;
  /** The renderer's JavaScript heap in use after the load, from the DevTools protocol. */
  rendererHeapMb: number;
  /** This process's resident set after the load: the main process's handlers, the emulator and Playwright's client. */
  mainRssMb: number;
}

const expectedCount = (n: number) => `${n.toLocaleString('en')} objects`;
const objectRows = (page: Page) => page.locator('table[aria-label="Objects"] tbody tr:not([aria-hidden="true"])').count();

export async function measureObjectsPage(count: number): Promise<ObjectsPageRow> {
  const app = await launchApp({
    seed: {
      accounts: [BENCH_ACCOUNT],
      buckets: [{ name: BENCH_BUCKET.bucket, region: BENCH_BUCKET.region }],
      objects: [{ bucket: BENCH_BUCKET.bucket, prefix: 'item-', count, size: 1 }],
    },
    signInAs: 0,
  });
  try {
    const { page } = app;
    const cdp = await page.context().newCDPSession(page);
    await page.getByRole('link', { name: BENCH_BUCKET.bucket, exact: true }).waitFor({ timeout: 60_000 });
    await page.evaluate(probeScript(expectedCount(count), { channel: 'listObjects', table: 'Objects' }));
    const started = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: BENCH_BUCKET.bucket, exact: true }).click();
    const probe = await probeWhenAllRows(cdp, 300_000, 200);
    const loadTasks = probe.longTasks.filter((t) => t.start >= started).map((t) => t.duration);

    const domRows = await objectRows(page);
    const scroll = await watch(page, async () => {
      await scrollTopToBottom(page);
    });
    const filter = page.getByRole('searchbox', { name: 'Filter by name' }).or(page.getByRole('textbox', { name: 'Filter by name' }));
    const typing = await watch(page, async () => {
      await filter.pressSequentially('item-09999', { delay: 40 });
      await filter.fill('');
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const longest = (tasks: number[]) => round(Math.max(0, ...tasks));
    return {
      objects: count,
      pages: probe.pages.length,
      firstRowAfterPageMs: round(probe.firstRow! - probe.pages[0].arrived),
      allRowsMs: round(probe.allRows! - probe.pages[0].started),
      domRows,
      loadLongTasks: loadTasks.length,
      loadLongestTaskMs: longest(loadTasks),
      scrollLongTasks: scroll.longTasks.length,
      scrollLongestTaskMs: longest(scroll.longTasks),
      scrollWorstFrameMs: round(scroll.worstFrame),
      filterLongestTaskMs: longest(typing.longTasks),
      filterWorstFrameMs: round(typing.worstFrame),
      rendererHeapMb: round(heap.usedSize / 2 ** 20),
      mainRssMb: round(process.memoryUsage().rss / 2 ** 20),
    };
  } finally {
    await app.close();
  }
}
