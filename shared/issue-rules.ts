/**
 * The rules a field can break, by name. Schemas and the main process report a broken rule by this name; the
 * renderer's strings module says it in words. Checks zod makes itself (too long, wrong type…) arrive under zod's
 * own issue code instead, with their limit.
 */
export const ISSUE_RULES = [
  'bucket.fullName',
  'bucket.name.required',
  'bucket.name.charset',
  'bucket.name.hyphenEnds',
  'bucket.name.hostLength',
  'bucket.appId',
  'grantee.id',
  'region.format',
  'profile.id',
  'alias.required',
  'alias.controlChars',
  'secretId.required',
  'secretId.charset',
  'secretKey.required',
  'secretKey.noSpaces',
  'secretKey.retypeForNewSecretId',
  'secretKey.retypeForNewRoute',
  'secretKey.retypeLost',
  'sessionToken.required',
  'sessionToken.noSpaces',
  'sessionToken.onlyTemporary',
  'expiresAt.format',
  'expiresAt.required',
  'expiresAt.onlyTemporary',
  'expiresAt.past',
  'endpoint.format',
  'serviceDomain.format',
  'bucketDomain.format',
  'proxyUrl.format',
  'proxyUsername.chars',
  'proxyPassword.chars',
  'call.notFinite',
  'call.valueType',
  'call.tooDeep',
  'call.tooMany',
  'call.notPlain',
  'call.id',
  'folder.name.required',
  'folder.name.noSlash',
  'folder.name.noLeadingBackslash',
  'folder.name.allowedChars',
  'folder.name.keyLength',
  'folder.prefix',
  'tag.key.required',
  'tag.key.length',
  'tag.key.chars',
  'tag.key.reserved',
  'tag.key.duplicate',
  'tag.value.length',
  'tag.value.chars',
] as const;
export type IssueRule = (typeof ISSUE_RULES)[number];

/** Names a rule where a schema wants its message: the compiler checks the name, the renderer words it. */
export function rule(name: IssueRule): IssueRule {
  return name;
}
