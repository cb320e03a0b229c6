/**
 * A script the benchmark adds to the page before the app starts: it times, in the page's own clock, each
 * page of a list as it reaches the renderer, the frame that first shows a row of its table, and the frame that
 * shows the full count with loading over. It also gathers the browser's long-task entries.
 */
import type { CDPSession } from 'playwright-core';

export interface PageProbe {
  pages: { started: number; arrived: number }[];
  firstRow?: number;
  allRows?: number;
  longTasks: { start: number; duration: number }[];
}

declare global {
  interface Window {
    __benchProbe: PageProbe;
  }
}

export interface ProbeTarget {
  /** The call whose answers are timed, e.g. 'listBucketsPage'. */
  channel: string;
  /** The table whose first row header is the first row on screen. */
  table: string;
}

/**
 * `expectedCount` is the toolbar's text once every row is in, e.g. "10,000 buckets"; the target says which call's
 * pages and which table's rows are watched.
 */
export function probeScript(expectedCount: string, target: ProbeTarget = { channel: 'listBucketsPage', table: 'Buckets' }): string {
  const rowSelector = `table[aria-label="${target.table}"] th[scope="row"]`;
  return `(() => {
  const probe = { pages: [], longTasks: [] };
  Object.defineProperty(window, '__benchProbe', { value: probe });
  // The harness's preload gets each answer through this function, as JSON text (see e2e/harness.ts).
  const ipc = window.__cosDeskIpcJson;
  if (typeof ipc === 'function') {
    window.__cosDeskIpcJson = async (channel, input) => {
      const started = performance.now();
      const answer = await ipc(channel, input);
      if (String(channel).endsWith(${JSON.stringify(':' + target.channel)})) probe.pages.push({ started, arrived: performance.now() });
      return answer;
    };
  }
  // The frame after a change is the one that shows it.
  const onFrame = (key) => requestAnimationFrame(() => { probe[key] ??= performance.now(); });
  const check = () => {
    if (probe.firstRow === undefined && !probe.firstRowPending && document.querySelector(${JSON.stringify(rowSelector)})) {
      probe.firstRowPending = true;
      probe.firstRowInserted = performance.now();
      onFrame('firstRow');
    }
    if (probe.allRows === undefined && !probe.allRowsPending) {
      const counts = [...document.querySelectorAll('.toolbar__count')].map((c) => c.textContent);
      if (counts.includes(${JSON.stringify(expectedCount)}) && !document.querySelector('.list-progress')) {
        probe.allRowsPending = true;
        onFrame('allRows');
      }
    }
  };
  // Let go once both are timed: watching every change of the document would weigh on what is measured later
  // (scrolling, filtering), which replaces rows at every frame.
  const observer = new MutationObserver(() => {
    check();
    if (probe.firstRowPending && probe.allRowsPending) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;
}

/**
 * The probe once every row is shown, asked for through the DevTools protocol every `pollMs`. Not with Playwright's
 * waitForFunction: its first use in a page evaluates Playwright's own script there (about 330 KB, a 20 to 35 ms
 * task in traces), and after a click or a reload that task fell inside the load being measured. A session opened
 * before the reload serves after it: it is attached to the page, not to one document.
 */
export async function probeWhenAllRows(cdp: CDPSession, timeoutMs: number, pollMs: number): Promise<PageProbe> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = (await cdp.send('Runtime.evaluate', {
      expression: 'window.__benchProbe?.allRows !== undefined ? JSON.stringify(window.__benchProbe) : null',
      returnByValue: true,
    })) as { result: { value?: unknown } };
    if (typeof answer.result.value === 'string') return JSON.parse(answer.result.value) as PageProbe;
    if (Date.now() > deadline) throw new Error(`bench: not every row was shown within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
