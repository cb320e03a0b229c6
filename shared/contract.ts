/**
 * The IPC contract: one entry per call, with the schema of its input and of its output.
 * Channel names, the preload's API object and the renderer's types are all derived from here.
 */
import { z } from 'zod';
import { BUCKET_ACLS } from './acl';
import { checkAppId, checkBucketName, isFullBucketName } from './bucket-name';
import { rule } from './issue-rules';
import { preferencesStateSchema, setPreferencesInputSchema } from './preferences-contract';
import { regionSchema } from './region-schema';
import {
  accountSchema,
  connectionTestSchema,
  profileRefSchema,
  saveProfileInputSchema,
  sessionStateSchema,
  signInInputSchema,
} from './session-contract';
import type { Method } from './methods';
import { listRequestLogInputSchema, permissionsSchema, requestLogPageSchema } from './request-log-contract';
import {
  bucketContentsSchema,
  countPrefixInputSchema,
  deleteObjectsInputSchema,
  deleteObjectsResultSchema,
  deletePrefixStepInputSchema,
  deletePrefixStepResultSchema,
  emptyBucketStepInputSchema,
  emptyBucketStepResultSchema,
  prefixCountSchema,
} from './delete-contract';
import {
  createFolderInputSchema,
  createFolderResultSchema,
  createShareLinkInputSchema,
  objectDetailsSchema,
  objectRefSchema,
  shareLinkSchema,
} from './object-contract';
import {
  bucketAclSchema,
  bucketCorsSchema,
  bucketLifecycleSchema,
  bucketPolicySchema,
  bucketTagsSchema,
  bucketVersioningSchema,
  granteesSchema,
  putBucketAclInputSchema,
  putBucketCorsInputSchema,
  putBucketLifecycleInputSchema,
  putBucketPolicyInputSchema,
  putBucketTaggingInputSchema,
  putBucketVersioningInputSchema,
  settingWrittenSchema,
  settingsBucketRefSchema,
} from './settings-contract';
import {
  addDroppedFilesInputSchema,
  downloadFolderSchema,
  localSourcesSchema,
  pickUploadSourcesInputSchema,
  resolveTransferConflictInputSchema,
  setTransferConcurrencyInputSchema,
  startDownloadInputSchema,
  startUploadInputSchema,
  startedTransfersSchema,
  transferIdsInputSchema,
  transferListSchema,
} from './transfer-contract';

const fullBucketNameSchema = z
  .string()
  .max(60)
  .refine(isFullBucketName, { message: rule('bucket.fullName') });


export * from './session-contract';

export const bucketSchema = z.object({
  name: z.string(),
  region: z.string(),
  creationDate: z.string(),
  bucketType: z.string().optional(),
});
export type Bucket = z.infer<typeof bucketSchema>;

const listBucketsInputSchema = z.strictObject({ region: regionSchema.optional() });
export const bucketListSchema = z.object({ owner: accountSchema, buckets: z.array(bucketSchema) });
export type BucketList = z.infer<typeof bucketListSchema>;

/** GET Service's documented largest page. */
export const BUCKET_PAGE_SIZE = 2000;

/** One GET Service page: the renderer asks page by page so that rows appear while the rest load. */
export const listBucketsPageInputSchema = z.strictObject({
  region: regionSchema.optional(),
  /** The previous page's nextMarker; absent for the first page. Bucket names are at most 60 characters. */
  marker: z.string().min(1).max(100).optional(),
});
export type ListBucketsPageInput = z.infer<typeof listBucketsPageInputSchema>;
export const bucketListPageSchema = z.object({
  owner: accountSchema,
  buckets: z.array(bucketSchema).max(BUCKET_PAGE_SIZE),
  /** Where the next page starts; present exactly when truncated. */
  nextMarker: z.string().optional(),
  truncated: z.boolean(),
});
export type BucketListPage = z.infer<typeof bucketListPageSchema>;

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
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['name'], message: BUCKET_NAME_RULES[r.rule] });
    }
    for (const r of checkAppId(input.appId)) {
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['appId'], message: rule('bucket.appId') });
    }
  });
