/**
 * The first version kept one sign-in: `profile` in the settings file, `secretKey` and `sessionToken` in the
 * secret store. At the first start of this version it becomes a saved profile, made active, and the old
 * entries are deleted, so no key is left behind under a name nothing reads any more.
 */
import { z } from 'zod';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { endpointFields } from '@shared/session-contract';
import type { ProfileStore } from './profile-store';
import { maskSecretId } from './stored-profile';

const LEGACY_PROFILE = 'profile';
const LEGACY_SECRETS = ['secretKey', 'sessionToken'] as const;

const legacySchema = z.object({
  secretId: z.string().min(1),
  region: z.string(),
  https: z.boolean(),
  endpoint: endpointFields.endpoint,
  temporary: z.boolean(),
  account: z.object({ ownerId: z.string(), displayName: z.string() }),
});

/** The id of the profile made from the old sign-in, or undefined when there was none to keep. */
export async function adoptLegacySignIn(
  settings: SettingsStore,
  secrets: SecretStore,
  profiles: ProfileStore,
  newId: () => string,
): Promise<string | undefined> {
  const stored = settings.get(LEGACY_PROFILE);
  if (stored === undefined) return undefined;
  const legacy = legacySchema.safeParse(stored);
  const [secretKey, sessionToken] = await Promise.all(LEGACY_SECRETS.map((name) => secrets.get(name)));
  let id: string | undefined;
  if (legacy.success && secretKey && (!legacy.data.temporary || sessionToken)) {
    const { account, ...rest } = legacy.data;
    id = newId();
    await profiles.save(
      { ...rest, id, alias: account.displayName || maskSecretId(rest.secretId), account },
      { secretKey, ...(legacy.data.temporary ? { sessionToken } : {}) },
      true,
    );
    profiles.setActiveId(id);
  }
  settings.delete(LEGACY_PROFILE);
  await Promise.all(LEGACY_SECRETS.map((name) => secrets.delete(name)));
  return id;
}
