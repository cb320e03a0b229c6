/**
 * CRC-64/XZ, which COS calls CRC64-ECMA (x-cos-hash-crc64ecma, doc 40334): the ECMA-182 polynomial reflected,
 * register and output inverted. BigInt per byte would make hashing a gigabyte upload take minutes: the bytes are
 * folded in sixteen at a time by a WebAssembly module over a 64-bit register (slicing-by-16, about 2.5 times the
 * JavaScript fold, bench table 10), or, should WebAssembly be unavailable, eight at a time in JavaScript with the
 * register as two 32-bit halves (slicing-by-8).
 */
import { CRC64_WASM, CRC64_WASM_DATA } from './crc64-wasm';

/** The WebAssembly fold's module (base64) and where it reads its bytes (see scripts/crc64-wasm.ts). */
export interface Crc64Wasm {
  base64: string;
  data: number;
}

export const CRC64_WASM_MODULE: Crc64Wasm = { base64: CRC64_WASM, data: CRC64_WASM_DATA };

/**
 * The fold: bytes into the (inverted) register, given and returned as two 32-bit halves; through `wasm` when given
 * and it loads. Self-contained (it names nothing outside itself), as a worker thread runs its source too
 * (crc64-thread.ts).
 */
export function crc64Fold(wasm?: Crc64Wasm): ((hi: number, lo: number, data: Uint8Array) => [number, number]) & { kind: 'webassembly' | 'javascript' } {
  const POLY_HI = 0xc96c5795;
  const POLY_LO = 0xd7870f42;
  // TABLE_x[k * 256 + i]: the register change for byte i seen k bytes before the end of a block (8 bytes for the
  // JavaScript fold, which uses the first eight tables; 16 for the WebAssembly one).
  const TABLE_HI = new Uint32Array(16 * 256);
  const TABLE_LO = new Uint32Array(16 * 256);
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
  for (let k = 1; k < 16; k++) {
    for (let i = 0; i < 256; i++) {
      const hi = TABLE_HI[(k - 1) * 256 + i];
      const lo = TABLE_LO[(k - 1) * 256 + i];
      const index = lo & 0xff;
      TABLE_HI[k * 256 + i] = (TABLE_HI[index] ^ (hi >>> 8)) >>> 0;
      TABLE_LO[k * 256 + i] = (TABLE_LO[index] ^ ((lo >>> 8) | ((hi & 0xff) << 24))) >>> 0;
    }
  }
  const folded = (hi: number, lo: number, data: Uint8Array): [number, number] => {
    let i = 0;
    // Eight bytes as two little-endian words: one read each instead of four (about 40 % faster).
    const words = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (const end = data.length - 7; i < end; i += 8) {
      lo ^= words.getInt32(i, true);
      hi ^= words.getInt32(i + 4, true);
      const newHi =
        TABLE_HI[1792 + (lo & 0xff)] ^
        TABLE_HI[1536 + ((lo >>> 8) & 0xff)] ^
        TABLE_HI[1280 + ((lo >>> 16) & 0xff)] ^
        TABLE_HI[1024 + (lo >>> 24)] ^
        TABLE_HI[768 + (hi & 0xff)] ^
        TABLE_HI[512 + ((hi >>> 8) & 0xff)] ^
        TABLE_HI[256 + ((hi >>> 16) & 0xff)] ^
        TABLE_HI[hi >>> 24];
      lo =
        TABLE_LO[1792 + (lo & 0xff)] ^
        TABLE_LO[1536 + ((lo >>> 8) & 0xff)] ^
        TABLE_LO[1280 + ((lo >>> 16) & 0xff)] ^
        TABLE_LO[1024 + (lo >>> 24)] ^
        TABLE_LO[768 + (hi & 0xff)] ^
        TABLE_LO[512 + ((hi >>> 8) & 0xff)] ^
        TABLE_LO[256 + ((hi >>> 16) & 0xff)] ^
        TABLE_LO[hi >>> 24];
      hi = newHi;
    }
    for (; i < data.length; i++) {
      const index = (lo ^ data[i]) & 0xff;
      lo = TABLE_LO[index] ^ ((lo >>> 8) | ((hi & 0xff) << 24));
      hi = TABLE_HI[index] ^ (hi >>> 8);
    }
    return [hi >>> 0, lo >>> 0];
  };
  const javascript = Object.assign(folded, { kind: 'javascript' as const });
  // (Node's types leave WebAssembly out: the little used here, named.)
  const api = (globalThis as { WebAssembly?: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: object } } }).WebAssembly;
  if (!wasm || !api) return javascript;
  try {
    const { exports } = new api.Instance(new api.Module(Buffer.from(wasm.base64, 'base64')));
    const { memory, fold, hi: highHalf } = exports as {
      memory: { buffer: ArrayBuffer };
      fold: (hi: number, lo: number, at: number, length: number) => number;
      hi: { value: number };
    };
    // The tables as the module reads them: each entry 64 bits, little-endian (low half first).
    const tables = new Uint32Array(memory.buffer, 0, 16 * 256 * 2);
    for (let i = 0; i < 16 * 256; i++) {
      tables[2 * i] = TABLE_LO[i];
      tables[2 * i + 1] = TABLE_HI[i];
    }
    // The memory has a fixed size: its buffer stays the same.
    const bytes = new Uint8Array(memory.buffer);
    const room = bytes.length - wasm.data;
    const viaWasm = (hi: number, lo: number, data: Uint8Array): [number, number] => {
      for (let at = 0; at < data.length; at += room) {
        const piece = data.subarray(at, at + room);
        bytes.set(piece, wasm.data);
        lo = fold(hi, lo, wasm.data, piece.length);
        hi = highHalf.value;
      }
      return [hi >>> 0, lo >>> 0];
    };
    return Object.assign(viaWasm, { kind: 'webassembly' as const });
  } catch {
    return javascript;
  }
}

