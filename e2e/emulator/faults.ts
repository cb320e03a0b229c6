/**
 * Misbehaviour on request: tests (and `npm run emulator -- --fault …`) ask the emulator to answer some requests
 * slowly, with a 5xx, not at all, with a cut body, with a wrong clock, or to drop the connection before or after
 * acting. Each rule counts the requests it matches, so "the second PutBucket" or "the next three of anything" can
 * be said exactly; every fault that fires is recorded, so a test can tell what the client really went through.
 * A gate (gate.ts) holds an answer until the test lets it go, for "not yet" without racing the clock.
 */
import { type Gate, RequestGate } from './gate';
import { FAULT_OPERATIONS, type FaultOperation, XML_ANSWERS } from './operations';

export { FAULT_OPERATIONS, type FaultOperation, operationOf } from './operations';

export const FAULT_KINDS = [
  'latency',
  'status',
  'resetBefore',
  'resetAfter',
  'truncatedXml',
  'hang',
  'clockSkew',
  'cutRequest',
  'cutResponse',
  'corruptBody',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  operation: FaultOperation | '*';
  /**
   * latency: the answer comes `ms` later · status: a 500 InternalError or 503 SlowDown, nothing done ·
   * resetBefore: the connection is dropped, nothing done · resetAfter: the request is carried out, then the
   * connection is dropped (a lost answer) · truncatedXml: an XML answer (GET Service, listings…) cut in the middle ·
   * hang: no answer ever · clockSkew: the request is judged by a clock `skewMs` off, and the Date header says so ·
   * cutRequest: the connection is dropped once `bytes` of the request's body have arrived (an upload cut midway;
   * nothing is stored) · cutResponse: the connection is dropped once `bytes` of the answer's body have gone out (a
   * download cut midway) · corruptBody: one byte of the body is flipped, the upload's as it is stored, or the
   * download's as it is sent (the stored CRC64 and ETag then disagree with the bytes the client has).
   */
  kind: FaultKind;
  /** The first of the rule's matching requests that it fires on: 1 is the next one (the default). */
  nth?: number;
  /** How many matching requests in a row it fires on, from `nth`: 1 by default, Infinity for all. */
  times?: number;
  /** Only requests addressed to this bucket (full name). */
  bucket?: string;
  /** latency: milliseconds added (default 1000). */
  ms?: number;
  /** status: 500 or 503 (default 503 SlowDown). */
  status?: 500 | 503;
  /** clockSkew: how far the emulator's clock is from the client's (default -1 h: the client looks ahead). */
  skewMs?: number;
  /** cutRequest / cutResponse: how many body bytes get through before the cut (default 0). */
  bytes?: number;
  /** clockSkew: false leaves the Date header out, as a proxy that strips it would, so a client cannot correct. */
  sendDate?: boolean;
}

/** Which requests a gate holds: counted like a fault rule's (`nth`, `times`, `bucket`), 1 and 1 by default. */
export type GateSpec = Pick<FaultSpec, 'operation' | 'nth' | 'times' | 'bucket'>;

export interface InjectedFault {
  operation: FaultOperation;
  kind: FaultKind;
  bucket?: string;
}

export interface FaultCounts {
  total: number;
  byKind: Record<FaultKind, number>;
}

/** What tests see as `emulator.faults`. */
export interface FaultControl {
  add(spec: FaultSpec): void;
  /**
   * Holds the answers to the matching requests until the test releases them (see gate.ts); a held request then
   * meets the other rules as usual. `gate.arrived()` resolves once one is held.
   */
  gate(spec: GateSpec): Gate;
  /** Forgets every rule and opens every gate; what was injected so far stays counted. */
  clear(): void;
  counts(): FaultCounts;
  injected(): InjectedFault[];
}

/** What the server does to one request: added latency, then at most one fault that changes the outcome. */
export interface FaultPlan {
  /** Gates holding this request: it goes on once each has released it. */
  gates?: RequestGate[];
  latencyMs: number;
  outcome?: Required<Pick<FaultSpec, 'kind'>> & FaultSpec;
}

interface Rule {
  spec: FaultSpec;
  seen: number;
  fired: number;
}

interface GateRule {
  spec: GateSpec;
  seen: number;
  gate: RequestGate;
}

const DEFAULT_LATENCY_MS = 1000;

function checkSpec(spec: FaultSpec): void {
  checkMatch(spec);
  if (!FAULT_KINDS.includes(spec.kind)) {
    throw new Error(`Unknown fault kind "${String(spec.kind)}": use ${FAULT_KINDS.join(', ')}.`);
  }
  if (spec.status !== undefined && spec.status !== 500 && spec.status !== 503) {
    throw new Error(`Fault status must be 500 or 503, not ${String(spec.status)}.`);
  }
}

/** What a fault rule and a gate share: which requests they count, and which of those they act on. */
function checkMatch(spec: GateSpec): void {
  if (spec.operation !== '*' && !FAULT_OPERATIONS.includes(spec.operation)) {
    throw new Error(`Unknown fault operation "${String(spec.operation)}": use ${FAULT_OPERATIONS.join(', ')} or *.`);
  }
  const { nth = 1, times = 1 } = spec;
  if (!Number.isInteger(nth) || nth < 1) throw new Error(`Fault nth must be a whole number from 1, not ${nth}.`);
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new Error(`Fault times must be a whole number from 1 or Infinity, not ${times}.`);
  }
}

