/** Several profiles against the emulator: add, test, switch from the header, edit, delete, temporary keys. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { EmulatorAccount } from '../emulator';
import { OWNER, SEED, STRANGER, TEMPORARY } from '../support/accounts';
import { expect, test } from '../support/fixtures';

const WITH_TEMPORARY = { ...SEED, accounts: [...SEED.accounts!, TEMPORARY] };
const EVERY_SECRET = [...WITH_TEMPORARY.accounts.map((a) => a.secretKey), TEMPORARY.sessionToken!];

function userDataText(dir: string): string {
  return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

/** The datetime-local value `minutes` from now, in the browser's local time. */
async function localTimeIn(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);
}

async function addProfile(page: Page, alias: string, account: EmulatorAccount, endpoint: string) {
  await page.getByRole('banner').getByRole('button', { name: 'Profiles' }).click();
  await page.getByRole('dialog', { name: 'Profiles' }).getByRole('button', { name: 'Add profile' }).click();
  const form = page.getByRole('dialog', { name: 'Add profile' });
  await form.getByLabel('Profile name').fill(alias);
  await form.getByLabel('SecretId').fill(account.secretId);
  await form.getByLabel('SecretKey').fill(account.secretKey);
  await form.getByLabel('Use HTTPS').uncheck();
  await form.getByText('Advanced').click();
  await form.getByRole('textbox', { name: 'Endpoint' }).fill(endpoint);
  await form.getByRole('button', { name: 'Test and save' }).click();
  return page.getByRole('dialog', { name: 'Profiles' });
}

test('adds a second account, tests it, and switches between the two from the header', async ({ launch }) => {
  const { page, emulator, userDataDir } = await launch({ seed: SEED, signInAs: 0 });
  const table = page.getByRole('table', { name: 'Buckets' });
  await expect(table).toContainText('photos-1250000000');

  const profiles = await addProfile(page, 'Someone else', STRANGER, emulator.address);
  const row = profiles.getByRole('listitem', { name: 'Someone else' });
  await expect(row).toContainText(`${STRANGER.secretId.slice(0, 4)}…${STRANGER.secretId.slice(-4)}`);
  await expect(row).toContainText('Permanent key');
  await row.getByRole('button', { name: 'Test connection' }).click();
  await expect(row.getByRole('status')).toHaveText('Connected as Someone else: 2 buckets.');
  await page.keyboard.press('Escape');

  const switcher = page.getByRole('banner').getByRole('combobox', { name: 'Profile' });
  await switcher.selectOption({ label: `Someone else (${STRANGER.secretId.slice(0, 4)}…${STRANGER.secretId.slice(-4)})` });
  // The previous account's rows are gone at once, before the new list arrives.
  await expect(page.getByText('photos-1250000000')).toHaveCount(0);
  await expect(table).toContainText('private-data-1250000009');
  await expect(page.getByRole('banner')).toContainText('100000000009');
  await expect(page.getByText('photos-1250000000')).toHaveCount(0);

  await switcher.selectOption({ index: 0 });
  await expect(table).toContainText('photos-1250000000');
  await expect(page.getByText('private-data-1250000009')).toHaveCount(0);

  const stored = userDataText(userDataDir);
  expect(stored).toContain('Someone else');
  for (const secret of EVERY_SECRET) expect(stored).not.toContain(secret);
});

test('edits a profile without typing its SecretKey again, and deletes one after confirming', async ({ launch }) => {
  const { page, emulator, call } = await launch({ seed: SEED, signInAs: 0 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  const profiles = await addProfile(page, 'Stranger', STRANGER, emulator.address);

  await profiles.getByRole('listitem', { name: 'Stranger' }).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit profile' });
  await expect(edit.getByLabel('SecretKey')).toHaveValue('');
  await edit.getByLabel('Profile name').fill('Stranger (renamed)');
  await edit.getByRole('button', { name: 'Test and save' }).click();
  const renamed = profiles.getByRole('listitem', { name: 'Stranger (renamed)' });
  await renamed.getByRole('button', { name: 'Use' }).click();
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('private-data-1250000009');

  await page.getByRole('banner').getByRole('button', { name: 'Profiles' }).click();
  await profiles.getByRole('listitem', { name: 'Example Studio' }).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete profile' });
  await expect(confirm).toContainText('Delete the profile “Example Studio”?');
  await confirm.getByRole('button', { name: 'Delete profile' }).click();
  await expect(profiles.getByRole('listitem')).toHaveCount(1);

  const session = await call('getSession');
  expect(session.ok && session.data.profiles.map((p) => p.alias)).toEqual(['Stranger (renamed)']);
});

test('a temporary key shows its time left, and when it expires the app asks for a new one', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: WITH_TEMPORARY });
  await page.clock.install();
  await page.reload();

  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByLabel('Profile name').fill('Temporary');
  await dialog.getByLabel('SecretId').fill(TEMPORARY.secretId);
  await dialog.getByLabel('SecretKey').fill(TEMPORARY.secretKey);
  await dialog.getByRole('radio', { name: 'Temporary key (token and expiry)' }).check();
  await dialog.getByLabel('Session token').fill(TEMPORARY.sessionToken!);
  await dialog.getByLabel('Expires at').fill(await localTimeIn(page, 30));
  await dialog.getByLabel('Use HTTPS').uncheck();
  await dialog.getByText('Advanced').click();
  await dialog.getByRole('textbox', { name: 'Endpoint' }).fill(emulator.address);
  await dialog.getByRole('button', { name: 'Test and save' }).click();

  const header = page.getByRole('banner');
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  await expect(header).toContainText('temporary key');
  // The expiry field has minute precision, and a busy machine takes a while to get here: allow two minutes.
  await expect(header).toContainText(/Expires in (28|29|30) min/);

  await page.clock.fastForward('31:00');
  const renew = page.getByRole('dialog', { name: 'Enter the keys again' });
  await expect(renew).toContainText('The temporary key of “Temporary” has expired');
  await renew.getByLabel('Session token').fill(TEMPORARY.sessionToken!);
  await renew.getByLabel('Expires at').fill(await localTimeIn(page, 120));
  await renew.getByRole('button', { name: 'Test and save' }).click();
  await expect(renew).toHaveCount(0);
  await expect(header).toContainText(/Expires in (1 h 58 min|1 h 59 min|2 h 00 min)/);
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  for (const secret of EVERY_SECRET) expect(await page.content()).not.toContain(secret);
});

test('without encryption the keys are not remembered, and the app says so', async ({ launch }) => {
  const { page, userDataDir } = await launch({ seed: SEED, encryptionAvailable: false, signInAs: OWNER });
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Profiles' }).click();
  await page.getByRole('dialog', { name: 'Profiles' }).getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('dialog', { name: 'Add profile' })).toContainText('the keys will be kept for this session only');
  for (const secret of EVERY_SECRET) expect(userDataText(userDataDir)).not.toContain(secret);
});
