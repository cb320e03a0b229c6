/** The emulator hashes with the app's CRC64 (its test vectors are COS's documented ones: crc64.test.ts). */
export { Crc64, crc64 } from '@main/transfers/crc64';
