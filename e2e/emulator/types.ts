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
  /**
   * What the key may do; absent means everything. A string allows a CAM action on every resource
   * ('cos:GetService', 'cos:*' for every COS action); a statement allows its actions on some object keys only.
   */
  allow?: CamGrant[];
}

/**
 * Actions allowed on part of the owner's data. `resources` are object key patterns where `*` stands for any run of
 * characters (`team-a/*`, `*.jpg`, `*` for everything, bucket-level calls included); absent means `*`.
 * `buckets` limits the statement to some buckets (full names); absent means all of the owner's buckets.
 */
export interface CamStatement {
  actions: string[];
  resources?: string[];
  buckets?: string[];
}

export type CamGrant = string | CamStatement;

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
  /** That many generated objects, `object-000001` …, so that DELETE answers BucketNotEmpty. */
  objectCount?: number;
  /** Versioning as PUT Bucket versioning would have set it; never enabled when absent. */
  versioning?: 'Enabled' | 'Suspended';
}

/**
 * One object. Without `body` its bytes are generated from `size` (no file is written), which is how listing
 * tests hold 100,000 keys.
 */
export interface EmulatorObjectSeed {
  bucket: string;
  key: string;
  /** Text content (UTF-8); wins over `size`. */
  body?: string;
  /** Bytes of generated content; 0 when absent. */
  size?: number;
  contentType?: string;
  /** Any date `Date` parses; now when absent. */
  lastModified?: string;
  storageClass?: string;
  /** x-cos-meta-* values by suffix: `{ author: 'x' }` is x-cos-meta-author. */
  meta?: Record<string, string>;
}

/** `count` generated objects `<prefix>000001`, `<prefix>000002` … (numbers padded to the count's width, at least 6). */
export interface EmulatorObjectRangeSeed {
  bucket: string;
  prefix: string;
  count: number;
  size?: number;
  lastModified?: string;
}

/** What a test can read back about an object version or delete marker. */
export interface EmulatorObjectVersion {
  key: string;
  /** 'null' for versions written while versioning was off or suspended. */
  versionId: string;
  isLatest: boolean;
  deleteMarker: boolean;
  size: number;
  etag: string;
  lastModified: string;
  storageClass: string;
}

export interface EmulatorSeed {
  accounts?: EmulatorAccount[];
  buckets?: EmulatorBucketSeed[];
  /** Buckets one owner may create (PUT Bucket answers TooManyBuckets beyond it); 200 by default. */
  bucketLimit?: number;
  objects?: (EmulatorObjectSeed | EmulatorObjectRangeSeed)[];
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
  /** Current objects (keys whose latest version is not a delete marker). Read-only: a count, kept by the emulator. */
  objectCount: number;
  versioning?: 'Enabled' | 'Suspended';
  /** The bucket policy as PUT Bucket policy sent it (JSON text). */
  policy?: string;
  /** CORS rules as PUT Bucket cors sent them. */
  cors?: { id?: string; origins: string[]; methods: string[]; headers: string[]; expose: string[]; maxAge?: string }[];
  /** The LifecycleConfiguration document as PUT Bucket lifecycle sent it. */
  lifecycle?: string;
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
  /** Makes the bucket hold exactly `n` generated objects, and nothing else: no old versions, no uploads. */
  setObjectCount(bucket: string, n: number): void;
  /** Adds objects as a seed would, replacing current versions of the same keys. */
  addObjects(seeds: (EmulatorObjectSeed | EmulatorObjectRangeSeed)[]): void;
  /** Every version and delete marker in the bucket, keys in UTF-8 order, newest first within a key. */
  objectVersions(bucket: string): EmulatorObjectVersion[];
  /** Unfinished multipart uploads: key and upload id. */
  uploads(bucket: string): { key: string; uploadId: string }[];
  /** The folder holding object bytes; removed by close(). */
  dataFolder: string;
  requests(): EmulatorRequestLogEntry[];
  /** Misbehaviour on request, and gates that hold answers: see faults.ts and gate.ts. */
  faults: FaultControl;
  /** A new temporary key (SecretId, SecretKey, token) of the first account's owner, accepted until `expiresAt`. */
  issueTemporaryKey(options?: { expiresAt?: Date; allow?: CamGrant[] }): EmulatorAccount;
  /** Makes a temporary key's token expire now: its requests answer ExpiredToken from then on. */
  expireToken(secretId: string): void;
  close(): Promise<void>;
}
