import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRC64_FOLD } from '../electron/transfers/crc64';
import { CRC64_WASM, CRC64_WASM_DATA } from '../electron/transfers/crc64-wasm';
import { DATA_OFFSET, compileCrc64Wasm, crc64WasmSource } from './crc64-wasm';

describe('the CRC64 WebAssembly module', () => {
  it('is the one its text compiles to (run scripts/crc64-wasm.ts after changing the text)', async () => {
    const compiled = await compileCrc64Wasm();
    expect(CRC64_WASM).toBe(compiled);
    expect(CRC64_WASM_DATA).toBe(DATA_OFFSET);
    expect(readFileSync(join(import.meta.dirname, '..', 'electron', 'transfers', 'crc64-wasm.ts'), 'utf8')).toBe(crc64WasmSource(compiled));
  });

  it('loads: CRC64 is folded by it, not by the JavaScript fold kept for where WebAssembly cannot load', () => {
    expect(CRC64_FOLD).toBe('webassembly');
  });
});
