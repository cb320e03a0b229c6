/** Bucket settings against the emulator, through the real handlers and the SDK: each section read, changed, refused. */
import type { Locator, Page } from '@playwright/test';
import type { EmulatorAccount, EmulatorSeed } from '../emulator';
import { OWNER, SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

const PHOTOS = 'photos-1250000000';

/** May list, check and read the ACL and tags, but neither read versioning nor change anything. */
const AUDITOR: EmulatorAccount = {
  ...OWNER,
  secretId: 'AKIDAUDITOR0000000000000000000000007',
  secretKey: 'SKauditorSecretKeyDoNotLeak00000007',
  displayName: 'Auditor',
  allow: ['cos:GetService', 'cos:HeadBucket', 'cos:GetBucketACL', 'cos:GetBucketTagging', 'cos:GetBucket'],
};

async function openSettings(page: Page, bucket = PHOTOS): Promise<Locator> {
  const row = page.getByRole('table', { name: 'Buckets' }).getByRole('row').filter({ has: page.getByRole('link', { name: bucket, exact: true }) });
  await row.getByRole('button', { name: 'Settings…' }).click();
  return page.getByRole('dialog', { name: 'Bucket settings' });
}

const section = (dialog: Locator, name: string) => dialog.getByRole('region', { name, exact: true });
/** The value a term of a section's facts names. */
const fact = (where: Locator, term: string) => where.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');

test('shows the overview and changes the ACL in one PUT after an old → new review, then reads it back', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const dialog = await openSettings(page);

  const overview = section(dialog, 'Overview');
  await expect(fact(overview, 'Multi-AZ')).toHaveText('yes');
  await expect(fact(overview, 'Region')).toContainText('ap-guangzhou');
  await expect(fact(overview, 'Default domain')).toHaveText(`${PHOTOS}.cos.ap-guangzhou.myqcloud.com`);
  await expect(fact(overview, 'Owner')).toContainText('qcs::cam::uin/100000000001:uin/100000000001');

  const access = section(dialog, 'Access (ACL)');
  await expect(fact(access, 'Canned ACL')).toHaveText('private');
  await expect(access.getByText('No grants to other accounts.')).toBeVisible();
  await access.getByRole('button', { name: 'Change access…' }).click();
  await access.getByRole('radio', { name: 'public-read', exact: true }).check();
  await expect(access.getByRole('alert').filter({ hasText: 'anyone on the internet' })).toBeVisible();
  const read = access.getByRole('textbox', { name: 'Read grants' });
  await read.fill('12x');
  await expect(access.getByRole('button', { name: 'Review change…' })).toBeDisabled();
  await read.fill('100000000011, qcs::cam::uin/100000000001:uin/100000000012');
  await access.getByRole('button', { name: 'Review change…' }).click();

  const review = access.getByRole('table', { name: 'Change to send' });
  await expect(review.getByRole('row', { name: /Canned ACL/ })).toContainText('privatepublic-read');
  await expect(review.getByRole('row', { name: /Read grants/ })).toContainText('(none)100000000011, qcs::cam::uin/100000000001:uin/100000000012');
  expect(emulator.buckets().find((b) => b.name === PHOTOS)?.acl).toBe('private');
  await access.getByRole('button', { name: 'Apply' }).click();

  await expect(access.getByRole('status').filter({ hasText: 'Changed, and read back from COS.' })).toBeVisible();
  await expect(fact(access, 'Canned ACL')).toHaveText('public-read');
  const grants = access.getByRole('table', { name: 'Grants' });
  await expect(grants.getByRole('row')).toHaveCount(3);
  await expect(grants.getByRole('row', { name: /qcs::cam::uin\/100000000011:uin\/100000000011/ })).toContainText('Read');
  expect(emulator.buckets().find((b) => b.name === PHOTOS)).toMatchObject({
    acl: 'public-read',
    grants: { READ: ['100000000011', 'qcs::cam::uin/100000000001:uin/100000000012'] },
  });
});

test('enables versioning with what it means, and then offers only to suspend it', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const dialog = await openSettings(page);
  const versioning = section(dialog, 'Versioning');
  await expect(fact(versioning, 'Status')).toHaveText('Never enabled');
  await versioning.getByRole('button', { name: 'Enable versioning…' }).click();
  await expect(versioning.getByRole('table', { name: 'Change to send' }).getByRole('row', { name: /Status/ })).toContainText('Never enabledEnabled');
  await expect(versioning.getByText(/emptying the bucket must remove them too/)).toBeVisible();
  await versioning.getByRole('button', { name: 'Apply' }).click();
  await expect(fact(versioning, 'Status')).toHaveText('Enabled');
  expect(emulator.buckets().find((b) => b.name === PHOTOS)?.versioning).toBe('Enabled');
  await expect(versioning.getByRole('button', { name: 'Suspend versioning…' })).toBeVisible();
  await expect(versioning.getByRole('button', { name: /Enable/ })).toHaveCount(0);
});

