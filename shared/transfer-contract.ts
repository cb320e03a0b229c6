/**
 * Uploads and downloads. The page never names a local path: it asks the main process to open a picker (or hands
 * the preload an OS drop, which it turns into paths) and gets back opaque handles with display names; transfers
 * are started with those handles. Progress is read by polling `listTransfers`.
 */
import { z } from 'zod';
import { isFullBucketName } from './bucket-name';
import { appErrorSchema } from './error-schema';
import { rule } from './issue-rules';
import { regionSchema } from './region-schema';

const MAX_KEY_LENGTH = 850;
const bucketSchema = z.string().max(60).refine(isFullBucketName, { message: rule('bucket.fullName') });
const handleSchema = z.string().uuid();
const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const prefixSchema = z
  .string()
  .max(MAX_KEY_LENGTH)
  .refine((p) => p === '' || p.endsWith('/'), { message: rule('folder.prefix') });

export const CONFLICT_CHOICES = ['ask', 'skip', 'overwrite', 'keepBoth', 'skipIfIdentical'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];
export const TRANSFER_STATES = ['queued', 'running', 'paused', 'asking', 'done', 'failed', 'skipped', 'cancelled'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];
export type TransferDirection = 'upload' | 'download';

export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 32;
export const DEFAULT_CONCURRENCY = 8;
/** The most rows listTransfers answers with: the panel shows these and counts the rest. */
export const TRANSFER_LIST_LIMIT = 300;

export const localSourceSchema = z.object({
  handle: z.string(),
  name: z.string(),
  kind: z.enum(['file', 'folder']),
  size: z.number().optional(),
});
export type LocalSourceInfo = z.infer<typeof localSourceSchema>;

export const pickUploadSourcesInputSchema = z.strictObject({ kind: z.enum(['files', 'folder']) });
export const localSourcesSchema = z.object({ sources: z.array(localSourceSchema) });
export type LocalSources = z.infer<typeof localSourcesSchema>;

/**
 * What the preload sends for an OS drop: the paths it read from the dropped files with webUtils.getPathForFile.
 * The page calls it with `{ files }` (File objects); the preload replaces them with their paths, so a page cannot
 * name a path of its own (see electron/preload.ts).
 */
export const addDroppedFilesInputSchema = z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) });
export type AddDroppedFilesInput = z.infer<typeof addDroppedFilesInputSchema>;

export const downloadFolderSchema = z.object({ folder: localSourceSchema.optional() });
export type DownloadFolder = z.infer<typeof downloadFolderSchema>;

export const startUploadInputSchema = z.strictObject({
  bucket: bucketSchema,
  region: regionSchema,
  /** The folder on screen: keys are `<prefix><relative path>`. */
  prefix: prefixSchema,
  sources: z.array(handleSchema).min(1).max(1000),
  conflict: z.enum(CONFLICT_CHOICES),
});
export type StartUploadInput = z.infer<typeof startUploadInputSchema>;

export const startDownloadInputSchema = z.strictObject({
  bucket: bucketSchema,
  region: regionSchema,
  /** The folder on screen: local paths are the keys relative to it. */
  prefix: prefixSchema,
  keys: z.array(z.string().min(1).max(MAX_KEY_LENGTH)).max(10_000),
  /** Folders (prefixes ending in `/`) downloaded with everything under them. */
  folders: z.array(prefixSchema.refine((p) => p !== '', { message: rule('folder.prefix') })).max(1000),
  folder: handleSchema,
  conflict: z.enum(CONFLICT_CHOICES),
});
export type StartDownloadInput = z.infer<typeof startDownloadInputSchema>;

export const startedTransfersSchema = z.object({ batchId: z.string(), queued: z.number().int() });
export type StartedTransfers = z.infer<typeof startedTransfersSchema>;

export const transferSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  direction: z.enum(['upload', 'download']),
  name: z.string(),
  bucket: z.string(),
  key: z.string(),
  size: z.number(),
  transferred: z.number(),
  state: z.enum(TRANSFER_STATES),
  /** Bytes a second over the last few seconds, while running. */
  speed: z.number().optional(),
  secondsLeft: z.number().optional(),
  error: appErrorSchema.optional(),
  existing: z.enum(['object', 'file']).optional(),
  sizeOnly: z.boolean().optional(),
  identical: z.boolean().optional(),
});
export type Transfer = z.infer<typeof transferSchema>;

export const transferListSchema = z.object({
  transfers: z.array(transferSchema),
  /** Every transfer kept, by state, including those beyond the list's limit. */
  counts: z.record(z.enum(TRANSFER_STATES), z.number().int()),
  total: z.number().int(),
  concurrency: z.number().int(),
  /** Transfers were found from the last run and are paused until the user resumes them. */
  restored: z.boolean(),
});
export type TransferList = z.infer<typeof transferListSchema>;

/** No ids: every transfer. */
export const transferIdsInputSchema = z.strictObject({ ids: z.array(idSchema).max(10_000).optional() });
export type TransferIdsInput = z.infer<typeof transferIdsInputSchema>;

export const resolveTransferConflictInputSchema = z.strictObject({
  id: idSchema,
  choice: z.enum(['skip', 'overwrite', 'keepBoth', 'skipIfIdentical']),
  /** The same choice for every other transfer of the batch that meets an existing target. */
  applyToAll: z.boolean(),
});
export type ResolveTransferConflictInput = z.infer<typeof resolveTransferConflictInputSchema>;

export const setTransferConcurrencyInputSchema = z.strictObject({
  concurrency: z.number().int().min(MIN_CONCURRENCY).max(MAX_CONCURRENCY),
});
