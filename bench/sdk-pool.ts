/**
 * The plain SDK scripts of the transfers bench: a COS client made as any script makes one, and a pool that keeps
 * `concurrency` calls going. Shared by transfers.ts and the worker threads of table 8b's last row (sdk-thread.ts),
 * so both run the very same script.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';

export interface SdkAccount {
  secretId: string;
  secretKey: string;
}

export function sdkClient(address: string, account: SdkAccount, concurrency: number): COS {
  return new COS({
    SecretId: account.secretId,
    SecretKey: account.secretKey,
    Protocol: 'http:',
    Ip: address,
    AutoSwitchHost: false,
    FileParallelLimit: concurrency,
    ChunkParallelLimit: concurrency,
  } as COS.COSOptions);
}

export async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * Every key (under `prefix`) into a file of its own name in `target`, `concurrency` at once: `get` sends one key's
 * bytes into the file stream it is handed.
 */
export function downloadsInto(keys: string[], prefix: string, target: string, concurrency: number, get: (key: string, output: WriteStream) => Promise<unknown>): Promise<void> {
  return pool(keys, concurrency, (key) => get(key, createWriteStream(join(target, key.slice(prefix.length)))));
}

/** The script's download: downloadsInto through the SDK's getObject. */
export function sdkDownloads(cos: COS, object: { bucket: string; region: string }, keys: string[], prefix: string, target: string, concurrency: number): Promise<void> {
  return downloadsInto(keys, prefix, target, concurrency, (key, output) => cos.getObject({ Bucket: object.bucket, Region: object.region, Key: key, Output: output }));
}
