/**
 * Property-based: for every channel, hundreds of malformed payloads of the kinds a compromised or buggy renderer
 * could send over IPC (structured-clone data only: no functions or getters survive the trip). Each must come back
 * as a validation error envelope, without reaching a service, without throwing, and without touching
 * Object.prototype. A channel added to the contract without a sample here fails to compile.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { METHODS, channelOf, contract, type Method } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { validInputs } from '../testing/valid-inputs';
import { createHandlerRegistry, type Handlers, type SenderInfo } from './registry';

const RUNS_PER_CHANNEL = 200;
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_129);
const TRUSTED: SenderInfo = { url: 'app://cos-desk/index.html', isMainFrame: true };
/** One valid input per channel: the malformed payloads differ from it in one way each. */
const VALID = validInputs('FuzzSecretKey0001');

/** Services that record being reached: a malformed payload must never get that far. */
function recordingServices(): { services: Handlers; reached: string[] } {
  const reached: string[] = [];
  // Every handler, whatever calls the contract grows, answers the same way.
  const services = new Proxy(
    {},
    {
      get: (_target, name) => () => {
        reached.push(String(name));
        throw new Error('a service was reached');
      },
    },
  ) as Handlers;
  return { services, reached };
}

// ---- building blocks of malformed payloads

/** Longer than any string the contract accepts (the longest, a session token, stops at 4,096). */
const hugeString = fc.integer({ min: 5_000, max: 200_000 }).chain((n) => fc.string({ minLength: 1, maxLength: 3 }).map((s) => s.repeat(n)));

function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}
const deepValue = fc.tuple(fc.integer({ min: 100, max: 20_000 }), fc.boolean()).map(([depth, asArray]) => nested(depth, asArray));

/** Values of the kinds structured clone carries, none of them a string, boolean or plain object. */
const oddScalar = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, null),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.uint8Array({ maxLength: 16 }),
  fc.constant(new Map([['region', 'ap-guangzhou']])),
  fc.constant(new Set(['ap-guangzhou'])),
);

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf'];

/** An own property named like a prototype member, as JSON.parse (and structured clone) would make it. */
const pollutingEntry = fc.tuple(fc.constantFrom(...POLLUTING_KEYS), fc.constantFrom<unknown>({ polluted: true }, { prototype: { polluted: true } }, 'polluted', 1));

function withOwnKey(base: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = JSON.parse(JSON.stringify(base ?? {}));
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** A value of the wrong type for a field whose valid value is `sample`. */
function wrongFor(sample: unknown): fc.Arbitrary<unknown> {
  const notAnObject = fc.oneof(oddScalar, hugeString, fc.array(fc.anything(), { maxLength: 3 }));
  if (typeof sample === 'string') return fc.oneof(oddScalar, hugeString, deepValue, fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object());
  if (typeof sample === 'boolean') return fc.oneof(oddScalar, hugeString, deepValue, fc.constantFrom('true', 'false', 0, 1, ''), fc.object());
  if (Array.isArray(sample)) {
    return fc.oneof(
      oddScalar,
      hugeString,
      fc.object(),
      deepValue.map((v) => [v]),
      fc.array(fc.oneof(oddScalar, hugeString, fc.constant({})), { minLength: 1, maxLength: 3 }),
      // Longer than any list the contract accepts (the longest, a download's keys and a transfer's ids, stop at 10,000).
      fc.integer({ min: 10_001, max: 12_000 }).map((n) => Array.from({ length: n }, () => '100000000011')),
    );
  }
  return notAnObject;
}

/** Every way of spoiling `valid` this suite knows, for an object input. */
function malformedObjects(method: Method, valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const schema = contract[method].input;
  const keys = Object.keys(valid);
  // Only keys whose absence the schema refuses: dropping an optional one would leave a valid call.
  const required = keys.filter((key) => !schema.safeParse(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))).success);
  const arbitraries: fc.Arbitrary<unknown>[] = [
    fc.oneof(oddScalar, hugeString, deepValue, fc.boolean(), fc.string({ maxLength: 20 }), fc.array(fc.anything(), { maxLength: 4 })),
    fc.string({ minLength: 1, maxLength: 30 })
      .map((name) => `extra-${name}`)
      .chain((name) => fc.anything().map((value) => ({ ...valid, [name]: value }))),
    pollutingEntry.map(([key, value]) => withOwnKey(valid, key, value)),
    deepValue.map((value) => ({ ...valid, nested: value })),
  ];
  if (required.length > 0) {
    arbitraries.push(fc.constantFrom(...required).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))));
  }
  if (keys.length > 0) {
    arbitraries.push(fc.constantFrom(...keys).chain((key) => wrongFor(valid[key]).map((value) => ({ ...valid, [key]: value }))));
  }
  return fc.oneof(...arbitraries);
}

/** A call that takes no input: anything at all is malformed. */
const malformedForNoInput = fc.oneof(
  fc.anything().filter((value) => value !== undefined),
  hugeString,
  deepValue,
  pollutingEntry.map(([key, value]) => withOwnKey({}, key, value)),
);

function malformedFor(method: Method): fc.Arbitrary<unknown> {
  const valid = VALID[method];
  return valid === undefined ? malformedForNoInput : malformedObjects(method, valid as Record<string, unknown>);
}

// ---- the properties

function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
const CLEAN_PROTOTYPE = prototypeSnapshot();

afterEach(() => {
  expect(prototypeSnapshot()).toEqual(CLEAN_PROTOTYPE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('malformed IPC input, generated', () => {
  it('has a valid sample for every channel, accepted by its own schema', () => {
    for (const method of METHODS) expect(contract[method].input.safeParse(VALID[method]).success, method).toBe(true);
  });

  it.each(METHODS.map((method) => [method]))(
    `%s answers ${RUNS_PER_CHANNEL} malformed payloads with a validation error, reaching no service`,
    async (method) => {
      const { services, reached } = recordingServices();
      const log: string[] = [];
      const registry = createHandlerRegistry({ handlers: services, isTrustedSender: () => true, log: (message) => log.push(message) });
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(malformedFor(method), async (payload) => {
          runs += 1;
          const envelope = (await registry.invoke(channelOf(method), TRUSTED, payload)) as Envelope<unknown>;
          expect(envelope.ok).toBe(false);
          if (envelope.ok) return;
          expect(envelope.error).toMatchObject({ kind: 'validation', code: 'ValidationError' });
          // Whatever came in, the answer stays small: it names problems, it does not echo the payload.
          expect(JSON.stringify(envelope).length).toBeLessThan(8_000);
          expect(reached).toEqual([]);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS_PER_CHANNEL, seed: SEED },
      );
      expect(runs).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL);
      expect(log).toEqual([]);
    },
  );
});
