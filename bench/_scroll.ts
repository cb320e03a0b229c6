import { closeSharedBrowser } from '../e2e/harness';
import { launchWithBuckets } from './page-timing';
const app = await launchWithBuckets(10000);
const { page } = app;
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.start');
const res = await page.locator('.table-scroll').evaluate(async (el) => {
  const gaps: number[] = [];
  let last = performance.now();
  el.scrollTop = 0;
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
    el.scrollTop += el.clientHeight;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now(); gaps.push(now - last); last = now;
  }
  return gaps;
});
const { profile } = await cdp.send('Profiler.stop');
const sorted = [...res].sort((a, b) => b - a);
console.log('frames', res.length, 'worst', sorted.slice(0, 8).map((x) => x.toFixed(0)).join(' '), 'median', sorted[sorted.length >> 1].toFixed(1));
const self: Record<string, number> = {};
const dt: Record<number, number> = {};
profile.samples!.forEach((s, i) => (dt[s] = (dt[s] ?? 0) + (profile.timeDeltas![i] ?? 0)));
let total = 0;
for (const node of profile.nodes) { const k = `${node.callFrame.functionName} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`; self[k] = (self[k] ?? 0) + (dt[node.id] ?? 0); total += dt[node.id] ?? 0; }
console.log('total', (total / 1000).toFixed(0));
Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(8), k));
await app.close(); await closeSharedBrowser();
