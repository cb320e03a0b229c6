/**
 * One worker thread of table 8b's last row: table 8's SDK download script, run here with a client of its own. Each
 * message is a share of the keys and the folder they go into; the answer comes once all are in (or with why not).
 * Nothing of COS Desk runs here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sdkClient, sdkDownloads, type SdkAccount } from './sdk-pool';

export interface SdkThreadData {
  address: string;
  account: SdkAccount;
  bucket: string;
  region: string;
  concurrency: number;
}

export interface SdkThreadJob {
  keys: string[];
  prefix: string;
  target: string;
}

export type SdkThreadAnswer = { ok: true } | { ok: false; error: string };

const data = workerData as SdkThreadData;
const cos = sdkClient(data.address, data.account, data.concurrency);
const port = parentPort!;

port.on('message', (job: SdkThreadJob) => {
  const answer = (message: SdkThreadAnswer) => port.postMessage(message);
  sdkDownloads(cos, data, job.keys, job.prefix, job.target, data.concurrency).then(
    () => answer({ ok: true }),
    (error: unknown) => answer({ ok: false, error: String((error as { message?: string })?.message ?? error) }),
  );
});
