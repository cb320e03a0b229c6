/** Refresh for a list: shows a spinner while the list is being fetched, and says so to assistive technology. */
export function RefreshButton({ onRefresh, busy, label }: { onRefresh: () => void; busy: boolean; label: string }) {
  return (
    <button type="button" className="button" onClick={onRefresh} aria-busy={busy || undefined}>
      {busy ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <span className="refresh-mark" aria-hidden="true">
          ↻
        </span>
      )}
      {label}
    </button>
  );
}
