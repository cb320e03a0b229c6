import { z } from 'zod';
import { rule } from './issue-rules';
import { isWellFormedRegion } from './regions';

/** A region id as every call that names a region accepts it. */
export const regionSchema = z
  .string()
  .max(40)
  .refine(isWellFormedRegion, { message: rule('region.format') });