export type CreateBucketInput = z.infer<typeof createBucketInputSchema>;

const BUCKET_NAME_RULES = {
  required: rule('bucket.name.required'),
  charset: rule('bucket.name.charset'),
  hyphenEnds: rule('bucket.name.hyphenEnds'),
  hostLength: rule('bucket.name.hostLength'),
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

export const deleteBucketResultSchema = z.object({
  bucket: z.string(),
  region: z.string(),
  /** The delete got no clear answer, and a check right after found no such bucket in that region any more. */
  confirmedByCheck: z.boolean(),
});
export type DeleteBucketResult = z.infer<typeof deleteBucketResultSchema>;

/** A bucket added by name, for keys that may not list buckets (no cos:GetService); kept per profile. */
export const addedBucketSchema = z.object({ name: z.string(), region: z.string(), addedAt: z.string() });
export type AddedBucket = z.infer<typeof addedBucketSchema>;
export const addedBucketListSchema = z.object({ buckets: z.array(addedBucketSchema) });
export type AddedBucketList = z.infer<typeof addedBucketListSchema>;
/** Added once HEAD found it (200, or 403: it exists but this key may not read it); `check` is that answer. */
export const addBucketResultSchema = z.object({ bucket: addedBucketSchema, check: headBucketResultSchema });
export type AddBucketResult = z.infer<typeof addBucketResultSchema>;

/** GET Bucket's largest page: Contents and CommonPrefixes together. */
export const OBJECT_PAGE_SIZE = 1000;
/** COS's longest object key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 850;

/** One page of a folder: the objects and sub-folders right under `prefix` (delimiter `/`), after `marker`. */
export const listObjectsInputSchema = z.strictObject({
  bucket: fullBucketNameSchema,
  region: regionSchema,
  /** The folder, ending in `/`, or empty for the bucket's root. */
  prefix: z.string().max(MAX_KEY_BYTES),
  /** The previous page's nextMarker; absent for the first page. */
  marker: z.string().min(1).max(MAX_KEY_BYTES).optional(),
});
export type ListObjectsInput = z.infer<typeof listObjectsInputSchema>;
export const objectSummarySchema = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  lastModified: z.string(),
  etag: z.string(),
  storageClass: z.string(),
});
export type ObjectSummary = z.infer<typeof objectSummarySchema>;
export const objectListPageSchema = z.object({
  /** Objects right under the prefix, in key order. */
  objects: z.array(objectSummarySchema).max(OBJECT_PAGE_SIZE),
  /** Sub-folders right under the prefix (COS's CommonPrefixes), each ending in `/`. */
  folders: z.array(z.string()).max(OBJECT_PAGE_SIZE),
  /** Where the next page starts; present exactly when truncated. */
  nextMarker: z.string().optional(),
  truncated: z.boolean(),
});
export type ObjectListPage = z.infer<typeof objectListPageSchema>;

export * from './delete-contract';
export * from './object-contract';
export * from './settings-contract';
export * from './transfer-contract';
export * from './request-log-contract';

const noInput = z.undefined();

/** The page's name for a call it may want to cancel: see cancelCall. */
export const callIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const cancelCallInputSchema = z.strictObject({ callId: callIdSchema });
/** `cancelled`: a call of that id was running and has been told to stop. */
const cancelCallResultSchema = z.object({ cancelled: z.boolean() });

