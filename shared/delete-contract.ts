/**
 * The calls that delete objects: a selection of keys, everything under a folder, and everything in a bucket.
 * Long deletes are driven by the renderer one step at a time (one listing page, one POST ?delete): progress and
 * Cancel come from the loop, and a run that was interrupted carries on by simply starting again, since each step
 * lists what is still there. Apart from contract.ts (which re-exports it) so that the contract stays readable.
 */
import { z } from 'zod';
import { isFullBucketName } from './bucket-name';
import { rule } from './issue-rules';
import { regionSchema } from './region-schema';

/** DELETE Multiple Objects' documented largest batch (doc 8289), and a listing page's largest size. */
export const DELETE_BATCH_SIZE = 1000;
/** COS's longest key is 850 bytes of UTF-8: never more UTF-16 units than that. */
const MAX_KEY_LENGTH = 850;
/** Unfinished uploads aborted per step: each abort is its own request, so a step stays short enough to cancel. */
export const ABORTS_PER_STEP = 100;
/** Names shown in the Delete objects dialog before "and N more". */
export const PREFIX_SAMPLE_SIZE = 10;

const bucketSchema = z.string().max(60).refine(isFullBucketName, { message: rule('bucket.fullName') });
const keySchema = z.string().min(1).max(MAX_KEY_LENGTH);
const countSchema = z.number().int().nonnegative();

export const deleteObjectsInputSchema = z.strictObject({
  bucket: bucketSchema,
  region: regionSchema,
  keys: z.array(keySchema).min(1).max(DELETE_BATCH_SIZE),
});
export type DeleteObjectsInput = z.infer<typeof deleteObjectsInputSchema>;

/** A key (or one version of it, or an unfinished upload of it) that COS refused to remove, with COS's code. */
export const deleteFailureSchema = z.object({
  key: z.string(),
  versionId: z.string().optional(),
  uploadId: z.string().optional(),
  code: z.string(),
});
export type DeleteFailure = z.infer<typeof deleteFailureSchema>;

export const deleteObjectsResultSchema = z.object({
  /** Keys COS answered for without an error. */
  deleted: countSchema,
  failed: z.array(deleteFailureSchema),
});
export type DeleteObjectsResult = z.infer<typeof deleteObjectsResultSchema>;

/** A folder: a non-empty prefix. Everything whose key starts with it is in the folder, and nothing else. */
export const countPrefixInputSchema = z.strictObject({ bucket: bucketSchema, region: regionSchema, prefix: keySchema });
export type CountPrefixInput = z.infer<typeof countPrefixInputSchema>;
export const prefixCountSchema = z.object({
  objects: countSchema,
  bytes: countSchema,
  /** The first keys in key order, for the dialog to name. */
  sample: z.array(z.string()).max(PREFIX_SAMPLE_SIZE),
});
export type PrefixCount = z.infer<typeof prefixCountSchema>;

export const deletePrefixStepInputSchema = z.strictObject({
  bucket: bucketSchema,
  region: regionSchema,
  prefix: keySchema,
  /** Where the previous step's refusals end: keys COS would not delete are not listed again. */
  marker: keySchema.optional(),
});
export type DeletePrefixStepInput = z.infer<typeof deletePrefixStepInputSchema>;
export const deletePrefixStepResultSchema = deleteObjectsResultSchema.extend({
  remaining: z.boolean(),
  /** The marker for the next step, when this one's listing stopped past refused keys. */
  marker: z.string().optional(),
});
export type DeletePrefixStepResult = z.infer<typeof deletePrefixStepResultSchema>;

export const bucketContentsSchema = z.object({
  /** Current versions: what a plain listing shows. */
  objects: countSchema,
  noncurrentVersions: countSchema,
  deleteMarkers: countSchema,
  /** Multipart uploads begun and neither completed nor aborted. */
  uploads: countSchema,
});
export type BucketContents = z.infer<typeof bucketContentsSchema>;

/** Where an emptying stands: aborting uploads first (so no late Complete brings an object back), then versions. */
export const emptyCursorSchema = z.strictObject({
  phase: z.enum(['uploads', 'versions']),
  /** Past the last entry COS refused to remove, so that it is not met again. */
  keyMarker: keySchema.optional(),
  /** The version id (versions phase) or upload id (uploads phase) of that entry. */
  idMarker: z.string().min(1).max(200).optional(),
});
export type EmptyCursor = z.infer<typeof emptyCursorSchema>;

export const emptyBucketStepInputSchema = z.strictObject({
  bucket: bucketSchema,
  region: regionSchema,
  /** The previous step's cursor; absent to start (or start again) from the beginning. */
  cursor: emptyCursorSchema.optional(),
});
export type EmptyBucketStepInput = z.infer<typeof emptyBucketStepInputSchema>;
export const emptyBucketStepResultSchema = z.object({
  /** What this step removed, by kind. */
  removed: bucketContentsSchema,
  failed: z.array(deleteFailureSchema),
  remaining: z.boolean(),
  /** For the next step, when `remaining`. */
  cursor: emptyCursorSchema.optional(),
});
export type EmptyBucketStepResult = z.infer<typeof emptyBucketStepResultSchema>;
