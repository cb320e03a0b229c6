/**
 * Saved profiles and which one is active. Keys are tested with a bucket listing before anything is saved;
 * switching uses the saved keys without a network call. A SecretKey or token never leaves this class except
 * inside the gateway it builds, and each one is handed to the redactor so logs can be cleaned of it.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectionTest, ProfileRef, SaveProfileInput, SessionState, SignInInput } from '@shared/contract';
import type { CosCredentials, CosGateway } from '../cos/gateway';
import type { RouteOwner } from '../cos/route-consent';
import { withoutServerText } from '../cos/unverified-server';
import { routeUnchanged } from '../settings/route-seal';
import type { Redactor } from '../secrets/redactor';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { watchExpiredToken } from './expired-token-watch';
import { proxyWithCredentials } from '@shared/proxy';
import { checkKeys, listWithKeys } from './key-check';
import { KeyedQueue } from '../keyed-queue';
import { adoptLegacySignIn } from './legacy-sign-in';
import { ProfileStore, type ProfileSecrets } from './profile-store';
import { keyExpired, keysNeeded, noSuchProfile, notSignedIn, invalidField } from './session-errors';
import { isPastExpiry, maskSecretId, summarize, type StoredProfile } from './stored-profile';

export interface SessionServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  /** `owner` says which profile wants the connection, for the consent a route outside COS needs (route-consent.ts). */
  connect(credentials: CosCredentials, owner: RouteOwner): CosGateway;
  redactor?: Redactor;
  now?(): number;
  newId?(): string;
}

export interface SaveOptions {
  /** Called through IPC, a save carries the call's signal too; a save is never cancelled once under way. */
  signal?: AbortSignal;
  /** False keeps the profile and its keys for this run only and writes nothing (the demo mode). */
  remember?: boolean;
}

/**
 * The active profile, parsed once: every call of the app goes through `gateway()`, so it must not read the settings
 * file. Only this class changes a profile, and each change (save, delete, switch, sign-out, restore) replaces it.
 */
interface ActiveSession {
  profileId: string;
  profile: StoredProfile;
  gateway: CosGateway;
}

export class SessionService {
  private readonly profiles: ProfileStore;
  private readonly queue = new KeyedQueue();
  private readonly now: () => number;
  private active: ActiveSession | undefined;
  /** Profiles whose temporary key COS refused as expired before the typed expiry. */
  private readonly refusedAsExpired = new Set<string>();
  private askKeysFor: string | undefined;
  /** Bumped by every change of the active profile, so a slow switch never overrides a later one. */
  private activation = 0;

  constructor(private readonly deps: SessionServiceDeps) {
    this.profiles = new ProfileStore(deps.settings, deps.secrets);
    this.now = deps.now ?? Date.now;
  }

  getSession(): SessionState {
    const canRememberKeys = this.deps.secrets.canPersist();
    const profiles = this.profiles.list().map((p) => summarize(p, this.keysOf(p)));
    const active = this.active && profiles.find((p) => p.id === this.active!.profileId);
    if (!active) {
      const askKeysFor = profiles.some((p) => p.id === this.askKeysFor) ? this.askKeysFor : undefined;
      return { signedIn: false, canRememberKeys, profiles, ...(askKeysFor ? { askKeysFor } : {}) };
    }
    const account = active.account ?? { ownerId: '', displayName: active.alias };
    return { signedIn: true, canRememberKeys, profiles, account, profile: active };
  }

  /** Whose data the bucket calls read and write (buckets added by hand are kept per profile). */
  activeProfileId(): string {
    if (!this.active) throw notSignedIn();
    return this.active.profileId;
  }

  /** The active profile, or undefined when nobody is signed in: transfers are kept per profile. */
  activeProfileIdOrNone(): string | undefined {
    return this.active?.profileId;
  }

  /** The active profile's gateway; refuses once its temporary key has expired. */
  gateway(): CosGateway {
    if (!this.active) throw notSignedIn();
    const { profile, gateway } = this.active;
    if (this.isExpired(profile)) throw keyExpired(profile.alias);
    return gateway;
  }

  /** The first sign-in: a profile made from the keys, saved and made active. */
  signIn(input: SignInInput, options: SaveOptions = {}): Promise<SessionState> {
    const sessionToken = input.sessionToken || undefined;
    return this.saveProfile(
      {
        ...input,
        temporary: sessionToken !== undefined,
        sessionToken,
        expiresAt: sessionToken ? input.expiresAt : undefined,
        activate: true,
      },
      options,
    );
  }

