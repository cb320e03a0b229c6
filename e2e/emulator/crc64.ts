/**
 * CRC-64/XZ, which COS calls CRC64-ECMA (x-cos-hash-crc64ecma, doc 40334): the ECMA-182 polynomial reflected,
 * register and output inverted. The 64-bit register is kept as two 32-bit halves: BigInt per byte would make
 * hashing a gigabyte upload take minutes.
 */
const POLY_HI = 0xc96c5795;
const POLY_LO = 0xd7870f42;
const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let hi = 0;
  let lo = i;
  for (let bit = 0; bit < 8; bit++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi = hi >>> 1;
    if (carry) {
      hi = (hi ^ POLY_HI) >>> 0;
      lo = (lo ^ POLY_LO) >>> 0;
    }
  }
  TABLE_HI[i] = hi;
  TABLE_LO[i] = lo;
}

/** A running CRC64 over data fed in pieces; `value()` is the decimal string COS sends. */
export class Crc64 {
  // The register, already inverted: the running value for no data is 0, as COS's header says for empty objects.
  #hi = 0xffffffff;
  #lo = 0xffffffff;

  update(data: Uint8Array): this {
    let hi = this.#hi;
    let lo = this.#lo;
    for (let i = 0; i < data.length; i++) {
      const index = (lo ^ data[i]) & 0xff;
      lo = (TABLE_LO[index] ^ ((lo >>> 8) | ((hi & 0xff) << 24))) >>> 0;
      hi = (TABLE_HI[index] ^ (hi >>> 8)) >>> 0;
    }
    this.#hi = hi;
    this.#lo = lo;
    return this;
  }

  value(): string {
    const hi = (this.#hi ^ 0xffffffff) >>> 0;
    const lo = (this.#lo ^ 0xffffffff) >>> 0;
    return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
  }
}

export function crc64(data: Uint8Array | string): string {
  return new Crc64().update(typeof data === 'string' ? Buffer.from(data) : data).value();
}
