/**
 * Which CAM permission each COS request of the app needs, and the resource a policy names for it (doc 31923:
 * `name/cos:<Action>`; resources `qcs::cos:<region>:uid/<appid>:<bucket>/` for a bucket, `…/*` for its objects,
 * `*` for GET Service). The main process fills an error's `action` and `resource` from this table; the renderer
 * builds policies from it.
 */

/** How the resource of an action is written: no bucket, the bucket itself, or the objects in it. */
export type CamResourceKind = 'service' | 'bucket' | 'objects';

/** Every COS operation the app sends, by the request's documented name, with the action CAM checks for it. */
export const COS_OPERATIONS = {
  getService: { request: 'GET Service', action: 'cos:GetService', resource: 'service' },
  putBucket: { request: 'PUT Bucket', action: 'cos:PutBucket', resource: 'bucket' },
  headBucket: { request: 'HEAD Bucket', action: 'cos:HeadBucket', resource: 'bucket' },
  deleteBucket: { request: 'DELETE Bucket', action: 'cos:DeleteBucket', resource: 'bucket' },
  getBucket: { request: 'GET Bucket', action: 'cos:GetBucket', resource: 'bucket' },
  getBucketObjectVersions: { request: 'GET Bucket Object versions', action: 'cos:GetBucketObjectVersions', resource: 'bucket' },
  listMultipartUploads: { request: 'List Multipart Uploads', action: 'cos:ListMultipartUploads', resource: 'bucket' },
  abortMultipartUpload: { request: 'Abort Multipart Upload', action: 'cos:AbortMultipartUpload', resource: 'objects' },
  /** Authenticated, DELETE Multiple Objects is checked as cos:DeleteObject on each key (doc 8289). */
  deleteMultipleObjects: { request: 'DELETE Multiple Objects', action: 'cos:DeleteObject', resource: 'objects' },
  headObject: { request: 'HEAD Object', action: 'cos:HeadObject', resource: 'objects' },
  putObject: { request: 'PUT Object', action: 'cos:PutObject', resource: 'objects' },
  /** A share link is a presigned GET Object: no request is sent, but whoever opens it needs this. */
  getObject: { request: 'GET Object', action: 'cos:GetObject', resource: 'objects' },
  getBucketAcl: { request: 'GET Bucket acl', action: 'cos:GetBucketACL', resource: 'bucket' },
  putBucketAcl: { request: 'PUT Bucket acl', action: 'cos:PutBucketACL', resource: 'bucket' },
  getBucketVersioning: { request: 'GET Bucket versioning', action: 'cos:GetBucketVersioning', resource: 'bucket' },
  putBucketVersioning: { request: 'PUT Bucket versioning', action: 'cos:PutBucketVersioning', resource: 'bucket' },
  getBucketTagging: { request: 'GET Bucket tagging', action: 'cos:GetBucketTagging', resource: 'bucket' },
  putBucketTagging: { request: 'PUT Bucket tagging', action: 'cos:PutBucketTagging', resource: 'bucket' },
  deleteBucketTagging: { request: 'DELETE Bucket tagging', action: 'cos:DeleteBucketTagging', resource: 'bucket' },
  getBucketPolicy: { request: 'GET Bucket policy', action: 'cos:GetBucketPolicy', resource: 'bucket' },
  putBucketPolicy: { request: 'PUT Bucket policy', action: 'cos:PutBucketPolicy', resource: 'bucket' },
  deleteBucketPolicy: { request: 'DELETE Bucket policy', action: 'cos:DeleteBucketPolicy', resource: 'bucket' },
  getBucketCors: { request: 'GET Bucket cors', action: 'cos:GetBucketCORS', resource: 'bucket' },
  putBucketCors: { request: 'PUT Bucket cors', action: 'cos:PutBucketCORS', resource: 'bucket' },
  deleteBucketCors: { request: 'DELETE Bucket cors', action: 'cos:DeleteBucketCORS', resource: 'bucket' },
  getBucketLifecycle: { request: 'GET Bucket lifecycle', action: 'cos:GetBucketLifecycle', resource: 'bucket' },
  putBucketLifecycle: { request: 'PUT Bucket lifecycle', action: 'cos:PutBucketLifecycle', resource: 'bucket' },
  deleteBucketLifecycle: { request: 'DELETE Bucket lifecycle', action: 'cos:DeleteBucketLifecycle', resource: 'bucket' },
  initiateMultipartUpload: { request: 'Initiate Multipart Upload', action: 'cos:InitiateMultipartUpload', resource: 'objects' },
  uploadPart: { request: 'Upload Part', action: 'cos:UploadPart', resource: 'objects' },
  listParts: { request: 'List Parts', action: 'cos:ListParts', resource: 'objects' },
  completeMultipartUpload: { request: 'Complete Multipart Upload', action: 'cos:CompleteMultipartUpload', resource: 'objects' },
} as const satisfies Record<string, { request: string; action: `cos:${string}`; resource: CamResourceKind }>;

