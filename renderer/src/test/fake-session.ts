/**
 * The session and profile calls of the in-memory bridge: saved profiles, the active one, keys that are missing
 * or expired. Like the main process, it never answers with a SecretKey or token; it keeps them only to let
 * tests check that the form sent them.
 */
import type {
  Account,
  ProfileSummary,
  SaveProfileInput,
  SessionState,
  SignInInput,
} from '@shared/contract';
import type { AppError, Envelope } from '@shared/errors';

export const OWNER: Account = { ownerId: 'qcs::cam::uin/100000000001:uin/100000000001', displayName: 'Demo Account' };

export const MAIN_PROFILE: ProfileSummary = {
  id: 'profile-main',
  alias: 'Main account',
  secretIdMasked: 'AKID…demo',
  temporary: false,
  region: 'ap-guangzhou',
  https: true,
  account: OWNER,
  keys: 'ready',
};

export const SIGNED_IN: SessionState = {
  signedIn: true,
  canRememberKeys: true,
  profiles: [MAIN_PROFILE],
  account: OWNER,
  profile: MAIN_PROFILE,
};

export function signedOut(profiles: ProfileSummary[] = [], extra: { canRememberKeys?: boolean; askKeysFor?: string } = {}): SessionState {
  return { signedIn: false, canRememberKeys: extra.canRememberKeys ?? true, profiles, ...(extra.askKeysFor ? { askKeysFor: extra.askKeysFor } : {}) };
}

export function signedInAs(profile: ProfileSummary, others: ProfileSummary[] = []): SessionState {
  return {
    signedIn: true,
    canRememberKeys: true,
    profiles: [profile, ...others],
    account: profile.account ?? OWNER,
    profile,
  };
}

function mask(secretId: string): string {
  return `${secretId.slice(0, 4)}…${secretId.slice(-4)}`;
}

function sessionError(code: string, params?: AppError['params']): AppError {
  return { kind: 'session', code, ...(params ? { params } : {}) };
}

type Answer = Envelope<unknown>;

export interface FakeSession {
  state(): SessionState;
  activeProfileId(): string | undefined;
  handlers: {
    getSession(): Answer;
    signIn(input: SignInInput): Answer;
    signOut(): Answer;
    switchProfile(input: { id: string }): Answer;
    saveProfile(input: SaveProfileInput): Answer;
    deleteProfile(input: { id: string }): Answer;
    testProfile(input: { id: string }): Answer;
  };
}

export function createFakeSession(initial: SessionState, bucketCountOf: (profileId: string) => number): FakeSession {
  let profiles = [...initial.profiles];
  let activeId = initial.signedIn ? initial.profile.id : undefined;
  let askKeysFor = initial.signedIn ? undefined : initial.askKeysFor;
  const canRememberKeys = initial.canRememberKeys;
  let counter = 0;

  const ok = <T>(data: T): Answer => ({ ok: true, data: structuredClone(data) });
  const fail = (error: AppError): Answer => ({ ok: false, error });

  function state(): SessionState {
    const active = profiles.find((p) => p.id === activeId);
    if (!active) return signedOut(profiles, { canRememberKeys, askKeysFor });
    return { signedIn: true, canRememberKeys, profiles, account: active.account ?? OWNER, profile: active };
  }

  function save(input: SaveProfileInput): Answer {
    const existing = profiles.find((p) => p.id === input.id);
    if (input.id !== undefined && !existing) return fail(sessionError('NoSuchProfile'));
    const profile: ProfileSummary = {
      id: existing?.id ?? `profile-${++counter}`,
      alias: input.alias ?? existing?.alias ?? OWNER.displayName,
      secretIdMasked: input.secretId ? mask(input.secretId) : (existing?.secretIdMasked ?? ''),
      temporary: input.temporary,
      expiresAt: input.temporary ? input.expiresAt : undefined,
      region: input.region,
      https: input.https,
      endpoint: input.endpoint,
      serviceDomain: input.serviceDomain,
      bucketDomain: input.bucketDomain,
      account: existing?.account ?? OWNER,
      keys: 'ready',
    };
    profiles = existing ? profiles.map((p) => (p.id === profile.id ? profile : p)) : [...profiles, profile];
    if (askKeysFor === profile.id) askKeysFor = undefined;
    if (input.activate) activeId = profile.id;
    return ok(state());
  }

  return {
    state,
    activeProfileId: () => activeId,
    handlers: {
      getSession: () => ok(state()),
      signIn: (input) =>
        save({
          alias: input.alias,
          secretId: input.secretId,
          secretKey: input.secretKey,
          temporary: Boolean(input.sessionToken),
          sessionToken: input.sessionToken || undefined,
          expiresAt: input.sessionToken ? input.expiresAt : undefined,
          region: input.region,
          https: input.https,
          endpoint: input.endpoint,
          serviceDomain: input.serviceDomain,
          bucketDomain: input.bucketDomain,
          activate: true,
        }),
      signOut: () => {
        activeId = undefined;
        askKeysFor = undefined;
        return ok(state());
      },
      switchProfile: ({ id }) => {
        const profile = profiles.find((p) => p.id === id);
        if (!profile) return fail(sessionError('NoSuchProfile'));
        if (profile.keys === 'missing') return fail(sessionError('KeysNeeded', { profile: profile.alias }));
        if (profile.keys === 'expired') return fail(sessionError('KeyExpired', { profile: profile.alias }));
        activeId = id;
        return ok(state());
      },
      saveProfile: save,
      deleteProfile: ({ id }) => {
        profiles = profiles.filter((p) => p.id !== id);
        if (activeId === id) activeId = undefined;
        return ok(state());
      },
      testProfile: ({ id }) => {
        const profile = profiles.find((p) => p.id === id);
        if (!profile) return fail(sessionError('NoSuchProfile'));
        return ok({ account: profile.account ?? OWNER, bucketCount: bucketCountOf(id) });
      },
    },
  };
}