const fold = crc64Fold(CRC64_WASM_MODULE);
/** Which fold this process runs: JavaScript only where WebAssembly could not load (bench table 10 prints it). */
export const CRC64_FOLD = fold.kind;

export interface Crc64State {
  hi: number;
  lo: number;
}

/** A running CRC64 over data fed in pieces; `value()` is the decimal string COS sends. */
export class Crc64 {
  // The register, already inverted: the running value for no data is 0, as COS's header says for empty objects.
  #hi = 0xffffffff;
  #lo = 0xffffffff;

  update(data: Uint8Array): this {
    [this.#hi, this.#lo] = fold(this.#hi, this.#lo, data);
    return this;
  }

  /** The register, to carry on from elsewhere (another thread). */
  get state(): Crc64State {
    return { hi: this.#hi, lo: this.#lo };
  }

  static from(state: Crc64State): Crc64 {
    const crc = new Crc64();
    crc.#hi = state.hi >>> 0;
    crc.#lo = state.lo >>> 0;
    return crc;
  }

  /** A copy of the running value, to go back to if the bytes fed after it turn out not to count. */
  clone(): Crc64 {
    const copy = new Crc64();
    copy.#hi = this.#hi;
    copy.#lo = this.#lo;
    return copy;
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

/*
 * Combining: the CRC of A+B from crc(A), crc(B) and B's length, without reading A again (zlib's crc32_combine,
 * for 64 bits). A multipart upload hashes each part as it sends it; the whole file's CRC, which COS answers the
 * Complete with, is then the parts' CRCs combined. Matrices over GF(2) are 64 numbers (one per column) as BigInt:
 * slow per operation, but a part size's operator is made once and reused for every part of that size.
 */
const MASK = 0xffffffffffffffffn;
type Gf2Matrix = bigint[];

function times(matrix: Gf2Matrix, vector: bigint): bigint {
  let sum = 0n;
  for (let i = 0; vector !== 0n; vector >>= 1n, i++) if (vector & 1n) sum ^= matrix[i];
  return sum;
}

function square(matrix: Gf2Matrix): Gf2Matrix {
  return matrix.map((column) => times(matrix, column));
}

function compose(a: Gf2Matrix, b: Gf2Matrix): Gf2Matrix {
  return b.map((column) => times(a, column));
}

/** The operator that appends `length` zero bytes to a (raw) CRC register. */
function zerosOperator(length: number): Gf2Matrix {
  // One zero bit: shift right, folding the polynomial in when the low bit falls out.
  let power: Gf2Matrix = [0xc96c5795d7870f42n, ...Array.from({ length: 63 }, (_, i) => 1n << BigInt(i))];
  power = square(square(square(power))); // one zero byte
  let result: Gf2Matrix | undefined;
  for (let n = length; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) result = result ? compose(power, result) : power;
    if (n > 1) power = square(power);
  }
  return result ?? Array.from({ length: 64 }, (_, i) => 1n << BigInt(i));
}

const operators = new Map<number, Gf2Matrix>();

/** crc64(A + B) from crc64(A), crc64(B) and B's length in bytes; values as COS's decimal strings. */
export function crc64Combine(crcA: string, crcB: string, lengthB: number): string {
  if (lengthB === 0) return crcA;
  let operator = operators.get(lengthB);
  if (!operator) {
    operator = zerosOperator(lengthB);
    if (operators.size > 16) operators.clear();
    operators.set(lengthB, operator);
  }
  return String((times(operator, BigInt(crcA) & MASK) ^ BigInt(crcB)) & MASK);
}
