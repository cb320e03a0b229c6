import { describe, expect, it } from 'vitest';
import { AppErrorException } from '@shared/errors';
import { BUCKET_REF, CREATE_INPUT } from '../testing/valid-inputs';
import { memorySettings } from '../testing/memory-settings';
import { AddedBucketStore } from './added-buckets';
import { BucketService } from './bucket-service';

const notSignedIn = new AppErrorException({ kind: 'session', code: 'NotSignedIn' });

describe('BucketService', () => {
  it('rejects every operation with NotSignedIn when nobody is signed in', async () => {
    const refuse = () => {
      throw notSignedIn;
    };
    const service = new BucketService({ gateway: refuse, activeProfileId: refuse }, new AddedBucketStore(memorySettings()));
    for (const call of [
      () => service.createBucket(CREATE_INPUT),
      () => service.deleteBucket(BUCKET_REF),
      () => service.addBucketByName(BUCKET_REF),
      () => service.listAddedBuckets(),
      () => service.removeAddedBucket(BUCKET_REF),
    ]) {
      await expect(call()).rejects.toBe(notSignedIn);
    }
  });
});
