/**
 * Bucket operations on behalf of whoever is signed in. Inputs arrive validated by the handler registry.
 * A create or delete whose answer was lost is settled here, by asking COS what is there now: the user is told what
 * happened, never a guess, and a delete is never sent twice.
 */
import type {
  AddBucketResult,
  AddedBucketList,
  BucketList,
  BucketListPage,
  BucketRef,
  CreateBucketInput,
  CreateBucketResult,
  DeleteBucketResult,
  HeadBucketResult,
  ListBucketsPageInput,
} from '@shared/contract';
import { APP_ERROR_CODES, AppErrorException, type AppError } from '@shared/errors';
import type { CosGateway } from '../cos/gateway';
import { UnsettledOutcomeException } from '../cos/transport';
import type { AddedBucketStore } from './added-buckets';

export interface GatewaySource {
  /** Throws NotSignedIn when nobody is signed in. */
  gateway(): CosGateway;
  /** The active profile's id; throws NotSignedIn when nobody is signed in. */
  activeProfileId?(): string;
}

export class BucketService {
  constructor(
    private readonly session: GatewaySource,
    private readonly added?: AddedBucketStore,
  ) {}

  async list(input: { region?: string } = {}): Promise<BucketList> {
    return this.session.gateway().listBuckets(input);
  }

  /** One page: the caller follows nextMarker, so it can show rows early and stop whenever it likes. */
  async listPage(input: ListBucketsPageInput = {}): Promise<BucketListPage> {
    return this.session.gateway().listBucketsPage(input);
  }

  async create(input: CreateBucketInput): Promise<CreateBucketResult> {
    const gateway = this.session.gateway();
    const result = await gateway.createBucket(input);
    if (!result.alreadyOwned) return result;
    // A retry found the name already ours. Names are global, so the bucket could be one the user owned before, in
    // another region: only the region asked for counts as this create having worked.
    const check = await gateway.headBucket({ bucket: result.bucket.name, region: input.region }).catch(() => undefined);
    if (check?.status !== 404) return result;
    throw new AppErrorException({
      kind: 'cos',
      code: 'BucketAlreadyOwnedByYou',
      status: 409,
      action: 'cos:PutBucket',
      message: `You already own a bucket named ${result.bucket.name}, but not in ${input.region}.`,
    });
  }

  async head(ref: BucketRef): Promise<HeadBucketResult> {
    return this.session.gateway().headBucket(ref);
  }

  async delete(ref: BucketRef): Promise<DeleteBucketResult> {
    const gateway = this.session.gateway();
    let result: DeleteBucketResult;
    try {
      result = await gateway.deleteBucket(ref);
    } catch (error) {
      if (!(error instanceof UnsettledOutcomeException)) throw error;
      result = await settleDelete(gateway, ref, error.error);
    }
    // A deleted bucket added by hand would otherwise stay listed with nothing behind it.
    this.addedStore()?.remove(this.session.activeProfileId!(), ref);
    return result;
  }

  /** Adds a bucket by name for a key that may not list buckets, once HEAD has found it. */
  async addByName(ref: BucketRef): Promise<AddBucketResult> {
    const store = this.requireAddedStore();
    const profileId = this.session.activeProfileId!();
    const check = await this.session.gateway().headBucket(ref);
    if (!check.exists) {
      throw new AppErrorException({
        kind: 'cos',
        code: 'NoSuchBucket',
        status: 404,
        action: 'cos:HeadBucket',
        message: `COS has no bucket ${ref.bucket} in ${ref.region}.`,
        ...(check.requestId ? { requestId: check.requestId } : {}),
      });
    }
    return { bucket: store.add(profileId, ref), check };
  }

  async listAdded(): Promise<AddedBucketList> {
    return { buckets: this.requireAddedStore().list(this.session.activeProfileId!()) };
  }

  /** Takes a bucket off the hand-added list; the bucket itself is not touched. */
  async removeAdded(ref: BucketRef): Promise<AddedBucketList> {
    const store = this.requireAddedStore();
    const profileId = this.session.activeProfileId!();
    store.remove(profileId, ref);
    return { buckets: store.list(profileId) };
  }

  private addedStore(): AddedBucketStore | undefined {
    return this.added && this.session.activeProfileId ? this.added : undefined;
  }

  private requireAddedStore(): AddedBucketStore {
    const store = this.addedStore();
    if (!store) throw new Error('BucketService was built without a store for buckets added by hand.');
    return store;
  }
}

/** The delete may or may not have happened: a HEAD says which, and the user hears what it found. */
async function settleDelete(gateway: CosGateway, ref: BucketRef, failure: AppError): Promise<DeleteBucketResult> {
  let check: HeadBucketResult | undefined;
  let checkFailure: string | undefined;
  try {
    check = await gateway.headBucket(ref, 'recheck');
  } catch (error) {
    checkFailure = error instanceof AppErrorException ? error.error.message : 'the check failed';
  }
  if (check?.status === 404) return { bucket: ref.bucket, region: ref.region, confirmedByCheck: true };
  if (check?.status === 200) {
    throw new AppErrorException({
      ...failure,
      code: APP_ERROR_CODES.bucketStillThere,
      message: `${failure.message} A check right after found the bucket still there: it was not deleted.`,
    });
  }
  // 403: this key may delete but not check buckets, so the answer says nothing about this one.
  const why = checkFailure ?? 'the key may not check buckets (cos:HeadBucket)';
  throw new AppErrorException({
    ...failure,
    code: APP_ERROR_CODES.outcomeUnknown,
    message: `${failure.message} The check that followed could not tell whether the bucket is gone: ${why}`,
  });
}
