/**
 * GET Service pages for one signed-in account, read one page ahead.
 *
 * A caller that pages through the list asks for page N+1 only after page N has travelled to it and been shown, so
 * each page would wait for that round trip on top of its own. Instead, as soon as page N's bytes arrive its
 * NextMarker is picked out and page N+1 is requested, while page N is still being read and handed over; when the
 * caller then asks for that marker it gets the request already under way. Never more than one page ahead of what
 * was asked for, so stopping a load costs at most one unread page.
 */
import type { BucketList, BucketListPage } from '@shared/contract';
import { collectBucketPages, readBucketListPage, requestBucketListPage, type RawRequester } from './bucket-list-page';
import { peekNextMarker } from './bucket-list-xml';

/** A page read ahead is handed out only this soon after it was asked for; later the caller gets a fresh one. */
export const READ_AHEAD_TTL_MS = 10_000;

/** The SDK's hook on every request it sends, so that a change to the bucket list can void pages read ahead. */
export interface RequestEvents {
  on(event: 'before-send', listener: (request: { method?: string }) => void): void;
}

export interface BucketPageReader {
  /**
   * One page, from the start or after `marker`; of one region (its own host) or of all. `signal` aborts it, and
   * with it the region's page read ahead: a cancelled load leaves no request behind.
   */
  page(region: string | undefined, marker: string | undefined, signal?: AbortSignal): Promise<BucketListPage>;
  /** Every page, joined. */
  all(region: string | undefined, signal?: AbortSignal): Promise<BucketList>;
}

interface Ahead {
  marker: string;
  startedAt: number;
  page: Promise<BucketListPage>;
  /** Set once its bytes arrive and name a following page. */
  nextMarker?: string;
  /** The caller has asked for it: from now on it may read ahead in turn. */
  claimed: boolean;
  /** Read ahead, it belongs to no call: this aborts it when the caller that claims it (or its region's) cancels. */
  controller: AbortController;
}

export function createBucketPageReader(
  cos: RawRequester & Partial<RequestEvents>,
  serviceUrl: (region?: string) => string,
  now: () => number = Date.now,
): BucketPageReader {
  /** At most one page ahead per region (the all-regions list is region ''). */
  const ahead = new Map<string, Ahead>();

  // Created, deleted or changed buckets make any page read before them out of date.
  cos.on?.('before-send', (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') ahead.clear();
  });

  async function fetchPage(region: string | undefined, marker: string | undefined, onNext: (next: string) => void, signal?: AbortSignal) {
    const body = await requestBucketListPage(cos, serviceUrl(region), marker, signal);
    const hinted = peekNextMarker(body);
    if (hinted !== undefined && hinted !== marker) onNext(hinted);
    const page = readBucketListPage(body.toString('utf8'));
    // The hint came from a quick look at the bytes (or there was none): the full read has the last word.
    if (hinted !== page.nextMarker) {
      if (hinted !== undefined && ahead.get(region ?? '')?.marker === hinted) ahead.delete(region ?? '');
      if (page.nextMarker !== undefined && page.nextMarker !== marker) onNext(page.nextMarker);
    }
    return page;
  }

  function readAhead(region: string | undefined, marker: string): void {
    const controller = new AbortController();
    const entry: Ahead = { marker, startedAt: now(), claimed: false, page: Promise.resolve() as never, controller };
    entry.page = fetchPage(
      region,
      marker,
      (next) => {
        entry.nextMarker = next;
        if (entry.claimed) readAhead(region, next);
      },
      controller.signal,
    );
    // A failure here is nobody's yet: whoever asks for this page later gets a fresh request instead.
    entry.page.catch(() => {
      if (ahead.get(region ?? '') === entry) ahead.delete(region ?? '');
    });
    ahead.set(region ?? '', entry);
  }

  function claim(region: string | undefined, marker: string | undefined): Ahead | undefined {
    const entry = ahead.get(region ?? '');
    if (!entry || marker === undefined || entry.marker !== marker) return undefined;
    ahead.delete(region ?? '');
    if (now() - entry.startedAt > READ_AHEAD_TTL_MS) return undefined;
    entry.claimed = true;
    if (entry.nextMarker !== undefined) readAhead(region, entry.nextMarker);
    return entry;
  }

  /** The caller cancelled: the page it waits for and the one read ahead after it stop too. */
  function stopOnAbort(region: string | undefined, signal: AbortSignal | undefined, claimed: Ahead | undefined): () => void {
    if (!signal) return () => {};
    const stop = () => {
      claimed?.controller.abort();
      const next = ahead.get(region ?? '');
      if (next) {
        ahead.delete(region ?? '');
        next.controller.abort();
      }
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
    return () => signal.removeEventListener('abort', stop);
  }

  async function page(region: string | undefined, marker: string | undefined, signal?: AbortSignal): Promise<BucketListPage> {
    // A page read ahead that failed before anyone asked is gone from `ahead`: the caller then sends its own
    // request. One still on its way is the caller's request now, failure included: it is not waited for twice.
    const entry = claim(region, marker);
    const release = stopOnAbort(region, signal, entry);
    try {
      return await (entry ? entry.page : fetchPage(region, marker, (next) => readAhead(region, next), signal));
    } finally {
      release();
    }
  }

  return { page, all: (region, signal) => collectBucketPages((marker) => page(region, marker, signal)) };
}
