/** Bucket operations on behalf of whoever is signed in. Inputs arrive validated by the handler registry. */
import type {
  BucketList,
  BucketRef,
  CreateBucketInput,
  CreateBucketResult,
  DeleteBucketResult,
  HeadBucketResult,
} from '../../shared/contract';
import type { CosGateway } from '../cos/gateway';

export interface GatewaySource {
  /** Throws NotSignedIn when nobody is signed in. */
  gateway(): CosGateway;
}

export class BucketService {
  constructor(private readonly session: GatewaySource) {}

  async list(input: { region?: string } = {}): Promise<BucketList> {
    return this.session.gateway().listBuckets(input);
  }

  async create(input: CreateBucketInput): Promise<CreateBucketResult> {
    return this.session.gateway().createBucket(input);
  }

  async head(ref: BucketRef): Promise<HeadBucketResult> {
    return this.session.gateway().headBucket(ref);
  }

  async delete(ref: BucketRef): Promise<DeleteBucketResult> {
    return this.session.gateway().deleteBucket(ref);
  }
}
