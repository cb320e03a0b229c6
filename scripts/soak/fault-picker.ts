/** Which fault, if any, each soak operation meets: every kind the emulator knows, on the operation's own request. */
import type { FaultOperation, FaultSpec } from '../../e2e/emulator';
import type { Random } from './random';

export type SoakOperation = 'create' | 'delete' | 'head' | 'listPage' | 'listAll';

const TARGET: Record<SoakOperation, FaultOperation> = {
  create: 'PutBucket',
  delete: 'DeleteBucket',
  head: 'HeadBucket',
  listPage: 'GetService',
  listAll: 'GetService',
};

function oneFault(random: Random, operation: FaultOperation): FaultSpec {
  const kind = random.weighted<FaultSpec['kind']>([
    ['status', 5],
    ['resetBefore', 3],
    ['resetAfter', 4],
    ['hang', 2],
    ['latency', 2],
    ['clockSkew', 1],
    ['truncatedXml', operation === 'GetService' ? 3 : 0],
  ]);
  const spec: FaultSpec = { operation, kind, times: random.int(1, 3), nth: random.int(1, 2) };
  if (kind === 'status') Object.assign(spec, { status: random.pick([500, 503] as const), times: random.int(1, 5) });
  if (kind === 'latency') spec.ms = random.int(5, 40);
  // A wrong clock lasts: the app has to correct it, not wait it out.
  if (kind === 'clockSkew') Object.assign(spec, { times: Infinity, nth: 1, skewMs: random.pick([-3_600_000, 3_600_000]) });
  return spec;
}

/** None (a clean run of the operation) about a third of the time; a delete may also meet trouble on its recheck. */
export function pickFaults(random: Random, operation: SoakOperation): FaultSpec[] {
  if (random.chance(0.35)) return [];
  const faults = [oneFault(random, TARGET[operation])];
  if (operation === 'delete' && random.chance(0.3)) faults.push(oneFault(random, 'HeadBucket'));
  return faults;
}
