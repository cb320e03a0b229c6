import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BUCKET_TAGS, checkTag, checkTags } from './bucket-tags';
import { putBucketTaggingInputSchema } from './settings-contract';

const broken = (key: string, value = '', others: string[] = []) =>
  checkTag({ key, value }, others)
    .filter((r) => !r.ok)
    .map((r) => r.rule);

describe('checkTag', () => {
  it('accepts letters of any script, digits, spaces and + - _ = . : / @', () => {
    expect(broken('team', 'photo desk')).toEqual([]);
    expect(broken('成本 中心', 'a+b-c_d=e.f:g/h@i')).toEqual([]);
    expect(broken('k', '')).toEqual([]);
  });

  it('needs a key of 1 to 128 characters and a value of at most 256', () => {
    expect(broken('')).toEqual(['keyRequired']);
    expect(broken('k'.repeat(128), 'v'.repeat(256))).toEqual([]);
    expect(broken('k'.repeat(129))).toEqual(['keyLength']);
    expect(broken('k', 'v'.repeat(257))).toEqual(['valueLength']);
    // Characters, not UTF-16 units.
    expect(broken('😀'.repeat(128))).toEqual(['keyChars']);
  });

  it('refuses other characters in a key or a value', () => {
    for (const c of ['!', '&', '#', '\n', '"', '<', '*']) {
      expect(broken(`a${c}`)).toContain('keyChars');
      expect(broken('a', `b${c}`)).toContain('valueChars');
    }
  });

  it('refuses reserved keys and a key given twice', () => {
    expect(broken('qcs:project')).toEqual(['keyReserved']);
    expect(broken('QCS:x')).toEqual(['keyReserved']);
    expect(broken('project-id')).toEqual(['keyReserved']);
    expect(broken('my project')).toEqual([]);
    expect(broken('team', '', ['team'])).toEqual(['keyDuplicate']);
  });
});

describe('checkTags and the putBucketTagging schema', () => {
  it('names the later of two equal keys, by its place', () => {
    expect(checkTags([{ key: 'a', value: '' }, { key: 'b', value: '' }, { key: 'a', value: '' }])).toEqual([{ index: 2, rule: 'keyDuplicate' }]);
  });

  it('refuses in the main process exactly what the form refuses', () => {
    const tag = fc.record({ key: fc.string({ maxLength: 140 }), value: fc.string({ maxLength: 260 }) });
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 8 }), (tags) => {
        const parsed = putBucketTaggingInputSchema.safeParse({ bucket: 'a-1250000000', region: 'ap-guangzhou', tags });
        expect(parsed.success).toBe(checkTags(tags).length === 0);
      }),
    );
  });

  it(`accepts at most ${MAX_BUCKET_TAGS} tags`, () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: '' }));
    const ref = { bucket: 'a-1250000000', region: 'ap-guangzhou' };
    expect(putBucketTaggingInputSchema.safeParse({ ...ref, tags: tags(50) }).success).toBe(true);
    expect(putBucketTaggingInputSchema.safeParse({ ...ref, tags: tags(51) }).success).toBe(false);
  });
});
