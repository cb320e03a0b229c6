/**
 * PUT / GET Bucket acl (doc 7737). A PUT sets the ACL either by headers (x-cos-acl, x-cos-grant-*) or by an
 * AccessControlPolicy body, never both, and replaces what was there. GET answers the policy as grants: the
 * owner's FULL_CONTROL first, the AllUsers group for a public canned ACL, then every grant.
 */
import { createHash } from 'node:crypto';
import { cannedAcl, grants } from './acl-headers';
import type { BucketCall } from './bucket-call';
import { requireAllowed } from './cam';
import { CosError } from './errors';
import { type CosResponse, xmlResponse } from './exchange';
import { requireMatchingDigest } from './object-headers';
import type { EmulatorAccount } from './types';
import { XML_DECLARATION, childElements, childText, element, rootContent } from './xml';

export const ALL_USERS_URI = 'http://cam.qcloud.com/groups/global/AllUsers';
const ANYONE_ID = 'qcs::cam::anyone:anyone';
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const PERMISSIONS = ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'] as const;
/** The permissions a public canned ACL grants to everyone. */
const PUBLIC_GRANTS: Record<string, readonly string[]> = { 'public-read': ['READ'], 'public-read-write': ['READ', 'WRITE'] };

/** A root account's UIN as COS writes it in an ACL: `qcs::cam::uin/<uin>:uin/<uin>`; a sub-account's id as it is. */
export function camId(id: string): string {
  return /^\d+$/.test(id) ? `qcs::cam::uin/${id}:uin/${id}` : id;
}

function ownerId(uin: string): string {
  return camId(uin);
}

function userGrant(id: string, permission: string, displayName = ''): string {
  const grantee = `<Grantee ${XSI} xsi:type="CanonicalUser">${element('ID', id)}${element('DisplayName', displayName)}</Grantee>`;
  return element('Grant', grantee + element('Permission', permission), { raw: true });
}

function groupGrant(permission: string): string {
  const grantee = `<Grantee ${XSI} xsi:type="Group">${element('URI', ALL_USERS_URI)}</Grantee>`;
  return element('Grant', grantee + element('Permission', permission), { raw: true });
}

export function getBucketAcl({ account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:GetBucketACL', target.bucket, { bucket: target.bucket });
  const bucket = owned();
  const owner = ownerId(bucket.owner);
  const displayName = account.ownerUin === bucket.owner ? (account.displayName ?? bucket.owner) : bucket.owner;
  const list = [
    userGrant(owner, 'FULL_CONTROL', displayName),
    ...(PUBLIC_GRANTS[bucket.acl] ?? []).map(groupGrant),
    ...PERMISSIONS.flatMap((permission) => (bucket.grants[permission] ?? []).map((id) => userGrant(camId(id), permission, id))),
  ];
  const body =
    element('Owner', element('ID', owner) + element('DisplayName', displayName), { raw: true }) +
    element('AccessControlList', list.join(''), { raw: true });
  return xmlResponse(XML_DECLARATION + element('AccessControlPolicy', body, { raw: true }));
}

const ACL_HEADERS = ['x-cos-acl', 'x-cos-grant-read', 'x-cos-grant-write', 'x-cos-grant-read-acp', 'x-cos-grant-write-acp', 'x-cos-grant-full-control'];

/** Reads an AccessControlPolicy body into the canned ACL and the grants it amounts to. */
export function readAclBody(body: string, owner: string): { acl: string; grants: Record<string, string[]> } {
  const policy = rootContent(body, 'AccessControlPolicy');
  if (policy === undefined) throw new CosError('MalformedXML', 'The body is not an AccessControlPolicy document.');
  const [ownerMarkup] = childElements(policy, 'Owner');
  const sentOwner = ownerMarkup === undefined ? undefined : childText(ownerMarkup, 'ID');
  if (sentOwner !== undefined && sentOwner !== owner) {
    throw new CosError('InvalidArgument', `Owner/ID must be the bucket owner's ${owner}, not "${sentOwner}".`);
  }
  const [listMarkup = ''] = childElements(policy, 'AccessControlList');
  const everyone = new Set<string>();
  const granted: Record<string, string[]> = {};
  for (const grant of childElements(listMarkup, 'Grant')) {
    const permission = childText(grant, 'Permission') ?? '';
    if (!(PERMISSIONS as readonly string[]).includes(permission)) {
      throw new CosError('MalformedXML', `Permission must be one of ${PERMISSIONS.join(', ')}, not "${permission}".`);
    }
    const [grantee = ''] = childElements(grant, 'Grantee');
    // The SDK sends Grantee without xsi:type: an ID names a user, a URI a group.
    const id = childText(grantee, 'ID');
    const uri = childText(grantee, 'URI');
    if (uri === ALL_USERS_URI || id === ANYONE_ID) everyone.add(permission);
    else if (id !== undefined && /^qcs::cam::uin\/\d+:uin\/\d+$/.test(id)) {
      if (id !== owner) (granted[permission] ??= []).push(id);
    } else throw new CosError('InvalidArgument', `Grantee must have an ID qcs::cam::uin/<uin>:uin/<uin> or the AllUsers URI.`);
  }
  if (everyone.has('READ_ACP') || everyone.has('WRITE_ACP')) {
    throw new CosError('InvalidArgument', 'Everyone may be granted READ, WRITE or FULL_CONTROL only.');
  }
  const acl = everyone.has('FULL_CONTROL') || (everyone.has('READ') && everyone.has('WRITE')) ? 'public-read-write' : everyone.has('READ') ? 'public-read' : 'private';
  return { acl, grants: granted };
}

export function putBucketAcl({ request, account, target, bucket: owned }: BucketCall): CosResponse {
  requireAllowed(account, 'cos:PutBucketACL', target.bucket, { bucket: target.bucket });
  const bucket = owned();
  const byHeaders = ACL_HEADERS.some((name) => request.headers[name] !== undefined);
  const byBody = request.body.trim() !== '';
  if (byHeaders && byBody) throw new CosError('InvalidRequest', 'Set the ACL by headers or by an AccessControlPolicy body, not both.');
  if (byBody) {
    requireMatchingDigest(request.headers, createHash('md5').update(request.body).digest());
    const read = readAclBody(request.body, ownerId(bucket.owner));
    bucket.acl = read.acl;
    bucket.grants = read.grants;
  } else {
    // Validated whole before anything changes.
    const acl = cannedAcl(request.headers);
    const granted = grants(request.headers);
    bucket.acl = acl;
    bucket.grants = granted;
  }
  return { status: 200 };
}

/** The display name GET Bucket acl gives the owner, for tests. */
export function ownerDisplayName(account: EmulatorAccount): string {
  return account.displayName ?? account.ownerUin;
}
