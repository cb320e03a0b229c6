import type { EmulatorAccount, EmulatorBucket, EmulatorBucketSeed, EmulatorSeed } from './types';

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
    objectCount: seed.objectCount ?? 0,
  };
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
  const { accounts = [], buckets = [], bucketLimit } = value;
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
    if (allow !== undefined && !(Array.isArray(allow) && allow.every((a) => typeof a === 'string'))) {
      fail(where, '"allow" must be an array of CAM actions.');
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
  });
  return value as EmulatorSeed;
}