export const contract = {
  getSession: { input: noInput, output: sessionStateSchema },
  signIn: { input: signInInputSchema, output: sessionStateSchema },
  signOut: { input: noInput, output: sessionStateSchema },
  switchProfile: { input: profileRefSchema, output: sessionStateSchema },
  saveProfile: { input: saveProfileInputSchema, output: sessionStateSchema },
  deleteProfile: { input: profileRefSchema, output: sessionStateSchema },
  testProfile: { input: profileRefSchema, output: connectionTestSchema },
  /** Every page in one answer, for callers that want the whole list at once; the table streams listBucketsPage. */
  listBuckets: { input: listBucketsInputSchema, output: bucketListSchema },
  listBucketsPage: { input: listBucketsPageInputSchema, output: bucketListPageSchema },
  createBucket: { input: createBucketInputSchema, output: createBucketResultSchema },
  headBucket: { input: bucketRefSchema, output: headBucketResultSchema },
  deleteBucket: { input: bucketRefSchema, output: deleteBucketResultSchema },
  addBucketByName: { input: bucketRefSchema, output: addBucketResultSchema },
  listAddedBuckets: { input: noInput, output: addedBucketListSchema },
  removeAddedBucket: { input: bucketRefSchema, output: addedBucketListSchema },
  listObjects: { input: listObjectsInputSchema, output: objectListPageSchema },
  /** One POST ?delete of up to 1,000 chosen keys (the current versions; a versioned bucket keeps them as noncurrent). */
  deleteObjects: { input: deleteObjectsInputSchema, output: deleteObjectsResultSchema },
  /** Every object under a folder, counted before the user confirms its delete. */
  countPrefix: { input: countPrefixInputSchema, output: prefixCountSchema },
  /** Lists one page under a folder and deletes what it found: the renderer repeats it until nothing remains. */
  deletePrefixStep: { input: deletePrefixStepInputSchema, output: deletePrefixStepResultSchema },
  /** Objects, noncurrent versions, delete markers and unfinished uploads: what stands between a bucket and its delete. */
  countBucketContents: { input: bucketRefSchema, output: bucketContentsSchema },
  /** One unit of emptying a bucket, in the order COS needs: the renderer repeats it until nothing remains. */
  emptyBucketStep: { input: emptyBucketStepInputSchema, output: emptyBucketStepResultSchema },
  /** HEAD Object: an object's size, type, checksums, storage class and x-cos-meta-* headers. */
  headObject: { input: objectRefSchema, output: objectDetailsSchema },
  /** PUT Object of the zero-byte `<prefix><name>/`: how COS's console makes a folder too. */
  createFolder: { input: createFolderInputSchema, output: createFolderResultSchema },
  /** A presigned GET URL with the expiry the user chose; made in the main process, no request sent. */
  createShareLink: { input: createShareLinkInputSchema, output: shareLinkSchema },
  /** Language, theme, request-log size and file logging, with the OS's languages for a language not chosen yet. */
  getPreferences: { input: noInput, output: preferencesStateSchema },
  /** Changes some of them and keeps them; answers with all of them. */
  setPreferences: { input: setPreferencesInputSchema, output: preferencesStateSchema },
  /** GET Bucket acl: the canned ACL and every grant. */
  getBucketAcl: { input: settingsBucketRefSchema, output: bucketAclSchema },
  /** One PUT Bucket acl by headers, replacing the canned ACL and every grant. */
  putBucketAcl: { input: putBucketAclInputSchema, output: settingWrittenSchema },
  getBucketVersioning: { input: settingsBucketRefSchema, output: bucketVersioningSchema },
  putBucketVersioning: { input: putBucketVersioningInputSchema, output: settingWrittenSchema },
  /** GET Bucket tagging; none (NoSuchTagSet) is an empty list. */
  getBucketTagging: { input: settingsBucketRefSchema, output: bucketTagsSchema },
  /** PUT Bucket tagging of the whole list, or DELETE Bucket tagging when it is empty. */
  putBucketTagging: { input: putBucketTaggingInputSchema, output: settingWrittenSchema },
  /** GET Bucket policy; none (NoSuchPolicy) is null. */
  getBucketPolicy: { input: settingsBucketRefSchema, output: bucketPolicySchema },
  /** PUT Bucket policy of the JSON checked for this bucket, or DELETE Bucket policy when it is empty. */
  putBucketPolicy: { input: putBucketPolicyInputSchema, output: settingWrittenSchema },
  /** GET Bucket cors; none (NoSuchCORSConfiguration) is an empty list. */
  getBucketCors: { input: settingsBucketRefSchema, output: bucketCorsSchema },
  /** PUT Bucket cors of every rule, or DELETE Bucket cors when there are none. */
  putBucketCors: { input: putBucketCorsInputSchema, output: settingWrittenSchema },
  /** GET Bucket lifecycle; none (NoSuchLifecycleConfiguration) is an empty list. */
  getBucketLifecycle: { input: settingsBucketRefSchema, output: bucketLifecycleSchema },
  /** PUT Bucket lifecycle of every rule, or DELETE Bucket lifecycle when there are none. */
  putBucketLifecycle: { input: putBucketLifecycleInputSchema, output: settingWrittenSchema },
  /** Opens the native file or folder picker in the main process: handles and names of what the user chose. */
  pickUploadSources: { input: pickUploadSourcesInputSchema, output: localSourcesSchema },
  /** Files and folders dropped from the OS: the page passes the File objects, the preload sends their paths. */
  addDroppedFiles: { input: addDroppedFilesInputSchema, output: localSourcesSchema },
  /** Opens the native folder picker for a download: a handle, or none when the user cancelled. */
  pickDownloadFolder: { input: noInput, output: downloadFolderSchema },
  /** Queues uploads of picked or dropped files and folders into the folder on screen. */
  startUpload: { input: startUploadInputSchema, output: startedTransfersSchema },
  /** Queues downloads of chosen objects and folders (listed here) into a picked folder. */
  startDownload: { input: startDownloadInputSchema, output: startedTransfersSchema },
  /** Every transfer's state and progress: the panel polls it. */
  listTransfers: { input: noInput, output: transferListSchema },
  pauseTransfers: { input: transferIdsInputSchema, output: transferListSchema },
  resumeTransfers: { input: transferIdsInputSchema, output: transferListSchema },
  /** Aborts the requests in flight, aborts a multipart upload on COS and deletes a download's .part file. */
  cancelTransfers: { input: transferIdsInputSchema, output: transferListSchema },
  retryTransfers: { input: transferIdsInputSchema, output: transferListSchema },
  clearFinishedTransfers: { input: noInput, output: transferListSchema },
  /** The user's answer to "the target exists", for one transfer or the rest of its batch. */
  resolveTransferConflict: { input: resolveTransferConflictInputSchema, output: transferListSchema },
  setTransferConcurrency: { input: setTransferConcurrencyInputSchema, output: transferListSchema },
  /** The requests sent to COS, newest first, a page at a time: the request log panel. */
  listRequestLog: { input: listRequestLogInputSchema, output: requestLogPageSchema },
  /** Each CAM action the active profile's requests met this session: allowed, denied or not tried. */
  getPermissions: { input: noInput, output: permissionsSchema },
  /** Aborts the call the page started with this id (a list being loaded, for one), requests in flight included. */
  cancelCall: { input: cancelCallInputSchema, output: cancelCallResultSchema },
} as const;

export type Contract = typeof contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type OutputOf<M extends Method> = z.output<Contract[M]['output']>;

// Both lists name the same calls: a call added to one and not the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodsMatchContract: Same<keyof Contract, Method> = true;
void methodsMatchContract;

export { API_GLOBAL, CHANNEL_PREFIX, METHODS, channelOf, methodOfChannel, type Method } from './methods';

/**
 * What the page passes: the call's input, except for an OS drop, where the page hands the preload the dropped
 * File objects and the preload sends their paths (electron/preload.ts). A page cannot name a path of its own.
 */
export type PageInputOf<M extends Method> = M extends 'addDroppedFiles' ? { files: readonly unknown[] } : InputOf<M>;

/** The typed client the renderer calls (see api.ts: the preload exposes envelopes, the client unwraps them). */
export type CosDeskApi = {
  [M in Method]: InputOf<M> extends undefined
    ? (input?: undefined, options?: CallOptions) => Promise<OutputOf<M>>
    : (input: PageInputOf<M>, options?: CallOptions) => Promise<OutputOf<M>>;
};

/** `signal`: aborting it cancels the call in the main process too, requests in flight included. */
export interface CallOptions {
  signal?: AbortSignal;
}

