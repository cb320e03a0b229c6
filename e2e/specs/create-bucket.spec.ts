import type { Page } from '@playwright/test';
import { READER, SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

async function openCreate(page: Page) {
  await page.getByRole('button', { name: 'Create bucket' }).first().click();
  return page.getByRole('dialog', { name: 'Create bucket' });
}

test('creates a bucket with every field and shows it in the list', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  const dialog = await openCreate(page);

  await dialog.getByLabel('Bucket name').pressSequentially('Media-Assets');
  await expect(dialog.getByLabel('Bucket name')).toHaveValue('media-assets');
  await expect(dialog).toContainText(/changed to lowercase/i);
  await expect(dialog.getByLabel('APPID')).toHaveValue('1250000000');
  await dialog.getByLabel('Region', { exact: true }).selectOption('ap-shanghai');
  await expect(dialog).toContainText('media-assets-1250000000');

  await dialog.getByLabel(/^public-read$/).check();
  await expect(dialog.getByText(/anyone on the internet/i)).toBeVisible();
  await dialog.getByLabel('Read', { exact: true }).fill('100000000002, qcs::cam::uin/100000000001:uin/100000000011');
  await dialog.getByLabel('Write', { exact: true }).fill('100000000003');
  await dialog.getByLabel('Full control', { exact: true }).fill('id="100000000004"');
  await dialog.getByLabel(/Multi-AZ/).check();
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Buckets' }).getByRole('row', { name: /media-assets-1250000000/ })).toContainText('Shanghai');
  const created = emulator.buckets().find((b) => b.name === 'media-assets-1250000000');
  expect(created).toMatchObject({ region: 'ap-shanghai', acl: 'public-read', multiAz: true });
  expect(JSON.stringify(created?.grants)).toContain('qcs::cam::uin/100000000001:uin/100000000011');
  expect(JSON.stringify(created?.grants)).toContain('100000000004');
});

test('multi-AZ is offered only where the region has it', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0 });
  const dialog = await openCreate(page);
  await dialog.getByLabel('Region', { exact: true }).selectOption('ap-chengdu');
  await expect(dialog.getByLabel(/Multi-AZ/)).toBeDisabled();
  await dialog.getByLabel('Region', { exact: true }).selectOption('ap-guangzhou');
  await expect(dialog.getByLabel(/Multi-AZ/)).toBeEnabled();
});

test('a name taken by another account is refused in the dialog, which keeps what was typed', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const dialog = await openCreate(page);
  await dialog.getByLabel('Bucket name').fill('taken');
  await dialog.getByLabel('Region', { exact: true }).selectOption('ap-guangzhou');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('BucketAlreadyExists');
  await expect(dialog.getByRole('alert')).toContainText('409');
  await expect(dialog.getByLabel('Bucket name')).toHaveValue('taken');
  expect(emulator.buckets().filter((b) => b.name === 'taken-1250000000')).toHaveLength(1);
});

test('a bucket the user already owns is refused as such', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0 });
  const dialog = await openCreate(page);
  await dialog.getByLabel('Bucket name').fill('photos');
  await dialog.getByLabel('Region', { exact: true }).selectOption('ap-guangzhou');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('BucketAlreadyOwnedByYou');
});

test('a key without cos:PutBucket is told which permission it lacks', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: READER });
  const dialog = await openCreate(page);
  await dialog.getByLabel('Bucket name').fill('new-one');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('AccessDenied');
  await expect(dialog.getByRole('alert')).toContainText('cos:PutBucket');
});

test('the account bucket limit is explained', async ({ launch }) => {
  const { page } = await launch({ seed: { ...SEED, bucketLimit: 5 }, signInAs: 0 });
  const dialog = await openCreate(page);
  await dialog.getByLabel('Bucket name').fill('one-too-many');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('TooManyBuckets');
});

test('the server still refuses what the form cannot catch: multi-AZ outside its regions, bad names', async ({ launch }) => {
  const { call } = await launch({ seed: SEED, signInAs: 0 });
  const base = { name: 'maz-test', appId: '1250000000', region: 'ap-chengdu', acl: 'private' as const, grantRead: [], grantWrite: [], grantFullControl: [] };
  const maz = await call('createBucket', { ...base, multiAz: true });
  expect(maz.ok ? 'created' : maz.error.code).toBe('MultiAZFeatureNotSupport');
  const unknownRegion = await call('createBucket', { ...base, region: 'ap-atlantis', multiAz: false });
  expect(unknownRegion.ok ? 'created' : unknownRegion.error.code).toBe('InvalidRegionName');
  const badName = await call('createBucket', { ...base, name: 'Bad_Name', multiAz: false });
  expect(badName.ok ? 'created' : badName.error.code).toBe('ValidationError');
});
