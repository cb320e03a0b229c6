import { cannedAcl, grants, tagging } from './acl-headers';
import { requireCreatableName } from './bucket-name';
import { requireAllowed } from './cam';
import { CosError } from './errors';
import type { CosRequest, CosResponse } from './exchange';
import type { Target } from './hosts';
import { offersMultiAz, requireOpenRegion } from './regions';
import { bucketFromSeed } from './seed';
import type { EmulatorState } from './state';
import type { EmulatorAccount } from './types';
import { readFlatDocument } from './xml';

/** Reads the optional CreateBucketConfiguration body; only multi-AZ is modelled. */
function requestedMultiAz(body: string, region: string): boolean {
  if (body.trim() === '') return false;
  const config = readFlatDocument(body, 'CreateBucketConfiguration');
  if (!config) throw new CosError('MalformedXML', 'The request body is not a CreateBucketConfiguration document.');
  const az = config.get('BucketAZConfig');
  if (az === undefined) return false;
  if (az !== 'MAZ') throw new CosError('InvalidArgument', `BucketAZConfig must be MAZ, not "${az}".`);
  if (!offersMultiAz(region)) {
    throw new CosError('MultiAZFeatureNotSupport', `Multi-AZ storage is not offered in ${region}.`);
  }
  return true;
}

/** PUT Bucket. Checks run in an order that lets the request's own mistakes show before conflicts with state. */
export function putBucket(
  request: CosRequest,
  account: EmulatorAccount,
  state: EmulatorState,
  target: Extract<Target, { kind: 'bucket' }>,
): CosResponse {
  const { bucket: name, region } = target;
  requireAllowed(account, 'cos:PutBucket', name, { bucket: name });
  requireOpenRegion(region);
  const appId = requireCreatableName(name, region);
  const acl = cannedAcl(request.headers);
  const granted = grants(request.headers);
  const tags = tagging(request.headers);
  const multiAz = requestedMultiAz(request.body, region);

  // Names are global: a bucket in any region blocks the name everywhere.
  const existing = state.bucket(name);
  if (existing?.owner === account.ownerUin) {
    throw new CosError('BucketAlreadyOwnedByYou', `You already own the bucket ${name} (in ${existing.region}).`);
  }
  if (existing) throw new CosError('BucketAlreadyExists', `The bucket name ${name} is taken by another account.`);
  if (appId !== account.appId) {
    throw new CosError('AccessDenied', `The APPID ${appId} in the bucket name is not this account's APPID ${account.appId}.`);
  }
  if (state.countOwnedBy(account.ownerUin) >= state.bucketLimit) {
    throw new CosError('TooManyBuckets', `This account already has the maximum of ${state.bucketLimit} buckets.`);
  }
  state.insert({ ...bucketFromSeed({ name, region, multiAz, acl }, account.ownerUin), grants: granted, tags });
  return { status: 200 };
}
