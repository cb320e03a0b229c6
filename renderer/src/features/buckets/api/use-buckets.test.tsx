import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Bucket, BucketListPage, ListBucketsPageInput } from '@shared/contract';
import { AppErrorException } from '@shared/errors';
import type { CosDeskApi } from '@renderer/api/client';
import { AppProviders } from '@renderer/app/providers';
import { createQueryClient } from '@renderer/app/query-client';
import { useBuckets } from './use-buckets';

const OWNER = { ownerId: 'qcs::cam::uin/1:uin/1', displayName: 'Owner' };
const bucket = (name: string, region = 'ap-guangzhou'): Bucket => ({ name, region, creationDate: '2024-01-01T00:00:00Z' });

/** A COS whose pages answer only when the test says so, each request kept in order. */
function pagedCos() {
  const requests: { input: ListBucketsPageInput; answer(page: BucketListPage): void; fail(code: string): void }[] = [];
  const api = {
    listBucketsPage: (input: ListBucketsPageInput = {}) =>
      new Promise<BucketListPage>((resolve, reject) => {
        requests.push({
          input,
          answer: resolve,
          fail: (code) => reject(new AppErrorException({ kind: 'cos', code, status: 403 })),
        });
      }),
  } as unknown as CosDeskApi;
  const page = (names: string[], next?: string): BucketListPage => ({
    owner: OWNER,
    buckets: names.map((n) => bucket(n)),
    ...(next ? { nextMarker: next, truncated: true } : { truncated: false }),
  });
  return { api, requests, page };
}

function renderList(api: CosDeskApi, region?: string) {
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProviders client={api} queryClient={queryClient}>
      {children}
    </AppProviders>
  );
  return renderHook(({ r }: { r?: string }) => useBuckets(r), { wrapper, initialProps: { r: region } });
}

const names = (list: { buckets: Bucket[] }) => list.buckets.map((b) => b.name);

describe('useBuckets: the page loop', () => {
  it('shows each page as it arrives and asks for the next one at once, to the last', async () => {
    const { api, requests, page } = pagedCos();
    const { result } = renderList(api);
    expect(result.current).toMatchObject({ isPending: true, isFetching: true, buckets: [] });

    await waitFor(() => expect(requests).toHaveLength(1));
    act(() => requests[0].answer(page(['a-1', 'b-1'], 'b-1')));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(names(result.current)).toEqual(['a-1', 'b-1']);
    expect(result.current).toMatchObject({ isPending: false, isLoadingMore: true });
    expect(requests[1].input).toEqual({ marker: 'b-1' });

    act(() => requests[1].answer(page(['c-1'])));
    await waitFor(() => expect(result.current.isLoadingMore).toBe(false));
    expect(names(result.current)).toEqual(['a-1', 'b-1', 'c-1']);
    expect(result.current.isFetching).toBe(false);
    expect(requests).toHaveLength(2);
  });

  it('stops on request: keeps what arrived, drops the page on its way, and goes on from there when asked', async () => {
    const { api, requests, page } = pagedCos();
    const { result } = renderList(api);
    await waitFor(() => expect(requests).toHaveLength(1));
    act(() => requests[0].answer(page(['a-1'], 'a-1')));
    await waitFor(() => expect(requests).toHaveLength(2));

    act(() => result.current.stop());
    await waitFor(() => expect(result.current.isStopped).toBe(true));
    // The page that was on its way arrives after the stop: it is not shown, and nothing more is asked for.
    act(() => requests[1].answer(page(['b-1'], 'b-1')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(names(result.current)).toEqual(['a-1']);
    expect(result.current).toMatchObject({ isLoadingMore: false, isFetching: false });
    expect(requests).toHaveLength(2);

    act(() => result.current.resume());
    await waitFor(() => expect(requests).toHaveLength(3));
    expect(requests[2].input).toEqual({ marker: 'a-1' });
    act(() => requests[2].answer(page(['b-1'])));
    await waitFor(() => expect(names(result.current)).toEqual(['a-1', 'b-1']));
    expect(result.current.isStopped).toBe(false);
  });

  it('can stop before the first page, and load again later', async () => {
    const { api, requests, page } = pagedCos();
    const { result } = renderList(api);
    await waitFor(() => expect(requests).toHaveLength(1));
    act(() => result.current.stop());
    await waitFor(() => expect(result.current).toMatchObject({ isStopped: true, isFetching: false, hasData: false }));

    act(() => result.current.resume());
    await waitFor(() => expect(requests).toHaveLength(2));
    act(() => requests[1].answer(page(['a-1'])));
    await waitFor(() => expect(names(result.current)).toEqual(['a-1']));
  });

  it('keeps the pages before a failed one, says the failure was on a later page, and retries that page', async () => {
    const { api, requests, page } = pagedCos();
    const { result } = renderList(api);
    await waitFor(() => expect(requests).toHaveLength(1));
    act(() => requests[0].answer(page(['a-1'], 'a-1')));
    await waitFor(() => expect(requests).toHaveLength(2));
    // A 403: React Query does not retry it behind the user's back.
    act(() => requests[1].fail('AccessDenied'));
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current).toMatchObject({ failedOnLaterPage: true, isLoadingMore: false });
    expect(names(result.current)).toEqual(['a-1']);

    act(() => result.current.retry());
    await waitFor(() => expect(requests).toHaveLength(3));
    expect(requests[2].input).toEqual({ marker: 'a-1' });
    act(() => requests[2].answer(page(['b-1'])));
    await waitFor(() => expect(names(result.current)).toEqual(['a-1', 'b-1']));
    expect(result.current.error).toBeNull();
  });

  it('asks COS for one region, showing meanwhile what the full list already knows of it', async () => {
    const { api, requests } = pagedCos();
    const { result, rerender } = renderList(api);
    await waitFor(() => expect(requests).toHaveLength(1));
    act(() =>
      requests[0].answer({ owner: OWNER, buckets: [bucket('a-1', 'ap-beijing'), bucket('b-1', 'ap-guangzhou')], truncated: false }),
    );
    await waitFor(() => expect(result.current.hasData).toBe(true));

    rerender({ r: 'ap-beijing' });
    expect(result.current).toMatchObject({ isPreview: true });
    expect(names(result.current)).toEqual(['a-1']);
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1].input).toEqual({ region: 'ap-beijing' });

    act(() => requests[1].answer({ owner: OWNER, buckets: [bucket('a-1', 'ap-beijing'), bucket('c-1', 'ap-beijing')], truncated: false }));
    await waitFor(() => expect(result.current.isPreview).toBe(false));
    expect(names(result.current)).toEqual(['a-1', 'c-1']);
  });
});
