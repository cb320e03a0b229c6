import { request } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc64 } from './crc64';
import { startEmulator } from './index';
import { OWNER, sdkFor } from './testing';
import type { Emulator } from './types';

const Bucket = 'photos-1250000000';
const Region = 'ap-guangzhou';
const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) & 0xff));

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: { accounts: [OWNER], buckets: [{ name: Bucket, region: Region }] } });
});
afterEach(() => emulator.close());

const cos = () => sdkFor(emulator);

/** A GET of the object's URL, presigned, read as raw bytes until the server ends or cuts the connection. */
async function rawGet(key: string): Promise<{ received: Buffer; cut: boolean; length: number }> {
  const url = new URL(cos().getObjectUrl({ Bucket, Region, Key: key, Sign: true }, () => undefined).replace(/^https?:\/\/[^/]+/, emulator.endpoint));
  const host = `${Bucket}.cos.${Region}.myqcloud.com`;
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ received: Buffer.concat(chunks), cut: false, length: Number(res.headers['content-length']) }));
      res.on('error', () => resolve({ received: Buffer.concat(chunks), cut: true, length: Number(res.headers['content-length']) }));
      res.on('aborted', () => resolve({ received: Buffer.concat(chunks), cut: true, length: Number(res.headers['content-length']) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('faults inside a body', () => {
  it('cutRequest drops an upload after the given bytes and stores nothing', async () => {
    emulator.faults.add({ operation: 'PutObject', kind: 'cutRequest', bytes: 65_536 });
    const failed = await cos()
      .putObject({ Bucket, Region, Key: 'cut.bin', Body: Readable.from([data.subarray(0, 100_000), data.subarray(100_000)]), ContentLength: data.length })
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: expect.stringMatching(/ECONNRESET|EPIPE/) });
    expect(emulator.objectVersions(Bucket)).toEqual([]);
    expect(emulator.faults.injected()).toEqual([{ operation: 'PutObject', kind: 'cutRequest', bucket: Bucket }]);
  });

  it('cutResponse drops a download after the given bytes; the headers promised the whole object', async () => {
    await cos().putObject({ Bucket, Region, Key: 'whole.bin', Body: data });
    emulator.faults.add({ operation: 'GetObject', kind: 'cutResponse', bytes: 50_000 });
    const got = await rawGet('whole.bin');
    expect(got.length).toBe(data.length);
    expect(got.received.length).toBe(50_000);
    expect(got.received.equals(data.subarray(0, 50_000))).toBe(true);
    // The next GET is whole again.
    expect((await rawGet('whole.bin')).received.equals(data)).toBe(true);
  });

  it('corruptBody flips a byte of what is stored, or of what is sent, so the CRC64 tells', async () => {
    emulator.faults.add({ operation: 'PutObject', kind: 'corruptBody' });
    const put = await cos().putObject({ Bucket, Region, Key: 'bad.bin', Body: Readable.from([data]), ContentLength: data.length });
    expect(put.headers?.['x-cos-hash-crc64ecma']).not.toBe(crc64(data));
    await cos().putObject({ Bucket, Region, Key: 'good.bin', Body: data });
    emulator.faults.add({ operation: 'GetObject', kind: 'corruptBody' });
    const got = await rawGet('good.bin');
    expect(got.received.length).toBe(data.length);
    expect(crc64(got.received)).not.toBe(crc64(data));
  });
});
