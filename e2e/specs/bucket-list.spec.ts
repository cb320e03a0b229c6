import { OWN_BUCKETS, SEED, manyBuckets } from '../support/accounts';
import { startEmulator } from '../emulator';
import { LONG_LIST, expect, test } from '../support/fixtures';

test('lists the account buckets with region, time and type, and filters and sorts them', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0 });
  const table = page.getByRole('table', { name: 'Buckets' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(OWN_BUCKETS.length);
  await expect(page.getByText(`${OWN_BUCKETS.length} buckets`)).toBeVisible();
  await expect(table.getByRole('row', { name: /photos-1250000000/ })).toContainText('Guangzhou');
  await expect(table).not.toContainText('private-data-1250000009');

  await page.getByLabel('Filter by name').fill('ph');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('photos-1250000000');
  await page.getByLabel('Filter by name').fill('');

  await page.getByLabel('Region filter').selectOption('ap-beijing');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('logs-1250000000');
  await page.getByLabel('Region filter').selectOption('');

  const names = () => rows.getByRole('rowheader').allInnerTexts();
  const nameHeader = table.getByRole('columnheader', { name: /Name/ });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await names();
  expect(ascending).toHaveLength(OWN_BUCKETS.length);
  expect(ascending).toEqual(OWN_BUCKETS.map((b) => b.name).sort());
  await table.getByRole('button', { name: 'Name' }).click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await names()).toEqual([...ascending].reverse());

  await table.getByRole('button', { name: 'Created' }).click();
  const byDate = [...OWN_BUCKETS].sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? '')).map((b) => b.name);
  const shown = await names();
  expect([shown, [...shown].reverse()]).toContainEqual(byDate);
});

test('loads every page of a long list, not just the first', async ({ launch }) => {
  test.slow(); // waits for thousands of rows (see LONG_LIST)
  const bulk = manyBuckets(2500);
  const { page } = await launch({ seed: { ...SEED, buckets: [...SEED.buckets!, ...bulk] }, signInAs: 0 });
  const total = OWN_BUCKETS.length + bulk.length;
  // GET Service answers at most 2,000 buckets a page: the count and the last bucket prove the second page arrived.
  await expect(page.getByText(`${total.toLocaleString('en')} buckets`)).toBeVisible(LONG_LIST);
  await page.getByLabel('Filter by name').fill(bulk[bulk.length - 1].name);
  await expect(page.getByRole('table', { name: 'Buckets' }).getByRole('rowheader')).toHaveText([bulk[bulk.length - 1].name]);
});

test('an empty account says so and offers to create a bucket', async ({ launch }) => {
  const { page } = await launch({ seed: { accounts: SEED.accounts, buckets: [] }, signInAs: 0 });
  await expect(page.getByText('No buckets yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create your first bucket' })).toBeVisible();
});

test('a failed first load says why in words, and Retry loads the list once COS answers again', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible();
  await emulator.close();
  await page.reload();
  const failure = page.getByRole('alert').filter({ hasText: /reach COS/i });
  await expect(failure).toBeVisible();
  const again = await startEmulator({ port: emulator.port, seed: SEED });
  try {
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  } finally {
    await again.close();
  }
});

test('a background refresh that fails keeps the list on screen and says so', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const table = page.getByRole('table', { name: 'Buckets' });
  await expect(table).toContainText('photos-1250000000');
  await emulator.close();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /reach COS/i })).toBeVisible();
  await expect(table).toContainText('photos-1250000000');
});
