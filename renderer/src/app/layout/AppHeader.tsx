import type { ProfileSummary, SessionState } from '@shared/contract';
import { KeyCountdown } from '@renderer/features/profiles/components/KeyCountdown';
import { ProfileSwitcher } from '@renderer/features/profiles/components/ProfileSwitcher';
import type { KeysReason } from '@renderer/features/profiles/profile-form-model';
import { AccountBar } from '@renderer/features/session/components/AccountBar';
import { TransfersBadge } from '@renderer/features/transfers/components/TransfersPanel';
import { isMacPlatform } from '@renderer/app/shortcuts/shortcuts';
import { messages as m } from '@renderer/i18n';

interface AppHeaderProps {
  session: SessionState | undefined;
  onManageProfiles: () => void;
  onNeedKeys: (profile: ProfileSummary, reason: KeysReason) => void;
  onSettings: () => void;
  onShortcuts: () => void;
  onOpenRequestLog: () => void;
  requestLogOpen: boolean;
  onOpenPermissions: () => void;
}

export function AppHeader({ session, onManageProfiles, onNeedKeys, onSettings, onShortcuts, onOpenRequestLog, requestLogOpen, onOpenPermissions }: AppHeaderProps) {
  const mac = isMacPlatform();
  const logButton = (
    <button
      type="button"
      className="button"
      aria-pressed={requestLogOpen}
      aria-keyshortcuts={mac ? 'Meta+Shift+L' : 'Control+Shift+L'}
      title={m.requestLog.shortcut(mac)}
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
          <TransfersBadge />
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
