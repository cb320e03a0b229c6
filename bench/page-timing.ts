/**
 * 2. Time to first row and to all rows in the harness (built renderer in Chromium, real handlers, emulator), against
 * the emulator's own time to answer the same pages to a plain client. Each run is a fresh start of the app (a
 * reload), timed from its first listBucketsPage request, in the page's clock.
 */
import type { CDPSession, Page } from 'playwright-core';
import { seedBuckets } from '../e2e/emulator';
import { launchApp, type LaunchedApp } from '../e2e/harness';
import { floorListAll } from './floor-client';
import { BENCH_ACCOUNT } from './bench-main';
import { probeScript, probeWhenAllRows, type PageProbe } from './page-probe';
import { median, round } from './stats';

export interface PageTimingRow {
  buckets: number;
  latencyMs: number;
  pages: number;
  /** The emulator answering a plain client: the first page, and every page one after another. */
  emulatorFirstPageMs: number;
  emulatorAllPagesMs: number;
  /** From the app's first listBucketsPage request. */
  firstPageArrivedMs: number;
  firstRowMs: number;
  /** The frame that showed the first row, after the first page reached the renderer (target ≤ 100 ms). */
  firstRowAfterPageMs: number;
  allRowsMs: number;
  /** All rows shown, over the emulator's time for all pages. */
  allRowsRatio: number;
}

export const expectedCount = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'bucket' : 'buckets'}`;

export async function launchWithBuckets(count: number): Promise<LaunchedApp> {
  const app = await launchApp({ seed: { accounts: [BENCH_ACCOUNT], buckets: seedBuckets(count, { appId: BENCH_ACCOUNT.appId }) }, signInAs: 0 });
  await app.page.getByText(expectedCount(count), { exact: true }).waitFor({ timeout: 60_000 });
  return app;
}

/** Starts the app again and waits until every bucket is shown; returns what the probe saw. */
export async function reloadAndProbe(page: Page, cdp: CDPSession): Promise<PageProbe> {
  await page.reload();
  return probeWhenAllRows(cdp, 120_000, 100);
}

export async function measurePageTiming(count: number, latencyMs: number, runs: number): Promise<PageTimingRow> {
  const app = await launchWithBuckets(count);
  try {
    const { page, emulator } = app;
    if (latencyMs > 0) emulator.faults.add({ operation: 'GetService', kind: 'latency', ms: latencyMs, times: Infinity });
    await page.context().addInitScript({ content: probeScript(expectedCount(count)) });

    const cdp = await page.context().newCDPSession(page);
    const probes: PageProbe[] = [];
    for (let i = 0; i < runs; i++) probes.push(await reloadAndProbe(page, cdp));
    const floors = [];
    for (let i = 0; i < Math.max(3, runs); i++) floors.push(await floorListAll(emulator.address, BENCH_ACCOUNT));

    const from = (p: PageProbe) => p.pages[0].started;
    const firstPage = median(probes.map((p) => p.pages[0].arrived - from(p)));
    const firstRow = median(probes.map((p) => p.firstRow! - from(p)));
    const afterPage = median(probes.map((p) => p.firstRow! - p.pages[0].arrived));
    const allRows = median(probes.map((p) => p.allRows! - from(p)));
    const emulatorAll = median(floors.map((f) => f.totalMs));
    return {
      buckets: count,
      latencyMs,
      pages: probes[0].pages.length,
      emulatorFirstPageMs: round(median(floors.map((f) => f.firstPageMs))),
      emulatorAllPagesMs: round(emulatorAll),
      firstPageArrivedMs: round(firstPage),
      firstRowMs: round(firstRow),
      firstRowAfterPageMs: round(afterPage),
      allRowsMs: round(allRows),
      allRowsRatio: round(allRows / emulatorAll, 2),
    };
  } finally {
    await app.close();
  }
}
