export { startEmulator } from './emulator';
export { DEMO_ACCOUNT, parseSeed, seedBuckets } from './seed';
export type {
  Emulator,
  EmulatorAccount,
  EmulatorBucket,
  EmulatorBucketSeed,
  EmulatorRequestLogEntry,
  EmulatorSeed,
} from './types';
