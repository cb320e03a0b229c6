import type { ReactNode } from 'react';
import type { SessionState } from '@shared/contract';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m } from '@renderer/i18n';
import { showsSession } from '@renderer/api/session-effects';
import { useCall } from '@renderer/api/use-call';

type SignedIn = Extract<SessionState, { signedIn: true }>;

/** The signed-in account (Owner from GET Service), its key, and the way out. `keyState` goes beside the key. */
export function AccountBar({ session, keyState }: { session: SignedIn; keyState?: ReactNode }) {
  const signOut = useCall('signOut', showsSession);
  const { account, profile } = session;

  return (
    <div className="account-bar">
      <div className="account-bar__who">
        <span className="account-bar__name">{account.displayName}</span>
        <span className="account-bar__meta">
          <span>
            {m.header.ownerId} <code>{account.ownerId}</code>
          </span>
          <span>
            {m.header.key} <code>{profile.secretIdMasked}</code>
            {profile.temporary ? ` (${m.header.temporaryKey})` : null}
          </span>
          {keyState}
          {profile.endpoint ? (
            <span>
              {m.header.endpoint} <code>{profile.endpoint}</code>
            </span>
          ) : null}
        </span>
      </div>
      <button
        type="button"
        className="button"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
        aria-busy={signOut.isPending || undefined}
      >
        {m.header.signOut}
      </button>
      {signOut.isError ? (
        <div className="account-bar__error">
          <ErrorDetails error={signOut.error} title={m.header.signOutFailed} />
        </div>
      ) : null}
    </div>
  );
}
