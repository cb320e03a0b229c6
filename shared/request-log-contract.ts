/** The request log and the permissions seen this session: what the page may read of them, and how. */
import { z } from 'zod';

/** One request the main process sent to COS, its retries counted as tries of it; no signature, token or key. */
export const requestLogEntrySchema = z.object({
  /** Grows by one per request: newer entries have larger ids. */
  id: z.number().int().nonnegative(),
  /** When the first try left, ISO 8601. */
  time: z.string(),
  /** The profile's name at the time. */
  profile: z.string(),
  profileId: z.string(),
  method: z.string(),
  host: z.string(),
  path: z.string(),
  /** The query as sent, with every signature and token parameter taken out. */
  query: z.string(),
  /** The CAM action the request needed. */
  action: z.string().optional(),
  /** The HTTP status of the last try; absent while in flight or when no answer came. */
  status: z.number().int().optional(),
  /** COS's <Code> of an error answer. */
  errorCode: z.string().optional(),
  /** The system's code when no answer came (ETIMEDOUT, ECONNRESET…). */
  networkError: z.string().optional(),
  requestId: z.string().optional(),
  /** From the first try's start to the last try's end, pauses between tries included. */
  durationMs: z.number().nonnegative().optional(),
  tries: z.number().int().positive(),
  bytesSent: z.number().int().nonnegative(),
  bytesReceived: z.number().int().nonnegative(),
  /** Still waiting for an answer. */
  pending: z.boolean(),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;

/** Entries the page may ask for at once. */
export const REQUEST_LOG_PAGE_MAX = 500;

/** Newest first: a page of entries older than `before` (all when absent), filtered in the main process. */
export const listRequestLogInputSchema = z.strictObject({
  before: z.number().int().nonnegative().optional(),
  limit: z.number().int().min(1).max(REQUEST_LOG_PAGE_MAX),
  /** Only requests that failed: an error status, or no answer. */
  errorsOnly: z.boolean().optional(),
  /** Entries whose method, host, path, query, status, codes, request id or profile contain this, ignoring case. */
  text: z.string().max(200).optional(),
});
export type ListRequestLogInput = z.infer<typeof listRequestLogInputSchema>;

export const requestLogPageSchema = z.object({
  entries: z.array(requestLogEntrySchema).max(REQUEST_LOG_PAGE_MAX),
  /** Ask for `before: nextBefore` for the next, older page; absent at the oldest. */
  nextBefore: z.number().int().nonnegative().optional(),
  /** Entries the log holds now, and how many it keeps at most. */
  held: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
});
export type RequestLogPage = z.infer<typeof requestLogPageSchema>;

export const PERMISSION_STATES = ['allowed', 'denied', 'notTried'] as const;

/** One CAM action: whether COS allowed it this session, with the resources it was tried on. */
export const permissionSchema = z.object({
  action: z.string(),
  state: z.enum(PERMISSION_STATES),
  /** The policy resources it was tried on (allowed or denied), `*` for GET Service. */
  resources: z.array(z.string()),
  /** Those of them COS refused. */
  deniedResources: z.array(z.string()),
});
export type Permission = z.infer<typeof permissionSchema>;

export const permissionsSchema = z.object({
  profileId: z.string(),
  profile: z.string(),
  /** The profile's key is temporary: its token carries a policy of its own, which may refuse too. */
  temporaryKey: z.boolean(),
  permissions: z.array(permissionSchema),
});
export type Permissions = z.infer<typeof permissionsSchema>;
