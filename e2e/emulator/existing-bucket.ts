import { requireAllowed } from './cam';
import { CosError } from './errors';
import type { CosResponse } from './exchange';
import type { Target } from './hosts';
import type { EmulatorState } from './state';
import type { EmulatorAccount, EmulatorBucket } from './types';

type BucketTarget = Extract<Target, { kind: 'bucket' }>;

/**
 * A bucket lives at one regional host only: asking the wrong region answers 404 as for a missing bucket,
 * which is also what the real service's regional endpoints do.
 */
function ownedBucket(state: EmulatorState, account: EmulatorAccount, target: BucketTarget): EmulatorBucket {
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
  requireAllowed(account, 'cos:HeadBucket', target.bucket);
  const bucket = ownedBucket(state, account, target);
  const headers: Record<string, string> = { 'x-cos-bucket-region': bucket.region };
  if (bucket.multiAz) headers['x-cos-bucket-az-type'] = 'MAZ';
  return { status: 200, headers };
}

export function deleteBucket(account: EmulatorAccount, state: EmulatorState, target: BucketTarget): CosResponse {
  requireAllowed(account, 'cos:DeleteBucket', target.bucket);
  const bucket = ownedBucket(state, account, target);
  if (bucket.objectCount > 0) {
    throw new CosError(
      'BucketNotEmpty',
      `The bucket you tried to delete is not empty: it holds ${bucket.objectCount} objects. Delete them, their old versions and unfinished multipart uploads first.`,
    );
  }
  state.remove(bucket.name);
  return { status: 204 };
}
