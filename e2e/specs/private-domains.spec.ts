/**
 * A private deployment: the user types an address, a service domain and a bucket domain template; the list, a
 * create and a check go to those host names (the emulator serves them and checks each signature against them).
 */
import { OWNER, SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

const SERVICE_DOMAIN = 'cos.private.example';
const BUCKET_DOMAIN = '{Bucket}.cos.{Region}.private.example';

test('signs in with a service domain and a bucket domain, and every request goes to them', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, domains: { serviceDomain: SERVICE_DOMAIN, bucketDomain: BUCKET_DOMAIN } });
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByLabel('SecretId').fill(OWNER.secretId);
  await dialog.getByLabel('SecretKey').fill(OWNER.secretKey);
  await dialog.getByLabel('Default region').selectOption('ap-guangzhou');
  await dialog.getByLabel('Use HTTPS').uncheck();
  await dialog.getByText('Advanced').click();
  await dialog.getByRole('textbox', { name: 'Endpoint' }).fill(emulator.address);
  await dialog.getByRole('textbox', { name: 'Service domain' }).fill(SERVICE_DOMAIN);
  await dialog.getByRole('textbox', { name: 'Bucket domain' }).fill(BUCKET_DOMAIN);
  await dialog.getByRole('button', { name: 'Test and save' }).click();

  const table = page.getByRole('table', { name: 'Buckets' });
  await expect(table).toContainText('photos-1250000000');
  await expect(page.getByRole('banner')).toContainText('Example Studio');

  await page.getByRole('button', { name: 'Create bucket' }).click();
  const create = page.getByRole('dialog', { name: 'Create bucket' });
  await create.getByRole('textbox', { name: 'Bucket name' }).fill('on-premises');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Created bucket on-premises-1250000000.')).toBeVisible();
  await expect(table).toContainText('on-premises-1250000000');

  const hosts = new Set(emulator.requests().map((r) => r.host));
  expect([...hosts].sort()).toEqual([SERVICE_DOMAIN, 'on-premises-1250000000.cos.ap-guangzhou.private.example'].sort());
  expect(emulator.requests().filter((r) => r.status >= 400)).toEqual([]);
});

test('refuses a bucket domain without {Bucket} before sending anything', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED });
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByLabel('SecretId').fill(OWNER.secretId);
  await dialog.getByLabel('SecretKey').fill(OWNER.secretKey);
  await dialog.getByText('Advanced').click();
  await dialog.getByRole('textbox', { name: 'Bucket domain' }).fill('https://cos.{Region}.private.example');
  await dialog.getByRole('button', { name: 'Test and save' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Bucket domain' })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('Write the bucket domain as a host name containing {Bucket}');
  expect(emulator.requests()).toEqual([]);
});
