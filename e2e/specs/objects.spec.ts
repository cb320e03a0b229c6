/** The object view against the emulator, through the real handlers and the SDK: folders, places, big folders. */
import type { EmulatorAccount, EmulatorSeed } from '../emulator';
import { OWNER, SEED } from '../support/accounts';
import { LONG_LIST, expect, test } from '../support/fixtures';

const PHOTOS = 'photos-1250000000';
const ROW_HEIGHT = 36;
const BULK = 5200;
/** Keys that only survive the trip URL-encoded: a space, %, +, Unicode, a run of slashes. */
const AWKWARD = ['2024/a b.jpg', '2024/100%.png', '2024/c++.txt', '2024/照片.jpg', '2024/x//y.txt'];
const DEEP = Array.from({ length: 200 }, (_, i) => `deep/f${String(i).padStart(3, '0')}/x.txt`);

/** May list buckets, and read the listing of team-a/ in one bucket only. */
const TEAM_A: EmulatorAccount = {
  secretId: 'AKIDTEAMA0000000000000000000000000011',
  secretKey: 'SKteamASecretKeyDoNotLeak00000000011',
  ownerUin: OWNER.ownerUin,
  appId: OWNER.appId,
  allow: ['cos:GetService', { actions: ['cos:GetBucket'], resources: ['team-a/*'], buckets: [PHOTOS] }],
};

/** May do nothing but read the listing of team-a/ in one bucket: no bucket list, no HEAD, not the bucket's root. */
const TEAM_A_ONLY: EmulatorAccount = {
  ...TEAM_A,
  secretId: 'AKIDTEAMAONLY00000000000000000000000012',
  secretKey: 'SKteamAOnlySecretKeyDoNotLeak000000012',
  allow: [{ actions: ['cos:GetBucket'], resources: ['team-a/*'], buckets: [PHOTOS] }],
};

const SEEDED: EmulatorSeed = {
  ...SEED,
  accounts: [...SEED.accounts!, TEAM_A, TEAM_A_ONLY],
  objects: [
    { bucket: PHOTOS, key: 'readme.txt', body: 'hello' },
    { bucket: PHOTOS, key: 'team-a/', size: 0 },
    { bucket: PHOTOS, key: 'team-a/plan.txt', size: 2048 },
    { bucket: PHOTOS, key: 'zoo/animals.txt', size: 1 },
    ...AWKWARD.map((key) => ({ bucket: PHOTOS, key, size: 3 })),
    ...DEEP.map((key) => ({ bucket: PHOTOS, key, size: 1 })),
    { bucket: PHOTOS, prefix: 'bulk/item-', count: BULK, size: 1 },
  ],
};

const thousands = (n: number) => n.toLocaleString('en');

async function openPhotos(page: import('@playwright/test').Page) {
  await page.getByRole('table', { name: 'Buckets' }).getByRole('link', { name: PHOTOS, exact: true }).click();
  return page.getByRole('table', { name: 'Objects' });
}

async function goTo(page: import('@playwright/test').Page, location: string) {
  const box = page.getByRole('textbox', { name: 'Location' });
  await box.fill(location);
  await box.press('Enter');
}

const pathBar = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Path' });

test('opens a bucket from its name: folders first, then objects, and moves by folder, Up and the path bar', async ({ launch }) => {
  const { page } = await launch({ seed: SEEDED, signInAs: 0 });
  const table = await openPhotos(page);

  const names = table.getByRole('rowheader');
  await expect(names).toHaveText(['▸ 2024/', '▸ bulk/', '▸ deep/', '▸ team-a/', '▸ zoo/', 'readme.txt']);
  await expect(page.getByText('5 folders and 1 object', { exact: true })).toBeVisible();
  const readme = table.getByRole('row', { name: /readme\.txt/ });
  await expect(readme.getByText('5 B')).toHaveAttribute('title', '5 bytes');
  await expect(readme).toContainText('STANDARD');
  await expect(readme.getByRole('checkbox', { name: 'Select readme.txt' })).not.toBeChecked();
  await expect(pathBar(page).getByRole('link')).toHaveText([PHOTOS]);
  await expect(page.getByRole('button', { name: 'Up', exact: true })).toBeDisabled();

  // From the keyboard: the folder's link, then Enter; focus lands on the path bar's link of the folder opened.
  await table.getByRole('link', { name: 'team-a/' }).press('Enter');
  // The folder's own zero-byte marker is not listed in it.
  await expect(names).toHaveText(['plan.txt']);
  await expect(pathBar(page).getByRole('link', { name: 'team-a' })).toBeFocused();
  await expect(table.getByRole('row', { name: /plan\.txt/ }).getByText('2 KB')).toHaveAttribute('title', '2,048 bytes');
  await expect(pathBar(page).getByRole('link')).toHaveText([PHOTOS, 'team-a']);

  await page.getByRole('button', { name: 'Up', exact: true }).click();
  await expect(names.first()).toHaveText('▸ 2024/');
  await table.getByRole('link', { name: '2024/' }).click();
  await table.getByRole('link', { name: 'x/' }).click();
  await expect(pathBar(page).getByRole('link')).toHaveText([PHOTOS, '2024', 'x']);
  await pathBar(page).getByRole('link', { name: PHOTOS }).click();
  await expect(pathBar(page).getByRole('link')).toHaveText([PHOTOS]);
  await expect(names).toHaveCount(6);

  await page.getByRole('button', { name: 'All buckets' }).click();
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible();
});

