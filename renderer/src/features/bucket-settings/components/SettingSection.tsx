import { useId, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m } from '@renderer/i18n';

interface SettingSectionProps<T> {
  title: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}

/** One setting: a region named by its heading, read on its own, so a refusal here leaves the other sections be. */
export function SettingSection<T>({ title, query, children }: SettingSectionProps<T>) {
  const headingId = useId();
  return (
    <section className="setting" aria-labelledby={headingId}>
      <h3 id={headingId} className="setting__title">
        {title}
      </h3>
      {query.isPending ? <p role="status">{m.bucketSettings.loading}</p> : null}
      {query.isError ? (
        <>
          <ErrorDetails error={query.error} title={m.bucketSettings.readFailed(title)} />
          <button type="button" className="button button--small" onClick={() => void query.refetch()}>
            {m.app.retry}
          </button>
        </>
      ) : null}
      {query.data !== undefined ? children(query.data) : null}
    </section>
  );
}

export interface Change {
  label: string;
  from: string;
  to: string;
}

interface ChangeReviewProps {
  changes: readonly Change[];
  notes?: ReactNode;
  /** The write's mutation: its progress and refusal are shown here, and Back clears them. */
  write: { isPending: boolean; error: unknown; reset: () => void };
  onApply: () => void;
  onBack: () => void;
}

/** What a write will change, old → new, before it is sent; COS's refusal stays here, with what was asked. */
export function ChangeReview({ changes, notes, write, onApply, onBack }: ChangeReviewProps) {
  const t = m.bucketSettings;
  const { isPending: pending, error } = write;
  const back = () => {
    write.reset();
    onBack();
  };
  return (
    <div className="change-review" role="group" aria-label={t.confirmTitle}>
      <p className="change-review__title">{t.confirmTitle}</p>
      {changes.length === 0 ? (
        <p>{t.nothingChanged}</p>
      ) : (
        <table className="settings-table" aria-label={t.confirmLabel}>
          <thead>
            <tr>
              <th scope="col">{t.what}</th>
              <th scope="col">{t.from}</th>
              <th scope="col">{t.to}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.label}>
                <th scope="row">{change.label}</th>
                <td>{change.from || t.empty}</td>
                <td>{change.to || t.empty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notes}
      {error ? <ErrorDetails error={error} title={t.writeFailed} /> : null}
      <div className="form__actions">
        <span className="form__pending" role="status">
          {pending ? t.applying : ''}
        </span>
        <button type="button" className="button" onClick={back} disabled={pending}>
          {t.back}
        </button>
        <button type="button" className="button button--primary" onClick={onApply} disabled={pending || changes.length === 0}>
          {t.apply}
        </button>
      </div>
    </div>
  );
}

/** Said once a write went through and the setting was read again. */
export function DoneNote({ shown }: { shown: boolean }) {
  return (
    <p className="note" role="status">
      {shown ? m.bucketSettings.done : ''}
    </p>
  );
}

/** What every section's edit form is given: its draft, a change to it, and the way out either side. */
export interface DraftFormProps<T> {
  draft: T;
  onChange: (draft: T) => void;
  onCancel: () => void;
  onReview: () => void;
}

/**
 * Every section's edit form: its fields, then a row of the form's own buttons (`actions`: add a rule, add a tag),
 * Cancel, and Review, which submits the form and is offered only when `canReview`.
 */
export function DraftForm({ canReview, onReview, onCancel, actions, children }: { canReview: boolean; onReview: () => void; onCancel: () => void; actions?: ReactNode; children: ReactNode }) {
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (canReview) onReview();
      }}
    >
      {children}
      <div className="form__actions">
        {actions}
        <button type="button" className="button" onClick={onCancel}>
          {m.bucketSettings.cancelEdit}
        </button>
        <button type="submit" className="button button--primary" disabled={!canReview}>
          {m.bucketSettings.review}
        </button>
      </div>
    </form>
  );
}