export type CosOperation = keyof typeof COS_OPERATIONS;
export type CamAction = (typeof COS_OPERATIONS)[CosOperation]['action'];

/** Every action the app may need, each once, in the table's order. */
export const CAM_ACTIONS: readonly CamAction[] = [...new Set(Object.values(COS_OPERATIONS).map((o) => o.action))];

const RESOURCE_OF_ACTION = new Map<string, CamResourceKind>(Object.values(COS_OPERATIONS).map((o) => [o.action, o.resource]));

export function resourceKindOf(action: string): CamResourceKind | undefined {
  return RESOURCE_OF_ACTION.get(action);
}

/** The policy spelling of an action: `cos:PutBucket` is written `name/cos:PutBucket`. */
export function policyActionName(action: string): string {
  return action.startsWith('name/') ? action : `name/${action}`;
}

/** What a request was about: a bucket by its full name and region, or nothing (GET Service). */
export interface CamTarget {
  bucket: string;
  region: string;
}

/** The APPID of a bucket is the number after its name's last hyphen. */
function appIdOf(bucket: string): string | undefined {
  return /-(\d+)$/.exec(bucket)?.[1];
}

/**
 * The resource string a policy names for `action` on `target`; `*` for GET Service, or where the bucket is not
 * known well enough (no APPID in its name) to name it.
 */
export function camResource(action: string, target: CamTarget | undefined): string {
  const kind = resourceKindOf(action);
  if (kind === 'service' || !target) return '*';
  const appId = appIdOf(target.bucket);
  if (!appId) return '*';
  const bucket = `qcs::cos:${target.region}:uid/${appId}:${target.bucket}/`;
  return kind === 'objects' ? `${bucket}*` : bucket;
}

export interface PolicyGrant {
  action: string;
  resource: string;
}

export interface CamPolicy {
  version: '2.0';
  statement: { effect: 'allow'; action: string[]; resource: string[] }[];
}

/**
 * The smallest policy that allows exactly these actions on these resources: one statement per set of resources,
 * actions and resources sorted, so the same grants always give the same text. A `*` resource covers the rest.
 */
export function buildPolicy(grants: readonly PolicyGrant[]): CamPolicy {
  const byAction = new Map<string, Set<string>>();
  for (const { action, resource } of grants) {
    const resources = byAction.get(policyActionName(action)) ?? new Set<string>();
    resources.add(resource);
    byAction.set(policyActionName(action), resources);
  }
  const byResources = new Map<string, { action: string[]; resource: string[] }>();
  for (const [action, resources] of [...byAction].sort(([a], [b]) => a.localeCompare(b))) {
    const resource = resources.has('*') ? ['*'] : [...resources].sort();
    const key = resource.join('\n');
    const statement = byResources.get(key) ?? { action: [], resource };
    statement.action.push(action);
    byResources.set(key, statement);
  }
  return { version: '2.0', statement: [...byResources.values()].map((s) => ({ effect: 'allow', ...s })) };
}

/** The policy as the CAM console takes it: two-space JSON. */
export function policyText(grants: readonly PolicyGrant[]): string {
  return JSON.stringify(buildPolicy(grants), null, 2);
}
