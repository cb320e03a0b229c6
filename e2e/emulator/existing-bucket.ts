import { requireAllowed } from './cam';
import { CosError } from './errors';
import type { CosResponse } from './exchange';
import type { Target } from './hosts';
import type { EmulatorState } from './state';
import type { EmulatorAccount, EmulatorBucket } from './types';

export type BucketTarget = Extract<Target, { kind: 'bucket' }>;

/**
 * A bucket lives at one regional host only: asking the wrong region answers 404 as for a missing bucket,
 * which is also what the real service's regional endpoints do.
 */
export function ownedBucket(state: EmulatorState, account: EmulatorAccount, target: BucketTarget): EmulatorBucket {
  const bucket = state.bucket(target.bucket);
  if (!bucket || bucket.region !== target.region) {
    throw new CosError('NoSuchBucket', 'The specified bucket does not exist.');
  }
  if (bucket.owner !== account.ownerUin) {
    throw new CosError('AccessDenied', `Access denied: the bucket ${bucket.name} belongs to another account.`);
  }
  return bucket;
}

export function headBucket(account: EmulatorAccount, state: EmulatorState, target: BucketTarget): CosResponse {
  requireAllowed(account, 'cos:HeadBucket', target.bucket, { bucket: target.bucket });
  const bucket = ownedBucket(state, account, target);
  const headers: Record<string, string> = { 'x-cos-bucket-region': bucket.region };
  if (bucket.multiAz) headers['x-cos-bucket-az-type'] = 'MAZ';
  return { status: 200, headers };
}

export function deleteBucket(account: EmulatorAccount, state: EmulatorState, target: BucketTarget): CosResponse {
  requireAllowed(account, 'cos:DeleteBucket', target.bucket, { bucket: target.bucket });
  const bucket = ownedBucket(state, account, target);
  const objects = state.objects(bucket.name);
  if (!objects.isEmpty()) {
    // Old versions and delete markers count as data too (doc 7732 names data and parts; S3 counts versions).
    throw new CosError(
      'BucketNotEmpty',
      `The bucket you tried to delete is not empty: it holds ${objects.currentCount()} objects, ${objects.keys().length} keys with versions or delete markers and ${objects.uploads.size} unfinished multipart uploads. Delete them first.`,
    );
  }
  state.remove(bucket.name);
  return { status: 204 };
}
