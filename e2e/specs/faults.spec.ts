/** The app under injected faults: unanswered and failing lists, lost answers to a create and a delete, a failing server. */
import { SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test('a list with no answer can be cancelled, the app stays usable, and the list loads once COS answers', async ({ launch }) => {
  const { page, emulator, signInBehindPage } = await launch({ seed: SEED });
  await signInBehindPage();
  // COS sends no answer to the list until the test says so: the load is still on its way whenever the test looks.
  const noAnswer = emulator.faults.gate({ operation: 'GetService', times: Infinity });
  await page.reload();

  const progress = page.getByRole('status').filter({ hasText: /Loading/ });
  await expect(progress.first()).toBeVisible();
  await noAnswer.arrived();
  await page.getByRole('button', { name: 'Cancel loading' }).click();
  await expect(page.getByText('Loading stopped before any bucket arrived.')).toBeVisible();

  // Nothing waits on the unanswered request: another dialog opens and answers at once.
  await page.getByRole('button', { name: 'Check bucket' }).click();
  const check = page.getByRole('dialog', { name: 'Check bucket' });
  await check.getByLabel('Bucket').fill('photos-1250000000');
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(check).toContainText('Exists and you may use it');
  await page.keyboard.press('Escape');
  await expect(check).toBeHidden();

  noAnswer.open();
  await page.getByRole('button', { name: 'Load buckets' }).click();
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
});

test('a list that keeps failing says how often COS Desk tried, and Retry loads it once COS recovers', async ({ launch }) => {
  const { page, emulator, signInBehindPage } = await launch({ seed: SEED, backoffMs: 1 });
  await signInBehindPage();
  const before = emulator.requests().length;
  emulator.faults.add({ operation: 'GetService', kind: 'status', times: Infinity });
  await page.reload();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('SlowDown');
  await expect(alert).toContainText('COS Desk tried 4 times before giving up.');
  // The renderer does not pile its own retries on top of the main process's.
  expect(emulator.requests().slice(before).map((r) => r.code)).toEqual(['SlowDown', 'SlowDown', 'SlowDown', 'SlowDown']);

  emulator.faults.clear();
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
});

test('a create whose answer was lost ends as success, with one bucket', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0, backoffMs: 1 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  emulator.faults.add({ operation: 'PutBucket', kind: 'resetAfter' });

  await page.getByRole('button', { name: 'Create bucket' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create bucket' });
  await dialog.getByLabel('Bucket name').fill('lost-answer');
  await dialog.getByRole('button', { name: 'Create' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Bucket lost-answer-1250000000 is there and is yours/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('lost-answer-1250000000');
  expect(emulator.buckets().filter((b) => b.name === 'lost-answer-1250000000')).toHaveLength(1);
  expect(emulator.requests().filter((r) => r.method === 'PUT').map((r) => r.fault ?? r.code)).toEqual([
    'resetAfter',
    'BucketAlreadyOwnedByYou',
  ]);
});

async function deleteFromRow(page: import('@playwright/test').Page, bucket: string) {
  const table = page.getByRole('table', { name: 'Buckets' });
  await table.getByRole('row', { name: new RegExp(bucket) }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete bucket' });
  await dialog.getByLabel('Type the bucket name to confirm').fill(bucket);
  await dialog.getByRole('button', { name: 'Delete bucket' }).click();
  return dialog;
}

test('a delete whose answer was lost is confirmed by a check, never sent twice', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0, backoffMs: 1 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('backup-1250000000');
  emulator.faults.add({ operation: 'DeleteBucket', kind: 'resetAfter' });

  const dialog = await deleteFromRow(page, 'backup-1250000000');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Deleted bucket backup-1250000000\. .*checked: there is no bucket backup-1250000000 in ap-shanghai any more/)).toBeVisible();
  expect(emulator.requests().filter((r) => r.method === 'DELETE')).toHaveLength(1);
  expect(emulator.buckets().map((b) => b.name)).not.toContain('backup-1250000000');
});

test('a delete dropped before it acted says the bucket is still there, and leaves it', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0, backoffMs: 1 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('backup-1250000000');
  emulator.faults.add({ operation: 'DeleteBucket', kind: 'resetBefore' });

  const dialog = await deleteFromRow(page, 'backup-1250000000');
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The bucket was not deleted.');
  await expect(alert).toContainText('BucketStillThere');
  await expect(alert).toContainText('A check right after found the bucket still there: it was not deleted.');
  expect(emulator.requests().filter((r) => r.method === 'DELETE')).toHaveLength(1);
  expect(emulator.buckets().map((b) => b.name)).toContain('backup-1250000000');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('table', { name: 'Buckets' }).getByRole('row', { name: /backup-1250000000/ })).toHaveCount(1);
});
