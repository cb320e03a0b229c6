import { messages as m } from '@renderer/i18n';
import type { BucketListState } from '../api/use-buckets';

/**
 * How far the list has loaded, with a way to stop it and to go on. The text is a polite live region, so a screen
 * reader hears the count grow; the buttons sit outside it.
 */
export function ListProgress({ list }: { list: BucketListState }) {
  const loaded = list.buckets.length;
  let text: string;
  let action: { label: string; name?: string; run: () => void } | undefined;
  if (list.isStopped) {
    text = list.isPending ? m.list.stoppedEmpty : m.list.stoppedAt(loaded);
    action = { label: list.isPending ? m.list.loadAgain : m.list.loadRest, run: list.resume };
  } else if (list.isPending && list.isFetching) {
    text = m.list.loading;
    action = { label: m.list.stopLoading, name: m.list.stopLoadingLabel, run: list.stop };
  } else if (list.isLoadingMore) {
    text = m.list.loadedSoFar(loaded);
    action = { label: m.list.stopLoading, name: m.list.stopLoadingLabel, run: list.stop };
  } else {
    return null;
  }
  return (
    <div className="list-progress">
      {list.isStopped ? null : <span className="spinner" aria-hidden="true" />}
      <p className="list-progress__text" role="status">
        {text}
      </p>
      <button type="button" className="button button--small" aria-label={action.name} onClick={action.run}>
        {action.label}
      </button>
    </div>
  );
}