test('goes straight to a cos:// location, the region taken from the bucket list, and to a bucket URL', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEEDED, signInAs: 0 });
  await page.getByRole('table', { name: 'Buckets' }).getByRole('link', { name: 'logs-1250000000' }).click();
  const table = page.getByRole('table', { name: 'Objects' });
  await expect(table.getByRole('rowheader').first()).toHaveText('object-000001');

  await goTo(page, `cos://${PHOTOS}/team-a`);
  await expect(pathBar(page).getByRole('link')).toHaveText([PHOTOS, 'team-a']);
  await expect(table.getByRole('rowheader')).toHaveText(['plan.txt']);
  await expect(page.getByRole('textbox', { name: 'Location' })).toHaveValue(`cos://${PHOTOS}/team-a/`);
  expect(emulator.requests().some((r) => r.host === `${PHOTOS}.cos.ap-guangzhou.myqcloud.com`)).toBe(true);

  await goTo(page, `https://${PHOTOS}.cos.ap-guangzhou.myqcloud.com/2024/x//y.txt`);
  await expect(pathBar(page).getByRole('link')).toHaveText([PHOTOS, '2024', 'x', '(empty name)']);
  await expect(table.getByRole('rowheader')).toHaveText(['y.txt']);

  await goTo(page, 'cos://photos/');
  await expect(page.getByRole('alert')).toContainText('full name with its APPID');
  await expect(table.getByRole('rowheader')).toHaveText(['y.txt']);
});

