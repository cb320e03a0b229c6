/**
 * 1. Main-process overhead: every page of the list through the real IPC handler → BucketService → gateway → SDK
 * path, against the same pages signed by hand and sent with plain node:http (the floor), in the same process,
 * taking turns, so that both meet the same machine at the same moment. The same pages through the bare SDK are
 * measured in the same turns: what the SDK's own work per request costs, which no code of COS Desk can remove.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBucketListPage } from '@main/cos/bucket-list-page';
import { seedBuckets, startEmulator } from '../e2e/emulator';
import { BENCH_ACCOUNT, signedInMainProcess } from './bench-main';
import { floorListAll, getPageBytes } from './floor-client';
import { createSdkLister } from './sdk-client';
import { median, round, takeTurns } from './stats';


export interface MainProcessRow {
  buckets: number;
  latencyMs: number;
  pages: number;
  appMs: number;
  floorMs: number;
  ratio: number;
  /** The same pages through cos-nodejs-sdk-v5's raw request alone, and that against the floor. */
  sdkMs: number;
  sdkRatio: number;
  /** COS Desk against the SDK alone: what COS Desk's own code adds on top of the SDK it must use. */
  overSdkRatio: number;
  /** COS Desk turning one full page's bytes into rows (decode and read), alone, in the same run. */
  readPageMs: number;
}


export async function measureMainProcess(count: number, latencyMs: number, rounds: number, warmUp = 3): Promise<MainProcessRow> {
  const emulator = await startEmulator({ seed: { accounts: [BENCH_ACCOUNT], buckets: seedBuckets(count, { appId: BENCH_ACCOUNT.appId }) } });
  const dir = mkdtempSync(join(tmpdir(), 'cos-desk-bench-'));
  const agent = new Agent({ keepAlive: true });
  try {
    const main = await signedInMainProcess(emulator.address, dir);
    if (latencyMs > 0) emulator.faults.add({ operation: 'GetService', kind: 'latency', ms: latencyMs, times: Infinity });

    // What the renderer does: ask for a page, then for the one after its marker, to the end.
    let pages = 0;
    const app = async () => {
      const started = performance.now();
      let marker: string | undefined;
      pages = 0;
      do {
        const page = await main.call('listBucketsPage', marker ? { marker } : {});
        pages += 1;
        marker = page.nextMarker;
      } while (marker);
      return performance.now() - started;
    };
    const floor = async () => (await floorListAll(emulator.address, BENCH_ACCOUNT, { agent })).totalMs;
    const sdkList = createSdkLister(emulator.address, BENCH_ACCOUNT);
    const sdk = async () => (await sdkList()).totalMs;

    const [appMs, floorMs, sdkMs] = await takeTurns([app, floor, sdk], rounds, warmUp);
    const readPageMs = await measurePageRead(emulator.address, agent, Math.max(rounds, 20));
    return {
      buckets: count,
      latencyMs,
      pages,
      appMs: round(appMs),
      floorMs: round(floorMs),
      ratio: round(appMs / floorMs, 2),
      sdkMs: round(sdkMs),
      sdkRatio: round(sdkMs / floorMs, 2),
      overSdkRatio: round(appMs / sdkMs, 2),
      readPageMs: round(readPageMs, 2),
    };
  } finally {
    agent.destroy();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first page's bytes, read into rows the way the gateway reads every page: the median of `runs` reads. */
async function measurePageRead(address: string, agent: Agent, runs: number): Promise<number> {
  const body = await getPageBytes(agent, address, 'service.cos.myqcloud.com', BENCH_ACCOUNT);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs + 5; i++) {
    const started = performance.now();
    rows = readBucketListPage(body.toString('utf8')).buckets.length;
    if (i >= 5) times.push(performance.now() - started);
  }
  if (rows === 0) throw new Error('the page read for the bench held no buckets');
  return median(times);
}
