/**
 * The schemas of the session and profile calls: who is signed in, the saved profiles, and what a profile is made
 * of. contract.ts puts them in the contract; they live here so the bucket calls stay readable beside them.
 * No schema here carries a SecretKey or token outwards: only inputs have them.
 */
import { z } from 'zod';
import { BUCKET_DOMAIN_PATTERN, ENDPOINT_PATTERN } from './endpoints';
import { rule } from './issue-rules';
import { proxyFields } from './proxy';
import { regionSchema } from './region-schema';

export const accountSchema = z.object({ ownerId: z.string(), displayName: z.string() });
export type Account = z.infer<typeof accountSchema>;

/** Ids are made by the main process (UUIDs); the pattern keeps them usable as plain store keys. */
const profileIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, rule('profile.id'));

const aliasSchema = z
  .string()
  .trim()
  .min(1, rule('alias.required'))
  .max(60)
  .regex(/^[^\p{Cc}]+$/u, rule('alias.controlChars'));
const secretIdSchema = z.string().trim().min(1, rule('secretId.required')).max(128).regex(/^[A-Za-z0-9]+$/, rule('secretId.charset'));
const secretKeySchema = z.string().min(1, rule('secretKey.required')).max(128).regex(/^\S+$/, rule('secretKey.noSpaces'));
const sessionTokenSchema = z.string().max(4096).regex(/^\S*$/, rule('sessionToken.noSpaces'));
/** When a temporary key stops working, as an ISO 8601 instant. */
const expiresAtSchema = z.iso.datetime({ offset: true, message: rule('expiresAt.format') });

/** Where requests go instead of Tencent Cloud's own hosts; every field optional (also checks the saved profiles). */
export const endpointFields = {
  /** host or host:port: the SDK's `Ip` option, which changes the address only (Host and signature stay). */
  endpoint: z.string().regex(ENDPOINT_PATTERN, rule('endpoint.format')).optional(),
  /**
   * host or host:port that answers GET Service instead of service.cos.myqcloud.com (all regions) and
   * cos.<region>.myqcloud.com (one region: asked with the `region` parameter there).
   */
  serviceDomain: z.string().regex(ENDPOINT_PATTERN, rule('serviceDomain.format')).optional(),
  /** The bucket host as a template, e.g. `{Bucket}.cos.{Region}.example.com`: the SDK's `Domain` option. */
  bucketDomain: z
    .string()
    .regex(BUCKET_DOMAIN_PATTERN, rule('bucketDomain.format'))
    .optional(),
  /** Every COS request of the profile goes through this proxy (see shared/proxy.ts). */
  ...proxyFields,
};

/** The first sign-in: keys tested, saved as a profile and made active. A token makes the key temporary. */
export const signInInputSchema = z
  .strictObject({
    alias: aliasSchema.optional(),
    secretId: secretIdSchema,
    secretKey: secretKeySchema,
    sessionToken: sessionTokenSchema.optional(),
    expiresAt: expiresAtSchema.optional(),
    region: regionSchema,
    https: z.boolean(),
    ...endpointFields,
  })
  .superRefine((input, ctx) => {
    if (input.expiresAt && !input.sessionToken) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: rule('expiresAt.onlyTemporary') });
    }
    if (input.sessionToken && !input.expiresAt) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: rule('expiresAt.required') });
    }
  });
export type SignInInput = z.input<typeof signInInputSchema>;

/**
 * Adds a profile (no id) or changes one. On a change the SecretId, SecretKey and token stay as saved unless
 * given again (the renderer never sees them to send them back); a new SecretId needs its SecretKey.
 * The main process tests the keys with a bucket listing before saving.
 */
export const saveProfileInputSchema = z
  .strictObject({
    id: profileIdSchema.optional(),
    alias: aliasSchema.optional(),
    secretId: secretIdSchema.optional(),
    secretKey: secretKeySchema.optional(),
    temporary: z.boolean(),
    sessionToken: sessionTokenSchema.min(1, rule('sessionToken.required')).optional(),
    expiresAt: expiresAtSchema.optional(),
    region: regionSchema,
    https: z.boolean(),
    ...endpointFields,
    /** Make it the active profile once saved (a first sign-in, or keys typed again to switch to it). */
    activate: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.id === undefined && input.secretId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['secretId'], message: rule('secretId.required') });
    }
    if (input.id === undefined && input.secretKey === undefined) {
      ctx.addIssue({ code: 'custom', path: ['secretKey'], message: rule('secretKey.required') });
    }
    if (input.temporary && input.expiresAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: rule('expiresAt.required') });
    }
    if (input.temporary && input.id === undefined && input.sessionToken === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sessionToken'], message: rule('sessionToken.required') });
    }
    if (!input.temporary && (input.sessionToken !== undefined || input.expiresAt !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['sessionToken'], message: rule('sessionToken.onlyTemporary') });
    }
  });
export type SaveProfileInput = z.input<typeof saveProfileInputSchema>;

export const profileRefSchema = z.strictObject({ id: profileIdSchema });
export type ProfileRef = z.infer<typeof profileRefSchema>;

/**
 * What the renderer may know of a profile: never the SecretKey or token, and the SecretId only masked.
 * `keys`: ready; missing (not remembered on this system, or no longer decryptable: they must be typed again);
 * expired (a temporary key past its expiry, or refused by COS as expired).
 */
export const profileSummarySchema = z.object({
  id: profileIdSchema,
  alias: z.string(),
  secretIdMasked: z.string(),
  temporary: z.boolean(),
  expiresAt: z.string().optional(),
  region: z.string(),
  https: z.boolean(),
  endpoint: z.string().optional(),
  serviceDomain: z.string().optional(),
  bucketDomain: z.string().optional(),
  proxyUrl: z.string().optional(),
  proxyUsername: z.string().optional(),
  /** The Owner GET Service last answered with these keys. */
  account: accountSchema.optional(),
  keys: z.enum(['ready', 'missing', 'expired']),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const sessionStateSchema = z.discriminatedUnion('signedIn', [
  z.object({
    signedIn: z.literal(false),
    /** False where the OS offers no encryption: keys then last for this session only. */
    canRememberKeys: z.boolean(),
    profiles: z.array(profileSummarySchema),
    /** The profile that was active when the app last ran, whose keys must be typed again before use. */
    askKeysFor: profileIdSchema.optional(),
  }),
  z.object({
    signedIn: z.literal(true),
    canRememberKeys: z.boolean(),
    profiles: z.array(profileSummarySchema),
    account: accountSchema,
    /** The active profile, also listed in `profiles`. */
    profile: profileSummarySchema,
  }),
]);
export type SessionState = z.infer<typeof sessionStateSchema>;

/**
 * A passed connection test. A key that may not list buckets (no cos:GetService) passes too, since COS checked its
 * signature before refusing: `listDenied` is then set, with no bucket count and the account only if known before.
 */
export const connectionTestSchema = z.object({
  account: accountSchema.optional(),
  bucketCount: z.number().int().nonnegative().optional(),
  listDenied: z.literal(true).optional(),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;
