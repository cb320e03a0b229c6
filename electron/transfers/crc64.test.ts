import { describe, expect, it } from 'vitest';
import { CRC64_WASM_MODULE, Crc64, crc64, crc64Fold } from './crc64';

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

  const reference = (data: Uint8Array) => {
    let crc = 0xffffffffffffffffn;
    for (const byte of data) {
      crc ^= BigInt(byte);
      for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ 0xc96c5795d7870f42n : crc >> 1n;
    }
    return String(crc ^ 0xffffffffffffffffn);
  };
  const value = ([hi, lo]: [number, number]) => String(((BigInt(hi) << 32n) | BigInt(lo)) ^ 0xffffffffffffffffn);

  it('agrees with a bit-by-bit reference on every length around the 8- and 16-byte blocks', () => {
    const data = Buffer.from(Array.from({ length: 70 }, (_, i) => (i * 151 + 7) & 0xff));
    for (let length = 0; length <= data.length; length++) {
      expect(crc64(data.subarray(0, length))).toBe(reference(data.subarray(0, length)));
    }
  });

  it('folds alike in WebAssembly and in JavaScript, at every offset and past the module’s one MiB at a time', () => {
    const wasm = crc64Fold(CRC64_WASM_MODULE);
    const js = crc64Fold();
    const start = 0xffffffff;
    const small = Buffer.from(Array.from({ length: 100 }, (_, i) => (i * 97 + 13) & 0xff));
    for (let from = 0; from < 20; from++) {
      const piece = small.subarray(from, from + 41 + from);
      expect(value(wasm(start, start, piece))).toBe(reference(piece));
      expect(value(js(start, start, piece))).toBe(reference(piece));
    }
    const large = Buffer.alloc(2 * 1024 * 1024 + 77);
    for (let i = 0; i < large.length; i++) large[i] = (i * 2654435761) >>> 24;
    expect(wasm(start, start, large)).toEqual(js(start, start, large));
    expect(wasm(1, 2, large)).toEqual(js(1, 2, large));
  });

  it('gives the same value fed in pieces as in one go', () => {
    const whole = Buffer.from('[Object Content Version 2]');
    const pieces = new Crc64().update(whole.subarray(0, 5)).update(whole.subarray(5, 6)).update(whole.subarray(6));
    expect(pieces.value()).toBe(crc64(whole));
  });
});