test('shows no tags as none yet, checks a tag as it is typed, and writes the list after review', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const dialog = await openSettings(page);
  const tags = section(dialog, 'Tags');
  await expect(tags.getByText('None yet.')).toBeVisible();
  await tags.getByRole('button', { name: 'Edit tags…' }).click();
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await tags.getByRole('textbox', { name: 'Key of tag 1' }).fill('qcs:owner');
  await expect(tags.getByText('Keys starting with qcs: or project are reserved by Tencent Cloud.')).toBeVisible();
  await expect(tags.getByRole('button', { name: 'Review change…' })).toBeDisabled();
  await tags.getByRole('textbox', { name: 'Key of tag 1' }).fill('team');
  await tags.getByRole('textbox', { name: 'Value of tag 1' }).fill('photo desk');
  await tags.getByRole('button', { name: 'Review change…' }).click();
  await expect(tags.getByRole('table', { name: 'Change to send' }).getByRole('row', { name: /team/ })).toContainText('(added)photo desk');
  await tags.getByRole('button', { name: 'Apply' }).click();
  await expect(tags.getByRole('table', { name: 'Tags' }).getByRole('row', { name: /team/ })).toContainText('photo desk');
  expect(emulator.buckets().find((b) => b.name === PHOTOS)?.tags).toBe('team=photo%20desk');
});

test('a refused read leaves the other sections shown, and a refused write names the CAM action', async ({ launch }) => {
  const seed: EmulatorSeed = { ...SEED, accounts: [...SEED.accounts!, AUDITOR] };
  const { page, emulator } = await launch({ seed, signInAs: AUDITOR });
  const dialog = await openSettings(page);

  const versioning = section(dialog, 'Versioning');
  await expect(versioning.getByRole('alert')).toContainText('Could not read Versioning.');
  await expect(versioning.getByRole('alert')).toContainText('Your key lacks permission cos:GetBucketVersioning.');
  await expect(fact(section(dialog, 'Access (ACL)'), 'Canned ACL')).toHaveText('private');

  const tags = section(dialog, 'Tags');
  await tags.getByRole('button', { name: 'Edit tags…' }).click();
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await tags.getByRole('textbox', { name: 'Key of tag 1' }).fill('team');
  await tags.getByRole('button', { name: 'Review change…' }).click();
  await tags.getByRole('button', { name: 'Apply' }).click();
  const refusal = tags.getByRole('alert');
  await expect(refusal).toContainText('COS refused the change. Nothing was changed.');
  await expect(refusal).toContainText('Your key lacks permission cos:PutBucketTagging.');
  expect(emulator.buckets().find((b) => b.name === PHOTOS)?.tags).toBeUndefined();
});

test('opens from inside the bucket too', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0 });
  await page.getByRole('table', { name: 'Buckets' }).getByRole('link', { name: PHOTOS, exact: true }).click();
  await page.getByRole('button', { name: 'Bucket settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bucket settings' });
  await expect(fact(section(dialog, 'Access (ACL)'), 'Canned ACL')).toHaveText('private');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Bucket settings…' })).toBeFocused();
});

test('writes a policy from a template with its shape checked as typed, and deletes it after review', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const dialog = await openSettings(page);
  const policy = section(dialog, 'Policy');
  await expect(policy.getByText('None yet.')).toBeVisible();
  await policy.getByRole('button', { name: 'Write a policy…' }).click();
  await policy.getByRole('button', { name: 'Template: read-only for one sub-account' }).click();
  const editor = policy.getByRole('textbox', { name: 'Policy (JSON)' });
  await expect(editor).toHaveValue(/qcs::cam::uin\/100000000001:uin\/<sub-account-uin>/);
  await expect(policy.getByText(/Statement 1: "Principal" must be/)).toBeVisible();
  await expect(policy.getByRole('button', { name: 'Review change…' })).toBeDisabled();
  await editor.fill((await editor.inputValue()).replace('<sub-account-uin>', '100000000011'));
  await policy.getByRole('button', { name: 'Review change…' }).click();
  await expect(policy.getByRole('table', { name: 'Change to send' })).toContainText('(none)');
  await policy.getByRole('button', { name: 'Apply' }).click();
  await expect(policy.getByText('"qcs::cam::uin/100000000001:uin/100000000011"')).toBeVisible();
  expect(JSON.parse(emulator.buckets().find((b) => b.name === PHOTOS)!.policy!).Statement[0].Action).toContain('name/cos:GetBucket');

  await policy.getByRole('button', { name: 'Delete policy…' }).click();
  await expect(policy.getByText(/The whole policy is deleted/)).toBeVisible();
  await policy.getByRole('button', { name: 'Apply' }).click();
  await expect(policy.getByText('None yet.')).toBeVisible();
  expect(emulator.buckets().find((b) => b.name === PHOTOS)!.policy).toBeUndefined();
});

