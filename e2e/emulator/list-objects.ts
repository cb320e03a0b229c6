/** GET Bucket (List Objects v1, doc 7734): current objects in UTF-8 key order, one page after `marker`. */
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { type CosResponse, xmlResponse } from './exchange';
import { commonPrefix, encodingType, keyElement, pageSize } from './listing';
import { isoMillis, storageTierElement } from './object-headers';
import { endOfPrefix, hashed, searchKeys } from './objects';
import { compareUtf8 } from './utf8-order';
import { XML_DECLARATION, element } from './xml';

export function getBucket({ request, account, state, target, bucket: owned }: BucketCall): CosResponse {
  const { query } = request;
  const prefix = query.get('prefix') ?? '';
  requireAllowed(account, 'cos:GetBucket', `${target.bucket}/${prefix}*`, { bucket: target.bucket, prefix });
  const bucket = owned();
  const limit = pageSize('max-keys', query.get('max-keys'));
  const encoding = encodingType(query);
  const delimiter = query.get('delimiter') ?? '';
  const marker = query.get('marker') ?? '';
  const objects = state.objects(bucket.name);
  const keys = objects.keys();

  const prefixes: string[] = [];
  const contents: string[] = [];
  let last = '';
  let truncated = false;
  let i = Math.max(searchKeys(keys, marker), searchKeys(keys, prefix, true));
  while (i < keys.length && keys[i].startsWith(prefix)) {
    const key = keys[i];
    const rolled = commonPrefix(key, prefix, delimiter);
    if (rolled !== undefined) {
      const end = endOfPrefix(keys, rolled, i);
      // A marker inside (or equal to) a common prefix means that prefix was listed already.
      let live = false;
      if (compareUtf8(rolled, marker) > 0) {
        for (let j = i; j < end && !live; j++) live = objects.current(keys[j]) !== undefined;
      }
      if (live) {
        if (prefixes.length + contents.length === limit) {
          truncated = true;
          break;
        }
        prefixes.push(element('CommonPrefixes', keyElement('Prefix', rolled, encoding), { raw: true }));
        last = rolled;
      }
      i = end;
      continue;
    }
    const version = objects.current(key);
    i++;
    if (!version) continue;
    if (prefixes.length + contents.length === limit) {
      truncated = true;
      break;
    }
    hashed(version, state.blobs);
    contents.push(
      element(
        'Contents',
        keyElement('Key', key, encoding) +
          element('LastModified', isoMillis(version.lastModified)) +
          element('ETag', version.etag) +
          element('Size', String(version.size)) +
          element('Owner', element('ID', account.appId) + element('DisplayName', account.appId), { raw: true }) +
          element('StorageClass', version.storageClass) +
          storageTierElement(version.storageClass),
        { raw: true },
      ),
    );
    last = key;
  }

  const body = [
    element('Name', bucket.name),
    encoding ? element('EncodingType', encoding) : '',
    keyElement('Prefix', prefix, encoding),
    keyElement('Marker', marker, encoding),
    element('MaxKeys', String(limit)),
    delimiter ? keyElement('Delimiter', delimiter, encoding) : '',
    element('IsTruncated', String(truncated)),
    truncated ? keyElement('NextMarker', last, encoding) : '',
    ...prefixes,
    ...contents,
  ].join('');
  const response = xmlResponse(XML_DECLARATION + element('ListBucketResult', body, { raw: true }));
  response.headers!['x-cos-bucket-region'] = bucket.region;
  return response;
}
