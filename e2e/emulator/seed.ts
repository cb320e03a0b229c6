import { objectHeaders, requireValidKey, storageClassOf } from './object-headers';
import type { ObjectVersion } from './objects';
import { nextVersionId } from './put-object';
import type { EmulatorState } from './state';
import type {
  EmulatorAccount,
  EmulatorBucket,
  EmulatorBucketSeed,
  EmulatorObjectRangeSeed,
  EmulatorObjectSeed,
  EmulatorSeed,
} from './types';

/** Used when a seed names no accounts. Its keys are public on purpose: they only ever open the emulator. */
export const DEMO_ACCOUNT: EmulatorAccount = Object.freeze({
  secretId: 'AKIDCOSDESKDEMO0000000000000000000000',
  secretKey: 'CosDeskDemoSecretKey000000000000',
  ownerUin: '100000000001',
  appId: '1250000000',
  displayName: 'COS Desk demo',
});

/** ISO 8601 to the second, the form COS returns CreationDate in. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function bucketFromSeed(seed: EmulatorBucketSeed, defaultOwner: string): EmulatorBucket {
  const created = seed.creationDate === undefined ? new Date() : new Date(seed.creationDate);
  if (Number.isNaN(created.getTime())) {
    throw new Error(`Bucket ${seed.name}: creationDate ${JSON.stringify(seed.creationDate)} is not a date.`);
  }
  return {
    name: seed.name,
    region: seed.region,
    owner: seed.owner ?? defaultOwner,
    creationDate: isoSeconds(created),
    multiAz: seed.multiAz ?? false,
    acl: seed.acl ?? 'private',
    grants: {},
    objectCount: 0,
    ...(seed.versioning ? { versioning: seed.versioning } : {}),
  };
}

function seedDate(date: string | undefined, where: string): number {
  if (date === undefined) return Date.now();
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) throw new Error(`${where}: lastModified ${JSON.stringify(date)} is not a date.`);
  return ms;
}

/** `objectCount` generated objects of a bucket seed: `object-000001` … */
export function fillerObjects(bucket: string, count: number): EmulatorObjectRangeSeed {
  return { bucket, prefix: 'object-', count, size: 0 };
}

/**
 * Adds seeded objects as current versions, in bulk: keys are sorted once afterwards, not per key, and generated
 * bodies write no file and hash once per size, when first listed or read.
 */
export function addSeededObjects(state: EmulatorState, seeds: (EmulatorObjectSeed | EmulatorObjectRangeSeed)[]): void {
  for (const seed of seeds) {
    const bucket = state.bucket(seed.bucket);
    if (!bucket) throw new Error(`Seed object in ${seed.bucket}: no bucket of that name.`);
    const objects = state.objects(bucket.name);
    const lastModified = seedDate(seed.lastModified, `Seed object in ${seed.bucket}`);
    const add = (version: ObjectVersion) => {
      for (const replaced of objects.add(version, { bulk: true })) state.blobs.release(replaced.body);
    };
    if ('count' in seed) {
      const width = Math.max(6, String(seed.count).length);
      const size = seed.size ?? 0;
      // Shared by every generated object: they differ only by key, and nothing mutates these.
      const body = { kind: 'generated', size } as const;
      const headers = { 'content-type': 'application/octet-stream' };
      for (let i = 1; i <= seed.count; i++) {
        add({
          key: `${seed.prefix}${String(i).padStart(width, '0')}`,
          versionId: nextVersionId(bucket),
          deleteMarker: false,
          lastModified,
          size,
          etag: '',
          crc64: '',
          body,
          storageClass: 'STANDARD',
          headers,
        });
      }
      continue;
    }
    add(seededObject(state, bucket, seed, lastModified));
  }
}

/** One named object; its key and headers pass the checks a PUT would, so a seed cannot hold what COS refuses. */
function seededObject(state: EmulatorState, bucket: EmulatorBucket, seed: EmulatorObjectSeed, lastModified: number): ObjectVersion {
  const meta = Object.fromEntries(Object.entries(seed.meta ?? {}).map(([name, value]) => [`x-cos-meta-${name}`, value]));
  let headers: Record<string, string>;
  let storageClass: string;
  try {
    requireValidKey(seed.key);
    headers = objectHeaders({ 'content-type': seed.contentType, ...meta });
    storageClass = storageClassOf({ 'x-cos-storage-class': seed.storageClass });
  } catch (error) {
    throw new Error(`Seed object ${JSON.stringify(seed.key)} in ${seed.bucket}: ${(error as Error).message}`);
  }
  const version: ObjectVersion = {
    key: seed.key,
    versionId: nextVersionId(bucket),
    deleteMarker: false,
    lastModified,
    size: seed.size ?? 0,
    etag: '',
    crc64: '',
    body: { kind: 'generated', size: seed.size ?? 0 },
    storageClass,
    headers,
  };
  if (seed.body !== undefined) {
    const written = state.blobs.writeSync(Buffer.from(seed.body));
    version.size = written.segment.size;
    version.body = { kind: 'files', segments: [written.segment] };
    version.etag = `"${written.md5.toString('hex')}"`;
    version.crc64 = written.crc64;
    state.blobs.retain(version.body);
  }
  return version;
}

