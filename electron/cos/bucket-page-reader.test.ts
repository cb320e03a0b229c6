import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { READ_AHEAD_TTL_MS, createBucketPageReader } from './bucket-page-reader';

const NAMES = ['a-1', 'b-1', 'c-1', 'd-1', 'e-1', 'f-1', 'g-1'];
const PER_PAGE = 2;

/** A stand-in for the SDK over a COS that pages NAMES two at a time; requests can be made to fail or wait. */
function fakeCos() {
  const events = new EventEmitter();
  const sent: string[] = [];
  let names = [...NAMES];
  const failures = new Map<string, number>();
  /** The signal each request was sent with, by marker; requests for a held marker wait until it is let go. */
  const signals = new Map<string, AbortSignal | undefined>();
  const holds = new Map<string, Promise<void>>();
  const cos = {
    on: (event: 'before-send', listener: (request: { method?: string }) => void) => void events.on(event, listener),
    async request({ Url, Query, signal }: { Url: string; Query?: Record<string, string | number>; signal?: AbortSignal }) {
      const marker = Query?.marker === undefined ? '' : String(Query.marker);
      sent.push(`${new URL(Url).host} ${marker || '(start)'}`);
      signals.set(marker, signal);
      await Promise.resolve();
      await holds.get(marker);
      if (signal?.aborted) throw Object.assign(new Error('aborted'), { code: 'ECANCELED' });
      const failing = failures.get(marker) ?? 0;
      if (failing > 0) {
        failures.set(marker, failing - 1);
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }
      const rest = names.filter((n) => n > marker);
      const page = rest.slice(0, PER_PAGE);
      const truncated = rest.length > PER_PAGE;
      const buckets = page.map((n) => `<Bucket><Name>${n}</Name><Location>ap-guangzhou</Location></Bucket>`).join('');
      const tail = truncated ? `<NextMarker>${page.at(-1)}</NextMarker><IsTruncated>true</IsTruncated>` : '<IsTruncated>false</IsTruncated>';
      return { Body: Buffer.from(`<ListAllMyBucketsResult><Owner><ID>1</ID></Owner><Buckets>${buckets}</Buckets>${tail}</ListAllMyBucketsResult>`) };
    },
  };
  return {
    cos,
    sent,
    /** What the SDK would announce before a PUT or DELETE. */
    send: (method: string) => events.emit('before-send', { method }),
    /** The next `times` requests for the page after `marker` fail as a dropped connection would. */
    failAfter: (marker: string, times = 1) => failures.set(marker, times),
    rename: (next: string[]) => (names = next),
    signals,
    /** Requests for the page after `marker` wait until the returned function is called. */
    hold: (marker: string) => {
      let release!: () => void;
      holds.set(marker, new Promise<void>((resolve) => (release = resolve)));
      return release;
    },
  };
}

const serviceUrl = (region?: string) => (region ? `http://cos.${region}.myqcloud.com/` : 'http://service.cos.myqcloud.com/');
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const names = (page: { buckets: { name: string }[] }) => page.buckets.map((b) => b.name);

