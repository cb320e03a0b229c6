/**
 * Reads the SDK's answers about a bucket's settings into the contract's shapes, and builds what is sent. Pure, so
 * property tests can feed them every shape the SDK may hand over.
 */
import { ACL_PERMISSIONS, type AclPermission, type BucketAcl, type BucketTags, type BucketVersioning } from '@shared/contract';
import type { BucketTag } from '@shared/bucket-tags';
import { CORS_METHODS, type CorsMethod, type CorsRule } from '@shared/bucket-cors';
import { TRANSITION_CLASSES, type LifecycleRule, type TransitionClass } from '@shared/bucket-lifecycle';

export const ALL_USERS_URI = 'http://cam.qcloud.com/groups/global/AllUsers';
const ANYONE_ID = 'qcs::cam::anyone:anyone';

/** One Grant as the SDK's XML parser hands it over: every value text, any of them possibly missing. */
export interface RawGrant {
  Grantee?: { ID?: unknown; URI?: unknown; DisplayName?: unknown };
  Permission?: unknown;
}
export interface RawAcl {
  Owner?: { ID?: unknown; DisplayName?: unknown };
  Grants?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const isPermission = (value: unknown): value is AclPermission => (ACL_PERMISSIONS as readonly unknown[]).includes(value);

/**
 * The canned ACL comes from the grants to everyone (as the SDK derives it, base.js decodeAcl): READ alone is
 * public-read, READ and WRITE or FULL_CONTROL public-read-write. The owner's own grant is left out.
 */
export function readBucketAcl(raw: RawAcl): BucketAcl {
  const owner = { id: text(raw.Owner?.ID), displayName: text(raw.Owner?.DisplayName) };
  const list: RawGrant[] = Array.isArray(raw.Grants) ? raw.Grants : raw.Grants && typeof raw.Grants === 'object' ? [raw.Grants as RawGrant] : [];
  const everyone = new Set<AclPermission>();
  const grants: BucketAcl['grants'] = [];
  for (const grant of list) {
    const permission = grant?.Permission;
    if (!isPermission(permission)) continue;
    const id = text(grant.Grantee?.ID);
    if (text(grant.Grantee?.URI) === ALL_USERS_URI || id === ANYONE_ID) everyone.add(permission);
    else if (id && id !== owner.id) grants.push({ id, displayName: text(grant.Grantee?.DisplayName), permission });
  }
  const acl = everyone.has('FULL_CONTROL') || (everyone.has('READ') && everyone.has('WRITE')) ? 'public-read-write' : everyone.has('READ') ? 'public-read' : 'private';
  return { acl, owner, grants };
}

/** Whether anyone may read the bucket's objects without signing: what makes a presigned link pointless there. */
export function isPublicRead(acl: BucketAcl): boolean {
  return acl.acl !== 'private';
}

export function readVersioning(raw: { VersioningConfiguration?: { Status?: unknown } }): BucketVersioning {
  const status = raw.VersioningConfiguration?.Status;
  return { status: status === 'Enabled' || status === 'Suspended' ? status : 'off' };
}

/** GET Bucket tagging as the SDK hands it over: `Tags` a list or a single tag, or nothing (NoSuchTagSet). */
export function readTags(raw: { Tags?: unknown }): BucketTags {
  const list = Array.isArray(raw.Tags) ? raw.Tags : raw.Tags && typeof raw.Tags === 'object' ? [raw.Tags] : [];
  const tags = list.flatMap((tag: { Key?: unknown; Value?: unknown } | undefined) =>
    typeof tag?.Key === 'string' ? [{ key: tag.Key, value: text(tag.Value) }] : [],
  );
  return { tags };
}

/** The SDK's putBucketTagging parameter. */
export function tagsParam(tags: readonly BucketTag[]): { Key: string; Value: string }[] {
  return tags.map((t) => ({ Key: t.key, Value: t.value }));
}

/** The policy's JSON, laid out for reading; text that is not JSON is kept as it came. */
export function readPolicyText(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function isNoPolicy(error: unknown): boolean {
  const code = (error as { error?: { Code?: unknown } } | undefined)?.error?.Code;
  return code === 'NoSuchPolicy' || code === 'NoSuchPolicyVersion';
}

/** One CORS rule as the SDK's getBucketCors hands it over: plural lists (each possibly a lone value), text numbers. */
export interface RawCorsRule {
  AllowedOrigins?: unknown;
  AllowedMethods?: unknown;
  AllowedHeaders?: unknown;
  ExposeHeaders?: unknown;
  MaxAgeSeconds?: unknown;
}

const textList = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

export function readCors(raw: { CORSRules?: unknown }): { rules: CorsRule[] } {
  const list = Array.isArray(raw.CORSRules) ? raw.CORSRules : raw.CORSRules && typeof raw.CORSRules === 'object' ? [raw.CORSRules] : [];
  const rules = list.flatMap((r: RawCorsRule | null | undefined): CorsRule[] => {
    if (!r || typeof r !== 'object') return [];
    const age = typeof r.MaxAgeSeconds === 'string' && /^\d{1,10}$/.test(r.MaxAgeSeconds) ? Number(r.MaxAgeSeconds) : undefined;
    return [
      {
        allowedOrigins: textList(r.AllowedOrigins),
        allowedMethods: textList(r.AllowedMethods)
          .map((m) => m.toUpperCase())
          .filter((m): m is CorsMethod => (CORS_METHODS as readonly string[]).includes(m)),
        allowedHeaders: textList(r.AllowedHeaders),
        exposeHeaders: textList(r.ExposeHeaders),
        ...(age !== undefined && age <= 2_147_483_647 ? { maxAgeSeconds: age } : {}),
      },
    ];
  });
  return { rules };
}

/** The SDK's putBucketCors rules. */
export function corsParam(rules: readonly CorsRule[]) {
  return rules.map((r) => ({
    AllowedOrigins: r.allowedOrigins,
    AllowedMethods: r.allowedMethods,
    AllowedHeaders: r.allowedHeaders,
    ExposeHeaders: r.exposeHeaders,
    ...(r.maxAgeSeconds === undefined ? {} : { MaxAgeSeconds: String(r.maxAgeSeconds) }),
  }));
}

type Raw = Record<string, unknown>;
const KNOWN_RULE_KEYS = new Set(['ID', 'Status', 'Filter', 'Prefix', 'Expiration', 'Transition', 'NoncurrentVersionExpiration', 'AbortIncompleteMultipartUpload']);

function record(value: unknown): Raw | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined;
}

/** A whole number of days, as text from the XML; undefined when absent, NaN when not a number. */
function dayCount(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
}

/** Reads one rule, or undefined when it has a part the editor does not model (it must then not be rewritten). */
function readRule(raw: unknown): LifecycleRule | undefined {
  const r = record(raw);
  if (!r || Object.keys(r).some((k) => !KNOWN_RULE_KEYS.has(k))) return undefined;
  const filter = r.Filter === undefined ? {} : record(r.Filter);
  if (!filter || Object.keys(filter).some((k) => k !== 'Prefix')) return undefined;
  const prefix = filter.Prefix ?? r.Prefix ?? '';
  if (typeof prefix !== 'string' || typeof r.ID !== 'string' || (r.Status !== 'Enabled' && r.Status !== 'Disabled')) return undefined;
  const rule: LifecycleRule = { id: r.ID, prefix, enabled: r.Status === 'Enabled' };
  const pick = (value: unknown, key: string): number | undefined | null => {
    if (value === undefined) return undefined;
    const part = record(value);
    if (!part || Object.keys(part).some((k) => k !== key)) return null;
    const days = dayCount(part[key]);
    return days === undefined || Number.isNaN(days) ? null : days;
  };
  const expiration = pick(r.Expiration, 'Days');
  const noncurrent = pick(r.NoncurrentVersionExpiration, 'NoncurrentDays');
  const abort = pick(r.AbortIncompleteMultipartUpload, 'DaysAfterInitiation');
  if (expiration === null || noncurrent === null || abort === null) return undefined;
  if (expiration !== undefined) rule.expirationDays = expiration;
  if (noncurrent !== undefined) rule.noncurrentExpirationDays = noncurrent;
  if (abort !== undefined) rule.abortUploadDays = abort;
  if (r.Transition !== undefined) {
    const t = record(r.Transition);
    const days = dayCount(t?.Days);
    const storageClass = t?.StorageClass;
    if (!t || Object.keys(t).some((k) => k !== 'Days' && k !== 'StorageClass') || days === undefined || Number.isNaN(days)) return undefined;
    if (!(TRANSITION_CLASSES as readonly unknown[]).includes(storageClass)) return undefined;
    rule.transition = { days, storageClass: storageClass as TransitionClass };
  }
  return rule;
}

/** GET Bucket lifecycle as the SDK hands it over (`Rules`, a lone rule possibly an object). */
export function readLifecycle(raw: { Rules?: unknown }): { rules: LifecycleRule[]; beyondEditing: boolean } {
  const list = Array.isArray(raw.Rules) ? raw.Rules : raw.Rules === undefined ? [] : [raw.Rules];
  const rules = list.map(readRule);
  return { rules: rules.filter((r): r is LifecycleRule => r !== undefined), beyondEditing: rules.some((r) => r === undefined) };
}

/** The SDK's putBucketLifecycle rules, elements in the schema's order (the SDK writes them in key order). */
export function lifecycleParam(rules: readonly LifecycleRule[]) {
  return rules.map((r) => ({
    ID: r.id,
    Filter: { Prefix: r.prefix },
    Status: r.enabled ? 'Enabled' : 'Disabled',
    ...(r.transition ? { Transition: { Days: String(r.transition.days), StorageClass: r.transition.storageClass } } : {}),
    ...(r.expirationDays === undefined ? {} : { Expiration: { Days: String(r.expirationDays) } }),
    ...(r.noncurrentExpirationDays === undefined ? {} : { NoncurrentVersionExpiration: { NoncurrentDays: String(r.noncurrentExpirationDays) } }),
    ...(r.abortUploadDays === undefined ? {} : { AbortIncompleteMultipartUpload: { DaysAfterInitiation: String(r.abortUploadDays) } }),
  }));
}
