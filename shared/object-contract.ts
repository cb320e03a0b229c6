/**
 * The calls about one object: its details (HEAD Object). Apart from contract.ts (which re-exports it) so that the
 * contract stays readable.
 */
import { z } from 'zod';
import { isFullBucketName } from './bucket-name';
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
