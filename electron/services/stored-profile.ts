/** The non-secret half of a saved profile, as kept in the settings file; its keys are in the secret store. */
import { z } from 'zod';
import type { ProfileSummary } from '@shared/contract';
import { endpointFields } from '@shared/session-contract';

export const storedProfileSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  alias: z.string().min(1),
  secretId: z.string().min(1),
  region: z.string(),
  https: z.boolean(),
  // Route fields are checked with the contract's own schemas: the file is not trusted more than the page.
  endpoint: endpointFields.endpoint,
  /** Host of GET Service instead of Tencent Cloud's (see shared/session-contract.ts). */
  serviceDomain: endpointFields.serviceDomain,
  /** Bucket host template, e.g. `{Bucket}.cos.{Region}.example.com`. */
  bucketDomain: endpointFields.bucketDomain,
  /** The proxy's address, without credentials; its password is kept with the keys. */
  proxyUrl: endpointFields.proxyUrl,
  proxyUsername: endpointFields.proxyUsername,
  temporary: z.boolean(),
  expiresAt: z.string().optional(),
  /** Kept so the header can show the account at startup without a network round trip. */
  account: z.object({ ownerId: z.string(), displayName: z.string() }).optional(),
});
export type StoredProfile = z.infer<typeof storedProfileSchema>;

/** Enough of the SecretId to recognise it, too little to use it: first 4 and last 4 characters. */
export function maskSecretId(secretId: string): string {
  if (secretId.length <= 8) return '*'.repeat(secretId.length);
  return `${secretId.slice(0, 4)}…${secretId.slice(-4)}`;
}

export function isPastExpiry(profile: StoredProfile, now: number): boolean {
  if (!profile.temporary || profile.expiresAt === undefined) return false;
  return Date.parse(profile.expiresAt) <= now;
}

/** The profile as the renderer may see it: the SecretId masked, no secret at all. */
export function summarize(profile: StoredProfile, keys: ProfileSummary['keys']): ProfileSummary {
  return {
    id: profile.id,
    alias: profile.alias,
    secretIdMasked: maskSecretId(profile.secretId),
    temporary: profile.temporary,
    expiresAt: profile.expiresAt,
    region: profile.region,
    https: profile.https,
    endpoint: profile.endpoint,
    serviceDomain: profile.serviceDomain,
    bucketDomain: profile.bucketDomain,
    proxyUrl: profile.proxyUrl,
    proxyUsername: profile.proxyUsername,
    account: profile.account,
    keys,
  };
}
