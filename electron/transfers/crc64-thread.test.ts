import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Crc64, crc64 } from './crc64';
import { CrcThread } from './crc64-thread';

const threads: CrcThread[] = [];
afterEach(async () => {
  for (const thread of threads.splice(0)) await thread.close();
});

function thread(): CrcThread {
  const made = new CrcThread();
  threads.push(made);
  return made;
}

describe('CRC64 on a thread of its own', () => {
  it('gives the CRC64 COS sends, for jobs fed in turns, chunks that are views into larger buffers included', async () => {
    const crc = thread();
    const a = randomBytes(3 * 65536 + 5);
    const b = randomBytes(100_001);
    const jobA = crc.start();
    const jobB = crc.start();
    for (let i = 0; i < Math.max(a.length, b.length); i += 7001) {
      // Views whose buffer holds other bytes too: only the view's bytes may count.
      jobA.update(a.subarray(i, i + 7001));
      jobB.update(b.subarray(i, i + 7001));
    }
    expect(await Promise.all([jobA.value(), jobB.value()])).toEqual([crc64(a), crc64(b)]);
    const check = crc.start();
    check.update(Buffer.from('123456789'));
    expect(await check.value()).toBe('11051210869376104954');
  });

  it('carries on from the CRC of bytes already on disk, as a resumed download does', async () => {
    const data = randomBytes(50_000);
    const job = thread().start(new Crc64().update(data.subarray(0, 20_000)));
    job.update(data.subarray(20_000));
    expect(await job.value()).toBe(crc64(data));
  });

  it('reports no value once the thread is gone, so that the caller hashes on its own', async () => {
    const crc = thread();
    const job = crc.start();
    job.update(randomBytes(1000));
    await crc.close();
    expect(await job.value()).toBeUndefined();
    expect(crc.usable).toBe(false);
  });
});
