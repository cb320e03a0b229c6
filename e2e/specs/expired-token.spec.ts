/** A temporary key that expires while a dialog is open: new keys are asked for, and nothing typed is lost. */
import { SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local field holds it. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

test('an expired token mid-session asks for a new key over the open create dialog, which keeps its fields', async ({ launch }) => {
  const { page, emulator, signInBehindPage } = await launch({ seed: SEED, backoffMs: 1 });
  const first = emulator.issueTemporaryKey();
  await signInBehindPage(first);
  await page.reload();
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');

  await page.getByRole('button', { name: 'Create bucket' }).first().click();
  const create = page.getByRole('dialog', { name: 'Create bucket' });
  await create.getByLabel('Bucket name').fill('after-renewal');
  await create.getByLabel('public-read', { exact: true }).check();

  emulator.expireToken(first.secretId);
  await create.getByRole('button', { name: 'Create' }).click();

  // Asked for a new key, over the create dialog (which the new dialog hides from the accessibility tree meanwhile).
  const renew = page.getByRole('dialog', { name: 'Enter the keys again' });
  await expect(renew).toBeVisible();
  await expect(page.locator('[role="dialog"]').filter({ hasText: 'ExpiredToken' })).toHaveCount(1);
  const second = emulator.issueTemporaryKey();
  await renew.getByLabel('SecretId').fill(second.secretId);
  await renew.getByLabel('SecretKey').fill(second.secretKey);
  await renew.getByLabel('Session token').fill(second.sessionToken!);
  await renew.getByLabel('Expires at').fill(localInput(new Date(Date.now() + 3_600_000)));
  await renew.getByRole('button', { name: 'Test and save' }).click();
  await expect(renew).toBeHidden();

  // The create dialog is still there, as the user left it; trying again works with the new key.
  await expect(create).toBeVisible();
  await expect(create.getByLabel('Bucket name')).toHaveValue('after-renewal');
  await expect(create.getByLabel('public-read', { exact: true })).toBeChecked();
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('after-renewal-1250000000');
  expect(emulator.buckets().find((b) => b.name === 'after-renewal-1250000000')).toMatchObject({ acl: 'public-read' });
});
