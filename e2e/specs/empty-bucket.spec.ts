import COS from 'cos-nodejs-sdk-v5';
import type { Page } from '@playwright/test';
import type { Emulator, EmulatorAccount } from '../emulator';
import { OWNER, SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

const HISTORY = { name: 'history-1250000000', region: 'ap-guangzhou', versioning: 'Enabled' as const };
const LOGS = 'logs-1250000000';

/** May list and try to delete buckets, list their contents and abort uploads, but not delete objects. */
const LISTER: EmulatorAccount = {
  ...OWNER,
  secretId: 'AKIDLISTER00000000000000000000000031',
  secretKey: 'SKlisterSecretKeyDoNotLeak000000031',
  displayName: 'Example Studio lister',
  allow: ['cos:GetService', 'cos:HeadBucket', 'cos:DeleteBucket', 'cos:GetBucket', 'cos:GetBucketObjectVersions', 'cos:ListMultipartUploads', 'cos:AbortMultipartUpload'],
};

const seed = { ...SEED, accounts: [...SEED.accounts!, LISTER], buckets: [...SEED.buckets!, HISTORY] };

/** Two versions of one object, a deleted object (its version and delete marker) and an upload never completed. */
async function writeHistory(emulator: Emulator) {
  const cos = new COS({ SecretId: OWNER.secretId, SecretKey: OWNER.secretKey, Protocol: 'http:', Ip: emulator.address, AutoSwitchHost: false });
  const at = { Bucket: HISTORY.name, Region: HISTORY.region };
  await cos.putObject({ ...at, Key: 'report.pdf', Body: 'first' });
  await cos.putObject({ ...at, Key: 'report.pdf', Body: 'second' });
  await cos.putObject({ ...at, Key: 'old.txt', Body: 'x' });
  await cos.deleteObject({ ...at, Key: 'old.txt' });
  await cos.multipartInit({ ...at, Key: 'video.mp4' });
}

/** Delete → BucketNotEmpty → Empty bucket…, as a user gets there. */
async function openEmptyDialog(page: Page, bucket: string) {
  const table = page.getByRole('table', { name: 'Buckets' });
  await table.getByRole('row', { name: new RegExp(bucket) }).getByRole('button', { name: 'Delete' }).click();
  const deleteDialog = page.getByRole('dialog', { name: 'Delete bucket' });
  await deleteDialog.getByLabel('Type the bucket name to confirm').fill(bucket);
  await deleteDialog.getByRole('button', { name: 'Delete bucket' }).click();
  await expect(deleteDialog.getByRole('alert')).toContainText('BucketNotEmpty');
  await deleteDialog.getByRole('button', { name: 'Empty bucket…' }).click();
  return { table, dialog: page.getByRole('dialog', { name: 'Empty bucket' }) };
}

test('empties a versioned bucket of versions, delete markers and an unfinished upload, then deletes it', async ({ launch }) => {
  const { page, emulator } = await launch({ seed, signInAs: 0 });
  await writeHistory(emulator);
  const { table, dialog } = await openEmptyDialog(page, HISTORY.name);

  const holds = dialog.getByRole('list', { name: 'The bucket holds:' });
  await expect(holds).toContainText('1 object');
  await expect(holds).toContainText('2 noncurrent versions');
  await expect(holds).toContainText('1 delete marker');
  await expect(holds).toContainText('1 unfinished multipart upload');

  const emptyAndDelete = dialog.getByRole('button', { name: 'Empty and delete' });
  await expect(emptyAndDelete).toBeDisabled();
  await dialog.getByLabel('Type the bucket name to confirm').fill(HISTORY.name);
  // The batch delete is held until the progress has been seen.
  const gate = emulator.faults.gate({ operation: 'DeleteMultipleObjects' });
  await emptyAndDelete.click();
  await gate.arrived();
  const bar = dialog.getByRole('progressbar', { name: 'Emptying' });
  await expect(bar).toHaveAttribute('aria-valuemax', '5');
  // The upload is aborted before any version goes, so a late Complete cannot bring an object back.
  await expect(bar).toHaveAttribute('aria-valuenow', '1');
  expect(emulator.uploads(HISTORY.name)).toEqual([]);
  gate.open();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Deleted bucket ${HISTORY.name}.`)).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(HISTORY.name) })).toHaveCount(0);
  expect(emulator.buckets().map((b) => b.name)).not.toContain(HISTORY.name);
});

test('a cancelled empty stops at once and carries on when run again', async ({ launch }) => {
  const { page, emulator } = await launch({ seed, signInAs: 0 });
  emulator.setObjectCount(LOGS, 2500);
  const { dialog } = await openEmptyDialog(page, LOGS);
  await expect(dialog.getByRole('list', { name: 'The bucket holds:' })).toContainText('2,500 objects');
  await dialog.getByLabel('Type the bucket name to confirm').fill(LOGS);

  const gate = emulator.faults.gate({ operation: 'DeleteMultipleObjects' });
  await dialog.getByRole('button', { name: 'Empty bucket', exact: true }).click();
  await gate.arrived();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Cancel closed the connection of the batch in flight: COS never acted on it.
  await gate.closed();
  await expect(dialog.getByRole('status').last()).toHaveText('Stopped. What was removed stays removed; run it again to carry on.');
  expect(emulator.objectVersions(LOGS)).toHaveLength(2500);

  gate.open();
  await dialog.getByRole('button', { name: 'Carry on' }).click();
  await expect(dialog.getByRole('status').last()).toHaveText('The bucket is empty.');
  await expect(dialog.getByRole('progressbar', { name: 'Emptying' })).toHaveAttribute('aria-valuenow', '2500');
  await expect(dialog.getByRole('list', { name: 'Removed:' })).toHaveText('2,500 objects');
  expect(emulator.objectVersions(LOGS)).toEqual([]);
  expect(emulator.buckets().map((b) => b.name)).toContain(LOGS);
});

test('a key that may list but not delete is told so after the first refused batch, with the CAM action', async ({ launch }) => {
  const { page, emulator } = await launch({ seed, signInAs: LISTER });
  emulator.setObjectCount(LOGS, 2500);
  const { dialog } = await openEmptyDialog(page, LOGS);
  await expect(dialog.getByRole('list', { name: 'The bucket holds:' })).toContainText('2,500 objects');
  await dialog.getByLabel('Type the bucket name to confirm').fill(LOGS);
  await dialog.getByRole('button', { name: 'Empty and delete' }).click();

  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Emptying stopped.');
  await expect(alert).toContainText('AccessDenied');
  await expect(alert).toContainText('cos:DeleteObject');
  const batches = emulator.requests().filter((r) => r.method === 'POST');
  expect(batches).toHaveLength(1);
  expect(emulator.objectVersions(LOGS)).toHaveLength(2500);
  expect(emulator.buckets().map((b) => b.name)).toContain(LOGS);
});
