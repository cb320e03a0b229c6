/**
 * PUT / GET / DELETE Bucket cors (doc 8279). Elements of a rule are read in any order (the SDK does not keep the
 * schema's). At most 100 rules and 64 KB; origins `*` or scheme://host[:port] with one `*` at most; methods among
 * GET PUT POST DELETE HEAD; no `*` in ExposeHeader. No rules → 404 NoSuchCORSConfiguration.
 */
import { createHash } from 'node:crypto';
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { CosError } from './errors';
import { type CosResponse, xmlResponse } from './exchange';
import { requireMatchingDigest } from './object-headers';
import { XML_DECLARATION, childElements, childText, element, rootContent, xmlText } from './xml';

export interface StoredCorsRule {
  id?: string;
  origins: string[];
  methods: string[];
  headers: string[];
  expose: string[];
  maxAge?: string;
}

const METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);
const ORIGIN = /^(\*|[a-z][a-z0-9+.-]*:\/\/[A-Za-z0-9*.-]+(:\d{1,5})?)$/;

function invalid(message: string): never {
  throw new CosError('InvalidArgument', message);
}

export function readCorsConfiguration(body: string): StoredCorsRule[] {
  if (Buffer.byteLength(body) > 64 * 1024) throw new CosError('XMLSizeLimit', 'A CORS configuration is at most 64 KB.');
  const config = rootContent(body, 'CORSConfiguration');
  if (config === undefined) throw new CosError('MalformedXML', 'The body is not a CORSConfiguration document.');
  const rules = childElements(config, 'CORSRule').map((markup): StoredCorsRule => {
    const all = (name: string) => childElements(markup, name).map((v) => xmlText(v).trim());
    const maxAges = all('MaxAgeSeconds');
    const id = childText(markup, 'ID');
    return { ...(id ? { id } : {}), origins: all('AllowedOrigin'), methods: all('AllowedMethod'), headers: all('AllowedHeader'), expose: all('ExposeHeader'), ...(maxAges.length ? { maxAge: maxAges[0] } : {}) };
  });
  if (rules.length === 0) throw new CosError('MalformedXML', 'Send at least one CORSRule, or DELETE ?cors to remove them all.');
  if (rules.length > 100) invalid(`At most 100 CORS rules, not ${rules.length}.`);
  for (const rule of rules) {
    if (rule.origins.length === 0 || rule.methods.length === 0) throw new CosError('MalformedXML', 'Every CORSRule needs an AllowedOrigin and an AllowedMethod.');
    for (const origin of rule.origins) {
      if (!ORIGIN.test(origin) || origin.split('*').length > 2) invalid(`AllowedOrigin "${origin}" is not * or scheme://host[:port] with at most one *.`);
    }
    for (const method of rule.methods) if (!METHODS.has(method)) invalid(`AllowedMethod "${method}" is not one of GET, PUT, POST, DELETE, HEAD.`);
    if (rule.expose.some((h) => h.includes('*'))) invalid('ExposeHeader may not be *.');
    if (rule.maxAge !== undefined && !/^\d{1,10}$/.test(rule.maxAge)) invalid(`MaxAgeSeconds "${rule.maxAge}" is not a number of seconds.`);
  }
  return rules;
}

export function putBucketCors({ request, account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:PutBucketCORS', target.bucket, { bucket: target.bucket });
  const bucket = owned();
  requireMatchingDigest(request.headers, createHash('md5').update(request.body).digest());
  bucket.cors = readCorsConfiguration(request.body);
  return { status: 200 };
}

export function getBucketCors({ account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:GetBucketCORS', target.bucket, { bucket: target.bucket });
  const { cors } = owned();
  if (!cors?.length) throw new CosError('NoSuchCORSConfiguration', 'The CORS configuration does not exist.');
  const each = (name: string, values: string[]) => values.map((v) => element(name, v)).join('');
  const rules = cors.map((r) =>
    element(
      'CORSRule',
      (r.id ? element('ID', r.id) : '') +
        each('AllowedOrigin', r.origins) +
        each('AllowedMethod', r.methods) +
        each('AllowedHeader', r.headers) +
        each('ExposeHeader', r.expose) +
        (r.maxAge !== undefined ? element('MaxAgeSeconds', r.maxAge) : ''),
      { raw: true },
    ),
  );
  return xmlResponse(XML_DECLARATION + element('CORSConfiguration', rules.join(''), { raw: true }));
}

export function deleteBucketCors({ account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:DeleteBucketCORS', target.bucket, { bucket: target.bucket });
  delete owned().cors;
  return { status: 204 };
}
