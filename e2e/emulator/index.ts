export { startEmulator } from './emulator';
export { FAULT_KINDS, FAULT_OPERATIONS, parseFaultFlag } from './faults';
export type { FaultControl, FaultCounts, FaultKind, FaultOperation, FaultSpec, GateSpec, InjectedFault } from './faults';
export type { Gate, HeldOutcome } from './gate';
export { DEMO_ACCOUNT, parseSeed, seedBuckets } from './seed';
export type { CustomDomains } from './hosts';
export type {
  Emulator,
  EmulatorAccount,
  EmulatorBucket,
  EmulatorBucketSeed,
  EmulatorRequestLogEntry,
  EmulatorSeed,
} from './types';
