/**
 * PUT / GET / DELETE Bucket policy (doc 8282, doc 8276). The policy is kept as sent and answered as JSON; its
 * statements are checked for shape (the emulator does not enforce them on requests). No policy → 404 NoSuchPolicy,
 * the code the SDK knows; COS's documentation names none.
 */
import { createHash } from 'node:crypto';
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { CosError } from './errors';
import type { CosResponse } from './exchange';
import { requireMatchingDigest } from './object-headers';

const MAX_BYTES = 20 * 1024;

function malformed(message: string): never {
  throw new CosError('MalformedPolicy', message);
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Checks a policy document for this bucket; the first problem found is the answer. */
export function requireValidPolicy(body: string, bucket: string, region: string): void {
  if (Buffer.byteLength(body) > MAX_BYTES) malformed(`A policy is at most ${MAX_BYTES} bytes.`);
  let policy: { Statement?: unknown };
  try {
    policy = JSON.parse(body) as { Statement?: unknown };
  } catch {
    malformed('The policy is not JSON.');
  }
  const statements = list(policy?.Statement);
  if (statements.length === 0) malformed('A policy needs a Statement list of at least one statement.');
  const appId = /-(\d+)$/.exec(bucket)?.[1];
  const resourcePrefix = `qcs::cos:${region}:uid/${appId}:${bucket}/`;
  for (const raw of statements) {
    const s = (raw ?? {}) as Record<string, unknown>;
    if (typeof s.Effect !== 'string' || !/^(allow|deny)$/i.test(s.Effect)) malformed('Effect must be allow or deny.');
    const principals = list((s.Principal as { qcs?: unknown } | undefined)?.qcs);
    if (principals.length === 0 || !principals.every((p) => typeof p === 'string' && p.startsWith('qcs::cam::'))) {
      malformed('Principal must be {"qcs": ["qcs::cam::…"]}.');
    }
    const actions = list(s.Action);
    if (actions.length === 0 || !actions.every((a) => a === '*' || (typeof a === 'string' && /^name\/cos:[\w*]+$/.test(a)))) {
      malformed('Action names are name/cos:<Api> or *.');
    }
    const resources = list(s.Resource);
    if (resources.length === 0 || !resources.every((r) => typeof r === 'string' && r.startsWith(resourcePrefix))) {
      malformed(`Every Resource must be in this bucket: ${resourcePrefix}…`);
    }
  }
}

export function putBucketPolicy({ request, account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:PutBucketPolicy', target.bucket, { bucket: target.bucket });
  const bucket = owned();
  requireMatchingDigest(request.headers, createHash('md5').update(request.body).digest());
  requireValidPolicy(request.body, bucket.name, bucket.region);
  bucket.policy = request.body;
  return { status: 204 };
}

export function getBucketPolicy({ account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:GetBucketPolicy', target.bucket, { bucket: target.bucket });
  const { policy } = owned();
  if (policy === undefined) throw new CosError('NoSuchPolicy', 'The bucket has no policy.');
  return { status: 200, headers: { 'content-type': 'application/json' }, body: policy };
}

export function deleteBucketPolicy({ account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:DeleteBucketPolicy', target.bucket, { bucket: target.bucket });
  delete owned().policy;
  return { status: 204 };
}
