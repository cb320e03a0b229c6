export { startEmulator } from './emulator';
export { FAULT_KINDS, FAULT_OPERATIONS, parseFaultFlag } from './faults';
export type { FaultControl, FaultCounts, FaultKind, FaultOperation, FaultSpec, GateSpec, InjectedFault } from './faults';
export type { Gate, HeldOutcome } from './gate';
export { DEMO_ACCOUNT, parseSeed, seedBuckets } from './seed';
export type { CustomDomains } from './hosts';
export type {
  CamGrant,
  CamStatement,
  Emulator,
  EmulatorAccount,
  EmulatorBucket,
  EmulatorBucketSeed,
  EmulatorObjectRangeSeed,
  EmulatorObjectSeed,
  EmulatorObjectVersion,
  EmulatorRequestLogEntry,
  EmulatorSeed,
} from './types';
