import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cosError, createFakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';
import { BucketsPage } from './BucketsPage';

const LIST_DENIED = cosError('AccessDenied', 403, {
  action: 'cos:GetService',
  cosMessage: 'Access denied: the CAM policy does not allow cos:GetService.',
});

function deniedPage(options: Parameters<typeof createFakeCos>[0] = {}) {
  const cos = createFakeCos({ buckets: SAMPLE_BUCKETS, ...options });
  cos.failNext('listBucketsPage', LIST_DENIED);
  return renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });
}

async function addByName(user: ReturnType<typeof deniedPage>['user'], bucket: string, region: string) {
  await user.click(screen.getAllByRole('button', { name: 'Add bucket by name' })[0]);
  const dialog = await screen.findByRole('dialog', { name: 'Add bucket by name' });
  await user.type(within(dialog).getByLabelText('Bucket'), bucket);
  const regionInput = within(dialog).getByLabelText('Region');
  await user.clear(regionInput);
  await user.type(regionInput, region);
  await user.click(within(dialog).getByRole('button', { name: 'Add' }));
  return dialog;
}

describe('a key that may not list buckets', () => {
  it('names the missing permission and offers to add buckets by name', async () => {
    deniedPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This key may not list buckets.');
    expect(alert.textContent).toContain('cos:GetService');
    expect(screen.getByText(/add each one by its name and region/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Buckets' })).toBeNull();
  });

  it('adds a bucket COS confirms, marked as added by hand, usable from its row', async () => {
    const { user, cos } = deniedPage();
    await screen.findByRole('alert');
    const dialog = await addByName(user, 'backup-1250000000', 'ap-shanghai');

    await expect.poll(() => dialog.isConnected).toBe(false);
    expect(screen.getByText('Added bucket backup-1250000000 to the list.')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Buckets' });
    const row = within(table).getByRole('rowheader', { name: /backup-1250000000/ }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('added by hand');
    expect(within(row).getByRole('button', { name: 'Check' })).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Delete' })).toBeTruthy();
    expect(cos.callsOf('addBucketByName')).toEqual([
      { method: 'addBucketByName', input: { bucket: 'backup-1250000000', region: 'ap-shanghai' } },
    ]);
  });

  it('keeps the dialog and what was typed when COS has no such bucket', async () => {
    const { user } = deniedPage();
    await screen.findByRole('alert');
    const dialog = await addByName(user, 'nothing-1250000000', 'ap-shanghai');
    const error = await within(dialog).findByRole('alert');
    expect(error.textContent).toContain('The bucket was not added.');
    expect(error.textContent).toContain('NoSuchBucket');
    expect((within(dialog).getByLabelText('Bucket') as HTMLInputElement).value).toBe('nothing-1250000000');
  });

  it('removes a bucket from the list without touching it', async () => {
    const { user, cos } = deniedPage({ added: [{ name: 'backup-1250000000', region: 'ap-shanghai', addedAt: '2025-01-01T00:00:00Z' }] });
    const table = await screen.findByRole('table', { name: 'Buckets' });
    const row = within(table).getByRole('rowheader', { name: /backup-1250000000/ }).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Remove from list' }));
    expect(await screen.findByText(/Removed backup-1250000000 from the list/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Buckets' })).toBeNull();
    expect(cos.buckets.map((b) => b.name)).toContain('backup-1250000000');
    expect(cos.callsOf('deleteBucket')).toEqual([]);
  });
});

describe('buckets added by hand beside a list COS gave', () => {
  it('shows one added bucket the list lacks, and never a listed one twice', async () => {
    const cos = createFakeCos({
      buckets: SAMPLE_BUCKETS,
      added: [
        { name: 'photos-1250000000', region: 'ap-guangzhou', addedAt: '2025-01-01T00:00:00Z' },
        { name: 'partner-1250000009', region: 'ap-beijing', addedAt: '2025-01-01T00:00:00Z' },
      ],
    });
    renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });
    const table = await screen.findByRole('table', { name: 'Buckets' });
    await within(table).findByRole('rowheader', { name: /partner-1250000009/ });
    const names = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(names.filter((n) => n?.startsWith('photos-1250000000'))).toEqual(['photos-1250000000']);
    expect(names).toContain('partner-1250000009 added by hand');
    expect(screen.getByText('4 buckets')).toBeTruthy();
  });
});
