/**
 * Bucket naming rules (doc 13312). The SDK only checks `^([a-z\d-]+)-(\d+)$`, so length and hyphen placement
 * are checked here, once, for both the form and the main process.
 */
const MAX_BUCKET_HOST_LENGTH = 60;

export type BucketNameRule = 'required' | 'charset' | 'hyphenEnds' | 'hostLength';
export type AppIdRule = 'appIdRequired' | 'appIdDigits';

export interface RuleResult<R extends string> {
  rule: R;
  ok: boolean;
}

const NAME_CHARSET = /^[a-z0-9-]+$/;
const APPID_PATTERN = /^[1-9]\d{0,19}$/;
const FULL_NAME_PATTERN = /^([a-z0-9-]+)-(\d+)$/;

/** COS's own host for the bucket: the one its 60-character rule is about, whatever domain the profile uses. */
export function bucketHost(name: string, appId: string, region: string): string {
  return `${name}-${appId}.cos.${region}.myqcloud.com`;
}

/**
 * The host requests for the bucket go to: the profile's bucket domain template (`{Bucket}` and `{Region}` filled in,
 * as the SDK's `Domain` option does) when it has one, else COS's own host.
 */
export function requestHost(name: string, appId: string, region: string, bucketDomain?: string): string {
  if (!bucketDomain) return bucketHost(name, appId, region);
  return bucketDomain.replaceAll('{Bucket}', fullBucketName(name, appId)).replaceAll('{Region}', region);
}

export function fullBucketName(name: string, appId: string): string {
  return `${name}-${appId}`;
}

/** Lowercasing is what the service does anyway; the form does it as the user types and says so. */
export function normalizeBucketName(input: string): string {
  return input.trim().toLowerCase();
}

export function checkBucketName(name: string, appId: string, region: string): RuleResult<BucketNameRule>[] {
  return [
    { rule: 'required', ok: name.length > 0 },
    { rule: 'charset', ok: name.length > 0 && NAME_CHARSET.test(name) },
    { rule: 'hyphenEnds', ok: name.length > 0 && !name.startsWith('-') && !name.endsWith('-') },
    { rule: 'hostLength', ok: bucketHost(name, appId || '0', region).length <= MAX_BUCKET_HOST_LENGTH },
  ];
}

/** How many characters the short name may have for this APPID and region. */
export function maxBucketNameLength(appId: string, region: string): number {
  return MAX_BUCKET_HOST_LENGTH - bucketHost('', appId || '0', region).length;
}

export function checkAppId(appId: string): RuleResult<AppIdRule>[] {
  return [
    { rule: 'appIdRequired', ok: appId.length > 0 },
    { rule: 'appIdDigits', ok: APPID_PATTERN.test(appId) },
  ];
}

export function isValidBucketName(name: string, appId: string, region: string): boolean {
  return checkBucketName(name, appId, region).every((r) => r.ok) && checkAppId(appId).every((r) => r.ok);
}

/** Splits `<name>-<appid>`; undefined when the text is not a full bucket name. */
export function splitFullBucketName(fullName: string): { name: string; appId: string } | undefined {
  const match = FULL_NAME_PATTERN.exec(fullName);
  if (!match) return undefined;
  return { name: match[1], appId: match[2] };
}

export function isFullBucketName(fullName: string): boolean {
  const parts = splitFullBucketName(fullName);
  return parts !== undefined && !parts.name.startsWith('-') && APPID_PATTERN.test(parts.appId);
}

/** APPIDs seen as suffixes of the account's buckets, most frequent first: GET Service does not return the APPID. */
export function appIdsFromBucketNames(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const n of names) {
    const appId = splitFullBucketName(n)?.appId;
    if (appId) counts.set(appId, (counts.get(appId) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
