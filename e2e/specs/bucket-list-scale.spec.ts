/** Thousands of buckets: pages stream in, loading can be stopped, and the table keeps only what is in view. */
import { OWN_BUCKETS, SEED, manyBuckets } from '../support/accounts';
import { LONG_LIST, expect, test } from '../support/fixtures';

const ROW_HEIGHT = 36;

function seedWith(count: number) {
  const bulk = manyBuckets(count);
  return { bulk, seed: { ...SEED, buckets: [...SEED.buckets!, ...bulk] }, total: OWN_BUCKETS.length + count };
}

const thousands = (n: number) => n.toLocaleString('en');

// Every test here seeds thousands of buckets (see LONG_LIST).
test.slow();

test('shows the first page while the rest loads, and Cancel aborts the page in flight where COS can see it', async ({ launch }) => {
  const { seed, total } = seedWith(5000);
  const { page, emulator, signInBehindPage } = await launch({ seed });
  await signInBehindPage();
  // COS holds its answer to the second page until the test lets it go: the first page is all there is meanwhile.
  const secondPage = emulator.faults.gate({ operation: 'GetService', nth: 2 });
  await page.reload();

  const table = page.getByRole('table', { name: 'Buckets' });
  const progress = page.getByRole('status').filter({ hasText: /Loaded|stopped/ });
  await expect(progress).toHaveText('Loaded 2,000 buckets…');
  await expect(table.getByRole('rowheader', { name: OWN_BUCKETS.map((b) => b.name).sort()[0] })).toBeVisible();
  await secondPage.arrived();
  await expect(page.getByText(`${thousands(total)} buckets`)).toHaveCount(0);

  // From here on every request for the list is held and counted.
  const afterStop = emulator.faults.gate({ operation: 'GetService', times: Infinity });
  await page.getByRole('button', { name: 'Cancel loading' }).click();
  // The main process aborts the request it had in flight: COS sees the connection closed, not a client that waits.
  await secondPage.closed();
  expect(secondPage.heldCount()).toBe(0);
  await expect(progress).toHaveText('Loading stopped: showing the first 2,000 buckets.');
  await expect(page.getByText('2,000 buckets', { exact: true })).toBeVisible();
  // Nothing more was asked for: neither a retry of the cancelled page nor a page read ahead.
  expect(afterStop.arrivedCount()).toBe(0);

  afterStop.open();
  await page.getByRole('button', { name: 'Load the rest' }).click();
  await expect(page.getByText(`${thousands(total)} buckets`, { exact: true })).toBeVisible();
  await expect(progress).toHaveCount(0);
});

test('with 5,000 buckets the table holds only the rows in view, and scrolls to the last one', async ({ launch }) => {
  const { bulk, seed, total } = seedWith(5000);
  const { page } = await launch({ seed, signInAs: 0 });
  const table = page.getByRole('table', { name: 'Buckets' });
  await expect(page.getByText(`${thousands(total)} buckets`, { exact: true })).toBeVisible(LONG_LIST);

  // Spacer rows are hidden from the accessibility tree: only real rows count.
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  expect(await rows.count()).toBeLessThanOrEqual(60);
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));

  await page.locator('.table-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = table.getByRole('rowheader', { name: bulk[bulk.length - 1].name });
  await expect(last).toBeInViewport();
  await expect(table.getByRole('row', { name: new RegExp(bulk[bulk.length - 1].name) })).toHaveAttribute('aria-rowindex', String(total + 1));
  expect(await rows.count()).toBeLessThanOrEqual(60);
});

test('the list stays where it was scrolled when a bucket in view is deleted', async ({ launch }) => {
  const { bulk, seed, total } = seedWith(3000);
  const { page, emulator } = await launch({ seed, signInAs: 0 });
  const table = page.getByRole('table', { name: 'Buckets' });
  await expect(page.getByText(`${thousands(total)} buckets`, { exact: true })).toBeVisible(LONG_LIST);

  const scroller = page.locator('.table-scroll');
  await scroller.evaluate((el, top) => el.scrollTo({ top }), 1500 * ROW_HEIGHT);
  // The row at the top of the view, and one a few rows further down to delete.
  const topIndex = 1500 - OWN_BUCKETS.length;
  const topRow = table.getByRole('rowheader', { name: bulk[topIndex].name });
  const doomed = bulk[topIndex + 4].name;
  await expect(topRow).toBeInViewport();
  const before = await scroller.evaluate((el) => el.scrollTop);

  await table.getByRole('row', { name: new RegExp(doomed) }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete bucket' });
  await dialog.getByLabel('Type the bucket name to confirm').fill(doomed);
  await dialog.getByRole('button', { name: 'Delete bucket' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${thousands(total - 1)} buckets`, { exact: true })).toBeVisible();
  // The list loads again from COS after the delete: the view must hold through that too.
  await expect(page.getByRole('button', { name: 'Refresh' })).not.toHaveAttribute('aria-busy', 'true');

  expect(emulator.buckets().map((b) => b.name)).not.toContain(doomed);
  await expect(table.getByRole('rowheader', { name: doomed })).toHaveCount(0);
  await expect(topRow).toBeInViewport();
  expect(Math.abs((await scroller.evaluate((el) => el.scrollTop)) - before)).toBeLessThan(ROW_HEIGHT);
});

test('choosing a region asks COS for that region only, on its regional host', async ({ launch }) => {
  const { seed } = seedWith(2500);
  const { page, emulator } = await launch({ seed, signInAs: 0 });
  const table = page.getByRole('table', { name: 'Buckets' });
  await expect(page.getByText(`${thousands(OWN_BUCKETS.length + 2500)} buckets`, { exact: true })).toBeVisible(LONG_LIST);

  await page.getByLabel('Region filter').selectOption('ap-chengdu');
  // manyBuckets puts every fourth bucket in ap-chengdu; no seeded bucket is there.
  await expect(page.getByText('625 buckets', { exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: /ap-beijing/ })).toHaveCount(0);
  const regional = emulator.requests().filter((r) => r.method === 'GET' && r.host === 'cos.ap-chengdu.myqcloud.com');
  expect(regional.length).toBeGreaterThan(0);
});
