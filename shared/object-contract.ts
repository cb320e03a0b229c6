/**
 * The calls about one object: its details (HEAD Object), a share link (a presigned GET URL), and a new folder's
 * zero-byte object (PUT Object). Apart from contract.ts (which re-exports it) so that the
 * contract stays readable.
 */
import { z } from 'zod';
import { isFullBucketName } from './bucket-name';
import { checkFolderName, type FolderNameRule } from './folder-name';
import { rule } from './issue-rules';
import { regionSchema } from './region-schema';

/** COS's longest key is 850 bytes of UTF-8: never more UTF-16 units than that. */
const MAX_KEY_LENGTH = 850;

const bucketSchema = z.string().max(60).refine(isFullBucketName, { message: rule('bucket.fullName') });

export const objectRefSchema = z.strictObject({
  bucket: bucketSchema,
  region: regionSchema,
  key: z.string().min(1).max(MAX_KEY_LENGTH),
});
export type ObjectRef = z.infer<typeof objectRefSchema>;

/** What HEAD Object says about an object, plus the addresses the details panel offers to copy. */
export const objectDetailsSchema = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  contentType: z.string().optional(),
  /** Without its quotes. */
  etag: z.string(),
  /** x-cos-hash-crc64ecma, a decimal uint64 kept as text: it does not fit a JavaScript number. */
  crc64: z.string().optional(),
  /** HEAD leaves the header out for STANDARD; filled in here. */
  storageClass: z.string(),
  /** ISO 8601. */
  lastModified: z.string(),
  /** Every x-cos-meta-* header, by its full name, in name order. */
  meta: z.array(z.object({ name: z.string(), value: z.string() })),
  /** Only in a bucket that has had versioning enabled. */
  versionId: z.string().optional(),
  /** The object's address without a signature: what a browser can open when the object may be read publicly. */
  url: z.string(),
});
export type ObjectDetails = z.infer<typeof objectDetailsSchema>;

const FOLDER_NAME_RULES: Record<FolderNameRule, ReturnType<typeof rule>> = {
  required: rule('folder.name.required'),
  noSlash: rule('folder.name.noSlash'),
  noLeadingBackslash: rule('folder.name.noLeadingBackslash'),
  allowedChars: rule('folder.name.allowedChars'),
  keyLength: rule('folder.name.keyLength'),
};

/** A new folder `name` inside the folder `prefix`: the key `<prefix><name>/`, checked as the dialog checks it. */
export const createFolderInputSchema = z
  .strictObject({
    bucket: bucketSchema,
    region: regionSchema,
    /** The folder it goes in, ending in `/`, or empty for the bucket's root. */
    prefix: z.string().max(MAX_KEY_LENGTH),
    name: z.string().max(MAX_KEY_LENGTH),
  })
  .superRefine((input, ctx) => {
    if (input.prefix !== '' && !input.prefix.endsWith('/')) ctx.addIssue({ code: 'custom', path: ['prefix'], message: rule('folder.prefix') });
    for (const r of checkFolderName(input.prefix, input.name)) {
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['name'], message: FOLDER_NAME_RULES[r.rule] });
    }
  });
export type CreateFolderInput = z.infer<typeof createFolderInputSchema>;
export const createFolderResultSchema = z.object({ key: z.string() });
export type CreateFolderResult = z.infer<typeof createFolderResultSchema>;

/** The shortest share link, in seconds. */
export const MIN_SHARE_SECONDS = 60;
/**
 * The longest. COS documents no cap for a signature made with a permanent key (a temporary key's ends with the
 * key), so the limit is the app's: a year, beyond which a link is better made public on purpose.
 */
export const MAX_SHARE_SECONDS = 365 * 24 * 3600;
export const DEFAULT_SHARE_SECONDS = 3600;

/** A presigned GET URL for one object, signed in the main process: the SecretKey never reaches the page. */
export const createShareLinkInputSchema = objectRefSchema.extend({
  expiresInSeconds: z.number().int().min(MIN_SHARE_SECONDS).max(MAX_SHARE_SECONDS),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkInputSchema>;
export const shareLinkSchema = z.object({
  url: z.string(),
  /** When the signature stops being accepted (its q-sign-time end), ISO 8601. */
  expiresAt: z.string(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;
