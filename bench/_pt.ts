import { measurePageTiming } from './page-timing';
import { closeSharedBrowser } from '../e2e/harness';
for (const [n, l] of [[200, 0], [2000, 0], [10000, 0], [2000, 50], [10000, 50]] as const) console.log(JSON.stringify(await measurePageTiming(n, l, 3)));
await closeSharedBrowser();
