/**
 * What may cross IPC into a handler: JSON-like data only. Structured clone also carries Maps, Sets, Dates, typed
 * arrays and very deep nesting, and a schema for an object treats a Map as an empty object, so a Map would pass
 * for `{}`. This check runs before the schema: anything that is not plain data is refused outright.
 */

import type { ErrorIssue } from '@shared/errors';

/** Far deeper and larger than any call of the contract needs, yet small enough to walk without a care. */
export const MAX_DEPTH = 32;
export const MAX_NODES = 10_000;

export type PlainDataProblem = ErrorIssue;

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Undefined when `input` is plain data within the limits; otherwise where and why not. */
export function plainDataProblem(input: unknown): PlainDataProblem | undefined {
  // Iterative, so that depth cannot exhaust the stack before the limit is noticed.
  const pending: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  let nodes = 0;
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    const where = path.join('.');
    nodes += 1;
    if (value === null || value === undefined) continue;
    const type = typeof value;
    if (type === 'string' || type === 'boolean') continue;
    if (type === 'number') {
      if (!Number.isFinite(value)) return { path: where, rule: 'call.notFinite' };
      continue;
    }
    if (type !== 'object') return { path: where, rule: 'call.valueType' };
    if (path.length >= MAX_DEPTH) return { path: where, rule: 'call.tooDeep', limit: MAX_DEPTH };
    const tooMany = (count: number) =>
      nodes + pending.length + count > MAX_NODES ? { path: where, rule: 'call.tooMany', limit: MAX_NODES } : undefined;
    if (Array.isArray(value)) {
      const problem = tooMany(value.length);
      if (problem) return problem;
      value.forEach((item, index) => pending.push({ value: item, path: [...path, String(index)] }));
      continue;
    }
    if (!isPlainObject(value)) return { path: where, rule: 'call.notPlain' };
    const entries = Object.entries(value);
    const problem = tooMany(entries.length);
    if (problem) return problem;
    for (const [key, item] of entries) pending.push({ value: item, path: [...path, key.slice(0, 40)] });
  }
  return undefined;
}
