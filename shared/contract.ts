/**
 * The IPC contract: one entry per call, with the schema of its input and of its output.
 * Channel names, the preload's API object and the renderer's types are all derived from here.
 */
import { z } from 'zod';
import { BUCKET_ACLS } from './acl';
import { checkAppId, checkBucketName, isFullBucketName } from './bucket-name';
import { MAX_GRANTEES, isValidGranteeId } from './grants';
import { isWellFormedRegion } from './regions';
import type { Method } from './methods';

const regionSchema = z
  .string()
  .max(40)
  .refine(isWellFormedRegion, { message: 'Region must look like ap-guangzhou (letters, hyphens, optional -N or -fsi).' });

const fullBucketNameSchema = z
  .string()
  .max(60)
  .refine(isFullBucketName, { message: 'Bucket must be written as <name>-<APPID>, for example photos-1250000000.' });

const granteesSchema = z
  .array(z.string().max(80).refine(isValidGranteeId, { message: 'Account id must be a UIN or qcs::cam::uin/<owner>:uin/<sub>.' }))
  .max(MAX_GRANTEES);

/** host or host:port of a private deployment or of the local emulator. */
export const ENDPOINT_PATTERN = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;

export const signInInputSchema = z.strictObject({
  secretId: z.string().trim().min(1, 'Enter the SecretId.').max(128).regex(/^[A-Za-z0-9]+$/, 'SecretId has letters and digits only.'),
  secretKey: z.string().min(1, 'Enter the SecretKey.').max(128).regex(/^\S+$/, 'SecretKey has no spaces.'),
  sessionToken: z.string().max(4096).regex(/^\S*$/, 'Session token has no spaces.').optional(),
  region: regionSchema,
  https: z.boolean(),
  endpoint: z.string().regex(ENDPOINT_PATTERN, 'Endpoint must be host or host:port, without a scheme.').optional(),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

const accountSchema = z.object({ ownerId: z.string(), displayName: z.string() });
export type Account = z.infer<typeof accountSchema>;

export const sessionStateSchema = z.discriminatedUnion('signedIn', [
  z.object({
    signedIn: z.literal(false),
    /** False where the OS offers no encryption: keys then last for this session only. */
    canRememberKeys: z.boolean(),
  }),
  z.object({
    signedIn: z.literal(true),
    canRememberKeys: z.boolean(),
    account: accountSchema,
    profile: z.object({
      secretIdMasked: z.string(),
      region: z.string(),
      https: z.boolean(),
      endpoint: z.string().optional(),
      temporary: z.boolean(),
    }),
  }),
]);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const bucketSchema = z.object({
  name: z.string(),
  region: z.string(),
  creationDate: z.string(),
  bucketType: z.string().optional(),
});
export type Bucket = z.infer<typeof bucketSchema>;

export const listBucketsInputSchema = z.strictObject({ region: regionSchema.optional() });
export const bucketListSchema = z.object({ owner: accountSchema, buckets: z.array(bucketSchema) });
export type BucketList = z.infer<typeof bucketListSchema>;

export const createBucketInputSchema = z
  .strictObject({
    name: z.string().max(60),
    appId: z.string().max(20),
    region: regionSchema,
    acl: z.enum(BUCKET_ACLS),
    grantRead: granteesSchema,
    grantWrite: granteesSchema,
    grantFullControl: granteesSchema,
    multiAz: z.boolean(),
  })
  .superRefine((input, ctx) => {
    for (const r of checkBucketName(input.name, input.appId, input.region)) {
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['name'], message: BUCKET_NAME_RULE_MESSAGES[r.rule] });
    }
    for (const r of checkAppId(input.appId)) {
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['appId'], message: 'APPID is the number after the last hyphen of your bucket names.' });
    }
  });
export type CreateBucketInput = z.infer<typeof createBucketInputSchema>;

const BUCKET_NAME_RULE_MESSAGES = {
  required: 'Enter a bucket name.',
  charset: 'Use lowercase letters, digits and hyphens only.',
  hyphenEnds: 'The name cannot start or end with a hyphen.',
  hostLength: 'The name is too long: <name>-<APPID>.cos.<region>.myqcloud.com must be at most 60 characters.',
} as const;

export const createBucketResultSchema = z.object({
  bucket: bucketSchema,
  /** The create answered BucketAlreadyOwnedByYou: the bucket is there and is yours. */
  alreadyOwned: z.boolean(),
});
export type CreateBucketResult = z.infer<typeof createBucketResultSchema>;

export const bucketRefSchema = z.strictObject({ bucket: fullBucketNameSchema, region: regionSchema });
export type BucketRef = z.infer<typeof bucketRefSchema>;

export const headBucketResultSchema = z.object({
  bucket: z.string(),
  region: z.string(),
  /** 200 and 403 mean the bucket exists; 404 that it does not. */
  status: z.union([z.literal(200), z.literal(403), z.literal(404)]),
  exists: z.boolean(),
  accessible: z.boolean(),
  /** From x-cos-bucket-region, when the bucket answered. */
  bucketRegion: z.string().optional(),
  multiAz: z.boolean(),
  requestId: z.string().optional(),
});
export type HeadBucketResult = z.infer<typeof headBucketResultSchema>;

export const deleteBucketResultSchema = z.object({ bucket: z.string(), region: z.string() });
export type DeleteBucketResult = z.infer<typeof deleteBucketResultSchema>;

const noInput = z.undefined();

export const contract = {
  getSession: { input: noInput, output: sessionStateSchema },
  signIn: { input: signInInputSchema, output: sessionStateSchema },
  signOut: { input: noInput, output: sessionStateSchema },
  listBuckets: { input: listBucketsInputSchema, output: bucketListSchema },
  createBucket: { input: createBucketInputSchema, output: createBucketResultSchema },
  headBucket: { input: bucketRefSchema, output: headBucketResultSchema },
  deleteBucket: { input: bucketRefSchema, output: deleteBucketResultSchema },
} as const;

export type Contract = typeof contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type OutputOf<M extends Method> = z.output<Contract[M]['output']>;

// Both lists name the same calls: a call added to one and not the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodsMatchContract: Same<keyof Contract, Method> = true;
void methodsMatchContract;

export { API_GLOBAL, CHANNEL_PREFIX, METHODS, channelOf, methodOfChannel, type Method } from './methods';

/** The typed client the renderer calls (see api.ts: the preload exposes envelopes, the client unwraps them). */
export type CosDeskApi = {
  [M in Method]: InputOf<M> extends undefined ? () => Promise<OutputOf<M>> : (input: InputOf<M>) => Promise<OutputOf<M>>;
};

