import { describe, expect, it } from 'vitest';
import { memorySettings } from '../testing/memory-settings';
import { AddedBucketStore, MAX_ADDED_PER_PROFILE } from './added-buckets';

const at = Date.UTC(2024, 0, 2, 3, 4, 5);

describe('AddedBucketStore', () => {
  it('keeps each profile its own list, once per name, the latest region winning', () => {
    const store = new AddedBucketStore(memorySettings(), () => at);
    store.add('p1', { bucket: 'a-1250000000', region: 'ap-beijing' });
    store.add('p1', { bucket: 'b-1250000000', region: 'ap-beijing' });
    store.add('p1', { bucket: 'a-1250000000', region: 'ap-shanghai' });
    store.add('p2', { bucket: 'c-1250000000', region: 'ap-tokyo' });
    expect(store.list('p1')).toEqual([
      { name: 'b-1250000000', region: 'ap-beijing', addedAt: '2024-01-02T03:04:05.000Z' },
      { name: 'a-1250000000', region: 'ap-shanghai', addedAt: '2024-01-02T03:04:05.000Z' },
    ]);
    expect(store.list('p2').map((b) => b.name)).toEqual(['c-1250000000']);
    expect(store.list('p3')).toEqual([]);
  });

  it('removes by name and region, and forgets a profile whose list is empty', () => {
    const settings = memorySettings();
    const store = new AddedBucketStore(settings);
    store.add('p1', { bucket: 'a-1250000000', region: 'ap-beijing' });
    expect(store.remove('p1', { bucket: 'a-1250000000', region: 'ap-tokyo' })).toBe(false);
    expect(store.remove('p1', { bucket: 'a-1250000000', region: 'ap-beijing' })).toBe(true);
    expect(settings.data.get('addedBuckets')).toEqual({});
  });

  it('drops entries that no longer parse, and a stored value of the wrong shape', () => {
    const settings = memorySettings();
    settings.set('addedBuckets', { p1: [{ name: 'a-1250000000', region: 'ap-beijing', addedAt: 'x' }, { name: 7 }, 'junk'] });
    expect(new AddedBucketStore(settings).list('p1').map((b) => b.name)).toEqual(['a-1250000000']);
    settings.set('addedBuckets', 'not a record');
    expect(new AddedBucketStore(settings).list('p1')).toEqual([]);
  });

  it('keeps at most the latest few hundred per profile', () => {
    const store = new AddedBucketStore(memorySettings());
    for (let i = 0; i <= MAX_ADDED_PER_PROFILE; i += 1) store.add('p1', { bucket: `b${i}-1250000000`, region: 'ap-beijing' });
    const list = store.list('p1');
    expect(list).toHaveLength(MAX_ADDED_PER_PROFILE);
    expect(list[0].name).toBe('b1-1250000000');
  });
});
