/**
 * PUT / GET / DELETE Bucket lifecycle (doc 8280, doc 17029). The configuration is checked rule by rule and kept as
 * sent; GET answers it as sent. At most 1,000 rules; unique IDs of up to 255 characters; Status Enabled or Disabled;
 * at least one action; Days and Date never in the same action; Days whole numbers (0 allowed for a transition only).
 * No configuration → 404 NoSuchLifecycleConfiguration.
 */
import { createHash } from 'node:crypto';
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { CosError } from './errors';
import { type CosResponse, xmlResponse } from './exchange';
import { requireMatchingDigest } from './object-headers';
import { XML_DECLARATION, childElements, childText, rootContent } from './xml';

const ACTIONS = ['Expiration', 'Transition', 'NoncurrentVersionExpiration', 'NoncurrentVersionTransition', 'AbortIncompleteMultipartUpload'];

function invalid(message: string): never {
  throw new CosError('InvalidArgument', message);
}

function requireDays(value: string | undefined, where: string, min: number): void {
  if (value !== undefined && !(/^\d{1,6}$/.test(value) && Number(value) >= min)) invalid(`${where} must be a whole number of days from ${min}, not "${value}".`);
}

export function requireValidLifecycle(body: string): void {
  const config = rootContent(body, 'LifecycleConfiguration');
  if (config === undefined) throw new CosError('MalformedXML', 'The body is not a LifecycleConfiguration document.');
  const rules = childElements(config, 'Rule');
  if (rules.length === 0) throw new CosError('MalformedXML', 'Send at least one Rule, or DELETE ?lifecycle to remove them all.');
  if (rules.length > 1000) invalid(`At most 1000 lifecycle rules, not ${rules.length}.`);
  const ids = new Set<string>();
  for (const rule of rules) {
    const id = childText(rule, 'ID') ?? '';
    if (id.length > 255) invalid('A rule ID has at most 255 characters.');
    if (id && ids.has(id)) invalid(`The rule ID "${id}" appears twice.`);
    ids.add(id);
    const status = childText(rule, 'Status');
    if (status !== 'Enabled' && status !== 'Disabled') throw new CosError('MalformedXML', 'Every Rule needs a Status of Enabled or Disabled.');
    if (!ACTIONS.some((a) => childElements(rule, a).length > 0)) invalid(`Rule "${id}" does nothing: give it Expiration, Transition or another action.`);
    for (const action of ACTIONS) {
      for (const markup of childElements(rule, action)) {
        const days = childText(markup, 'Days');
        if (days !== undefined && childText(markup, 'Date') !== undefined) invalid(`${action} cannot have both Days and Date.`);
        requireDays(days, `${action}/Days`, action === 'Transition' ? 0 : 1);
        requireDays(childText(markup, 'NoncurrentDays'), `${action}/NoncurrentDays`, action === 'NoncurrentVersionTransition' ? 0 : 1);
        requireDays(childText(markup, 'DaysAfterInitiation'), `${action}/DaysAfterInitiation`, 1);
      }
    }
  }
}

export function putBucketLifecycle({ request, account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:PutBucketLifecycle', target.bucket, { bucket: target.bucket });
  const bucket = owned();
  requireMatchingDigest(request.headers, createHash('md5').update(request.body).digest());
  requireValidLifecycle(request.body);
  bucket.lifecycle = request.body.replace(/^\uFEFF?\s*(?:<\?xml[^>]*\?>)?\s*/, '');
  return { status: 200 };
}

export function getBucketLifecycle({ account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:GetBucketLifecycle', target.bucket, { bucket: target.bucket });
  const { lifecycle } = owned();
  if (lifecycle === undefined) throw new CosError('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist.');
  return xmlResponse(XML_DECLARATION + lifecycle);
}

export function deleteBucketLifecycle({ account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:DeleteBucketLifecycle', target.bucket, { bucket: target.bucket });
  delete owned().lifecycle;
  return { status: 204 };
}
