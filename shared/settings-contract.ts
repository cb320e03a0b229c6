/**
 * The calls behind Bucket settings: each setting is read on its own (so one refusal leaves the others shown) and
 * written whole, as COS replaces it whole. Apart from contract.ts (which re-exports it) so that the contract stays
 * readable.
 */
import { z } from 'zod';
import { BUCKET_ACLS } from './acl';
import { MAX_BUCKET_TAGS, MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH, TAG_ISSUE_RULES, checkTags } from './bucket-tags';
import { CORS_ISSUE_RULES, CORS_METHODS, MAX_CORS_AGE, MAX_CORS_RULES, checkCorsRule } from './bucket-cors';
import { LIFECYCLE_ISSUE_RULES, MAX_LIFECYCLE_DAYS, MAX_LIFECYCLE_RULES, TRANSITION_CLASSES, checkLifecycle } from './bucket-lifecycle';
import { MAX_POLICY_LENGTH, POLICY_ISSUE_RULES, checkPolicy } from './bucket-policy';
import { MAX_GRANTEES, isValidGranteeId } from './grants';
import { rule } from './issue-rules';
import { objectRefSchema } from './object-contract';

export const settingsBucketRefSchema = objectRefSchema.pick({ bucket: true, region: true }).strict();

/** Grantee ids as the create form and the Access section take them: a root UIN or `qcs::cam::uin/<owner>:uin/<sub>`. */
export const granteesSchema = z
  .array(z.string().max(80).refine(isValidGranteeId, { message: rule('grantee.id') }))
  .max(MAX_GRANTEES);

export const ACL_PERMISSIONS = ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'] as const;
export type AclPermission = (typeof ACL_PERMISSIONS)[number];

/** GET Bucket acl, read: the canned ACL, the owner, and every grant to someone other than the owner. */
export const bucketAclSchema = z.object({
  /** From the grants to everyone (COS's AllUsers group): READ is public-read, READ and WRITE public-read-write. */
  acl: z.enum(BUCKET_ACLS),
  owner: z.object({ id: z.string(), displayName: z.string() }),
  grants: z.array(z.object({ id: z.string(), displayName: z.string(), permission: z.enum(ACL_PERMISSIONS) })),
});
export type BucketAcl = z.infer<typeof bucketAclSchema>;

/** One PUT Bucket acl by headers: the canned ACL and every grant, replacing what was there. */
export const putBucketAclInputSchema = settingsBucketRefSchema.extend({
  acl: z.enum(BUCKET_ACLS),
  grantRead: granteesSchema,
  grantWrite: granteesSchema,
  grantReadAcp: granteesSchema,
  grantWriteAcp: granteesSchema,
  grantFullControl: granteesSchema,
});
export type PutBucketAclInput = z.infer<typeof putBucketAclInputSchema>;

/** `off`: never enabled. Once enabled, a bucket can only be suspended. */
export const VERSIONING_STATES = ['off', 'Enabled', 'Suspended'] as const;
export type VersioningState = (typeof VERSIONING_STATES)[number];
export const bucketVersioningSchema = z.object({ status: z.enum(VERSIONING_STATES) });
export type BucketVersioning = z.infer<typeof bucketVersioningSchema>;
export const putBucketVersioningInputSchema = settingsBucketRefSchema.extend({ status: z.enum(['Enabled', 'Suspended']) });
export type PutBucketVersioningInput = z.infer<typeof putBucketVersioningInputSchema>;

const tagSchema = z.strictObject({ key: z.string().max(MAX_TAG_KEY_LENGTH * 2), value: z.string().max(MAX_TAG_VALUE_LENGTH * 2) });
/** GET Bucket tagging: no tags (COS's NoSuchTagSet) is an empty list. */
export const bucketTagsSchema = z.object({ tags: z.array(z.object({ key: z.string(), value: z.string() })) });
export type BucketTags = z.infer<typeof bucketTagsSchema>;
/** PUT Bucket tagging replaces every tag; an empty list is sent as DELETE Bucket tagging. */
export const putBucketTaggingInputSchema = settingsBucketRefSchema
  .extend({ tags: z.array(tagSchema).max(MAX_BUCKET_TAGS) })
  .superRefine((input, ctx) => {
    for (const broken of checkTags(input.tags)) {
      const field = broken.rule.startsWith('value') ? 'value' : 'key';
      ctx.addIssue({ code: 'custom', path: ['tags', broken.index, field], message: TAG_ISSUE_RULES[broken.rule] });
    }
  });
