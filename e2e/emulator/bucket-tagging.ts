/**
 * PUT / GET / DELETE Bucket tagging (doc 8281). Tags are kept as PUT Bucket's x-cos-tagging header keeps them
 * (`k1=v1&k2=v2`, each part URL-encoded), so GET Service's tag filter sees both.
 */
import { createHash } from 'node:crypto';
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { decodeOrKeep } from './decode';
import { CosError } from './errors';
import { type CosResponse, xmlResponse } from './exchange';
import { requireMatchingDigest } from './object-headers';
import { XML_DECLARATION, childElements, childText, element, rootContent } from './xml';

const MAX_TAGS = 50;
const MAX_KEY = 128;
const MAX_VALUE = 256;
const ALLOWED = /^[\p{L}\p{N} +\-_=.:/@]*$/u;

export function tagPairs(tags: string | undefined): { key: string; value: string }[] {
  if (!tags) return [];
  return tags.split('&').map((pair) => {
    const [key = '', value = ''] = pair.split('=').map(decodeOrKeep);
    return { key, value };
  });
}

function invalid(message: string): never {
  throw new CosError('InvalidTag', message);
}

/** The tags of a Tagging document, checked as COS checks them; the first broken rule is the answer. */
export function readTagging(body: string): { key: string; value: string }[] {
  const tagging = rootContent(body, 'Tagging');
  const [tagSet] = tagging === undefined ? [] : childElements(tagging, 'TagSet');
  if (tagSet === undefined) throw new CosError('MalformedXML', 'Send <Tagging><TagSet><Tag><Key/><Value/></Tag>…</TagSet></Tagging>.');
  const tags = childElements(tagSet, 'Tag').map((tag) => {
    const key = childText(tag, 'Key');
    if (key === undefined) throw new CosError('MalformedXML', 'Every Tag needs a Key.');
    return { key, value: childText(tag, 'Value') ?? '' };
  });
  if (tags.length === 0) throw new CosError('MalformedXML', 'Send at least one Tag, or DELETE ?tagging to remove them all.');
  if (tags.length > MAX_TAGS) invalid(`A bucket has at most ${MAX_TAGS} tags, not ${tags.length}.`);
  const seen = new Set<string>();
  for (const { key, value } of tags) {
    if (key === '' || [...key].length > MAX_KEY) invalid(`A tag key has 1 to ${MAX_KEY} characters: "${key}".`);
    if ([...value].length > MAX_VALUE) invalid(`A tag value has at most ${MAX_VALUE} characters.`);
    if (!ALLOWED.test(key) || !ALLOWED.test(value)) invalid(`Tags may hold letters, digits, spaces and + - _ = . : / @ only: "${key}".`);
    if (/^(qcs:|project)/i.test(key)) invalid(`Tag keys starting with qcs: or project are reserved: "${key}".`);
    if (seen.has(key)) invalid(`The tag key "${key}" appears twice.`);
    seen.add(key);
  }
  return tags;
}

export function putBucketTagging({ request, account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:PutBucketTagging', target.bucket, { bucket: target.bucket });
  const bucket = owned();
  requireMatchingDigest(request.headers, createHash('md5').update(request.body).digest());
  const tags = readTagging(request.body);
  bucket.tags = tags.map((t) => `${encodeURIComponent(t.key)}=${encodeURIComponent(t.value)}`).join('&');
  return { status: 204 };
}

export function getBucketTagging({ account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:GetBucketTagging', target.bucket, { bucket: target.bucket });
  const tags = tagPairs(owned().tags);
  if (tags.length === 0) throw new CosError('NoSuchTagSet', 'The TagSet does not exist.');
  const set = tags.map((t) => element('Tag', element('Key', t.key) + element('Value', t.value), { raw: true })).join('');
  return xmlResponse(XML_DECLARATION + element('Tagging', element('TagSet', set, { raw: true }), { raw: true }));
}

export function deleteBucketTagging({ account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:DeleteBucketTagging', target.bucket, { bucket: target.bucket });
  const bucket = owned();
  delete bucket.tags;
  return { status: 204 };
}
