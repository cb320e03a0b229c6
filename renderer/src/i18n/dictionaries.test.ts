import { describe, expect, it } from 'vitest';
import { REGIONS } from '@shared/regions';
import { en } from './en';
import { zhCN } from './zh-CN';

type Leaf = { path: string; value: unknown };

/** Every leaf of a dictionary (strings, functions, undefined hints), by its dotted path. */
function leaves(node: unknown, path = ''): Leaf[] {
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  return [{ path, value: node }];
}

const enLeaves = new Map(leaves(en).map((l) => [l.path, l.value]));
const zhLeaves = new Map(leaves(zhCN).map((l) => [l.path, l.value]));

/** Literal placeholders inside the text itself ({Bucket}, <APPID>…), which the user types as they are. */
function literalPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{[A-Za-z]+\}|<[A-Za-z]+>/g)].map((m) => m[0]).sort();
}

/** Probe arguments: numbers, words, lists, booleans, and parameter objects whose every field has a value. */
const PROBES: ((i: number, variant: number) => unknown)[] = [
  (i, v) => 7_001 + i * 10 + v,
  (i, v) => `probe${i}x${v}`,
  (i, v) => [`probe${i}x${v}`],
  (i, v) => new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? `probe${i}${key}x${v}` : undefined), has: () => true }),
];

function call(fn: (...args: unknown[]) => unknown, probe: (typeof PROBES)[number], variant: (i: number) => number): unknown {
  return fn(...Array.from({ length: Math.max(fn.length, 1) }, (_, i) => probe(i, variant(i))));
}

/** Which arguments change the text, for the first kind of probe the English function accepts. */
function argumentsUsed(enFn: (...args: unknown[]) => unknown, zhFn: (...args: unknown[]) => unknown) {
  for (const probe of PROBES) {
    let base: unknown;
    try {
      base = call(enFn, probe, () => 0);
      call(zhFn, probe, () => 0);
    } catch {
      continue;
    }
    const used = (fn: typeof enFn) =>
      Array.from({ length: fn.length }, (_, i) => call(fn, probe, (j) => (j === i ? 1 : 0)) !== call(fn, probe, () => 0));
    void base;
    return { en: used(enFn), zh: used(zhFn) };
  }
  throw new Error('no probe fits');
}

describe('the two dictionaries', () => {
  it('have exactly the same keys', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('have the same kind of entry under each key, functions with the same parameters', () => {
    for (const [path, enValue] of enLeaves) {
      const zhValue = zhLeaves.get(path);
      expect(typeof zhValue, path).toBe(typeof enValue);
      if (typeof enValue === 'function') expect((zhValue as (...a: unknown[]) => unknown).length, path).toBe(enValue.length);
    }
  });

  it('use every parameter the English text uses, and no other', () => {
    let checked = 0;
    for (const [path, enValue] of enLeaves) {
      if (typeof enValue !== 'function' || path.startsWith('format.')) continue;
      const used = argumentsUsed(enValue as (...args: unknown[]) => unknown, zhLeaves.get(path) as (...args: unknown[]) => unknown);
      expect(used.zh, path).toEqual(used.en);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('keep the literal placeholders ({Bucket}, <APPID>…) of each text', () => {
    for (const [path, enValue] of enLeaves) {
      if (typeof enValue !== 'string') continue;
      expect(literalPlaceholders(zhLeaves.get(path) as string), path).toEqual(literalPlaceholders(enValue));
    }
  });

  it('translate every sentence: a Chinese text equal to the English one is a name, a code or a symbol', () => {
    const productName = ['app.name'];
    const same = [...enLeaves]
      .filter(([path, value]) => typeof value === 'string' && zhLeaves.get(path) === value && /[a-z]{3,} [a-z]{3,}/i.test(value))
      .filter(([path]) => !productName.includes(path))
      .map(([path]) => path);
    expect(same).toEqual([]);
  });

  it('name every region of the catalog in both languages', () => {
    for (const region of REGIONS) {
      expect(en.regions.names[region.id], region.id).toBe(region.name);
      expect(zhCN.regions.names[region.id], region.id).toMatch(/\p{Script=Han}/u);
    }
    expect(zhCN.regions.names['ap-hongkong']).toBe('中国香港');
    expect(zhCN.regions.names['na-siliconvalley']).toContain('硅谷');
  });

  it('speak of COS in the console’s own words', () => {
    expect(zhCN.create.acls).toEqual({ private: '私有读写', 'public-read': '公有读私有写', 'public-read-write': '公有读写' });
    expect(zhCN.list.createBucket).toBe('创建存储桶');
    expect(zhCN.errors.requestId).toBe('请求 ID');
    expect(zhCN.create.multiAz).toContain('多 AZ');
    expect(zhCN.profiles.kindTemporary).toBe('临时密钥');
    expect(zhCN.emptyBucket.deleteMarkers(2)).toContain('删除标记');
  });
});
