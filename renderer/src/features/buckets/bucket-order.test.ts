import { describe, expect, it } from 'vitest';
import type { Bucket } from '@shared/contract';
import { filterByName, sortBuckets } from './bucket-order';

const b = (name: string, region: string, creationDate: string, bucketType?: string): Bucket => ({ name, region, creationDate, bucketType });
const LIST = [
  b('photos-1', 'ap-guangzhou', '2024-05-01T10:00:00Z', 'cos'),
  b('backup-1', 'ap-shanghai', '2023-01-15T02:30:00Z'),
  b('logs-1', 'ap-guangzhou', '2025-02-10T12:00:00Z', 'cos'),
  b('archive-1', 'ap-guangzhou', 'not a date', 'maz'),
];
const names = (list: readonly Bucket[]) => list.map((x) => x.name);

describe('sortBuckets', () => {
  it('sorts by name either way', () => {
    expect(names(sortBuckets(LIST, [{ id: 'name', desc: false }]))).toEqual(['archive-1', 'backup-1', 'logs-1', 'photos-1']);
    expect(names(sortBuckets(LIST, [{ id: 'name', desc: true }]))).toEqual(['photos-1', 'logs-1', 'backup-1', 'archive-1']);
  });

  it('sorts by creation time, an unreadable date counting as the oldest', () => {
    expect(names(sortBuckets(LIST, [{ id: 'created', desc: true }]))).toEqual(['logs-1', 'photos-1', 'backup-1', 'archive-1']);
  });

  it('breaks ties by name, in the same order whichever way the sort goes', () => {
    expect(names(sortBuckets(LIST, [{ id: 'region', desc: false }]))).toEqual(['archive-1', 'logs-1', 'photos-1', 'backup-1']);
    expect(names(sortBuckets(LIST, [{ id: 'region', desc: true }]))).toEqual(['backup-1', 'archive-1', 'logs-1', 'photos-1']);
    expect(names(sortBuckets(LIST, [{ id: 'type', desc: false }]))).toEqual(['backup-1', 'logs-1', 'photos-1', 'archive-1']);
  });

  it('leaves the list alone, as a copy, without a sort', () => {
    const result = sortBuckets(LIST, []);
    expect(result).toEqual(LIST);
    expect(result).not.toBe(LIST);
  });
});

describe('filterByName', () => {
  it('keeps the names containing the lowercased query, in order', () => {
    expect(names(filterByName(LIST, 'o'))).toEqual(['photos-1', 'logs-1']);
    expect(filterByName(LIST, '')).toBe(LIST);
  });
});
