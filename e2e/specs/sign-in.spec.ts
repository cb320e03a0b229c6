import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { OWNER, SEED, SECRETS } from '../support/accounts';
import { expect, test } from '../support/fixtures';

async function fillSignIn(page: Page, secretId: string, secretKey: string, endpoint: string) {
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByLabel('SecretId').fill(secretId);
  await dialog.getByLabel('SecretKey').fill(secretKey);
  await dialog.getByLabel('Default region').selectOption('ap-guangzhou');
  await dialog.getByLabel('Use HTTPS').uncheck();
  await dialog.getByText('Advanced').click();
  await dialog.getByLabel('Endpoint').fill(endpoint);
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  return dialog;
}

function userDataText(dir: string): string {
  return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

test('wrong keys are refused with the COS reason and nothing is saved', async ({ launch }) => {
  const { page, emulator, userDataDir } = await launch({ seed: SEED });
  const dialog = await fillSignIn(page, OWNER.secretId, 'SKwrongSecretKey000000000000000000', emulator.address);
  await expect(dialog.getByRole('alert')).toContainText('SignatureDoesNotMatch');
  await expect(dialog.getByRole('alert')).toContainText(/SecretKey/i);
  await expect(dialog.getByLabel('SecretId')).toHaveValue(OWNER.secretId);
  expect(userDataText(userDataDir)).not.toContain(OWNER.secretId);
});

test('an unknown SecretId is named as such', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED });
  const dialog = await fillSignIn(page, 'AKIDUNKNOWN0000000000000000000000000', OWNER.secretKey, emulator.address);
  await expect(dialog.getByRole('alert')).toContainText('InvalidAccessKeyId');
});

test('good keys sign in, show the account, list buckets, and sign out again', async ({ launch }) => {
  const { page, emulator, userDataDir } = await launch({ seed: SEED });
  await fillSignIn(page, OWNER.secretId, OWNER.secretKey, emulator.address);
  const header = page.getByRole('banner');
  await expect(header).toContainText('Example Studio');
  await expect(header).toContainText('100000000001');
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');

  const stored = userDataText(userDataDir);
  expect(stored).toContain('ap-guangzhou');
  for (const secret of SECRETS) expect(stored).not.toContain(secret);

  // Signing out keeps the saved profile: it is offered again, and nothing of the account stays on screen.
  await header.getByRole('button', { name: 'Sign out' }).click();
  const profiles = page.getByRole('dialog', { name: 'Profiles' });
  await expect(profiles.getByRole('listitem', { name: 'Example Studio' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Buckets' })).toHaveCount(0);
  await expect(page.getByText('photos-1250000000')).toHaveCount(0);

  await profiles.getByRole('listitem', { name: 'Example Studio' }).getByRole('button', { name: 'Use' }).click();
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
});
