import { z } from 'zod';
import { isWellFormedRegion } from './regions';

/** A region id as every call that names a region accepts it. */
export const regionSchema = z
  .string()
  .max(40)
  .refine(isWellFormedRegion, { message: 'Region must look like ap-guangzhou (letters, hyphens, optional -N or -fsi).' });
