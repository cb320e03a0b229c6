import { describe, expect, it } from 'vitest';
import { readBucketListPage } from './bucket-list-page';

const owner = { ID: 'qcs::cam::uin/100000000001:uin/100000000001', DisplayName: '100000000001' };
const bucket = (name: string) => ({ Name: name, Location: 'ap-guangzhou', CreationDate: '2024-01-01T00:00:00Z', BucketType: 'cos' });

describe('readBucketListPage', () => {
  it('reads a single <Bucket> (an object, not an array), trims its name and reads the owner', () => {
    const page = readBucketListPage({
      ListAllMyBucketsResult: { Owner: owner, Buckets: { Bucket: bucket('examplebucket-1250000000 ') }, IsTruncated: 'false' },
    });
    expect(page).toEqual({
      owner: { ownerId: owner.ID, displayName: owner.DisplayName },
      buckets: [{ name: 'examplebucket-1250000000', region: 'ap-guangzhou', creationDate: '2024-01-01T00:00:00Z', bucketType: 'cos' }],
      nextMarker: undefined,
    });
  });

  it('reads an empty <Buckets/> as no buckets', () => {
    expect(readBucketListPage({ ListAllMyBucketsResult: { Owner: owner, Buckets: '' } }).buckets).toEqual([]);
  });

  it('continues from NextMarker when IsTruncated is the string "true"', () => {
    const page = readBucketListPage({
      ListAllMyBucketsResult: { Owner: owner, Buckets: { Bucket: [bucket('a-1'), bucket('b-1')] }, IsTruncated: 'true', NextMarker: 'b-1' },
    });
    expect(page.nextMarker).toBe('b-1');
  });

  it('continues from the last name when a truncated page has no NextMarker', () => {
    const page = readBucketListPage({
      ListAllMyBucketsResult: { Owner: owner, Buckets: { Bucket: [bucket('a-1'), bucket('b-1')] }, IsTruncated: 'true' },
    });
    expect(page.nextMarker).toBe('b-1');
  });

  it('omits bucketType when COS does not send one', () => {
    const { Name, Location, CreationDate } = bucket('a-1');
    const page = readBucketListPage({ ListAllMyBucketsResult: { Owner: owner, Buckets: { Bucket: { Name, Location, CreationDate } } } });
    expect(page.buckets[0]).not.toHaveProperty('bucketType');
  });
});
