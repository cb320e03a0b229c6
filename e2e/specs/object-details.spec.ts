/** An object's details, share link and new folders against the emulator, through the real handlers and the SDK. */
import { request } from 'node:http';
import type { Emulator, EmulatorSeed } from '../emulator';
import { SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

const PHOTOS = 'photos-1250000000';

const SEEDED: EmulatorSeed = {
  ...SEED,
  objects: [
    // The test vector of doc 7749: its ETag and CRC64 are known.
    {
      bucket: PHOTOS,
      key: '2024/a b.txt',
      body: '[Object Content]',
      contentType: 'text/plain',
      storageClass: 'STANDARD_IA',
      meta: { author: 'ana', 'camera-model': 'x100' },
    },
    { bucket: PHOTOS, key: 'readme.txt', body: 'hello' },
  ],
};

async function openFolder(page: import('@playwright/test').Page, folder: string) {
  await page.getByRole('table', { name: 'Buckets' }).getByRole('link', { name: PHOTOS, exact: true }).click();
  await page.getByRole('table', { name: 'Objects' }).getByRole('link', { name: folder }).click();
  return page.getByRole('table', { name: 'Objects' });
}

/** The value a term of the panel's facts names. */
const fact = (dialog: import('@playwright/test').Locator, term: string) =>
  dialog.getByRole('term').filter({ hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]');

test('shows an object’s details from its name, metadata included, and copies its key and cos:// path', async ({ launch }) => {
  const { page } = await launch({ seed: SEEDED, signInAs: 0 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const table = await openFolder(page, '2024/');
  await table.getByRole('button', { name: 'a b.txt' }).click();

  const dialog = page.getByRole('dialog', { name: 'Object details' });
  await expect(fact(dialog, 'Content-Type')).toHaveText('text/plain');
  await expect(fact(dialog, 'Key')).toHaveText('2024/a b.txt');
  await expect(fact(dialog, 'Size')).toHaveText('16 B (16 bytes)');
  await expect(fact(dialog, 'ETag')).toHaveText('ee8de918d05640145b18f70f4c3aa602');
  await expect(fact(dialog, 'CRC64')).toHaveText('16749565679157681890');
  await expect(fact(dialog, 'Storage class')).toHaveText('STANDARD_IA');
  await expect(fact(dialog, 'x-cos-meta-author')).toHaveText('ana');
  await expect(fact(dialog, 'x-cos-meta-camera-model')).toHaveText('x100');
  await expect(dialog.getByRole('term').filter({ hasText: 'Version ID' })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Copy key' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('2024/a b.txt');
  await dialog.getByRole('button', { name: 'Copy cos:// path' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`cos://${PHOTOS}/2024/a b.txt`);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('button', { name: 'a b.txt' })).toBeFocused();
});

test('makes a folder from the New folder dialog, checking COS’s key rules as the name is typed', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEEDED, signInAs: 0 });
  const table = await openFolder(page, '2024/');
  await page.getByRole('button', { name: 'New folder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New folder' });
  const name = dialog.getByRole('textbox', { name: 'Folder name' });
  const create = dialog.getByRole('button', { name: 'Create folder' });

  await name.fill('trip/day 1');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Not met: No slash (/)' })).toHaveCount(1);
  await expect(create).toBeDisabled();
  await name.fill('trip 100% 照片');
  await expect(dialog.getByText('2024/trip 100% 照片/', { exact: true })).toBeVisible();
  await create.click();

  await expect(dialog).toBeHidden();
  await expect(table.getByRole('link', { name: 'trip 100% 照片/' })).toBeVisible();
  expect(emulator.objectVersions(PHOTOS).filter((v) => v.key === '2024/trip 100% 照片/').map((v) => v.size)).toEqual([0]);
});

/** A plain HTTP GET of `url`, as anyone given the link would send it, delivered to the emulator. */
function plainGet(emulator: Emulator, url: string): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const [hostname, port] = emulator.address.split(':');
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port: Number(port), path: target.pathname + target.search, headers: { host: target.host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('makes a share link for the time chosen that opens the object without a key, and copies it', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEEDED, signInAs: 0 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const table = await openFolder(page, '2024/');
  await table.getByRole('button', { name: 'a b.txt' }).click();
  await page.getByRole('dialog', { name: 'Object details' }).getByRole('button', { name: 'Share link…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Share link' });
  await expect(dialog.getByRole('textbox', { name: 'Expires in' })).toHaveValue('1');
  await expect(dialog.getByRole('combobox', { name: 'Unit' })).toHaveValue('hours');
  await dialog.getByRole('textbox', { name: 'Expires in' }).fill('30');
  await dialog.getByRole('combobox', { name: 'Unit' }).selectOption('minutes');
  const before = Date.now();
  await dialog.getByRole('button', { name: 'Create link' }).click();

  const link = dialog.getByRole('textbox', { name: 'Link' });
  await expect(link).toHaveValue(/q-signature=/);
  const url = await link.inputValue();
  const end = Number(new URL(url).searchParams.get('q-sign-time')!.split(';')[1]);
  const shown = await page.evaluate((ms) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(ms), end * 1000);
  await expect(dialog.getByText(`Expires ${shown}.`)).toBeVisible();
  // Signed at some moment after the click and before now, to the second, and (as the SDK's signer does) from one
  // second before it: 30 minutes from then.
  expect(end * 1000).toBeGreaterThanOrEqual((Math.floor(before / 1000) - 1) * 1000 + 30 * 60_000);
  expect(end * 1000).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) * 1000 + 30 * 60_000);

  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  expect(await plainGet(emulator, url)).toEqual({ status: 200, body: '[Object Content]' });
  expect((await plainGet(emulator, url.replace('/2024/a%20b.txt?', '/readme.txt?'))).status).toBe(403);
});

test('warns in the Share link dialog that a signature is pointless in a public-read bucket', async ({ launch }) => {
  const seed: EmulatorSeed = { ...SEEDED, buckets: SEED.buckets!.map((b) => (b.name === PHOTOS ? { ...b, acl: 'public-read' } : b)) };
  const { page } = await launch({ seed, signInAs: 0 });
  const table = await openFolder(page, '2024/');
  await table.getByRole('button', { name: 'a b.txt' }).click();
  await page.getByRole('dialog', { name: 'Object details' }).getByRole('button', { name: 'Share link…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  await expect(dialog.getByRole('note')).toContainText('This bucket is public-read: anyone can already read its objects');
  // The link can still be made.
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Link' })).toHaveValue(/q-signature=/);
});
