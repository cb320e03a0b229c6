/** A sub-account without cos:GetService: it signs in, is told what it lacks, and works with buckets added by name. */
import type { EmulatorAccount } from '../emulator';
import { OWNER, SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

const LIMITED: EmulatorAccount = {
  secretId: 'AKIDLIMITED00000000000000000000000004',
  secretKey: 'SKlimitedSecretKeyDoNotLeak00000004',
  ownerUin: OWNER.ownerUin,
  appId: OWNER.appId,
  allow: ['cos:HeadBucket', 'cos:DeleteBucket'],
};

test('a key that may not list buckets signs in, adds a bucket by name, then checks and deletes it', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: { ...SEED, accounts: [...SEED.accounts!, LIMITED] }, backoffMs: 1 });

  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await signIn.getByLabel('SecretId').fill(LIMITED.secretId);
  await signIn.getByLabel('SecretKey').fill(LIMITED.secretKey);
  await signIn.getByLabel('Use HTTPS').uncheck();
  await signIn.getByText('Advanced').click();
  await signIn.getByLabel('Endpoint').fill(emulator.address);
  await signIn.getByRole('button', { name: 'Test and save' }).click();
  await expect(signIn).toBeHidden();

  // The list says which permission is missing, and what can be done instead.
  const denied = page.getByRole('alert');
  await expect(denied).toContainText('This key may not list buckets.');
  await expect(denied).toContainText('cos:GetService');
  await page.getByRole('button', { name: 'Add bucket by name' }).last().click();
  const add = page.getByRole('dialog', { name: 'Add bucket by name' });
  await add.getByLabel('Bucket').fill('backup-1250000000');
  await add.getByLabel('Region').fill('ap-shanghai');
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(add).toBeHidden();

  const row = page.getByRole('table', { name: 'Buckets' }).getByRole('row', { name: /backup-1250000000/ });
  await expect(row).toContainText('added by hand');
  await expect(row).toContainText('ap-shanghai');

  await row.getByRole('button', { name: 'Check' }).click();
  const check = page.getByRole('dialog', { name: 'Check bucket' });
  await expect(check.getByLabel('Bucket')).toHaveValue('backup-1250000000');
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(check).toContainText('Exists and you may use it');
  await page.keyboard.press('Escape');

  await row.getByRole('button', { name: 'Delete' }).click();
  const del = page.getByRole('dialog', { name: 'Delete bucket' });
  await del.getByLabel('Type the bucket name to confirm').fill('backup-1250000000');
  await del.getByRole('button', { name: 'Delete bucket' }).click();
  await expect(del).toBeHidden();
  await expect(page.getByRole('table', { name: 'Buckets' })).toHaveCount(0);
  expect(emulator.buckets().map((b) => b.name)).not.toContain('backup-1250000000');
});

test('“Test connection” passes for such a key and says listing is not permitted, with no bucket count', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: { ...SEED, accounts: [...SEED.accounts!, LIMITED] }, signInAs: LIMITED });
  await expect(page.getByRole('alert')).toContainText('cos:GetService');
  await page.getByRole('banner').getByRole('button', { name: 'Profiles' }).click();
  const profile = page.getByRole('dialog', { name: 'Profiles' }).getByRole('listitem').first();
  await profile.getByRole('button', { name: 'Test connection' }).click();
  await expect(profile.getByRole('status')).toContainText('the key works, but it may not list buckets (cos:GetService is not permitted)');
  await expect(profile.getByRole('status')).not.toContainText(/\d+ buckets?/);
  await expect(profile.getByRole('alert')).toHaveCount(0);
  expect(emulator.requests().filter((r) => r.method === 'GET').at(-1)).toMatchObject({ status: 403, code: 'AccessDenied' });
});
