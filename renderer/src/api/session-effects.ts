import type { SessionState } from '@shared/contract';
import { activeProfileId, showSession } from './session-cache';
import type { CallEffects } from './use-call';

/** The calls that answer with the session (sign-in, switch, sign-out…): the answer is shown as it comes. */
export const showsSession: CallEffects<'signIn' | 'signOut' | 'switchProfile' | 'deleteProfile'> = (queryClient) => ({
  onSuccess: (session: SessionState) => showSession(queryClient, session),
});

/** Adds or changes a profile; the main process tests its keys first. */
export const saveProfileEffects: CallEffects<'saveProfile'> = (queryClient) => ({
  // New keys for the active profile may belong to another account: its cached lists go too.
  onSuccess: (session, input) =>
    showSession(queryClient, session, { keysChanged: input.id !== undefined && input.id === activeProfileId(queryClient) }),
});
