/** The schema of the one error shape that crosses IPC (errors.ts), checked on the way out of the main process. */
import { z } from 'zod';
import { ERROR_KINDS, type AppError } from './errors';

const MAX_TEXT = 500;

export const appErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  code: z.string().max(100),
  params: z.record(z.string().max(40), z.union([z.string().max(MAX_TEXT), z.number()])).optional(),
  cosMessage: z.string().max(MAX_TEXT + 1).optional(),
  status: z.number().int().optional(),
  requestId: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  resource: z.string().max(300).optional(),
  temporaryKey: z.literal(true).optional(),
  issues: z.array(z.object({ path: z.string(), rule: z.string(), limit: z.number().optional() })).optional(),
  attempts: z.number().int().positive().optional(),
}) satisfies z.ZodType<AppError>;
