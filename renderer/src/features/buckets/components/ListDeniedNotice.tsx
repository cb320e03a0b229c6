import { ErrorDetails } from '@renderer/components/ErrorDetails';
import { messages as m } from '@renderer/i18n';

/**
 * The key may not list buckets (no cos:GetService). Not a dead end: buckets it knows can be added by name and
 * used from the table like any other.
 */
interface ListDeniedNoticeProps {
  error: unknown;
  hasAdded: boolean;
  onAdd: () => void;
  /** Asks COS again: the permission may have been granted since. */
  onRetry: () => void;
}

export function ListDeniedNotice({ error, hasAdded, onAdd, onRetry }: ListDeniedNoticeProps) {
  return (
    <div className="state-block">
      <ErrorDetails error={error} title={m.list.listDenied} />
      <p>{hasAdded ? m.list.listDeniedWithAdded : m.list.listDeniedHint}</p>
      <div className="form__actions">
        <button type="button" className="button" onClick={onRetry}>
          {m.app.retry}
        </button>
        <button type="button" className="button button--primary" onClick={onAdd}>
          {m.list.addByName}
        </button>
      </div>
    </div>
  );
}