test('adds a CORS rule with each field checked, shows it as a table, and deletes all rules', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const dialog = await openSettings(page);
  const cors = section(dialog, 'CORS');
  await expect(cors.getByText('None yet.')).toBeVisible();
  await cors.getByRole('button', { name: 'Edit rules…' }).click();
  await cors.getByRole('button', { name: 'Add rule' }).click();
  const origins = cors.getByRole('textbox', { name: 'Origins of rule 1' });
  await origins.fill('example.com');
  await expect(cors.getByText(/Origins are \* or scheme:\/\/host\[:port\]/)).toBeVisible();
  await expect(cors.getByRole('button', { name: 'Review change…' })).toBeDisabled();
  await origins.fill('https://*.example.com');
  await cors.getByRole('group', { name: 'Methods of rule 1' }).getByRole('checkbox', { name: 'PUT' }).check();
  await cors.getByRole('textbox', { name: 'Expose headers of rule 1' }).fill('*');
  await expect(cors.getByText(/\* is not allowed here/)).toBeVisible();
  await cors.getByRole('textbox', { name: 'Expose headers of rule 1' }).fill('ETag');
  await cors.getByRole('textbox', { name: 'Max age in seconds of rule 1' }).fill('600');
  await cors.getByRole('button', { name: 'Review change…' }).click();
  await expect(cors.getByRole('table', { name: 'Change to send' }).getByRole('row', { name: /Rule 1/ })).toContainText(
    'GET, PUT from https://*.example.com; Expose headers: ETag; Max age (s): 600',
  );
  await cors.getByRole('button', { name: 'Apply' }).click();
  const table = cors.getByRole('table', { name: 'CORS' });
  await expect(table.getByRole('row').nth(1)).toContainText('https://*.example.com');
  expect(emulator.buckets().find((b) => b.name === PHOTOS)?.cors).toEqual([
    { origins: ['https://*.example.com'], methods: ['GET', 'PUT'], headers: [], expose: ['ETag'], maxAge: '600' },
  ]);

  await cors.getByRole('button', { name: 'Delete all rules…' }).click();
  await cors.getByRole('button', { name: 'Apply' }).click();
  await expect(cors.getByText('None yet.')).toBeVisible();
  expect(emulator.buckets().find((b) => b.name === PHOTOS)?.cors).toBeUndefined();
});

test('adds lifecycle rules from templates, edits a prefix and days, disables one, and shows them in words', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const dialog = await openSettings(page);
  const lifecycle = section(dialog, 'Lifecycle');
  await expect(lifecycle.getByText('None yet.')).toBeVisible();
  await lifecycle.getByRole('button', { name: 'Edit rules…' }).click();
  await lifecycle.getByRole('button', { name: 'Add: expire logs/ after 30 days' }).click();
  await lifecycle.getByRole('button', { name: 'Add: abort unfinished uploads after 7 days' }).click();
  await lifecycle.getByRole('textbox', { name: 'Prefix of rule 1' }).fill('logs/app/');
  const days = lifecycle.getByRole('textbox', { name: 'Days before objects expire (rule 1)' });
  await days.fill('0');
  await expect(lifecycle.getByText(/Days are whole numbers from 1/)).toBeVisible();
  await expect(lifecycle.getByRole('button', { name: 'Review change…' })).toBeDisabled();
  await days.fill('90');
  await lifecycle.getByRole('checkbox', { name: 'Rule 2 enabled' }).uncheck();
  await lifecycle.getByRole('button', { name: 'Review change…' }).click();
  const review = lifecycle.getByRole('table', { name: 'Change to send' });
  await expect(review.getByRole('row', { name: /expire-logs/ })).toContainText('Objects under logs/app/ expire 90 days after upload.');
  await expect(review.getByRole('row', { name: /abort-unfinished-uploads/ })).toContainText(
    'Unfinished multipart uploads of all objects are aborted after 7 days. (disabled)',
  );
  await lifecycle.getByRole('button', { name: 'Apply' }).click();
  const rules = lifecycle.getByRole('list', { name: 'Lifecycle rules' });
  await expect(rules.getByRole('listitem')).toHaveCount(2);
  await expect(rules.getByRole('listitem').first()).toContainText('expire-logs: Objects under logs/app/ expire 90 days after upload.');
  expect(emulator.buckets().find((b) => b.name === PHOTOS)?.lifecycle).toContain('<Prefix>logs/app/</Prefix>');

  await lifecycle.getByRole('button', { name: 'Edit rules…' }).click();
  await lifecycle.getByRole('button', { name: 'Delete rule 1' }).click();
  await lifecycle.getByRole('button', { name: 'Delete rule 1' }).click();
  await lifecycle.getByRole('button', { name: 'Review change…' }).click();
  await expect(lifecycle.getByText('Every lifecycle rule is deleted (DELETE Bucket lifecycle).')).toBeVisible();
  await lifecycle.getByRole('button', { name: 'Apply' }).click();
  await expect(lifecycle.getByText('None yet.')).toBeVisible();
  expect(emulator.buckets().find((b) => b.name === PHOTOS)?.lifecycle).toBeUndefined();
});
