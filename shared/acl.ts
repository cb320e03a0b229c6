export const BUCKET_ACLS = ['private', 'public-read', 'public-read-write'] as const;
export type BucketAcl = (typeof BUCKET_ACLS)[number];

export function isPublicAcl(acl: BucketAcl): acl is Exclude<BucketAcl, 'private'> {
  return acl !== 'private';
}
