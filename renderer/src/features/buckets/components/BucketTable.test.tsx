import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Bucket } from '@shared/contract';
import { createFakeCos } from '@renderer/test/fake-bridge';
import { renderWithCos } from '@renderer/test/render';
import { BucketsPage } from './BucketsPage';
import { ROW_HEIGHT } from './BucketTable';

const REGIONS = ['ap-guangzhou', 'ap-beijing', 'ap-shanghai'];

function manyBuckets(count: number): Bucket[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `bucket-${String(i + 1).padStart(5, '0')}-1250000000`,
    region: REGIONS[i % REGIONS.length],
    creationDate: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  }));
}

async function renderMany(count: number) {
  const buckets = manyBuckets(count);
  const cos = createFakeCos({ buckets });
  const rendered = renderWithCos(<BucketsPage defaultRegion="ap-guangzhou" />, { cos });
  const table = await screen.findByRole('table', { name: 'Buckets' });
  await screen.findByText(`${count.toLocaleString('en')} buckets`);
  const scroller = table.closest('.table-scroll') as HTMLElement;
  return { ...rendered, buckets, table, scroller };
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').filter((row) => within(row).queryByRole('rowheader'));
const shownNames = (table: HTMLElement) => within(table).queryAllByRole('rowheader').map((cell) => cell.textContent);

function scrollTo(scroller: HTMLElement, top: number) {
  scroller.scrollTop = top;
  fireEvent.scroll(scroller);
}

describe('the bucket table with thousands of rows', () => {
  it('keeps only the rows in view in the document, and tells screen readers the full size and each row’s place', async () => {
    const { table } = await renderMany(10_000);
    const rows = bodyRows(table);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThanOrEqual(40);
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    expect(rows[0].getAttribute('aria-rowindex')).toBe('2');
    expect(shownNames(table)[0]).toBe('bucket-00001-1250000000');
  });

  it('shows the last bucket once scrolled to the end', async () => {
    const { table, scroller } = await renderMany(10_000);
    scrollTo(scroller, 10_000 * ROW_HEIGHT);
    await waitFor(() => expect(shownNames(table)).toContain('bucket-10000-1250000000'));
    const last = within(table).getByRole('rowheader', { name: 'bucket-10000-1250000000' }).closest('tr')!;
    expect(last.getAttribute('aria-rowindex')).toBe('10001');
    expect(bodyRows(table).length).toBeLessThanOrEqual(40);
  });

  it('sorts and filters all 10,000 rows, not only those in view', async () => {
    const { table, user } = await renderMany(10_000);
    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(shownNames(table)[0]).toBe('bucket-10000-1250000000'));

    await user.type(screen.getByRole('searchbox', { name: 'Filter by name' }), '0999');
    await waitFor(() => expect(screen.getByText('11 of 10,000 buckets')).toBeTruthy());
    expect(shownNames(table)).toEqual([
      'bucket-09999-1250000000',
      'bucket-09998-1250000000',
      'bucket-09997-1250000000',
      'bucket-09996-1250000000',
      'bucket-09995-1250000000',
      'bucket-09994-1250000000',
      'bucket-09993-1250000000',
      'bucket-09992-1250000000',
      'bucket-09991-1250000000',
      'bucket-09990-1250000000',
      'bucket-00999-1250000000',
    ]);
  });

  it('keeps the selected bucket and the rows in view when the list loads again', async () => {
    const { table, scroller, user, cos } = await renderMany(3_000);
    scrollTo(scroller, 1_500 * ROW_HEIGHT);
    await waitFor(() => expect(shownNames(table)).toContain('bucket-01501-1250000000'));
    const row = () => within(table).getByRole('rowheader', { name: 'bucket-01501-1250000000' }).closest('tr')!;
    await user.click(row());
    expect(row().getAttribute('aria-selected')).toBe('true');

    // Another client adds buckets that sort before the ones in view.
    cos.buckets.push({ name: 'aaa-1250000000', region: 'ap-guangzhou', creationDate: '2025-01-01T00:00:00Z' });
    cos.buckets.push({ name: 'aab-1250000000', region: 'ap-guangzhou', creationDate: '2025-01-01T00:00:00Z' });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByText('3,002 buckets');

    expect(row().getAttribute('aria-selected')).toBe('true');
    // The same bucket is still at the top of the view: the view moved down with it by two rows.
    expect(scroller.scrollTop).toBe(1_502 * ROW_HEIGHT);
  });
});
