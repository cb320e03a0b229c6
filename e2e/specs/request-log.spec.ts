/** The request log panel: opened from the header and by its shortcut, filtered, copied from, exported, linked to. */
import { readFileSync } from 'node:fs';
import { OWNER, SEED, TEMPORARY } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test('opens from the header and with Ctrl+Shift+L, newest first, and closes again', async ({ launch }) => {
  const { page, call } = await launch({ seed: SEED, signInAs: 0 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');

  await page.getByRole('banner').getByRole('button', { name: 'Request log' }).click();
  const log = page.getByRole('region', { name: 'Request log' });
  await expect(log).toBeVisible();
  const rows = log.getByRole('table', { name: 'Requests' }).getByRole('row');
  await expect(rows.filter({ hasText: 'GET service.cos.myqcloud.com/?max-keys=2000' }).first()).toContainText('200');

  // A request made after the panel opened appears at the top.
  await call('headBucket', { bucket: 'backup-1250000000', region: 'ap-shanghai' });
  await expect(rows.nth(1)).toContainText('HEAD backup-1250000000.cos.ap-shanghai.myqcloud.com/');

  await log.getByRole('button', { name: 'Close request log' }).click();
  await expect(log).toBeHidden();
  await page.keyboard.press('Control+Shift+L');
  await expect(log).toBeVisible();
  // Typing in a field is left alone: the shortcut does not fire there.
  await log.getByRole('searchbox', { name: 'Filter requests' }).press('Control+Shift+L');
  await expect(log).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Request log' }).focus();
  await page.keyboard.press('Control+Shift+L');
  await expect(log).toBeHidden();
});

test('filters errors only and by text; copies a request id; exports what it shows as JSON', async ({ launch }) => {
  const { page, call } = await launch({ seed: SEED, signInAs: 0 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  await call('headBucket', { bucket: 'missing-1250000000', region: 'ap-guangzhou' });
  await call('headBucket', { bucket: 'photos-1250000000', region: 'ap-guangzhou' });

  await page.getByRole('banner').getByRole('button', { name: 'Request log' }).click();
  const log = page.getByRole('region', { name: 'Request log' });
  const table = log.getByRole('table', { name: 'Requests' });
  const bodyRows = table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(bodyRows.filter({ hasText: 'missing-1250000000' })).toHaveCount(1);

  await log.getByRole('checkbox', { name: 'Errors only' }).check();
  await expect(bodyRows).toHaveCount(1);
  await expect(bodyRows.first()).toContainText('HEAD missing-1250000000.cos.ap-guangzhou.myqcloud.com/');
  await expect(bodyRows.first()).toContainText('404');
  await log.getByRole('checkbox', { name: 'Errors only' }).uncheck();

  await log.getByRole('searchbox', { name: 'Filter requests' }).fill('photos-1250000000.cos');
  await expect(bodyRows).toHaveCount(1);
  const row = bodyRows.first();
  await expect(row).toContainText('HEAD photos-1250000000.cos.ap-guangzhou.myqcloud.com/');
  const requestId = (await row.locator('.request-id__value').textContent())!;
  expect(requestId).toMatch(/\S/);
  await row.getByRole('button', { name: 'Copy request ID' }).click();
  await expect(row.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(requestId);

  const [download] = await Promise.all([page.waitForEvent('download'), log.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cos-desk-requests-.*\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { requests: { requestId?: string; method: string }[] };
  expect(exported.requests).toHaveLength(1);
  expect(exported.requests[0]).toMatchObject({ requestId, method: 'HEAD' });
});

test('an error links to its request in the log; an AccessDenied names the action, the resource and a policy', async ({ launch }) => {
  // The reader may list and check buckets, not list their objects.
  const { page } = await launch({ seed: SEED, signInAs: 1 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('table', { name: 'Buckets' }).getByRole('link', { name: 'photos-1250000000', exact: true }).click();

  const error = page.getByRole('alert').filter({ hasText: 'AccessDenied' });
  await expect(error).toBeVisible();
  const permission = error.getByRole('region', { name: 'Which permission?' });
  await expect(permission).toContainText('name/cos:GetBucket');
  await expect(permission).toContainText('qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/');
  await permission.getByText('A policy that grants just this').click();
  const policy = JSON.parse((await permission.getByLabel('A policy that grants just this').textContent())!);
  expect(policy).toEqual({
    version: '2.0',
    statement: [{ effect: 'allow', action: ['name/cos:GetBucket'], resource: ['qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/'] }],
  });
  await permission.getByRole('button', { name: 'Copy policy' }).click();
  await expect.poll(async () => JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(policy);

  const requestId = (await error.locator('.request-id__value').textContent())!;
  await error.getByRole('button', { name: 'Show in request log' }).click();
  const log = page.getByRole('region', { name: 'Request log' });
  await expect(log.getByRole('searchbox', { name: 'Filter requests' })).toHaveValue(requestId);
  const rows = log.getByRole('table', { name: 'Requests' }).getByRole('row').filter({ hasText: requestId });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('GET photos-1250000000.cos.ap-guangzhou.myqcloud.com/');
  await expect(rows.first()).toContainText('403');
  await expect(rows.first()).toContainText('AccessDenied');
  await expect(rows.first()).toHaveAttribute('aria-current', 'true');
});

for (const [who, account, temporary] of [
  ['a permanent key', OWNER, false],
  ['a temporary key', TEMPORARY, true],
] as const) {
  test(`a check answered 403 says which permission HEAD Bucket needs, with ${who}`, async ({ launch }) => {
    const { page } = await launch({ seed: { ...SEED, accounts: [...SEED.accounts!, TEMPORARY] }, signInAs: account });
    await page.getByRole('button', { name: 'Check bucket' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Check bucket' });
    await dialog.getByLabel('Bucket', { exact: true }).fill('private-data-1250000009');
    await dialog.getByLabel('Region').fill('ap-guangzhou');
    await dialog.getByRole('button', { name: 'Check', exact: true }).click();
    const permission = dialog.getByRole('region', { name: 'Which permission?' });
    await expect(permission).toContainText('name/cos:HeadBucket');
    await expect(permission).toContainText('qcs::cos:ap-guangzhou:uid/1250000009:private-data-1250000009/');
    // Only a temporary key's refusal may come from its token's own policy.
    await expect(permission.getByText('This is a temporary key')).toHaveCount(temporary ? 1 : 0);
  });
}

test('the Permissions view of a restricted key: allowed, denied and not tried, and the policy for what was done', async ({ launch }) => {
  const { page, call } = await launch({ seed: SEED, signInAs: 1 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  await call('headBucket', { bucket: 'backup-1250000000', region: 'ap-shanghai' });
  await call('deleteBucket', { bucket: 'backup-1250000000', region: 'ap-shanghai' });

  await page.getByRole('banner').getByRole('button', { name: 'Permissions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Permissions' });
  const table = dialog.getByRole('table', { name: 'CAM actions' });
  const state = (action: string) => table.getByRole('row', { name: new RegExp(`^name/cos:${action}\\b`) });
  await expect(state('GetService')).toContainText('Allowed');
  await expect(state('HeadBucket')).toContainText('Allowed');
  await expect(state('HeadBucket')).toContainText('qcs::cos:ap-shanghai:uid/1250000000:backup-1250000000/');
  await expect(state('DeleteBucket')).toContainText('Denied');
  await expect(state('PutBucket')).toContainText('Not tried');
  await expect(state('DeleteObject')).toContainText('Not tried');

  const policy = JSON.parse((await dialog.getByLabel('Least-privilege policy').textContent())!);
  expect(policy).toEqual({
    version: '2.0',
    statement: [
      { effect: 'allow', action: ['name/cos:DeleteBucket', 'name/cos:HeadBucket'], resource: ['qcs::cos:ap-shanghai:uid/1250000000:backup-1250000000/'] },
      { effect: 'allow', action: ['name/cos:GetService'], resource: ['*'] },
    ],
  });
});