describe('bucket page reader', () => {
  it('aborts the page read ahead when the caller waiting for it cancels, and reads nothing further', async () => {
    const { cos, sent, signals, hold } = fakeCos();
    const reader = createBucketPageReader(cos, serviceUrl);
    const release = hold('b-1');
    const first = await reader.page(undefined, undefined);
    expect(sent).toEqual(['service.cos.myqcloud.com (start)', 'service.cos.myqcloud.com b-1']);

    const caller = new AbortController();
    const second = reader.page(undefined, first.nextMarker, caller.signal).catch((error: unknown) => error);
    caller.abort();
    // The read-ahead request belongs to no call of its own: the caller's cancel reached it.
    expect(signals.get('b-1')?.aborted).toBe(true);
    release();
    expect(await second).toMatchObject({ code: 'ECANCELED' });
    await settle();
    expect(sent).toHaveLength(2);
  });

  it('has the next page on its way before the caller asks for it, and never more than one page ahead', async () => {
    const { cos, sent } = fakeCos();
    const reader = createBucketPageReader(cos, serviceUrl);

    const first = await reader.page(undefined, undefined);
    await settle();
    expect(names(first)).toEqual(['a-1', 'b-1']);
    expect(sent).toEqual(['service.cos.myqcloud.com (start)', 'service.cos.myqcloud.com b-1']);

    const second = await reader.page(undefined, first.nextMarker);
    await settle();
    expect(names(second)).toEqual(['c-1', 'd-1']);
    // The second page came from the request already made; asking for it sent only the read-ahead of the third.
    expect(sent.slice(2)).toEqual(['service.cos.myqcloud.com d-1']);
  });

  it('reads every page of the list exactly once when followed to the end', async () => {
    const { cos, sent } = fakeCos();
    const list = await createBucketPageReader(cos, serviceUrl).all(undefined);
    await settle();
    expect(names(list)).toEqual(NAMES);
    expect(sent).toHaveLength(4);
  });

  it('keeps regions apart: a page read ahead for one region is not handed to another list', async () => {
    const { cos, sent } = fakeCos();
    const reader = createBucketPageReader(cos, serviceUrl);
    await reader.page('ap-beijing', undefined);
    await reader.page(undefined, 'b-1');
    await settle();
    expect(sent).toEqual(['cos.ap-beijing.myqcloud.com (start)', 'cos.ap-beijing.myqcloud.com b-1', 'service.cos.myqcloud.com b-1', 'service.cos.myqcloud.com d-1']);
  });

  it('asks again when the page read ahead failed, so the caller sees its own request succeed or fail', async () => {
    const { cos, sent, failAfter } = fakeCos();
    const reader = createBucketPageReader(cos, serviceUrl);
    failAfter('b-1');
    await reader.page(undefined, undefined);
    await settle();
    // Both the read-ahead of the page after d-1 and the request made when it is asked for will fail.
    failAfter('d-1', 2);
    const second = await reader.page(undefined, 'b-1');
    expect(names(second)).toEqual(['c-1', 'd-1']);
    expect(sent.filter((s) => s.endsWith(' b-1'))).toHaveLength(2);

    await settle();
    await expect(reader.page(undefined, 'd-1')).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('does not ask twice for a page whose request was already on its way when it failed', async () => {
    const { cos, sent, failAfter } = fakeCos();
    const reader = createBucketPageReader(cos, serviceUrl);
    failAfter('b-1');
    // No pause: the page after b-1 is asked for while its read-ahead is still under way.
    const first = await reader.page(undefined, undefined);
    await expect(reader.page(undefined, first.nextMarker)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(sent.filter((s) => s.endsWith(' b-1'))).toHaveLength(1);
  });

  it('forgets pages read ahead once buckets are created or deleted', async () => {
    const { cos, sent, send, rename } = fakeCos();
    const reader = createBucketPageReader(cos, serviceUrl);
    await reader.page(undefined, undefined);
    await settle();
    send('PUT');
    rename([...NAMES, 'bb-1'].sort());
    const second = await reader.page(undefined, 'b-1');
    expect(names(second)).toEqual(['bb-1', 'c-1']);
    expect(sent.filter((s) => s.endsWith(' b-1'))).toHaveLength(2);
  });

  it('does not hand out a page read ahead long ago', async () => {
    const { cos, sent } = fakeCos();
    let clock = 0;
    const reader = createBucketPageReader(cos, serviceUrl, () => clock);
    await reader.page(undefined, undefined);
    await settle();
    clock += READ_AHEAD_TTL_MS + 1;
    await reader.page(undefined, 'b-1');
    expect(sent.filter((s) => s.endsWith(' b-1'))).toHaveLength(2);
  });
});
