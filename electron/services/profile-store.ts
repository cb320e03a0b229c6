/**
 * Saved profiles: their plain settings in the settings file, their SecretKey and token as one encrypted entry
 * per profile in the secret store (so both change together). Profiles not to be remembered (the demo) live in
 * memory only, keys included. Nothing here talks to COS.
 */
import { z } from 'zod';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { routeSealHolds, sealRoute } from '../settings/route-seal';
import { storedProfileSchema, type StoredProfile } from './stored-profile';

const PROFILES_KEY = 'profiles';
const ACTIVE_KEY = 'activeProfileId';

const profileSecretsSchema = z.object({
  secretKey: z.string().min(1),
  sessionToken: z.string().min(1).optional(),
  proxyPassword: z.string().min(1).optional(),
  /** The route the keys were saved for (see route-seal.ts); set on every save. */
  routeSeal: z.string().optional(),
});
export type ProfileSecrets = z.infer<typeof profileSecretsSchema>;

function secretName(id: string): string {
  return `profile-${id}`;
}

export class ProfileStore {
  private readonly unremembered = new Map<string, { profile: StoredProfile; secrets: ProfileSecrets }>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly secrets: SecretStore,
  ) {}

  /** Saved profiles first, in the order they were added; entries that no longer parse are skipped. */
  list(): StoredProfile[] {
    return [...this.remembered(), ...[...this.unremembered.values()].map((entry) => entry.profile)];
  }

  get(id: string): StoredProfile | undefined {
    return this.list().find((profile) => profile.id === id);
  }

  isRemembered(id: string): boolean {
    return this.remembered().some((profile) => profile.id === id);
  }

  hasSecrets(id: string): boolean {
    return this.unremembered.has(id) || this.secrets.has(secretName(id));
  }

  /**
   * The profile's keys, or undefined when they are gone; a stored entry that does not parse is deleted. Keys whose
   * route changed outside the app (the settings file was edited) count as gone, so they are asked for again rather
   * than sent to the new route; the entry stays, and is replaced when they are typed.
   */
  async readSecrets(id: string): Promise<ProfileSecrets | undefined> {
    const inMemory = this.unremembered.get(id);
    if (inMemory) return inMemory.secrets;
    const raw = await this.secrets.get(secretName(id));
    if (raw === undefined) return undefined;
    const parsed = profileSecretsSchema.safeParse(parseJson(raw));
    if (!parsed.success) {
      await this.secrets.delete(secretName(id));
      return undefined;
    }
    const profile = this.get(id);
    const { routeSeal, ...secrets } = parsed.data;
    return profile && routeSealHolds(secrets.secretKey, profile, routeSeal) ? secrets : undefined;
  }

  /** `remember` false keeps the whole profile in memory, for this run only, and writes nothing. */
  async save(profile: StoredProfile, secrets: ProfileSecrets, remember: boolean): Promise<void> {
    if (!remember) {
      this.unremembered.set(profile.id, { profile, secrets });
      return;
    }
    // Keys first: a profile in the list without its keys only asks for them again, never the reverse.
    const { routeSeal: _previous, ...keys } = secrets;
    await this.secrets.set(secretName(profile.id), JSON.stringify({ ...keys, routeSeal: sealRoute(keys.secretKey, profile) }));
    const others = this.remembered().filter((p) => p.id !== profile.id);
    const index = this.remembered().findIndex((p) => p.id === profile.id);
    const next = index < 0 ? [...others, profile] : [...others.slice(0, index), profile, ...others.slice(index)];
    this.settings.set(PROFILES_KEY, next);
  }

  /** Records the account last seen with the profile's keys; the keys themselves are untouched. */
  updateAccount(id: string, account: NonNullable<StoredProfile['account']>): void {
    const inMemory = this.unremembered.get(id);
    if (inMemory) {
      inMemory.profile = { ...inMemory.profile, account };
      return;
    }
    const list = this.remembered();
    if (!list.some((p) => p.id === id)) return;
    this.settings.set(PROFILES_KEY, list.map((p) => (p.id === id ? { ...p, account } : p)));
  }

  async remove(id: string): Promise<void> {
    this.unremembered.delete(id);
    const list = this.remembered();
    if (list.some((p) => p.id === id)) this.settings.set(PROFILES_KEY, list.filter((p) => p.id !== id));
    if (this.activeId() === id) this.clearActiveId();
    await this.secrets.delete(secretName(id));
  }

  /** The profile to reopen at the next start. */
  activeId(): string | undefined {
    const id = this.settings.get(ACTIVE_KEY);
    return typeof id === 'string' ? id : undefined;
  }

  /** Only a remembered profile can be reopened; making another one active leaves the stored choice alone. */
  setActiveId(id: string): void {
    if (this.isRemembered(id) && this.activeId() !== id) this.settings.set(ACTIVE_KEY, id);
  }

  clearActiveId(): void {
    // Deleting rewrites the file: skipped when nothing is stored, so a memory-only run writes nothing.
    if (this.settings.get(ACTIVE_KEY) !== undefined) this.settings.delete(ACTIVE_KEY);
  }

  private remembered(): StoredProfile[] {
    const stored = this.settings.get(PROFILES_KEY);
    if (!Array.isArray(stored)) return [];
    return stored.flatMap((entry) => {
      const parsed = storedProfileSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
