import { describe, expect, it } from 'vitest';
import { Crc64, crc64 } from './crc64';

describe('CRC64 as COS computes it', () => {
  it.each([
    ['123456789', '11051210869376104954'],
    ['[Object Content]', '16749565679157681890'],
    ['[Object Content Version 2]', '11596229263574363878'],
    ['[Object Part]', '4510578591875220731'],
    ['', '0'],
  ])('of %j is %s', (text, expected) => {
    expect(crc64(text)).toBe(expected);
  });

  it('agrees with a bit-by-bit reference on every length around the 8-byte blocks', () => {
    const reference = (data: Uint8Array) => {
      let crc = 0xffffffffffffffffn;
      for (const byte of data) {
        crc ^= BigInt(byte);
        for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ 0xc96c5795d7870f42n : crc >> 1n;
      }
      return String(crc ^ 0xffffffffffffffffn);
    };
    const data = Buffer.from(Array.from({ length: 40 }, (_, i) => (i * 151 + 7) & 0xff));
    for (let length = 0; length <= data.length; length++) {
      expect(crc64(data.subarray(0, length))).toBe(reference(data.subarray(0, length)));
    }
  });

  it('gives the same value fed in pieces as in one go', () => {
    const whole = Buffer.from('[Object Content Version 2]');
    const pieces = new Crc64().update(whole.subarray(0, 5)).update(whole.subarray(5, 6)).update(whole.subarray(6));
    expect(pieces.value()).toBe(crc64(whole));
  });
});
