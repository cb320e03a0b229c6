import { useEffect, useRef } from 'react';
import type { ProfileSummary, SessionState } from '@shared/contract';
import type { KeysReason } from '../profile-form-model';
import { useHasExpired } from './use-expiry';

interface KeysPrompt {
  profile: ProfileSummary;
  reason: KeysReason;
  /** Changes only when there is something new to ask: a prompt the user dismissed is not repeated. */
  key: string;
}

function promptOf(state: SessionState | undefined, expiredByClock: boolean): KeysPrompt | undefined {
  if (!state) return undefined;
  if (state.signedIn) {
    const { profile } = state;
    const reason = expiredByClock || profile.keys === 'expired' ? 'expired' : profile.keys === 'missing' ? 'missing' : undefined;
    return reason ? { profile, reason, key: `${profile.id}|${profile.expiresAt ?? ''}|${reason}` } : undefined;
  }
  const profile = state.profiles.find((p) => p.id === state.askKeysFor);
  if (!profile) return undefined;
  return { profile, reason: profile.keys === 'expired' ? 'expired' : 'missing', key: `${profile.id}|startup` };
}

/**
 * Asks for new keys once when the active temporary key expires (at its time, or because COS said so), and once
 * at startup for the last profile when its keys could not be read.
 */
export function useKeysPrompt(state: SessionState | undefined, ask: (profile: ProfileSummary, reason: KeysReason) => void): void {
  const active = state?.signedIn ? state.profile : undefined;
  const expiredByClock = useHasExpired(active?.temporary ? active.expiresAt : undefined);
  const prompt = promptOf(state, expiredByClock);
  const asked = useRef<string | undefined>(undefined);
  const askRef = useRef(ask);
  askRef.current = ask;

  // Runs when the key changes, not on every new session object: the key says when the prompt is new.
  const key = prompt?.key;
  const current = useRef(prompt);
  current.current = prompt;
  useEffect(() => {
    const next = current.current;
    if (!next || key === asked.current) return;
    asked.current = key;
    askRef.current(next.profile, next.reason);
  }, [key]);
}
