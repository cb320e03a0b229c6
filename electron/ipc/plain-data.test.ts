import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_NODES, plainDataProblem } from './plain-data';

describe('plainDataProblem', () => {
  it('accepts JSON-like data, null-prototype objects included', () => {
    expect(plainDataProblem(undefined)).toBeUndefined();
    expect(plainDataProblem({ a: ['x', 1, true, null, { b: 'c' }] })).toBeUndefined();
    expect(plainDataProblem(Object.assign(Object.create(null), { a: 1 }))).toBeUndefined();
  });

  it.each([
    ['a Map', { region: new Map() }, 'region'],
    ['a Set', new Set(['x']), ''],
    ['a Date', { at: new Date() }, 'at'],
    ['a typed array', { bytes: new Uint8Array(2) }, 'bytes'],
    ['a bigint', { n: 1n }, 'n'],
    ['NaN', { n: NaN }, 'n'],
    ['Infinity', [Infinity], '0'],
  ])('refuses %s, saying where', (_what, input, path) => {
    expect(plainDataProblem(input)).toMatchObject({ path });
  });

  it('refuses nesting past the limit without exhausting the stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(plainDataProblem(deep)).toMatchObject({ rule: 'call.tooDeep', limit: MAX_DEPTH });
    let justDeepEnough: unknown = 'bottom';
    for (let i = 0; i < MAX_DEPTH; i += 1) justDeepEnough = { a: justDeepEnough };
    expect(plainDataProblem(justDeepEnough)).toBeUndefined();
  });

  it('refuses a request of too many values before walking them', () => {
    expect(plainDataProblem(new Array(MAX_NODES + 1).fill('x'))).toMatchObject({ rule: 'call.tooMany', limit: MAX_NODES });
    expect(plainDataProblem(new Array(100).fill('x'))).toBeUndefined();
  });
});
