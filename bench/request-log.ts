/**
 * 5. The request log's cost: the same bucket list (every page through the IPC handler → service → gateway → SDK)
 * by two main processes against one emulator, one recording every request and one recording nothing, taking
 * turns in one process; a third also writes each entry to the rotating file (COS_DESK_LOG=debug).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createMainProcess, type MainProcessOptions } from '@main/app-services';
import type { SenderInfo } from '@main/ipc/registry';
import { DENY_ALL, allowing, hostPort } from '@main/cos/route-consent';
import { seedBuckets, startEmulator } from '../e2e/emulator';
import { signInInputFor } from '../e2e/harness';
import { createTestCipher } from '../e2e/support/test-cipher';
import { channelOf, type BucketListPage } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { BENCH_ACCOUNT } from './bench-main';
import { round, takeTurns } from './stats';

export interface RequestLogRow {
  buckets: number;
  pages: number;
  offMs: number;
  onMs: number;
  /** Log on (in memory) against log off. */
  ratio: number;
  fileMs: number;
  /** Log on and written to its file against log off. */
  fileRatio: number;
  /** Entries the log held at the end: every request of every turn, up to its size. */
  entries: number;
}

const SENDER: SenderInfo = { url: 'app://cos-desk/index.html', isMainFrame: true };

export async function measureRequestLog(count: number, rounds: number, warmUp = 3): Promise<RequestLogRow> {
  const emulator = await startEmulator({ seed: { accounts: [BENCH_ACCOUNT], buckets: seedBuckets(count, { appId: BENCH_ACCOUNT.appId }) } });
  const dir = mkdtempSync(join(tmpdir(), 'cos-desk-bench-log-'));
  try {
    const open = async (name: string, requestLog: MainProcessOptions['requestLog']) => {
      const folder = join(dir, name);
      const main = createMainProcess({
        settings: new Conf({ cwd: folder, configName: 'settings', projectName: 'cos-desk' }),
        secretSettings: new Conf({ cwd: folder, configName: 'secrets', projectName: 'cos-desk' }),
        cipher: createTestCipher(),
        routeConsent: allowing([hostPort(emulator.address, 80)], DENY_ALL),
        isTrustedSender: () => true,
        requestLog,
      });
      const signedIn = await main.registry.invoke(channelOf('signIn'), SENDER, signInInputFor(emulator));
      if (!signedIn.ok) throw new Error(`bench sign-in failed: ${signedIn.error.code}`);
      return main;
    };
    const off = await open('off', false);
    const on = await open('on', {});
    const file = await open('file', { fileLogging: true, logFolder: join(dir, 'file', 'logs') });

    let pages = 0;
    const list = (main: Awaited<ReturnType<typeof open>>) => async () => {
      const started = performance.now();
      let marker: string | undefined;
      pages = 0;
      do {
        const answer = (await main.registry.invoke(channelOf('listBucketsPage'), SENDER, marker ? { marker } : {})) as Envelope<BucketListPage>;
        if (!answer.ok) throw new Error(`listBucketsPage failed: ${answer.error.code}`);
        pages += 1;
        marker = answer.data.nextMarker;
      } while (marker);
      return performance.now() - started;
    };
    const [offMs, onMs, fileMs] = await takeTurns([list(off), list(on), list(file)], rounds, warmUp);
    if (off.requestLog.entries().length !== 0) throw new Error('the log that is off recorded requests');
    return {
      buckets: count,
      pages,
      offMs: round(offMs),
      onMs: round(onMs),
      ratio: round(onMs / offMs, 3),
      fileMs: round(fileMs),
      fileRatio: round(fileMs / offMs, 3),
      entries: on.requestLog.entries().length,
    };
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
