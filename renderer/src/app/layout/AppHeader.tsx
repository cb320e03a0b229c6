import type { ProfileSummary, SessionState } from '@shared/contract';
import { KeyCountdown } from '@renderer/features/profiles/components/KeyCountdown';
import { ProfileSwitcher } from '@renderer/features/profiles/components/ProfileSwitcher';
import type { KeysReason } from '@renderer/features/profiles/profile-form-model';
import { AccountBar } from '@renderer/features/session/components/AccountBar';
import { TransfersBadge } from '@renderer/features/transfers/components/TransfersPanel';
import { messages as m } from '@renderer/i18n';

interface AppHeaderProps {
  session: SessionState | undefined;
  onManageProfiles: () => void;
  onNeedKeys: (profile: ProfileSummary, reason: KeysReason) => void;
  onSettings: () => void;
  onShortcuts: () => void;
}

export function AppHeader({ session, onManageProfiles, onNeedKeys, onSettings, onShortcuts }: AppHeaderProps) {
  return (
    <header className="app-header">
      <span className="app-header__title">{m.app.name}</span>
      {session?.signedIn ? (
        <div className="app-header__session">
          <TransfersBadge />
          <ProfileSwitcher profiles={session.profiles} activeId={session.profile.id} onNeedKeys={onNeedKeys} />
          <button type="button" className="button" onClick={onManageProfiles}>
            {m.header.manageProfiles}
          </button>
          <AccountBar
            session={session}
            keyState={session.profile.temporary && session.profile.expiresAt ? <KeyCountdown expiresAt={session.profile.expiresAt} /> : null}
          />
        </div>
      ) : null}
      <div className="app-header__tools">
        <button type="button" className="button" onClick={onShortcuts} aria-keyshortcuts="?">
          {m.header.shortcuts}
        </button>
        <button type="button" className="button" onClick={onSettings}>
          {m.header.settings}
        </button>
      </div>
    </header>
  );
}
