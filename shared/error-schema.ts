/**
 * The schema of the one error shape that crosses IPC. Apart from errors.ts so that code needing only the error
 * class and codes (the renderer's first screen) does not load zod.
 */
import { z } from 'zod';
import { ERROR_KINDS } from './errors';

export const errorIssueSchema = z.object({ path: z.string(), message: z.string() });

/** One error shape for every failure that crosses IPC: what the renderer shows and nothing secret. */
export const appErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  code: z.string(),
  message: z.string(),
  status: z.number().int().optional(),
  requestId: z.string().optional(),
  /** The CAM action the call needed, so an AccessDenied can name it. */
  action: z.string().optional(),
  /** Field-level problems of a validation error. */
  issues: z.array(errorIssueSchema).optional(),
  /** Tries the main process sent before giving up, when more than one. */
  attempts: z.number().int().positive().optional(),
});
