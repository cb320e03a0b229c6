import { CosError } from './errors';
import type { CamStatement, EmulatorAccount } from './types';

/** The CAM action names of doc 31923 (written `name/cos:<Action>` in policies, `cos:<Action>` in the docs). */
export type CamAction =
  | 'cos:GetService'
  | 'cos:PutBucket'
  | 'cos:HeadBucket'
  | 'cos:DeleteBucket'
  | 'cos:GetBucket'
  | 'cos:GetBucketObjectVersions'
  | 'cos:ListMultipartUploads'
  | 'cos:PutBucketVersioning'
  | 'cos:GetBucketVersioning'
  | 'cos:GetBucketACL'
  | 'cos:PutBucketACL'
  | 'cos:GetBucketTagging'
  | 'cos:PutBucketTagging'
  | 'cos:DeleteBucketTagging'
  | 'cos:GetBucketPolicy'
  | 'cos:PutBucketPolicy'
  | 'cos:DeleteBucketPolicy'
  | 'cos:GetBucketCORS'
  | 'cos:PutBucketCORS'
  | 'cos:DeleteBucketCORS'
  | 'cos:GetBucketLifecycle'
  | 'cos:PutBucketLifecycle'
  | 'cos:DeleteBucketLifecycle'
  | 'cos:PutObject'
  | 'cos:GetObject'
  | 'cos:HeadObject'
  | 'cos:DeleteObject'
  | 'cos:InitiateMultipartUpload'
  | 'cos:UploadPart'
  | 'cos:CompleteMultipartUpload'
  | 'cos:AbortMultipartUpload'
  | 'cos:ListParts';

/**
 * What a request touches: the bucket itself, one object key, or every key under a prefix (listings). A resource
 * limit allows a listing only when it allows every key the listing could show.
 */
export type CamScope = { bucket: string; key: string } | { bucket: string; prefix: string } | { bucket: string };

function names(statement: CamStatement, action: CamAction): boolean {
  return statement.actions.some((a) => a === action || a === 'cos:*' || a === '*');
}

/** `*` stands for any run of characters, `/` included, as in CAM resource strings. */
function matchesKey(pattern: string, key: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 's').test(key);
}

/** Whether the pattern allows every key under `prefix`: only `<literal>*` patterns can, when the literal leads it. */
function coversPrefix(pattern: string, prefix: string): boolean {
  const star = pattern.indexOf('*');
  return star === pattern.length - 1 && prefix.startsWith(pattern.slice(0, star));
}

function allowsScope(statement: CamStatement, scope: CamScope): boolean {
  if (statement.buckets && !statement.buckets.includes(scope.bucket)) return false;
  const resources = statement.resources ?? ['*'];
  if ('key' in scope) return resources.some((pattern) => matchesKey(pattern, scope.key));
  if ('prefix' in scope) return resources.some((pattern) => coversPrefix(pattern, scope.prefix));
  return resources.includes('*');
}

/**
 * The sub-account check COS makes before looking at the resource, so a caller without the action is refused
 * even for a bucket or key that does not exist. The message names the action: it is what the user must ask for.
 */
export function requireAllowed(account: EmulatorAccount, action: CamAction, resource: string, scope?: CamScope): void {
  const { allow } = account;
  if (!allow) return;
  for (const grant of allow) {
    if (typeof grant === 'string') {
      if (grant === action || grant === 'cos:*' || grant === '*') return;
    } else if (names(grant, action) && (!scope || allowsScope(grant, scope))) {
      return;
    }
  }
  throw new CosError(
    'AccessDenied',
    `Access denied: the CAM policy of SecretId ${account.secretId} does not allow ${action} on ${resource}.`,
  );
}
