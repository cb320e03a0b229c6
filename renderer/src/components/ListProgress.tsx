import type { PageLoop } from '@renderer/api/use-page-loop';

/** What a list loaded page by page tells its progress bar. */
export interface PagedListState extends Pick<PageLoop, 'isLoadingMore' | 'isStopped' | 'stop' | 'resume'> {
  /** No page has arrived yet. */
  isPending: boolean;
  isFetching: boolean;
}

/** The list's own words, its counts already in them. */
export interface ProgressWords {
  loading: string;
  loadedSoFar: string;
  stoppedAt: string;
  stoppedEmpty: string;
  loadRest: string;
  loadAgain: string;
  stop: string;
  stopLabel: string;
}

/**
 * How far the list has loaded, with a way to stop it and to go on. The text is a polite live region, so a screen
 * reader hears the count grow; the buttons sit outside it.
 */
export function ListProgress({ list, words }: { list: PagedListState; words: ProgressWords }) {
  let text: string;
  let action: { label: string; name?: string; run: () => void } | undefined;
  if (list.isStopped) {
    text = list.isPending ? words.stoppedEmpty : words.stoppedAt;
    action = { label: list.isPending ? words.loadAgain : words.loadRest, run: list.resume };
  } else if (list.isPending && list.isFetching) {
    text = words.loading;
    action = { label: words.stop, name: words.stopLabel, run: list.stop };
  } else if (list.isLoadingMore) {
    text = words.loadedSoFar;
    action = { label: words.stop, name: words.stopLabel, run: list.stop };
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
