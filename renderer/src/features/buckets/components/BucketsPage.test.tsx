import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cosError, createFakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { SAMPLE_BUCKETS } from '@renderer/test/sample-buckets';
import { BucketsPage } from './BucketsPage';

const renderPage = (cos = createFakeCos({ buckets: SAMPLE_BUCKETS })) =>
  renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });

async function bucketTable() {
  return screen.findByRole('table', { name: 'Buckets' });
}

function shownNames(table: HTMLElement): string[] {
  return within(table)
    .queryAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

function columnHeader(name: string): HTMLElement {
  return screen.getByRole('button', { name }).closest('th') as HTMLElement;
}

describe('bucket list', () => {
  it('says it is loading, then shows every bucket with its region name, count and row actions', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const release = cos.hold('listBucketsPage');
    renderPage(cos);

    expect(screen.getByText('Loading buckets…').getAttribute('role')).toBe('status');
    expect(screen.queryByRole('table', { name: 'Buckets' })).toBeNull();

    release();
    const table = await bucketTable();
    expect(shownNames(table)).toEqual(['backup-1250000000', 'logs-archive-1250000000', 'photos-1250000000']);
    expect(screen.getByText('3 buckets')).toBeTruthy();
    expect(screen.queryByText('Loading buckets…')).toBeNull();

    const photosRow = within(table).getByRole('rowheader', { name: 'photos-1250000000' }).closest('tr') as HTMLElement;
    expect(within(photosRow).getByText('ap-guangzhou')).toBeTruthy();
    expect(within(photosRow).getByText('Guangzhou')).toBeTruthy();
    expect(within(photosRow).getByRole('button', { name: 'Check' })).toBeTruthy();
    const del = within(photosRow).getByRole('button', { name: 'Delete' });
    // The accessible name stays "Delete"; the row's bucket describes it.
    expect(document.getElementById(del.getAttribute('aria-describedby') ?? '')?.textContent).toBe('photos-1250000000');
    expect(within(photosRow).getByText((_, el) => el?.tagName === 'TIME' && el.getAttribute('dateTime') === '2024-05-01T10:00:00Z')).toBeTruthy();
  });

  it('filters by name as the user types and counts what is shown', async () => {
    const { user } = renderPage();
    const table = await bucketTable();

    await user.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'PHO');
    expect(shownNames(table)).toEqual(['photos-1250000000']);
    expect(screen.getByText('1 of 3 buckets')).toBeTruthy();

    await user.clear(screen.getByRole('searchbox', { name: 'Filter by name' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'nothing-like-this');
    expect(shownNames(table)).toEqual([]);
    expect(screen.getByText('No bucket matches these filters.')).toBeTruthy();
    expect(screen.getByText('0 of 3 buckets')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(shownNames(table)).toHaveLength(3);
    expect(screen.getByText('3 buckets')).toBeTruthy();
  });

  it('filters by a region present in the list, asking COS for that region only', async () => {
    const { user, cos } = renderPage();
    const table = await bucketTable();
    const regionFilter = screen.getByRole('combobox', { name: 'Region filter' });

    const options = within(regionFilter).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['All regions', 'ap-guangzhou (Guangzhou)', 'ap-shanghai (Shanghai)']);

    await user.selectOptions(regionFilter, 'ap-guangzhou');
    expect(shownNames(table)).toEqual(['logs-archive-1250000000', 'photos-1250000000']);
    expect(await screen.findByText('2 buckets')).toBeTruthy();
    expect(cos.callsOf('listBucketsPage').at(-1)?.input).toEqual({ region: 'ap-guangzhou' });
    // The other regions stay on offer while one is shown.
    expect(within(regionFilter).getAllByRole('option')).toHaveLength(3);

    await user.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'logs');
    expect(shownNames(table)).toEqual(['logs-archive-1250000000']);
    expect(screen.getByText('1 of 2 buckets')).toBeTruthy();

    await user.selectOptions(regionFilter, '');
    await user.clear(screen.getByRole('searchbox', { name: 'Filter by name' }));
    expect(shownNames(table)).toHaveLength(3);
  });

  it('sorts by each column from its header button and says so with aria-sort', async () => {
    const { user } = renderPage();
    const table = await bucketTable();

    expect(columnHeader('Name').getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(columnHeader('Name').getAttribute('aria-sort')).toBe('descending');
    expect(shownNames(table)).toEqual(['photos-1250000000', 'logs-archive-1250000000', 'backup-1250000000']);

    await user.click(screen.getByRole('button', { name: 'Created' }));
    expect(columnHeader('Name').getAttribute('aria-sort')).toBe('none');
    // Dates sort newest first on the first click.
    expect(columnHeader('Created').getAttribute('aria-sort')).toBe('descending');
    expect(shownNames(table)).toEqual(['logs-archive-1250000000', 'photos-1250000000', 'backup-1250000000']);
    await user.click(screen.getByRole('button', { name: 'Created' }));
    expect(columnHeader('Created').getAttribute('aria-sort')).toBe('ascending');
    expect(shownNames(table)).toEqual(['backup-1250000000', 'photos-1250000000', 'logs-archive-1250000000']);

    await user.click(screen.getByRole('button', { name: 'Region' }));
    expect(columnHeader('Region').getAttribute('aria-sort')).toBe('ascending');
    expect(shownNames(table).at(-1)).toBe('backup-1250000000');

    await user.click(screen.getByRole('button', { name: 'Type' }));
    expect(columnHeader('Type').getAttribute('aria-sort')).toBe('ascending');
  });

  it('shows an empty state with a way to create the first bucket', async () => {
    const { user } = renderPage(createFakeCos({ buckets: [] }));

    expect(await screen.findByText('No buckets yet')).toBeTruthy();
    expect(screen.getByText('0 buckets')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Buckets' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Create your first bucket' }));
    expect(await screen.findByRole('dialog', { name: 'Create bucket' })).toBeTruthy();
  });

  it('shows a first-load error with its code and hint, and retries', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    cos.failNext('listBucketsPage', cosError('SignatureDoesNotMatch', 403, { action: 'cos:GetService' }));
    const { user } = renderPage(cos);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the buckets.');
    expect(alert.textContent).toContain('SignatureDoesNotMatch');
    expect(alert.textContent).toContain('the SecretKey is probably wrong');
    expect(screen.queryByRole('table', { name: 'Buckets' })).toBeNull();
    // A 403 is not retried behind the user's back.
    expect(cos.callsOf('listBucketsPage')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(shownNames(await bucketTable())).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the table when a refresh fails and shows the error as a banner', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { user } = renderPage(cos);
    const table = await bucketTable();

    cos.failNext('listBucketsPage', cosError('ExpiredToken', 403));
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not refresh the list');
    expect(alert.textContent).toContain('ExpiredToken');
    expect(alert.textContent).toContain('The temporary key has expired.');
    expect(shownNames(table)).toHaveLength(3);
    expect(screen.getByRole('table', { name: 'Buckets' })).toBe(table);
  });

  it('refreshes the list from COS on demand', async () => {
    const cos = createFakeCos({ buckets: SAMPLE_BUCKETS });
    const { user } = renderPage(cos);
    const table = await bucketTable();

    cos.buckets.push({ name: 'new-1250000000', region: 'ap-beijing', creationDate: '2025-04-01T00:00:00Z' });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await within(table).findByRole('rowheader', { name: 'new-1250000000' });
    expect(screen.getByText('4 buckets')).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'new-1250000000' }).closest('tr')?.textContent).toContain('—');
  });
});