/**
 * Many buckets for listing and paging tests: `bucket-00001-<appId>` …, regions taken in turn,
 * created a minute apart from 2024-01-01 so that dates are distinct and stable.
 */
export function seedBuckets(
  count: number,
  options: { appId?: string; owner?: string; regions?: string[]; prefix?: string } = {},
): EmulatorBucketSeed[] {
  const appId = options.appId ?? DEMO_ACCOUNT.appId;
  const regions = options.regions ?? ['ap-guangzhou', 'ap-beijing', 'ap-shanghai'];
  const prefix = options.prefix ?? 'bucket';
  const width = String(count).length;
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}-${String(i + 1).padStart(width, '0')}-${appId}`,
    region: regions[i % regions.length],
    owner: options.owner,
    creationDate: isoSeconds(new Date(start + i * 60_000)),
  }));
}

function fail(where: string, problem: string): never {
  throw new Error(`Seed ${where}: ${problem}`);
}

function requireStrings(value: Record<string, unknown>, where: string, required: string[], optional: string[]): void {
  for (const key of required) if (typeof value[key] !== 'string') fail(where, `"${key}" must be a string.`);
  for (const key of optional) {
    if (value[key] !== undefined && typeof value[key] !== 'string') fail(where, `"${key}" must be a string.`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a seed read from JSON, so that a typo in a seed file fails at start-up with its location. */
export function parseSeed(value: unknown): EmulatorSeed {
  if (!isRecord(value)) fail('file', 'must be a JSON object.');
  const { accounts = [], buckets = [], bucketLimit, objects = [] } = value;
  if (!Array.isArray(objects)) fail('objects', 'must be an array.');
  if (!Array.isArray(accounts)) fail('accounts', 'must be an array.');
  if (!Array.isArray(buckets)) fail('buckets', 'must be an array.');
  if (bucketLimit !== undefined && !(Number.isInteger(bucketLimit) && (bucketLimit as number) >= 0)) {
    fail('bucketLimit', 'must be a whole number.');
  }
  accounts.forEach((account: unknown, i) => {
    const where = `accounts[${i}]`;
    if (!isRecord(account)) fail(where, 'must be an object.');
    requireStrings(account, where, ['secretId', 'secretKey', 'ownerUin', 'appId'], ['sessionToken', 'displayName', 'tokenExpiresAt']);
    if (account.tokenExpiresAt !== undefined && Number.isNaN(Date.parse(account.tokenExpiresAt as string))) {
      fail(where, '"tokenExpiresAt" must be a date.');
    }
    const { allow } = account;
    const isStatement = (a: unknown) =>
      isRecord(a) &&
      Array.isArray(a.actions) &&
      a.actions.every((x) => typeof x === 'string') &&
      ['resources', 'buckets'].every((k) => a[k] === undefined || (Array.isArray(a[k]) && (a[k] as unknown[]).every((x) => typeof x === 'string')));
    if (allow !== undefined && !(Array.isArray(allow) && allow.every((a) => typeof a === 'string' || isStatement(a)))) {
      fail(where, '"allow" must be an array of CAM actions or {actions, resources?, buckets?} statements.');
    }
  });
  buckets.forEach((bucket: unknown, i) => {
    const where = `buckets[${i}]`;
    if (!isRecord(bucket)) fail(where, 'must be an object.');
    requireStrings(bucket, where, ['name', 'region'], ['owner', 'creationDate', 'acl']);
    if (bucket.multiAz !== undefined && typeof bucket.multiAz !== 'boolean') {
      fail(where, '"multiAz" must be true or false.');
    }
    const { objectCount } = bucket;
    if (objectCount !== undefined && !(Number.isInteger(objectCount) && (objectCount as number) >= 0)) {
      fail(where, '"objectCount" must be a whole number.');
    }
    if (bucket.versioning !== undefined && bucket.versioning !== 'Enabled' && bucket.versioning !== 'Suspended') {
      fail(where, '"versioning" must be Enabled or Suspended.');
    }
  });
  objects.forEach((object: unknown, i) => {
    const where = `objects[${i}]`;
    if (!isRecord(object)) fail(where, 'must be an object.');
    const wholeNumber = (name: string) => {
      const n = object[name];
      if (n !== undefined && !(Number.isInteger(n) && (n as number) >= 0)) fail(where, `"${name}" must be a whole number.`);
    };
    wholeNumber('size');
    if ('count' in object) {
      requireStrings(object, where, ['bucket', 'prefix'], ['lastModified']);
      if (object.count === undefined) fail(where, '"count" must be a whole number.');
      wholeNumber('count');
    } else {
      requireStrings(object, where, ['bucket', 'key'], ['body', 'contentType', 'lastModified', 'storageClass']);
      const { meta } = object;
      if (meta !== undefined && !(isRecord(meta) && Object.values(meta).every((v) => typeof v === 'string'))) {
        fail(where, '"meta" must map names to strings.');
      }
    }
  });
  return value as EmulatorSeed;
}