  /** Adds or changes a profile once its keys have listed buckets; writes of one profile run in call order. */
  saveProfile(input: SaveProfileInput, options: SaveOptions = {}): Promise<SessionState> {
    const id = input.id ?? (this.deps.newId ?? randomUUID)();
    this.deps.redactor?.add(input.secretKey, input.sessionToken, input.proxyPassword);
    const activation = input.activate ? ++this.activation : undefined;
    return this.queue.run(id, async () => {
      const existing = input.id === undefined ? undefined : this.profiles.get(input.id);
      if (input.id !== undefined && !existing) throw noSuchProfile();
      const secretId = input.secretId ?? existing?.secretId;
      // The schema asks a new profile for its SecretId; this only satisfies the type.
      if (secretId === undefined) throw invalidField('secretId', 'secretId.required');
      const secrets = await this.secretsFor({ ...input, secretId }, existing);
      if (input.temporary && input.expiresAt !== undefined && Date.parse(input.expiresAt) <= this.now()) {
        throw invalidField('expiresAt', 'expiresAt.past');
      }
      // The saved route was allowed and verified when it was saved, if its keys still read back under its seal.
      // HTTPS turned on keeps the host but may change the port (80 to 443): that is asked about like a new route.
      const routeTrusted =
        existing !== undefined &&
        existing.secretId === secretId &&
        existing.https === input.https &&
        routeUnchanged(existing, input) &&
        (await this.profiles.readSecrets(existing.id)) !== undefined;
      const alias = input.alias ?? existing?.alias ?? maskSecretId(secretId);
      const gateway = this.connect(id, { ...input, secretId, alias }, secrets, routeTrusted);
      // Wrong keys fail here, with COS's own reason, before anything is kept (one short page says whose they are);
      // a server not yet shown to hold the keys gets its code and status through, not its words.
      const { owner } = await checkKeys(gateway).catch((error: unknown) => {
        throw routeTrusted ? error : withoutServerText(error);
      });
      const profile: StoredProfile = {
        id,
        alias: input.alias ?? existing?.alias ?? (owner?.displayName || maskSecretId(secretId)),
        secretId,
        region: input.region,
        https: input.https,
        endpoint: input.endpoint,
        serviceDomain: input.serviceDomain,
        bucketDomain: input.bucketDomain,
        proxyUrl: input.proxyUrl,
        proxyUsername: input.proxyUrl ? input.proxyUsername : undefined,
        temporary: input.temporary,
        expiresAt: input.temporary ? input.expiresAt : undefined,
        account: owner ?? existing?.account,
      };
      const remember = existing ? this.profiles.isRemembered(id) : (options.remember ?? true);
      await this.profiles.save(profile, secrets, remember);
      this.refusedAsExpired.delete(id);
      if (this.askKeysFor === id) this.askKeysFor = undefined;
      const stillWanted = activation !== undefined && activation === this.activation;
      if (stillWanted || this.active?.profileId === id) this.activate(profile, gateway);
      return this.getSession();
    });
  }

  /** Makes a saved profile active with its saved keys; asks for keys (KeysNeeded / KeyExpired) when they are gone. */
  async switchProfile({ id }: ProfileRef): Promise<SessionState> {
    const activation = ++this.activation;
    const profile = this.profiles.get(id);
    if (!profile) throw noSuchProfile();
    if (this.isExpired(profile)) throw keyExpired(profile.alias);
    const secrets = await this.profiles.readSecrets(id);
    if (!secrets) throw keysNeeded(profile.alias);
    if (activation === this.activation) this.activate(profile, this.connect(id, profile, secrets, true));
    return this.getSession();
  }

  async deleteProfile({ id }: ProfileRef): Promise<SessionState> {
    if (!this.profiles.get(id)) throw noSuchProfile();
    if (this.active?.profileId === id) {
      this.active = undefined;
      this.activation += 1;
    }
    return this.queue.run(id, async () => {
      await this.profiles.remove(id);
      this.refusedAsExpired.delete(id);
      if (this.askKeysFor === id) this.askKeysFor = undefined;
      return this.getSession();
    });
  }

  /**
   * Lists buckets with the profile's saved keys, without making it active. A key that may not list buckets passes,
   * as at sign-in: COS accepted its signature before refusing the listing.
   */
  async testProfile({ id }: ProfileRef): Promise<ConnectionTest> {
    const profile = this.profiles.get(id);
    if (!profile) throw noSuchProfile();
    if (this.isExpired(profile)) throw keyExpired(profile.alias);
    const secrets = await this.profiles.readSecrets(id);
    if (!secrets) throw keysNeeded(profile.alias);
    const listed = await listWithKeys(this.connect(id, profile, secrets, true));
    if ('listDenied' in listed) return { ...(profile.account ? { account: profile.account } : {}), listDenied: true };
    this.profiles.updateAccount(id, listed.owner);
    if (this.active?.profileId === id) this.active = { ...this.active, profile: { ...this.active.profile, account: listed.owner } };
    return { account: listed.owner, bucketCount: listed.buckets.length };
  }

