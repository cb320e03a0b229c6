/** The emulator's public contract: other suites code against these names. */
import type { FaultControl, FaultKind } from './faults';
import type { HeldOutcome } from './gate';

export interface EmulatorAccount {
  secretId: string;
  secretKey: string;
  /** Set for temporary keys: requests must then carry it in x-cos-security-token. */
  sessionToken?: string;
  /** When the temporary key stops working (any date `Date.parse` reads); ExpiredToken from then on. */
  tokenExpiresAt?: string;
  /** Root account UIN; sub-accounts share their owner's UIN and APPID. */
  ownerUin: string;
  appId: string;
  displayName?: string;
  /** CAM actions allowed, e.g. 'cos:GetService'; absent means all. 'cos:*' allows every COS action. */
  allow?: string[];
}

export interface EmulatorBucketSeed {
  /** Full name, `<name>-<appid>`. */
  name: string;
  region: string;
  /** Owner UIN; the first account's when absent. */
  owner?: string;
  /** Any date `Date` parses; now when absent. */
  creationDate?: string;
  multiAz?: boolean;
  acl?: string;
  /** Objects in the bucket: any above zero makes DELETE answer BucketNotEmpty. */
  objectCount?: number;
}

export interface EmulatorSeed {
  accounts?: EmulatorAccount[];
  buckets?: EmulatorBucketSeed[];
  /** Buckets one owner may create (PUT Bucket answers TooManyBuckets beyond it); 200 by default. */
  bucketLimit?: number;
}

export interface EmulatorBucket {
  name: string;
  region: string;
  owner: string;
  /** ISO 8601 to the second, e.g. 2024-01-02T03:04:05Z. */
  creationDate: string;
  multiAz: boolean;
  acl: string;
  /** Grantee ids as sent, by COS permission: READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL. */
  grants: Record<string, string[]>;
  /** The x-cos-tagging header as sent, e.g. `k1=v1&k2=v2`. */
  tags?: string;
  objectCount: number;
}

export interface EmulatorRequestLogEntry {
  method: string;
  host: string;
  path: string;
  /** 0 when no answer was sent: the connection was dropped or the request left hanging by a fault. */
  status: number;
  code?: string;
  /** The injected fault that shaped this answer, if any (latency is not recorded here). */
  fault?: FaultKind;
  /**
   * Set when a gate held the request: 'released' (then answered as the other fields say), or 'closed' (its
   * connection closed while it was held, so no answer was sent and status is 0).
   */
  held?: HeldOutcome;
}

export interface Emulator {
  /** 'http://127.0.0.1:PORT' */
  endpoint: string;
  /** '127.0.0.1:PORT', what the SDK's Ip option takes. */
  address: string;
  port: number;
  /** accounts[0] is the default demo/test account. */
  accounts: EmulatorAccount[];
  buckets(): EmulatorBucket[];
  addBucket(seed: EmulatorBucketSeed): void;
  setObjectCount(bucket: string, n: number): void;
  requests(): EmulatorRequestLogEntry[];
  /** Misbehaviour on request, and gates that hold answers: see faults.ts and gate.ts. */
  faults: FaultControl;
  /** A new temporary key (SecretId, SecretKey, token) of the first account's owner, accepted until `expiresAt`. */
  issueTemporaryKey(options?: { expiresAt?: Date; allow?: string[] }): EmulatorAccount;
  /** Makes a temporary key's token expire now: its requests answer ExpiredToken from then on. */
  expireToken(secretId: string): void;
  close(): Promise<void>;
}
