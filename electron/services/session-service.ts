/**
 * Who is signed in. A sign-in is tested with a bucket listing before anything is kept; a remembered sign-in
 * stores its settings in one file and its SecretKey and token, encrypted, in another. The SecretKey never leaves
 * this class except inside the gateway it builds.
 */
import type { SessionState, SignInInput } from '../../shared/contract';
import { APP_ERROR_CODES, AppErrorException } from '../../shared/errors';
import type { CosCredentials, CosGateway } from '../cos/gateway';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { maskSecretId, storedProfileSchema, type StoredProfile } from './stored-profile';

const PROFILE_KEY = 'profile';
const SECRET_KEY = 'secretKey';
const SESSION_TOKEN = 'sessionToken';

export interface SessionServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  connect(credentials: CosCredentials): CosGateway;
}

export interface SignInOptions {
  /** False keeps the keys for this run only and leaves what is stored untouched (the demo mode). */
  remember?: boolean;
}

interface ActiveSession {
  profile: StoredProfile;
  gateway: CosGateway;
}

export class SessionService {
  private active: ActiveSession | undefined;

  constructor(private readonly deps: SessionServiceDeps) {}

  getSession(): SessionState {
    const canRememberKeys = this.deps.secrets.canPersist();
    if (!this.active) return { signedIn: false, canRememberKeys };
    const { profile } = this.active;
    return {
      signedIn: true,
      canRememberKeys,
      account: profile.account,
      profile: {
        secretIdMasked: maskSecretId(profile.secretId),
        region: profile.region,
        https: profile.https,
        endpoint: profile.endpoint,
        temporary: profile.temporary,
      },
    };
  }

  /** The signed-in account's gateway. */
  gateway(): CosGateway {
    if (!this.active) {
      throw new AppErrorException({ kind: 'session', code: APP_ERROR_CODES.notSignedIn, message: 'Sign in first.' });
    }
    return this.active.gateway;
  }

  async signIn(input: SignInInput, options: SignInOptions = {}): Promise<SessionState> {
    const sessionToken = input.sessionToken || undefined;
    const gateway = this.deps.connect({
      secretId: input.secretId,
      secretKey: input.secretKey,
      sessionToken,
      https: input.https,
      endpoint: input.endpoint,
    });
    // Wrong keys fail here, with COS's own reason, before anything is kept.
    const { owner } = await gateway.listBuckets();
    const profile: StoredProfile = {
      secretId: input.secretId,
      region: input.region,
      https: input.https,
      endpoint: input.endpoint,
      temporary: sessionToken !== undefined,
      account: owner,
    };
    if (options.remember ?? true) await this.remember(profile, input.secretKey, sessionToken);
    this.active = { profile, gateway };
    return this.getSession();
  }

  async signOut(): Promise<SessionState> {
    this.active = undefined;
    await this.forget();
    return this.getSession();
  }

  /** Signs back in from what was stored, without a network call; anything unreadable is wiped. */
  async restore(): Promise<SessionState> {
    const stored = this.deps.settings.get(PROFILE_KEY);
    if (stored === undefined) return this.getSession();
    const parsed = storedProfileSchema.safeParse(stored);
    const profile = parsed.success ? parsed.data : undefined;
    const secretKey = profile ? await this.deps.secrets.get(SECRET_KEY) : undefined;
    const sessionToken = profile?.temporary ? await this.deps.secrets.get(SESSION_TOKEN) : undefined;
    if (!profile || !secretKey || (profile.temporary && !sessionToken)) return this.signOut();
    const gateway = this.deps.connect({
      secretId: profile.secretId,
      secretKey,
      sessionToken,
      https: profile.https,
      endpoint: profile.endpoint,
    });
    this.active = { profile, gateway };
    return this.getSession();
  }

  private async remember(profile: StoredProfile, secretKey: string, sessionToken: string | undefined): Promise<void> {
    const { settings, secrets } = this.deps;
    try {
      await secrets.set(SECRET_KEY, secretKey);
      if (sessionToken) await secrets.set(SESSION_TOKEN, sessionToken);
      else await secrets.delete(SESSION_TOKEN);
      // Without encryption the keys last for this run only, so a stored profile could never be restored.
      if (secrets.canPersist()) settings.set(PROFILE_KEY, profile);
      else this.forgetProfile();
    } catch (error) {
      await this.forget();
      throw error;
    }
  }

  private async forget(): Promise<void> {
    this.forgetProfile();
    await this.deps.secrets.delete(SECRET_KEY);
    await this.deps.secrets.delete(SESSION_TOKEN);
  }

  /** Deleting rewrites the file: skipped when nothing is stored, so a memory-only session writes nothing. */
  private forgetProfile(): void {
    if (this.deps.settings.get(PROFILE_KEY) !== undefined) this.deps.settings.delete(PROFILE_KEY);
  }
}
