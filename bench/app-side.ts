/**
 * COS Desk's side of the transfers bench: the main process's own modules, which transfers.ts loads bundled, as
 * the app ships them (see bundled.ts). The plain SDK scripts it is measured against are the SDK's own JavaScript.
 */
export { createCosGateway } from '@main/cos/gateway';
export { CRC64_FOLD, Crc64, crc64Fold } from '@main/transfers/crc64';
export { TransferEngine } from '@main/transfers/engine';
export { LocalRegistry } from '@main/transfers/local-files';
export { RequestLog } from '@main/request-log/request-log';