test('a key that may read only team-a/ is refused the root, with the action and the folder named, and opens team-a/', async ({ launch }) => {
  const { page } = await launch({ seed: SEEDED, signInAs: TEAM_A });
  await page.getByRole('table', { name: 'Buckets' }).getByRole('link', { name: PHOTOS, exact: true }).click();

  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText(`Could not list the root of ${PHOTOS}.`);
  await expect(refusal).toContainText('cos:GetBucket');
  await expect(refusal).toContainText('AccessDenied');

  await goTo(page, 'team-a/');
  await expect(page.getByRole('table', { name: 'Objects' }).getByRole('rowheader')).toHaveText(['plan.txt']);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Up leads back to the root, which stays refused, now naming where it was asked.
  await page.getByRole('button', { name: 'Up', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(`Could not list the root of ${PHOTOS}.`);
  await goTo(page, `cos://${PHOTOS}/zoo/`);
  await expect(page.getByRole('alert')).toContainText(`Could not list the folder zoo/ in ${PHOTOS}.`);
  await expect(page.getByRole('alert')).toContainText('cos:GetBucket');
});

test('a key that may list neither buckets nor the bucket opens its one folder from Location on the bucket list', async ({ launch }) => {
  const { page } = await launch({ seed: SEEDED, signInAs: TEAM_A_ONLY });
  await expect(page.getByText('cos:GetService').first()).toBeVisible();
  const box = page.getByRole('textbox', { name: 'Location' });

  // A path alone names no bucket here: the box says what to add.
  await box.fill('team-a/');
  await box.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Name the bucket too' })).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');

  await box.fill(`cos://${PHOTOS}/team-a`);
  await box.press('Enter');
  await expect(page.getByRole('table', { name: 'Objects' }).getByRole('rowheader')).toHaveText(['plan.txt']);
  await expect(pathBar(page).getByRole('link')).toHaveText([PHOTOS, 'team-a']);

  // Back on the list, a bucket URL carries its own region.
  await page.getByRole('button', { name: 'All buckets' }).click();
  await goTo(page, `https://${PHOTOS}.cos.ap-guangzhou.myqcloud.com/team-a/plan.txt`);
  await expect(page.getByRole('table', { name: 'Objects' }).getByRole('rowheader')).toHaveText(['plan.txt']);
});

test('keys that need URL encoding are listed and opened as they are', async ({ launch }) => {
  const { page } = await launch({ seed: SEEDED, signInAs: 0 });
  const table = await openPhotos(page);
  await table.getByRole('link', { name: '2024/' }).click();

  await expect(table.getByRole('rowheader')).toHaveText(['▸ x/', '100%.png', 'a b.jpg', 'c++.txt', '照片.jpg']);
  await expect(table.getByRole('checkbox', { name: 'Select 100%.png' })).toBeVisible();
  await table.getByRole('link', { name: 'x/' }).click();
  await table.getByRole('link', { name: '(empty name)/' }).click();
  await expect(table.getByRole('rowheader')).toHaveText(['y.txt']);
  await expect(table.getByRole('rowheader')).toHaveAttribute('title', '2024/x//y.txt');
  await expect(page.getByRole('textbox', { name: 'Location' })).toHaveValue(`cos://${PHOTOS}/2024/x//`);

  await goTo(page, `https://${PHOTOS}.cos.ap-guangzhou.myqcloud.com/2024/%E7%85%A7%E7%89%87.jpg`);
  await expect(table.getByRole('rowheader')).toHaveCount(5);
  await page.getByRole('searchbox', { name: 'Filter by name' }).fill('照');
  await expect(table.getByRole('rowheader')).toHaveText(['照片.jpg']);
  await page.getByRole('searchbox', { name: 'Filter by name' }).fill('+');
  await expect(table.getByRole('rowheader')).toHaveText(['c++.txt']);
});

test(`a folder of ${thousands(BULK)} objects streams with progress, Cancel and Load the rest, and keeps few rows in the page`, async ({ launch }) => {
  test.slow(); // waits for thousands of rows (see LONG_LIST)
  const { page, emulator } = await launch({ seed: SEEDED, signInAs: 0 });
  const table = await openPhotos(page);
  await expect(table.getByRole('rowheader').first()).toHaveText('▸ 2024/');
  // The third page of the folder never comes: the first two stay on screen while the load waits for it.
  emulator.faults.add({ operation: 'GetBucket', kind: 'hang', nth: 3, bucket: PHOTOS });
  const firstPage = emulator.faults.gate({ operation: 'GetBucket', bucket: PHOTOS });
  await table.getByRole('link', { name: 'bulk/' }).click();

  // While the first page is held, the folder's table stands with its column headers and no row yet.
  await firstPage.arrived();
  await expect(page.getByRole('link', { name: 'bulk', exact: true })).toHaveAttribute('aria-current', 'location');
  await expect(table.getByRole('columnheader', { name: /^Name/ })).toBeVisible();
  await expect(table.getByRole('rowheader')).toHaveCount(0);
  firstPage.open();

  const progress = page.getByRole('status').filter({ hasText: /Loaded|stopped/ });
  await expect(progress).toHaveText('Loaded 2,000 objects…');
  await expect(table.getByRole('rowheader').first()).toHaveText('item-000001');
  await expect(table).toHaveAttribute('aria-rowcount', '2001');

  await page.getByRole('button', { name: 'Cancel loading' }).click();
  await expect(progress).toHaveText('Loading stopped: showing the first 2,000 objects.');
  await expect(page.getByText('2,000 objects', { exact: true })).toBeVisible();

  emulator.faults.clear();
  await page.getByRole('button', { name: 'Load the rest' }).click();
  await expect(page.getByText(`${thousands(BULK)} objects`, { exact: true })).toBeVisible(LONG_LIST);
  await expect(progress).toHaveCount(0);
  await expect(table).toHaveAttribute('aria-rowcount', String(BULK + 1));

  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  expect(await rows.count()).toBeLessThanOrEqual(60);
  await page.locator('.table-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table.getByRole('rowheader', { name: `item-00${BULK}` })).toBeInViewport();
  expect(await rows.count()).toBeLessThanOrEqual(60);
});

test('rows reused while scrolling keep focus and checks on their own objects', async ({ launch }) => {
  test.slow(); // waits for thousands of rows (see LONG_LIST)
  const { page } = await launch({ seed: SEEDED, signInAs: 0 });
  const table = await openPhotos(page);
  await table.getByRole('link', { name: 'bulk/' }).click();
  await expect(page.getByText(`${thousands(BULK)} objects`, { exact: true })).toBeVisible(LONG_LIST);
  const scroller = page.locator('.table-scroll');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

  const third = table.getByRole('checkbox', { name: 'Select item-000003' });
  await third.check();
  await expect(third).toBeFocused();
  // A few rows down the row is still in the page: focus stays on it, and on nothing else.
  await scroller.evaluate((el, top) => el.scrollTo({ top }), 2 * ROW_HEIGHT);
  await expect(table.getByRole('rowheader', { name: 'item-000005' })).toBeInViewport();
  expect(await focused()).toBe('Select item-000003');

  // Further down and back up, with the rows drawn changing each time, focus stays on that row's checkbox and
  // never leaves it even for a moment (a screen reader would announce it again).
  const tenth = table.getByRole('checkbox', { name: 'Select item-000010' });
  await tenth.focus();
  await table.evaluate((el) => {
    const left: string[] = [];
    (window as unknown as { focusLeft: string[] }).focusLeft = left;
    el.addEventListener('focusout', (event) => left.push((event.target as Element).getAttribute('aria-label') ?? '?'));
  });
  for (const rowsDown of [8, 3, 0, 9]) {
    await scroller.evaluate((el, top) => el.scrollTo({ top }), rowsDown * ROW_HEIGHT);
    await expect(table.getByRole('rowheader', { name: `item-${String(rowsDown + 1).padStart(6, '0')}` })).toBeInViewport();
    expect(await focused()).toBe('Select item-000010');
  }
  expect(await page.evaluate(() => (window as unknown as { focusLeft: string[] }).focusLeft)).toEqual([]);

  // Far down its elements show other objects: focus leaves rather than landing on one of them, and no other
  // object looks checked.
  await scroller.evaluate((el, top) => el.scrollTo({ top }), 3000 * ROW_HEIGHT);
  await expect(table.getByRole('rowheader', { name: 'item-003001' })).toBeInViewport();
  expect(await focused()).toBeNull();
  await expect(table.getByRole('checkbox', { checked: true })).toHaveCount(0);

  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(third).toBeChecked();
  await expect(table.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(page.getByText('1 selected', { exact: true })).toBeVisible();
});

test('scroll position and selection survive a refresh that brings new keys, and a return from a sub-folder', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEEDED, signInAs: 0 });
  const table = await openPhotos(page);
  await table.getByRole('link', { name: 'deep/' }).click();
  await expect(page.getByText('200 folders', { exact: true })).toBeVisible();

  const scroller = page.locator('.table-scroll');
  await scroller.evaluate((el, top) => el.scrollTo({ top }), 150 * ROW_HEIGHT);
  const chosen = table.getByRole('checkbox', { name: 'Select f152/' });
  await chosen.check();
  await expect(page.getByText('1 selected', { exact: true })).toBeVisible();
  const before = await scroller.evaluate((el) => el.scrollTop);

  await table.getByRole('link', { name: 'f152/' }).click();
  await expect(table.getByRole('rowheader')).toHaveText(['x.txt']);
  await page.getByRole('button', { name: 'Up', exact: true }).click();
  await expect(chosen).toBeInViewport();
  await expect(chosen).toBeChecked();
  expect(Math.abs((await scroller.evaluate((el) => el.scrollTop)) - before)).toBeLessThan(ROW_HEIGHT);

  // Fifty folders appear above the view; Refresh brings them, and the rows in view stay put.
  emulator.addObjects(Array.from({ length: 50 }, (_, i) => ({ bucket: PHOTOS, key: `deep/a${String(i).padStart(2, '0')}/x.txt`, size: 1 })));
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('250 folders', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refresh' })).not.toHaveAttribute('aria-busy', 'true');
  await expect(chosen).toBeInViewport();
  await expect(chosen).toBeChecked();
  expect(Math.abs((await scroller.evaluate((el) => el.scrollTop)) - (before + 50 * ROW_HEIGHT))).toBeLessThan(ROW_HEIGHT);
});

test('deletes the selected objects and a selected folder, and nothing else, from the object view', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEEDED, signInAs: 0 });
  const table = await openPhotos(page);
  await table.getByRole('link', { name: '2024/' }).click();
  const names = table.getByRole('rowheader');
  await expect(names).toContainText(['a b.jpg']);

  // Nothing chosen, nothing to delete.
  await expect(page.getByRole('button', { name: 'Delete…' })).toBeDisabled();
  await table.getByRole('checkbox', { name: 'Select a b.jpg' }).check();
  await table.getByRole('checkbox', { name: 'Select c++.txt' }).check();
  await table.getByRole('checkbox', { name: 'Select x/' }).check();
  await page.getByRole('button', { name: 'Delete…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Delete objects' });
  await expect(dialog.getByText('3 objects in all')).toBeVisible();
  // A folder is among them: the user types the count before anything goes.
  const submit = dialog.getByRole('button', { name: 'Delete objects' });
  await expect(submit).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Type the number of objects to confirm' }).fill('3');
  await submit.click();
  await expect(dialog.getByText('Deleted 3 objects.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();

  await expect(names).toHaveText(['100%.png', '照片.jpg']);
  const left = emulator.objectVersions(PHOTOS).map((v) => v.key);
  for (const gone of ['2024/a b.jpg', '2024/c++.txt', '2024/x//y.txt']) expect(left).not.toContain(gone);
  for (const kept of ['2024/100%.png', '2024/照片.jpg', 'readme.txt', 'team-a/plan.txt']) expect(left).toContain(kept);
});
