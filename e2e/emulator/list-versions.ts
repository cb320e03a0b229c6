/**
 * GET Bucket Object versions (doc 35521): every version and delete marker, keys in UTF-8 order, newest first
 * within a key, one page after `key-marker` (and `version-id-marker` within that key).
 */
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { CosError } from './errors';
import { type CosResponse, xmlResponse } from './exchange';
import { commonPrefix, encodingType, keyElement, pageSize } from './listing';
import { isoMillis, storageTierElement } from './object-headers';
import { type ObjectVersion, endOfPrefix, hashed, searchKeys } from './objects';
import { compareUtf8 } from './utf8-order';
import { XML_DECLARATION, element } from './xml';

export function listObjectVersions({ request, account, state, target, bucket: owned }: BucketCall): CosResponse {
  const { query } = request;
  const prefix = query.get('prefix') ?? '';
  requireAllowed(account, 'cos:GetBucketObjectVersions', `${target.bucket}/${prefix}*`, { bucket: target.bucket, prefix });
  const bucket = owned();
  const limit = pageSize('max-keys', query.get('max-keys'));
  const encoding = encodingType(query);
  const delimiter = query.get('delimiter') ?? '';
  const keyMarker = query.get('key-marker') ?? '';
  const versionIdMarker = query.get('version-id-marker') ?? '';
  if (versionIdMarker !== '' && keyMarker === '') {
    throw new CosError('InvalidArgument', 'version-id-marker needs a key-marker.');
  }
  const objects = state.objects(bucket.name);
  const keys = objects.keys();
  // Never enabled: COS shows empty version ids; once enabled, versions written before show 'null'.
  const versionIdOf = (v: ObjectVersion) => (bucket.versioning ? v.versionId : '');
  const owner = element('Owner', element('ID', account.appId) + element('DisplayName', account.appId), { raw: true });

  const prefixes: string[] = [];
  const entries: string[] = [];
  let nextKey = '';
  let nextVersionId = '';
  let truncated = false;
  const full = () => prefixes.length + entries.length === limit;

  /** Lists a key's versions from index `from`; IsLatest is the key's newest, wherever the page starts. */
  const listVersions = (key: string, from: number) => {
    const versions = objects.versions(key);
    for (let index = from; index < versions.length; index++) {
      if (full()) {
        truncated = true;
        return;
      }
      const v = versions[index];
      const head = keyElement('Key', key, encoding) + element('VersionId', versionIdOf(v)) + element('IsLatest', String(index === 0));
      if (v.deleteMarker) {
        entries.push(element('DeleteMarker', head + element('LastModified', isoMillis(v.lastModified)) + owner, { raw: true }));
      } else {
        hashed(v, state.blobs);
        const details =
          element('LastModified', isoMillis(v.lastModified)) +
          element('ETag', v.etag) +
          element('Size', String(v.size)) +
          element('StorageClass', v.storageClass) +
          storageTierElement(v.storageClass);
        entries.push(element('Version', head + details + owner, { raw: true }));
      }
      nextKey = key;
      nextVersionId = versionIdOf(v);
    }
  };

  if (versionIdMarker !== '' && keyMarker.startsWith(prefix) && commonPrefix(keyMarker, prefix, delimiter) === undefined) {
    // The rest of key-marker's versions come first, from just after the version named.
    const at = objects.versions(keyMarker).findIndex((v) => v.versionId === versionIdMarker);
    if (at >= 0) listVersions(keyMarker, at + 1);
  }
  let i = Math.max(searchKeys(keys, keyMarker), searchKeys(keys, prefix, true));
  while (!truncated && i < keys.length && keys[i].startsWith(prefix)) {
    const key = keys[i];
    const rolled = commonPrefix(key, prefix, delimiter);
    if (rolled !== undefined) {
      const end = endOfPrefix(keys, rolled, i);
      if (compareUtf8(rolled, keyMarker) > 0) {
        if (full()) {
          truncated = true;
          break;
        }
        prefixes.push(element('CommonPrefixes', keyElement('Prefix', rolled, encoding), { raw: true }));
        nextKey = rolled;
        nextVersionId = '';
      }
      i = end;
      continue;
    }
    listVersions(key, 0);
    i++;
  }

  const body = [
    encoding ? element('EncodingType', encoding) : '',
    element('Name', bucket.name),
    keyElement('Prefix', prefix, encoding),
    keyElement('KeyMarker', keyMarker, encoding),
    element('VersionIdMarker', versionIdMarker),
    element('MaxKeys', String(limit)),
    element('IsTruncated', String(truncated)),
    truncated ? keyElement('NextKeyMarker', nextKey, encoding) + element('NextVersionIdMarker', nextVersionId) : '',
    delimiter ? keyElement('Delimiter', delimiter, encoding) : '',
    ...prefixes,
    // Version and DeleteMarker interleave in key order, as COS's examples show them.
    ...entries,
  ].join('');
  const response = xmlResponse(XML_DECLARATION + element('ListVersionsResult', body, { raw: true }));
  response.headers!['x-cos-bucket-region'] = bucket.region;
  return response;
}
