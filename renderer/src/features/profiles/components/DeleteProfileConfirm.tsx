import type { ProfileSummary } from '@shared/contract';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m } from '@renderer/i18n';
import { showsSession } from '@renderer/api/session-effects';
import { useCall } from '@renderer/api/use-call';

/** Says what deleting removes (the saved keys, not the buckets) before doing it. */
export function DeleteProfileConfirm({ profile, onDone, onCancel }: { profile: ProfileSummary; onDone: () => void; onCancel: () => void }) {
  const remove = useCall('deleteProfile', showsSession);
  return (
    <div className="form">
      <p>{m.profiles.deleteQuestion(profile.alias)}</p>
      {remove.isError ? <ErrorDetails error={remove.error} title={m.profiles.deleteFailed} /> : null}
      <div className="form__actions">
        <span className="form__pending" role="status">
          {remove.isPending ? m.profiles.deleting : ''}
        </span>
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {m.profiles.cancel}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          aria-busy={remove.isPending || undefined}
          onClick={() => remove.mutate({ id: profile.id }, { onSuccess: onDone })}
        >
          {m.profiles.deleteConfirm}
        </button>
      </div>
    </div>
  );
}
