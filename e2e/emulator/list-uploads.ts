/** List Multipart Uploads (doc 7736): unfinished uploads by key in UTF-8 order, then by initiation within a key. */
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { type CosResponse, xmlResponse } from './exchange';
import { commonPrefix, encodingType, keyElement, pageSize } from './listing';
import { isoMillis } from './object-headers';
import { compareUtf8 } from './utf8-order';
import { XML_DECLARATION, element } from './xml';

export function listMultipartUploads({ request, account, state, target, bucket: owned }: BucketCall): CosResponse {
  const { query } = request;
  const prefix = query.get('prefix') ?? '';
  requireAllowed(account, 'cos:ListMultipartUploads', `${target.bucket}/${prefix}*`, { bucket: target.bucket, prefix });
  const bucket = owned();
  const limit = pageSize('max-uploads', query.get('max-uploads'));
  const encoding = encodingType(query);
  const delimiter = query.get('delimiter') ?? '';
  const keyMarker = query.get('key-marker') ?? '';
  // Without key-marker, upload-id-marker is ignored (doc 7736).
  const uploadIdMarker = keyMarker === '' ? '' : (query.get('upload-id-marker') ?? '');
  // Unfinished uploads are few: sorting them per request keeps the state simple.
  const uploads = [...state.objects(bucket.name).uploads.values()]
    .filter((u) => u.key.startsWith(prefix))
    .sort((a, b) => compareUtf8(a.key, b.key) || (a.uploadId < b.uploadId ? -1 : 1));

  const prefixes: string[] = [];
  const entries: string[] = [];
  let nextKey = '';
  let nextUploadId = '';
  let truncated = false;
  let lastPrefix: string | undefined;
  for (const u of uploads) {
    const order = compareUtf8(u.key, keyMarker);
    if (keyMarker !== '' && (order < 0 || (order === 0 && (uploadIdMarker === '' || u.uploadId <= uploadIdMarker)))) continue;
    const rolled = commonPrefix(u.key, prefix, delimiter);
    if (rolled !== undefined && (rolled === lastPrefix || compareUtf8(rolled, keyMarker) <= 0)) continue;
    if (prefixes.length + entries.length === limit) {
      truncated = true;
      break;
    }
    if (rolled !== undefined) {
      lastPrefix = rolled;
      prefixes.push(element('CommonPrefixes', keyElement('Prefix', rolled, encoding), { raw: true }));
      nextKey = rolled;
      nextUploadId = '';
      continue;
    }
    const initiator = element('ID', `qcs::cam::uin/${u.initiator}:uin/${u.initiator}`) + element('DisplayName', u.initiator);
    const owner = element('ID', `qcs::cam::uin/${account.ownerUin}:uin/${account.ownerUin}`) + element('DisplayName', account.ownerUin);
    entries.push(
      element(
        'Upload',
        keyElement('Key', u.key, encoding) +
          element('UploadId', u.uploadId) +
          element('StorageClass', u.storageClass) +
          element('Initiator', initiator, { raw: true }) +
          element('Owner', owner, { raw: true }) +
          element('Initiated', isoMillis(u.initiated)),
        { raw: true },
      ),
    );
    nextKey = u.key;
    nextUploadId = u.uploadId;
  }

  const body = [
    element('Bucket', bucket.name),
    encoding ? element('Encoding-Type', encoding) : '',
    keyElement('KeyMarker', keyMarker, encoding),
    element('UploadIdMarker', uploadIdMarker),
    truncated ? keyElement('NextKeyMarker', nextKey, encoding) + element('NextUploadIdMarker', nextUploadId) : '',
    element('MaxUploads', String(limit)),
    element('IsTruncated', String(truncated)),
    keyElement('Prefix', prefix, encoding),
    delimiter ? keyElement('Delimiter', delimiter, encoding) : '',
    ...entries,
    ...prefixes,
  ].join('');
  return xmlResponse(XML_DECLARATION + element('ListMultipartUploadsResult', body, { raw: true }));
}
