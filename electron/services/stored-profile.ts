/** The non-secret half of a remembered sign-in, as kept in the settings file. */
import { z } from 'zod';

export const storedProfileSchema = z.object({
  secretId: z.string().min(1),
  region: z.string(),
  https: z.boolean(),
  endpoint: z.string().optional(),
  temporary: z.boolean(),
  /** Kept so the header can show the account at startup without a network round trip. */
  account: z.object({ ownerId: z.string(), displayName: z.string() }),
});
export type StoredProfile = z.infer<typeof storedProfileSchema>;

/** Enough of the SecretId to recognise it, too little to use it: first 4 and last 4 characters. */
export function maskSecretId(secretId: string): string {
  if (secretId.length <= 8) return '*'.repeat(secretId.length);
  return `${secretId.slice(0, 4)}…${secretId.slice(-4)}`;
}
