import { CosError } from './errors';

const CANNED_ACLS = new Set(['private', 'public-read', 'public-read-write']);

/** Grant headers and the COS permission each grants. */
const GRANT_HEADERS = {
  'x-cos-grant-read': 'READ',
  'x-cos-grant-write': 'WRITE',
  'x-cos-grant-read-acp': 'READ_ACP',
  'x-cos-grant-write-acp': 'WRITE_ACP',
  'x-cos-grant-full-control': 'FULL_CONTROL',
} as const;

/** A root account (`100000000001`) or a sub-account (`qcs::cam::uin/<owner>:uin/<sub>`). */
const GRANTEE = /^\s*id="(\d+|qcs::cam::uin\/\d+:uin\/\d+)"\s*$/;
const MAX_TAGS = 50;

type Headers = Readonly<Record<string, string | undefined>>;

export function cannedAcl(headers: Headers): string {
  const acl = headers['x-cos-acl'] ?? 'private';
  if (!CANNED_ACLS.has(acl)) {
    throw new CosError('InvalidArgument', `x-cos-acl must be private, public-read or public-read-write, not "${acl}".`);
  }
  return acl;
}

export function grants(headers: Headers): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [header, permission] of Object.entries(GRANT_HEADERS)) {
    const value = headers[header];
    if (value === undefined) continue;
    result[permission] = value.split(',').map((entry) => {
      const grantee = GRANTEE.exec(entry);
      if (!grantee) {
        throw new CosError(
          'InvalidArgument',
          `${header}: "${entry.trim()}" is not a grantee; write id="100000000001" or id="qcs::cam::uin/100000000001:uin/100000000011".`,
        );
      }
      return grantee[1];
    });
  }
  return result;
}

/** Validates x-cos-tagging (`k1=v1&k2=v2`) and returns it as sent. */
export function tagging(headers: Headers): string | undefined {
  const value = headers['x-cos-tagging'];
  if (value === undefined) return undefined;
  const pairs = value.split('&');
  if (pairs.length > MAX_TAGS) {
    throw new CosError('InvalidArgument', `x-cos-tagging has ${pairs.length} tags; at most ${MAX_TAGS} are allowed.`);
  }
  for (const pair of pairs) {
    if (!/^[^=&]+=[^=&]*$/.test(pair)) throw new CosError('InvalidArgument', `x-cos-tagging: "${pair}" is not key=value.`);
  }
  return value;
}
