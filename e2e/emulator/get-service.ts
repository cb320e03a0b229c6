import { requireAllowed } from './cam';
import { decodeOrKeep } from './decode';
import { CosError } from './errors';
import { type CosRequest, type CosResponse, xmlResponse } from './exchange';
import { requireWellFormedRegion } from './regions';
import type { EmulatorState } from './state';
import type { EmulatorAccount, EmulatorBucket } from './types';
import { indexAfter } from './utf8-order';
import { XML_DECLARATION, element } from './xml';

/** Both the default and the most one page may hold (doc 8291). */
const MAX_KEYS = 2000;

const RANGES: Record<string, (created: number, bound: number) => boolean> = {
  lt: (created, bound) => created < bound,
  lte: (created, bound) => created <= bound,
  gt: (created, bound) => created > bound,
  gte: (created, bound) => created >= bound,
};

type BucketFilter = (bucket: EmulatorBucket) => boolean;

function maxKeys(value: string | undefined): number {
  if (value === undefined) return MAX_KEYS;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_KEYS)) {
    throw new CosError('InvalidArgument', `max-keys must be a whole number from 1 to ${MAX_KEYS}, not "${value}".`);
  }
  return n;
}

function hasTag(bucket: EmulatorBucket, key: string, value: string): boolean {
  return (bucket.tags ?? '').split('&').some((pair) => {
    const [k = '', v = ''] = pair.split('=').map(decodeOrKeep);
    return k === key && v === value;
  });
}

/** The query's filters, each optional; the region can also come from a regional host. */
function filters(query: ReadonlyMap<string, string>, hostRegion: string | undefined): BucketFilter[] {
  const result: BucketFilter[] = [];
  for (const region of [hostRegion, query.get('region')]) {
    if (region === undefined) continue;
    requireWellFormedRegion(region);
    result.push((b) => b.region === region);
  }
  const tagKey = query.get('tagkey');
  const tagValue = query.get('tagvalue');
  if ((tagKey === undefined) !== (tagValue === undefined) || tagKey === '') {
    throw new CosError('InvalidArgument', 'tagkey and tagvalue go together, and tagkey may not be empty.');
  }
  if (tagKey !== undefined) result.push((b) => hasTag(b, tagKey, tagValue!));
  const createTime = query.get('create-time');
  const range = query.get('range');
  if ((createTime === undefined) !== (range === undefined)) {
    throw new CosError('InvalidArgument', 'create-time and range go together.');
  }
  if (createTime !== undefined) {
    const compare = RANGES[range!];
    if (!/^\d+$/.test(createTime) || !compare) {
      throw new CosError('InvalidArgument', 'create-time must be unix seconds and range one of lt, lte, gt, gte.');
    }
    result.push((b) => compare(Date.parse(b.creationDate) / 1000, Number(createTime)));
  }
  return result;
}

function bucketElement(bucket: EmulatorBucket): string {
  return element(
    'Bucket',
    element('Name', bucket.name) +
      element('Location', bucket.region) +
      element('CreationDate', bucket.creationDate) +
      element('BucketType', 'cos'),
    { raw: true },
  );
}

/** GET Service: the caller's owner's buckets in UTF-8 name order, one page after `marker`. */
export function getService(
  request: CosRequest,
  account: EmulatorAccount,
  state: EmulatorState,
  hostRegion: string | undefined,
): CosResponse {
  requireAllowed(account, 'cos:GetService', 'the bucket list');
  const limit = maxKeys(request.query.get('max-keys'));
  const marker = request.query.get('marker') ?? '';
  const accepted = filters(request.query, hostRegion);
  const owned = state.sorted().filter((b) => b.owner === account.ownerUin && accepted.every((accept) => accept(b)));
  const start = indexAfter(owned, marker);
  const page = owned.slice(start, start + limit);
  const truncated = start + limit < owned.length;

  const owner = account.ownerUin;
  // The owner is the root account, whichever of its keys (sub-accounts included) made the request.
  const ownerName = state.accounts.find((a) => a.ownerUin === owner)?.displayName ?? owner;
  const body = [
    element(
      'Owner',
      element('ID', `qcs::cam::uin/${owner}:uin/${owner}`) + element('DisplayName', ownerName),
      { raw: true },
    ),
    element('Marker', marker),
    truncated ? element('NextMarker', page[page.length - 1].name) : '',
    element('IsTruncated', String(truncated)),
    element('Buckets', page.map(bucketElement).join(''), { raw: true }),
  ].join('');
  return xmlResponse(XML_DECLARATION + element('ListAllMyBucketsResult', body, { raw: true }));
}
