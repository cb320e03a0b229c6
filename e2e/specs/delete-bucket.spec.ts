import { SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test('deletes a bucket only after its name is typed, and the row disappears', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const table = page.getByRole('table', { name: 'Buckets' });
  await table.getByRole('row', { name: /backup-1250000000/ }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete bucket' });
  await expect(dialog).toContainText('backup-1250000000');
  await expect(dialog).toContainText('ap-shanghai');

  const confirm = dialog.getByRole('button', { name: 'Delete bucket' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type the bucket name to confirm').fill('backup-125000000');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type the bucket name to confirm').fill('backup-1250000000');
  await confirm.click();

  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: /backup-1250000000/ })).toHaveCount(0);
  expect(emulator.buckets().map((b) => b.name)).not.toContain('backup-1250000000');
});

test('a bucket that still holds objects is explained and left alone', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const table = page.getByRole('table', { name: 'Buckets' });
  await table.getByRole('row', { name: /logs-1250000000/ }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete bucket' });
  await dialog.getByLabel('Type the bucket name to confirm').fill('logs-1250000000');
  await dialog.getByRole('button', { name: 'Delete bucket' }).click();
  await expect(dialog.getByRole('alert')).toContainText('BucketNotEmpty');
  await expect(dialog.getByRole('alert')).toContainText(/multipart/i);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(table.getByRole('row', { name: /logs-1250000000/ })).toHaveCount(1);
  expect(emulator.buckets().map((b) => b.name)).toContain('logs-1250000000');
});