  /** Leaves the active profile; every saved profile and its keys stay. */
  async signOut(): Promise<SessionState> {
    this.active = undefined;
    this.activation += 1;
    this.askKeysFor = undefined;
    this.profiles.clearActiveId();
    return this.getSession();
  }

  /** Reopens the profile active at the last run, without a network call; missing keys are asked for again. */
  async restore(): Promise<SessionState> {
    await adoptLegacySignIn(this.deps.settings, this.deps.secrets, this.profiles, this.deps.newId ?? randomUUID);
    const id = this.profiles.activeId();
    const profile = id === undefined ? undefined : this.profiles.get(id);
    if (!profile) {
      this.profiles.clearActiveId();
      return this.getSession();
    }
    try {
      return await this.switchProfile({ id: profile.id });
    } catch {
      this.askKeysFor = profile.id;
      return this.getSession();
    }
  }

  private activate(profile: StoredProfile, gateway: CosGateway): void {
    const id = profile.id;
    this.active = { profileId: id, profile, gateway };
    this.askKeysFor = undefined;
    this.profiles.setActiveId(id);
  }

  private keysOf(profile: StoredProfile): 'ready' | 'missing' | 'expired' {
    if (this.isExpired(profile)) return 'expired';
    return this.profiles.hasSecrets(profile.id) ? 'ready' : 'missing';
  }

  private isExpired(profile: StoredProfile): boolean {
    return isPastExpiry(profile, this.now()) || (profile.temporary && this.refusedAsExpired.has(profile.id));
  }

  /**
   * The keys a save uses: those typed, else the saved ones. Saved keys belong to the saved SecretId, and go only
   * where they went before: a new endpoint, service domain, bucket domain or proxy, or HTTPS turned off, needs the
   * SecretKey typed again, so a page that got control of the renderer cannot have requests signed with them sent,
   * token included, to its own server.
   */
  private async secretsFor(input: SaveProfileInput & { secretId: string }, existing: StoredProfile | undefined): Promise<ProfileSecrets> {
    const sameKey = existing !== undefined && existing.secretId === input.secretId;
    const sameRoute = existing !== undefined && routeUnchanged(existing, input);
    const stored = existing ? await this.profiles.readSecrets(existing.id) : undefined;
    const saved = sameKey && sameRoute ? stored : undefined;
    const secretKey = input.secretKey ?? saved?.secretKey;
    if (!secretKey) {
      const why = !sameKey ? 'secretKey.retypeForNewSecretId' : !sameRoute ? 'secretKey.retypeForNewRoute' : 'secretKey.retypeLost';
      throw invalidField('secretKey', why);
    }
    const proxyPassword = proxyPasswordFor(input, existing, stored);
    // Before any return: a SecretKey reused from the store is as secret as a typed one.
    this.deps.redactor?.add(secretKey, proxyPassword);
    if (!input.temporary) return { secretKey, ...(proxyPassword ? { proxyPassword } : {}) };
    const sessionToken = input.sessionToken ?? (existing?.temporary ? saved?.sessionToken : undefined);
    if (!sessionToken) throw invalidField('sessionToken', 'sessionToken.required');
    this.deps.redactor?.add(sessionToken);
    return { secretKey, sessionToken, ...(proxyPassword ? { proxyPassword } : {}) };
  }

  /** Every gateway is built here, so every secret the main process sends anywhere is known to the redactor. */
  private connect(
    id: string,
    where: Omit<StoredProfile, 'id' | 'account'>,
    secrets: ProfileSecrets,
    routeTrusted: boolean,
  ): CosGateway {
    this.deps.redactor?.add(secrets.secretKey, secrets.sessionToken, secrets.proxyPassword);
    const gateway = this.deps.connect({
      secretId: where.secretId,
      secretKey: secrets.secretKey,
      sessionToken: secrets.sessionToken,
      https: where.https,
      endpoint: where.endpoint,
      serviceDomain: where.serviceDomain,
      bucketDomain: where.bucketDomain,
      proxy: where.proxyUrl ? proxyWithCredentials(where.proxyUrl, where.proxyUsername, secrets.proxyPassword) : undefined,
    }, { profileId: id, alias: where.alias, routeTrusted });
    if (!secrets.sessionToken) return gateway;
    return watchExpiredToken(gateway, () => this.refusedAsExpired.add(id));
  }
}

/** The proxy password a save keeps: the one typed, else the saved one while the proxy and its user stay the same. */
function proxyPasswordFor(
  input: SaveProfileInput,
  existing: StoredProfile | undefined,
  stored: ProfileSecrets | undefined,
): string | undefined {
  if (!input.proxyUrl || !input.proxyUsername) return undefined;
  if (input.proxyPassword) return input.proxyPassword;
  const sameProxy = existing?.proxyUrl === input.proxyUrl && existing?.proxyUsername === input.proxyUsername;
  return sameProxy ? stored?.proxyPassword : undefined;
}
