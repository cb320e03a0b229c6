import type { CosRequest } from './exchange';
import type { BucketTarget } from './existing-bucket';
import type { EmulatorState } from './state';
import type { EmulatorAccount, EmulatorBucket } from './types';

/** A signed request on a bucket host, as every bucket and object handler receives it. */
export interface BucketCall {
  request: CosRequest;
  account: EmulatorAccount;
  state: EmulatorState;
  target: BucketTarget;
  /** The object key: the decoded path without its leading `/` ('' for bucket calls). */
  key: string;
  /** The server's clock in ms. */
  now: number;
  /** The addressed bucket, or the NoSuchBucket / AccessDenied error; called after the CAM check, as COS orders them. */
  bucket(): EmulatorBucket;
}
