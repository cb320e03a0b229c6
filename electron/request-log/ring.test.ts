import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '@shared/request-log-contract';
import { RequestRing } from './ring';

function entry(id: number, fields: Partial<RequestLogEntry> = {}): RequestLogEntry {
  return {
    id,
    time: new Date(Date.UTC(2026, 0, 1) + id).toISOString(),
    profile: 'Studio',
    profileId: 'p1',
    method: 'GET',
    host: 'service.cos.myqcloud.com',
    path: '/',
    query: `marker=${id}`,
    status: 200,
    tries: 1,
    bytesSent: 0,
    bytesReceived: 10,
    pending: false,
    ...fields,
  };
}

describe('the request ring', () => {
  it('keeps the last N entries whatever is pushed, newest first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 200 }), (size, pushed) => {
        const ring = new RequestRing(size);
        for (let id = 0; id < pushed; id += 1) ring.push(entry(id));
        const ids = ring.page({ limit: 500 }).entries.map((e) => e.id);
        const expected = Array.from({ length: Math.min(size, pushed) }, (_, i) => pushed - 1 - i);
        expect(ids).toEqual(expected);
        expect(ring.length).toBe(Math.min(size, pushed));
      }),
    );
  });

  it('pages back from the newest with `before`, each entry once, to the oldest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 15 }), (size, pushed, limit) => {
        const ring = new RequestRing(size);
        for (let id = 0; id < pushed; id += 1) ring.push(entry(id));
        const seen: number[] = [];
        let before: number | undefined;
        for (;;) {
          const page = ring.page({ limit, ...(before === undefined ? {} : { before }) });
          expect(page.entries.length).toBeLessThanOrEqual(limit);
          seen.push(...page.entries.map((e) => e.id));
          if (page.nextBefore === undefined) break;
          before = page.nextBefore;
        }
        expect(seen).toEqual(ring.page({ limit: 500 }).entries.map((e) => e.id));
      }),
    );
  });

  it('filters errors only and by text, before paging', () => {
    const ring = new RequestRing(100);
    ring.push(entry(0));
    ring.push(entry(1, { status: 403, errorCode: 'AccessDenied', requestId: 'NjQ0ZTAxXzE' }));
    ring.push(entry(2, { status: undefined, networkError: 'ETIMEDOUT' }));
    ring.push(entry(3, { path: '/photos/a.jpg', method: 'HEAD' }));
    ring.push(entry(4, { status: undefined, pending: true }));
    expect(ring.page({ limit: 10, errorsOnly: true }).entries.map((e) => e.id)).toEqual([2, 1]);
    expect(ring.page({ limit: 10, text: 'accessdenied' }).entries.map((e) => e.id)).toEqual([1]);
    expect(ring.page({ limit: 10, text: 'NjQ0ZTAxXzE' }).entries.map((e) => e.id)).toEqual([1]);
    expect(ring.page({ limit: 10, text: ' PHOTOS/' }).entries.map((e) => e.id)).toEqual([3]);
    expect(ring.page({ limit: 1, errorsOnly: true })).toMatchObject({ entries: [{ id: 2 }], nextBefore: 2 });
  });

  it('shrinks to a smaller size at once, keeping the newest, and holds nothing at size 0', () => {
    const ring = new RequestRing(10);
    for (let id = 0; id < 25; id += 1) ring.push(entry(id));
    ring.resize(3);
    expect(ring.page({ limit: 10 }).entries.map((e) => e.id)).toEqual([24, 23, 22]);
    ring.push(entry(25));
    expect(ring.page({ limit: 10 })).toMatchObject({ held: 3, capacity: 3 });
    expect(ring.all().map((e) => e.id)).toEqual([23, 24, 25]);
    ring.resize(0);
    ring.push(entry(26));
    expect(ring.length).toBe(0);
  });

  it('hands out copies: changing a page changes nothing held', () => {
    const ring = new RequestRing(5);
    ring.push(entry(0));
    ring.page({ limit: 5 }).entries[0].path = '/changed';
    expect(ring.all()[0].path).toBe('/');
  });
});
