import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Bucket } from '@shared/contract';
import { cosError, createFakeCos, type FakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';
import { BucketsPage } from './BucketsPage';

const FIVE: Bucket[] = ['a', 'b', 'c', 'd', 'e'].map((n) => ({
  name: `${n}-1250000000`,
  region: 'ap-guangzhou',
  creationDate: '2024-01-01T00:00:00Z',
}));

/** A fake COS whose pages after the first wait until `release` is called. */
function slowLaterPages(cos: FakeCos) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const bridge = {
    ...cos.bridge,
    listBucketsPage: async (input?: { marker?: string }) => {
      if (input?.marker) await gate;
      return cos.bridge.listBucketsPage(input as never);
    },
  };
  return { cos: { ...cos, bridge } as FakeCos, release };
}

const shownNames = (table: HTMLElement) =>
  within(table)
    .queryAllByRole('rowheader', { hidden: true })
    .map((cell) => cell.textContent);

describe('loading a long list', () => {
  it('shows the first page while the rest loads, says how many have loaded, and Cancel stops there', async () => {
    const { cos, release } = slowLaterPages(createFakeCos({ buckets: FIVE, pageSize: 2 }));
    const { user } = renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });

    const table = await screen.findByRole('table', { name: 'Buckets' });
    expect(shownNames(table)).toEqual(['a-1250000000', 'b-1250000000']);
    expect(screen.getByText('Loaded 2 buckets…').getAttribute('role')).toBe('status');

    await user.click(screen.getByRole('button', { name: 'Cancel loading' }));
    expect(await screen.findByText('Loading stopped: showing the first 2 buckets.')).toBeTruthy();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shownNames(table)).toEqual(['a-1250000000', 'b-1250000000']);
    expect(screen.getByText('2 buckets')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Load the rest' }));
    await screen.findByText('5 buckets');
    expect(shownNames(table)).toHaveLength(5);
    expect(screen.queryByText(/Loaded|stopped/)).toBeNull();
    expect(cos.callsOf('listBucketsPage').map((c) => c.input)).toEqual([
      {},
      { marker: 'b-1250000000' },
      { marker: 'b-1250000000' },
      { marker: 'd-1250000000' },
    ]);
  });
});

describe('create and delete change the list before COS answers', () => {
  async function renderPage(cos: FakeCos) {
    const rendered = renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });
    const table = await screen.findByRole('table', { name: 'Buckets' });
    return { ...rendered, table };
  }

  async function submitCreate(user: Awaited<ReturnType<typeof renderPage>>['user'], name: string) {
    await user.click(screen.getByRole('button', { name: 'Create bucket' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Create bucket' }));
    await user.type(dialog.getByRole('textbox', { name: 'Bucket name' }), name);
    await user.click(dialog.getByRole('button', { name: 'Create' }));
    return dialog;
  }

  it('lists a new bucket at once, and keeps it once COS agrees', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { user, table } = await renderPage(cos);
    const release = cos.hold('createBucket');
    await submitCreate(user, 'fresh');

    // The dialog is still open (the page behind it is hidden from the accessibility tree meanwhile).
    expect(await within(table).findByRole('rowheader', { name: 'fresh-1250000000', hidden: true })).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Create bucket' })).toBeTruthy();
    release();
    await screen.findByText('Created bucket fresh-1250000000.');
    expect(within(table).getByRole('rowheader', { name: 'fresh-1250000000' })).toBeTruthy();
  });

  it('takes the new row away again when COS refuses the create', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { user, table } = await renderPage(cos);
    cos.failNext('createBucket', cosError('TooManyBuckets', 400));
    const dialog = await submitCreate(user, 'fresh');

    expect(await dialog.findAllByText(/TooManyBuckets/)).not.toHaveLength(0);
    expect(within(table).queryByRole('rowheader', { name: 'fresh-1250000000', hidden: true })).toBeNull();
    expect(shownNames(table)).toHaveLength(3);
  });

  it('removes a row at once on delete, and puts it back when COS refuses', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, nonEmpty: ['backup-1250000000'] });
    const { user, table } = await renderPage(cos);
    const row = within(table).getByRole('rowheader', { name: 'backup-1250000000' }).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Delete' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete bucket' }));
    await user.type(dialog.getByRole('textbox', { name: 'Type the bucket name to confirm' }), 'backup-1250000000');

    const release = cos.hold('deleteBucket');
    await user.click(dialog.getByRole('button', { name: 'Delete bucket' }));
    await waitFor(() => expect(within(table).queryByRole('rowheader', { name: 'backup-1250000000', hidden: true })).toBeNull());

    release();
    expect(await dialog.findAllByText(/BucketNotEmpty/)).not.toHaveLength(0);
    expect(await within(table).findByRole('rowheader', { name: 'backup-1250000000', hidden: true })).toBeTruthy();
  });
});

describe('keeping the list current', () => {
  it('asks COS again when the window regains focus, but not while the list is still fresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
      renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });
      const table = await screen.findByRole('table', { name: 'Buckets' });
      const asked = () => cos.callsOf('listBucketsPage').length;
      expect(asked()).toBe(1);

      act(() => void window.dispatchEvent(new Event('focus')));
      expect(asked()).toBe(1);

      cos.buckets.push({ name: 'later-1250000000', region: 'ap-beijing', creationDate: '2025-04-01T00:00:00Z' });
      vi.setSystemTime(Date.now() + 31_000);
      act(() => void window.dispatchEvent(new Event('focus')));
      expect(await within(table).findByRole('rowheader', { name: 'later-1250000000' })).toBeTruthy();
      expect(asked()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
