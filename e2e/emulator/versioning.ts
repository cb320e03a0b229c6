/** PUT / GET Bucket versioning (doc 19889). Once enabled, a bucket can be suspended but never unversioned again. */
import { createHash } from 'node:crypto';
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { CosError } from './errors';
import { type CosResponse, xmlResponse } from './exchange';
import { requireMatchingDigest } from './object-headers';
import { XML_DECLARATION, element, readFlatDocument } from './xml';

export function putBucketVersioning({ request, account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:PutBucketVersioning', target.bucket, { bucket: target.bucket });
  const bucket = owned();
  requireMatchingDigest(request.headers, createHash('md5').update(request.body).digest());
  if (request.body.trim() === '') throw new CosError('InvalidArgument', 'The request body is empty: send a VersioningConfiguration.');
  const config = readFlatDocument(request.body, 'VersioningConfiguration');
  const status = config?.get('Status');
  if (status !== 'Enabled' && status !== 'Suspended') {
    throw new CosError('MalformedXML', 'Send <VersioningConfiguration><Status>Enabled|Suspended</Status></VersioningConfiguration>.');
  }
  bucket.versioning = status;
  return { status: 200 };
}

export function getBucketVersioning({ account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:GetBucketVersioning', target.bucket, { bucket: target.bucket });
  const bucket = owned();
  const status = bucket.versioning ? element('Status', bucket.versioning) : '';
  return xmlResponse(XML_DECLARATION + element('VersioningConfiguration', status, { raw: true }));
}
