/**
 * The bucket calls that need more than one request of the signed-in account's gateway (the other bucket calls are
 * the gateway's own, under the same names). Inputs arrive validated by the handler registry.
 * A create or delete whose answer was lost is settled here, by asking COS what is there now: the user is told what
 * happened, never a guess, and a delete is never sent twice.
 */
import type {
  AddBucketResult,
  AddedBucketList,
  BucketRef,
  CreateBucketInput,
  CreateBucketResult,
  DeleteBucketResult,
  HeadBucketResult,
} from '@shared/contract';
import { APP_ERROR_CODES, AppErrorException, type AppError } from '@shared/errors';
import type { CosGateway, GatewayCall } from '../cos/gateway';
import { UnsettledOutcomeException } from '../cos/transport';
import type { AddedBucketStore } from './added-buckets';

export interface GatewaySource {
  /** Throws NotSignedIn when nobody is signed in. */
  gateway(): CosGateway;
  /** The active profile's id; throws NotSignedIn when nobody is signed in. */
  activeProfileId(): string;
}

export class BucketService {
  constructor(
    private readonly session: GatewaySource,
    private readonly added: AddedBucketStore,
  ) {}

  async createBucket(input: CreateBucketInput, call?: GatewayCall): Promise<CreateBucketResult> {
    const gateway = this.session.gateway();
    const result = await gateway.createBucket(input, call);
    if (!result.alreadyOwned) return result;
    // A retry found the name already ours. Names are global, so the bucket could be one the user owned before, in
    // another region: only the region asked for counts as this create having worked.
    const check = await gateway.headBucket({ bucket: result.bucket.name, region: input.region }, call).catch(() => undefined);
    if (check?.status !== 404) return result;
    throw new AppErrorException({
      kind: 'cos',
      code: APP_ERROR_CODES.bucketOwnedElsewhere,
      params: { bucket: result.bucket.name, region: input.region },
      status: 409,
      action: 'cos:PutBucket',
    });
  }

  async deleteBucket(ref: BucketRef, call?: GatewayCall): Promise<DeleteBucketResult> {
    const gateway = this.session.gateway();
    let result: DeleteBucketResult;
    try {
      result = await gateway.deleteBucket(ref, call);
    } catch (error) {
      if (!(error instanceof UnsettledOutcomeException)) throw error;
      result = await settleDelete(gateway, ref, error.error);
    }
    // A deleted bucket added by hand would otherwise stay listed with nothing behind it.
    this.added.remove(this.session.activeProfileId(), ref);
    return result;
  }

  /** Adds a bucket by name for a key that may not list buckets, once HEAD has found it. */
  async addBucketByName(ref: BucketRef, call?: GatewayCall): Promise<AddBucketResult> {
    const profileId = this.session.activeProfileId();
    const check = await this.session.gateway().headBucket(ref, call);
    if (!check.exists) {
      throw new AppErrorException({
        kind: 'cos',
        code: 'NoSuchBucket',
        params: { bucket: ref.bucket, region: ref.region },
        status: 404,
        action: 'cos:HeadBucket',
        ...(check.requestId ? { requestId: check.requestId } : {}),
      });
    }
    return { bucket: this.added.add(profileId, ref), check };
  }

  async listAddedBuckets(): Promise<AddedBucketList> {
    return { buckets: this.added.list(this.session.activeProfileId()) };
  }

  /** Takes a bucket off the hand-added list; the bucket itself is not touched. */
  async removeAddedBucket(ref: BucketRef): Promise<AddedBucketList> {
    const profileId = this.session.activeProfileId();
    this.added.remove(profileId, ref);
    return { buckets: this.added.list(profileId) };
  }
}

/** The delete may or may not have happened: a HEAD says which, and the user hears what it found. */
async function settleDelete(gateway: CosGateway, ref: BucketRef, failure: AppError): Promise<DeleteBucketResult> {
  let check: HeadBucketResult | undefined;
  let checkFailure: string | undefined;
  try {
    check = await gateway.headBucket(ref, { purpose: 'recheck' });
  } catch (error) {
    checkFailure = error instanceof AppErrorException ? error.error.code : APP_ERROR_CODES.internal;
  }
  if (check?.status === 404) return { bucket: ref.bucket, region: ref.region, confirmedByCheck: true };
  const params = { bucket: ref.bucket, failure: failure.code };
  if (check?.status === 200) throw new AppErrorException({ ...failure, code: APP_ERROR_CODES.bucketStillThere, params });
  // 403: this key may delete but not check buckets, so the answer says nothing about this one.
  throw new AppErrorException({
    ...failure,
    code: APP_ERROR_CODES.outcomeUnknown,
    params: { ...params, checkFailure: checkFailure ?? 'AccessDenied' },
  });
}
