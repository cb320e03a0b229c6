import type { ProfileSummary, SessionState } from '@shared/contract';
import { KeyCountdown } from '@renderer/features/profiles/components/KeyCountdown';
import { ProfileSwitcher } from '@renderer/features/profiles/components/ProfileSwitcher';
import type { KeysReason } from '@renderer/features/profiles/profile-form-model';
import { AccountBar } from '@renderer/features/session/components/AccountBar';
import { isMac } from '@renderer/features/request-log/use-shortcut';
import { messages as m } from '@renderer/i18n';

interface AppHeaderProps {
  session: SessionState | undefined;
  onManageProfiles: () => void;
  onNeedKeys: (profile: ProfileSummary, reason: KeysReason) => void;
  onOpenRequestLog: () => void;
  requestLogOpen: boolean;
  onOpenPermissions: () => void;
}

export function AppHeader({ session, onManageProfiles, onNeedKeys, onOpenRequestLog, requestLogOpen, onOpenPermissions }: AppHeaderProps) {
  const logButton = (
    <button
      type="button"
      className="button"
      aria-pressed={requestLogOpen}
      aria-keyshortcuts={isMac() ? 'Meta+Shift+L' : 'Control+Shift+L'}
      title={m.requestLog.shortcut(isMac())}
      onClick={onOpenRequestLog}
    >
      {m.requestLog.open}
    </button>
  );
  return (
    <header className="app-header">
      <span className="app-header__title">{m.app.name}</span>
      {session?.signedIn ? (
        <div className="app-header__session">
          <ProfileSwitcher profiles={session.profiles} activeId={session.profile.id} onNeedKeys={onNeedKeys} />
          <button type="button" className="button" onClick={onManageProfiles}>
            {m.header.manageProfiles}
          </button>
          <button type="button" className="button" onClick={onOpenPermissions}>
            {m.permissions.open}
          </button>
          {logButton}
          <AccountBar
            session={session}
            keyState={session.profile.temporary && session.profile.expiresAt ? <KeyCountdown expiresAt={session.profile.expiresAt} /> : null}
          />
        </div>
      ) : (
        <div className="app-header__session">{logButton}</div>
      )}
    </header>
  );
}
