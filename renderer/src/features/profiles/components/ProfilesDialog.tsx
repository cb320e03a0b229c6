import { useEffect, useRef } from 'react';
import type { ProfileSummary, SaveProfileInput, SessionState } from '@shared/contract';
import { APP_ERROR_CODES, isAppErrorException } from '@shared/errors';
import { AppDialog } from '@renderer/components/AppDialog';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m } from '@renderer/i18n';
import { saveProfileEffects, showsSession } from '@renderer/api/session-effects';
import { useCall } from '@renderer/api/use-call';
import { DeleteProfileConfirm } from './DeleteProfileConfirm';
import { ProfileForm } from './ProfileForm';
import { ProfileList } from './ProfileList';
import { LIST_VIEW, type ProfilesView } from './profiles-view';

interface ProfilesDialogProps {
  session: SessionState;
  /** null: closed. */
  view: ProfilesView | null;
  onViewChange: (view: ProfilesView | null) => void;
}

function titleOf(view: ProfilesView): string {
  switch (view.kind) {
    case 'list':
      return m.profiles.title;
    case 'add':
      return m.profiles.addTitle;
    case 'edit':
      return view.reason ? m.profiles.renewTitle : m.profiles.editTitle;
    case 'delete':
      return m.profiles.deleteTitle;
  }
}

/** Keys a switch cannot use: the profile's form opens to ask for new ones. */
function keysReasonOf(error: unknown): 'missing' | 'expired' | undefined {
  if (!isAppErrorException(error)) return undefined;
  if (error.error.code === APP_ERROR_CODES.keysNeeded) return 'missing';
  if (error.error.code === APP_ERROR_CODES.keyExpired) return 'expired';
  return undefined;
}

/**
 * Saved profiles: use one, test its connection, add, change or delete. While signed out it cannot be closed,
 * since there is nothing behind it; each view has a way back to the list instead.
 */
export function ProfilesDialog({ session, view, onViewChange }: ProfilesDialogProps) {
  const switchProfile = useCall('switchProfile', showsSession);
  const save = useCall('saveProfile', saveProfileEffects);
  const dismissible = session.signedIn;
  const activeId = session.signedIn ? session.profile.id : undefined;
  const current = view ?? LIST_VIEW;
  const profileOf = (id: string) => session.profiles.find((p) => p.id === id);

  const show = (next: ProfilesView) => {
    switchProfile.reset();
    save.reset();
    onViewChange(next);
  };

  function use(profile: ProfileSummary) {
    if (profile.keys !== 'ready') {
      show({ kind: 'edit', id: profile.id, reason: profile.keys, activate: true });
      return;
    }
    switchProfile.mutate({ id: profile.id }, {
      onSuccess: () => onViewChange(null),
      onError: (error) => {
        const reason = keysReasonOf(error);
        if (reason) show({ kind: 'edit', id: profile.id, reason, activate: true });
      },
    });
  }

  function submit(input: SaveProfileInput, activate: boolean) {
    save.mutate(
      { ...input, ...(activate ? { activate: true } : {}) },
      { onSuccess: () => (activate ? onViewChange(null) : show(LIST_VIEW)) },
    );
  }

  const back = (
    <button type="button" className="button" onClick={() => show(LIST_VIEW)}>
      {m.profiles.back}
    </button>
  );

  const editing = current.kind === 'edit' || current.kind === 'delete' ? profileOf(current.id) : undefined;
  // A profile deleted elsewhere leaves nothing to edit: fall back to the list.
  const shown: ProfilesView = (current.kind === 'edit' || current.kind === 'delete') && !editing ? LIST_VIEW : current;
  const viewKey = `${shown.kind}-${'id' in shown ? shown.id : ''}`;

  // The button that changed the view is gone with the old view: focus moves into the new one.
  const bodyRef = useRef<HTMLDivElement>(null);
  const firstView = useRef(true);
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    const body = bodyRef.current;
    (body?.querySelector<HTMLElement>('[data-autofocus]') ?? body?.querySelector<HTMLElement>('input, button'))?.focus();
  }, [viewKey]);

  return (
    <AppDialog
      open={view !== null || !session.signedIn}
      onOpenChange={(open) => (open ? undefined : onViewChange(null))}
      title={titleOf(shown)}
      description={shown.kind === 'list' ? (session.signedIn ? m.profiles.description : m.profiles.signedOutDescription) : undefined}
      dismissible={dismissible}
      fallbackFocus={() => document.getElementById('main')}
      wide
    >
      <div ref={bodyRef}>
      {shown.kind === 'list' ? (
        <div className="form">
          <ProfileList
            profiles={session.profiles}
            activeId={activeId}
            switchingId={switchProfile.isPending ? switchProfile.variables?.id : undefined}
            onUse={use}
            onEdit={(profile) => show({ kind: 'edit', id: profile.id })}
            onDelete={(profile) => show({ kind: 'delete', id: profile.id })}
          />
          {switchProfile.isError && !keysReasonOf(switchProfile.error) ? (
            <ErrorDetails error={switchProfile.error} title={m.profiles.switchFailed} />
          ) : null}
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={() => show({ kind: 'add' })} data-autofocus>
              {m.profiles.add}
            </button>
          </div>
        </div>
      ) : shown.kind === 'add' ? (
        <ProfileForm
          canRememberKeys={session.canRememberKeys}
          pending={save.isPending}
          error={save.error}
          errorTitle={m.profiles.saveFailed}
          // Signed out, a new profile is the one the user wants to work with.
          onSubmit={(input) => submit(input, !session.signedIn)}
          secondary={back}
        />
      ) : shown.kind === 'edit' ? (
        <ProfileForm
          key={`${shown.id}-${shown.reason ?? ''}`}
          profile={editing}
          reason={shown.reason}
          canRememberKeys={session.canRememberKeys}
          pending={save.isPending}
          error={save.error}
          errorTitle={m.profiles.saveFailed}
          onSubmit={(input) => submit(input, shown.activate === true)}
          secondary={back}
        />
      ) : (
        <DeleteProfileConfirm profile={editing!} onDone={() => show(LIST_VIEW)} onCancel={() => show(LIST_VIEW)} />
      )}
      </div>
    </AppDialog>
  );
}