export type PutBucketTaggingInput = z.infer<typeof putBucketTaggingInputSchema>;

/** GET Bucket policy: the policy's JSON as COS keeps it, or null when there is none (NoSuchPolicy). */
export const bucketPolicySchema = z.object({ policy: z.string().nullable() });
export type BucketPolicy = z.infer<typeof bucketPolicySchema>;
/** PUT Bucket policy of the JSON given, checked for this bucket first; empty text is DELETE Bucket policy. */
export const putBucketPolicyInputSchema = settingsBucketRefSchema
  .extend({ policy: z.string().max(MAX_POLICY_LENGTH) })
  .superRefine((input, ctx) => {
    if (input.policy === '') return;
    for (const problem of checkPolicy(input.policy, input.bucket, input.region)) {
      ctx.addIssue({ code: 'custom', path: ['policy'], message: POLICY_ISSUE_RULES[problem.rule] });
    }
  });
export type PutBucketPolicyInput = z.infer<typeof putBucketPolicyInputSchema>;

const corsList = z.array(z.string().max(256)).max(100);
export const corsRuleSchema = z.strictObject({
  allowedOrigins: corsList,
  allowedMethods: z.array(z.enum(CORS_METHODS)).max(CORS_METHODS.length),
  allowedHeaders: corsList,
  exposeHeaders: corsList,
  maxAgeSeconds: z.number().int().min(0).max(MAX_CORS_AGE).optional(),
});
/** GET Bucket cors: no rules (NoSuchCORSConfiguration) is an empty list. */
export const bucketCorsSchema = z.object({ rules: z.array(corsRuleSchema) });
export type BucketCors = z.infer<typeof bucketCorsSchema>;
/** PUT Bucket cors of every rule, or DELETE Bucket cors when the list is empty ("delete all rules"). */
export const putBucketCorsInputSchema = settingsBucketRefSchema
  .extend({ rules: z.array(corsRuleSchema).max(MAX_CORS_RULES) })
  .superRefine((input, ctx) => {
    input.rules.forEach((r, index) => {
      for (const broken of checkCorsRule(r)) {
        if (!broken.ok) ctx.addIssue({ code: 'custom', path: ['rules', index], message: CORS_ISSUE_RULES[broken.rule] });
      }
    });
  });
export type PutBucketCorsInput = z.infer<typeof putBucketCorsInputSchema>;

const daysSchema = z.number().int().min(0).max(MAX_LIFECYCLE_DAYS);
export const lifecycleRuleSchema = z.strictObject({
  id: z.string().max(255),
  prefix: z.string().max(850),
  enabled: z.boolean(),
  expirationDays: daysSchema.optional(),
  transition: z.strictObject({ days: daysSchema, storageClass: z.enum(TRANSITION_CLASSES) }).optional(),
  noncurrentExpirationDays: daysSchema.optional(),
  abortUploadDays: daysSchema.optional(),
});
/**
 * GET Bucket lifecycle; none (NoSuchLifecycleConfiguration) is an empty list. `beyondEditing`: some rule has parts
 * COS Desk does not model (a date, a tag filter, several transitions…), so writing the list back would lose them.
 */
export const bucketLifecycleSchema = z.object({ rules: z.array(lifecycleRuleSchema), beyondEditing: z.boolean() });
export type BucketLifecycle = z.infer<typeof bucketLifecycleSchema>;
/** PUT Bucket lifecycle of every rule (COS replaces the whole configuration), or DELETE when the list is empty. */
export const putBucketLifecycleInputSchema = settingsBucketRefSchema
  .extend({ rules: z.array(lifecycleRuleSchema).max(MAX_LIFECYCLE_RULES) })
  .superRefine((input, ctx) => {
    for (const broken of checkLifecycle(input.rules)) {
      ctx.addIssue({ code: 'custom', path: ['rules', broken.index], message: LIFECYCLE_ISSUE_RULES[broken.rule] });
    }
  });
export type PutBucketLifecycleInput = z.infer<typeof putBucketLifecycleInputSchema>;

/** What a write of a setting answers: nothing but that it was done; the view reads the setting again. */
export const settingWrittenSchema = z.object({ done: z.literal(true) });
export type SettingWritten = z.infer<typeof settingWrittenSchema>;
