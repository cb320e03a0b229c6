import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc64, crc64Combine } from './crc64';

describe('crc64Combine', () => {
  it('gives the CRC of the joined data from the CRCs of its two pieces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 3000 }), (a, b) => {
        const joined = Buffer.concat([a, b]);
        expect(crc64Combine(crc64(a), crc64(b), b.length)).toBe(crc64(joined));
      }),
      { numRuns: 200 },
    );
  });

  it('joins many equal parts, as a multipart upload does', () => {
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31 + 11) & 0xff));
    let crc = '0';
    for (let at = 0; at < data.length; at += 1024) {
      const part = data.subarray(at, at + 1024);
      crc = crc64Combine(crc, crc64(part), part.length);
    }
    expect(crc).toBe(crc64(data));
  });
});
