import { SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test('checks any bucket by name and region: yours, someone else’s, and a missing one', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0 });
  await page.getByRole('button', { name: 'Check bucket' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check bucket' });

  const check = async (bucket: string, region: string) => {
    await dialog.getByLabel('Bucket', { exact: true }).fill(bucket);
    await dialog.getByLabel('Region', { exact: true }).fill(region);
    await dialog.getByRole('button', { name: 'Check', exact: true }).click();
  };

  await check('photos-1250000000', 'ap-guangzhou');
  await expect(dialog).toContainText('Exists and you may use it');
  await expect(dialog).toContainText(/Multi-AZ:\s*yes/i);
  await expect(dialog).toContainText(/Exists:\s*true/i);
  await expect(dialog).toContainText(/Request ID/i);

  await check('private-data-1250000009', 'ap-guangzhou');
  await expect(dialog).toContainText('no permission');
  await expect(dialog).toContainText('403');
  await expect(dialog).toContainText(/Exists:\s*true/i);

  await check('nothing-here-1250000000', 'ap-guangzhou');
  await expect(dialog).toContainText('Does not exist');
  await expect(dialog).toContainText(/Exists:\s*false/i);
});

test('a row opens the check prefilled with its bucket', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0 });
  const row = page.getByRole('table', { name: 'Buckets' }).getByRole('row', { name: /logs-1250000000/ });
  await row.getByRole('button', { name: 'Check' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check bucket' });
  await expect(dialog.getByLabel('Bucket', { exact: true })).toHaveValue('logs-1250000000');
  await expect(dialog.getByLabel('Region', { exact: true })).toHaveValue('ap-beijing');
});
