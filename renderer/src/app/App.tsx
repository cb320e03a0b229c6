import { Suspense, lazy, useCallback, useState } from 'react';
import type { ProfileSummary } from '@shared/contract';
import { ErrorDetails } from '../components/ErrorDetails';
import { useKeysPrompt } from '../features/profiles/api/use-keys-prompt';
import { useSessionRefreshOnKeyErrors } from '../features/profiles/api/use-session-refresh-on-key-errors';
import type { ProfilesView } from '../features/profiles/components/profiles-view';
import type { KeysReason } from '../features/profiles/profile-form-model';
import { RequestLogContext } from '../features/request-log/request-log-context';
import { useSession } from '../features/session/api/use-session';
import { useAppliedPreferences } from '../features/settings/api/use-preferences';
import { messages as m, useMessages } from '../i18n';
import { AppHeader } from './layout/AppHeader';
import { useShortcut, useShortcutListener } from './shortcuts/use-shortcuts';
import { Workspace } from './Workspace';

// Not part of the first screen of someone signed in (the bucket list): loaded when first shown, and with them the
// dialog library and the forms' schemas.
const SignInDialog = lazy(() => import('../features/profiles/components/SignInDialog').then((mod) => ({ default: mod.SignInDialog })));
const ProfilesDialog = lazy(() =>
  import('../features/profiles/components/ProfilesDialog').then((mod) => ({ default: mod.ProfilesDialog })),
);
const SettingsDialog = lazy(() =>
  import('../features/settings/components/SettingsDialog').then((mod) => ({ default: mod.SettingsDialog })),
);
const ShortcutsDialog = lazy(() =>
  import('../features/settings/components/ShortcutsDialog').then((mod) => ({ default: mod.ShortcutsDialog })),
);
const RequestLogPanel = lazy(() =>
  import('../features/request-log/components/RequestLogPanel').then((mod) => ({ default: mod.RequestLogPanel })),
);
const PermissionsDialog = lazy(() =>
  import('../features/permissions/components/PermissionsDialog').then((mod) => ({ default: mod.PermissionsDialog })),
);

export function App() {
  const session = useSession();
  const [profilesView, setProfilesView] = useState<ProfilesView | null>(null);
  const [panel, setPanel] = useState<'settings' | 'shortcuts' | null>(null);
  /** The request log panel, when open; `focus` is the request id it was opened for. */
  const [requestLog, setRequestLog] = useState<{ focus?: string } | null>(null);
  const [permissionsOpen, setPermissionsOpen] = useState(false);
  const openRequestLog = useCallback((requestId?: string) => setRequestLog(requestId ? { focus: requestId } : {}), []);
  const toggleRequestLog = useCallback(() => setRequestLog((open) => (open ? null : {})), []);
  useSessionRefreshOnKeyErrors();
  // Every component reads the dictionary while rendering: a language change renders the app again from here.
  useMessages();
  useAppliedPreferences();
  useShortcutListener();
  useShortcut('settings', () => setPanel('settings'));
  useShortcut('help', () => setPanel('shortcuts'));
  useShortcut('requestLog', toggleRequestLog);

  const state = session.data;
  const askFor = (profile: ProfileSummary, reason: KeysReason) => setProfilesView({ kind: 'edit', id: profile.id, reason, activate: true });
  useKeysPrompt(state, askFor);

  return (
    <RequestLogContext value={openRequestLog}>
    <div className={requestLog ? 'app app--with-log' : 'app'}>
      <AppHeader
        session={state}
        onManageProfiles={() => setProfilesView({ kind: 'list' })}
        onNeedKeys={askFor}
        onSettings={() => setPanel('settings')}
        onShortcuts={() => setPanel('shortcuts')}
        onOpenRequestLog={toggleRequestLog}
        requestLogOpen={requestLog !== null}
        onOpenPermissions={() => setPermissionsOpen(true)}
      />
      <main id="main" className="app-main" tabIndex={-1}>
        {session.isPending ? (
          <p className="state-message" role="status">
            {m.app.loading}
          </p>
        ) : session.isError ? (
          <div className="state-block">
            <ErrorDetails error={session.error} title={m.app.sessionError} />
            <button type="button" className="button" onClick={() => void session.refetch()}>
              {m.app.retry}
            </button>
          </div>
        ) : session.data.signedIn ? (
          // Keyed by profile: nothing of the previous account's page (filters, open dialogs, an open bucket) survives a switch.
          <Workspace key={session.data.profile.id} defaultRegion={session.data.profile.region} />
        ) : session.data.profiles.length === 0 ? (
          <Suspense fallback={null}>
            <SignInDialog canRememberKeys={session.data.canRememberKeys} />
          </Suspense>
        ) : null}
        {state && (state.signedIn ? profilesView !== null : state.profiles.length > 0) ? (
          <Suspense fallback={null}>
            <ProfilesDialog session={state} view={profilesView} onViewChange={setProfilesView} />
          </Suspense>
        ) : null}
        {panel ? (
          <Suspense fallback={null}>
            {panel === 'settings' ? <SettingsDialog onClose={() => setPanel(null)} /> : <ShortcutsDialog onClose={() => setPanel(null)} />}
          </Suspense>
        ) : null}
        {permissionsOpen && state?.signedIn ? (
          <Suspense fallback={null}>
            <PermissionsDialog profileId={state.profile.id} onClose={() => setPermissionsOpen(false)} />
          </Suspense>
        ) : null}
      </main>
      {requestLog ? (
        <Suspense fallback={null}>
          <RequestLogPanel focus={requestLog.focus} onClose={() => setRequestLog(null)} />
        </Suspense>
      ) : null}
    </div>
    </RequestLogContext>
  );
}