function matches(spec: GateSpec, operation: FaultOperation, bucket: string | undefined): boolean {
  return (spec.operation === '*' || spec.operation === operation) && (spec.bucket === undefined || spec.bucket === bucket);
}

function describeGate(spec: GateSpec): string {
  const nth = spec.nth ?? 1;
  const times = spec.times ?? 1;
  const which = times === 1 ? `#${nth}` : times === Infinity ? `#${nth} on` : `#${nth}-${nth + times - 1}`;
  return `gate on ${spec.operation}${spec.bucket ? ` of ${spec.bucket}` : ''} ${which}`;
}

export class FaultInjector implements FaultControl {
  #rules: Rule[] = [];
  #gates: GateRule[] = [];
  readonly #injected: InjectedFault[] = [];

  add(spec: FaultSpec): void {
    checkSpec(spec);
    this.#rules.push({ spec: { ...spec }, seen: 0, fired: 0 });
  }

  gate(spec: GateSpec): Gate {
    checkMatch(spec);
    const gate = new RequestGate(describeGate(spec));
    this.#gates.push({ spec: { ...spec }, seen: 0, gate });
    return gate;
  }

  clear(): void {
    this.#rules = [];
    // A request left held by a forgotten gate would never be answered.
    for (const { gate } of this.#gates) gate.open();
    this.#gates = [];
  }

  /** The emulator is closing: held requests end unanswered, and waits on gates fail instead of hanging. */
  shutGates(): void {
    for (const { gate } of this.#gates) gate.shut();
  }

  counts(): FaultCounts {
    const byKind = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
    for (const fault of this.#injected) byKind[fault.kind] += 1;
    return { total: this.#injected.length, byKind };
  }

  injected(): InjectedFault[] {
    return this.#injected.map((f) => ({ ...f }));
  }

  /** Advances every matching rule's count and says what to do; the faults chosen are recorded as injected. */
  plan(operation: FaultOperation, bucket?: string): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0 };
    for (const rule of this.#gates) {
      if (!matches(rule.spec, operation, bucket) || !rule.gate.holding) continue;
      rule.seen += 1;
      const first = rule.spec.nth ?? 1;
      if (rule.seen >= first && rule.seen < first + (rule.spec.times ?? 1)) (plan.gates ??= []).push(rule.gate);
    }
    for (const rule of this.#rules) {
      const { spec } = rule;
      if (!matches(spec, operation, bucket)) continue;
      // Only XML answers have a document worth cutting; others answer with headers or object bytes.
      if (spec.kind === 'truncatedXml' && !XML_ANSWERS.has(operation)) continue;
      rule.seen += 1;
      const due = rule.seen >= (spec.nth ?? 1) && rule.fired < (spec.times ?? 1);
      if (!due) continue;
      if (spec.kind === 'latency') {
        plan.latencyMs += spec.ms ?? DEFAULT_LATENCY_MS;
      } else if (plan.outcome) {
        // One outcome per request: a later rule waits for a request of its own.
        rule.seen -= 1;
        continue;
      } else {
        plan.outcome = spec;
      }
      rule.fired += 1;
      this.#injected.push({ operation, kind: spec.kind, ...(bucket ? { bucket } : {}) });
    }
    return plan;
  }
}

/**
 * `OP:KIND[=VALUE][:TIMES][:NTH]`, e.g. `PutBucket:resetAfter:1`, `GetService:latency=2000:*`,
 * `*:status=500:3:2`, `GetObject:cutResponse=65536`. VALUE is latency's ms, status's code, clockSkew's skew in ms
 * or the bytes a cut lets through; TIMES is a count or `*`.
 */
export function parseFaultFlag(flag: string): FaultSpec {
  const [operation = '', kindAndValue = '', times, nth, ...rest] = flag.split(':');
  if (rest.length > 0 || !kindAndValue) {
    throw new Error(`--fault ${flag}: write OP:KIND[=VALUE][:TIMES][:NTH], e.g. PutBucket:resetAfter:1.`);
  }
  const [kind, value] = kindAndValue.split('=') as [FaultKind, string | undefined];
  const number = (text: string, what: string) => {
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) throw new Error(`--fault ${flag}: ${what} "${text}" is not a number.`);
    return n;
  };
  const spec: FaultSpec = { operation: operation as FaultSpec['operation'], kind };
  if (value !== undefined) {
    if (kind === 'latency') spec.ms = number(value, 'the latency');
    else if (kind === 'status') spec.status = number(value, 'the status') as 500 | 503;
    else if (kind === 'clockSkew') spec.skewMs = number(value, 'the skew');
    else if (kind === 'cutRequest' || kind === 'cutResponse') spec.bytes = number(value, 'the byte count');
    else throw new Error(`--fault ${flag}: ${kind} takes no value.`);
  }
  if (times !== undefined && times !== '') spec.times = times === '*' ? Infinity : number(times, 'the count');
  if (nth !== undefined && nth !== '') spec.nth = number(nth, 'the position');
  checkSpec(spec);
  return spec;
}
