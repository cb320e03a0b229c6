/**
 * Uploads and downloads against the emulator, through the real handlers, engine and SDK: the native pickers are
 * answered by the harness, an OS drop is played through the preload, and states are read from the Transfers panel.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startEmulator, type EmulatorSeed } from '../emulator';
import { SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';

const PHOTOS = 'photos-1250000000';
const MIB = 1024 * 1024;
const SEEDED: EmulatorSeed = {
  ...SEED,
  objects: [
    { bucket: PHOTOS, key: 'docs/readme.txt', body: 'read me' },
    { bucket: PHOTOS, key: 'docs/deep/notes.txt', body: 'notes' },
    { bucket: PHOTOS, key: 'existing.txt', body: 'old' },
  ],
};
/** Small multipart threshold and parts, so a few MiB exercise multipart. */
const SMALL_PARTS = { multipartThreshold: 2 * MIB, partSize: MIB };

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cos-desk-e2e-transfers-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** The native picker, answered as the user would. */
function picker(answers: { upload?: string[]; folder?: string }) {
  return {
    pickUpload: async () => answers.upload ?? [],
    pickDownloadFolder: async () => answers.folder,
  };
}

async function openBucket(page: Page) {
  await page.getByRole('table', { name: 'Buckets' }).getByRole('link', { name: PHOTOS, exact: true }).click();
  return page.getByRole('table', { name: 'Objects' });
}

const panel = (page: Page) => page.getByRole('region', { name: 'Transfers' });
const row = (page: Page, name: string) => panel(page).getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

async function uploadFiles(page: Page) {
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Files…' }).click();
}

test('uploads files picked in the native picker into the folder on screen, with progress and a header badge', async ({ launch }) => {
  const one = file('one.txt', 'first');
  const two = file('two.bin', randomBytes(5000));
  const { page, emulator } = await launch({ seed: SEEDED, signInAs: 0, picker: picker({ upload: [one, two] }) });
  const table = await openBucket(page);
  const gate = emulator.faults.gate({ operation: 'PutObject', nth: 1 });
  await uploadFiles(page);
  await gate.arrived();
  await expect(page.getByRole('status', { name: 'Transfers running' })).toContainText('running');
  await expect(row(page, 'one.txt').or(row(page, 'two.bin')).first()).toContainText('Running');
  gate.open();
  await expect(row(page, 'one.txt')).toContainText('Done');
  await expect(row(page, 'two.bin')).toContainText('Done');
  await expect(row(page, 'two.bin').getByRole('progressbar', { name: 'Progress of two.bin' })).toHaveAttribute('aria-valuenow', '100');
  await expect(row(page, 'two.bin')).toContainText('Upload');
  await expect(table.getByRole('button', { name: 'two.bin' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Transfers running' })).toHaveCount(0);
});

test('uploads a folder dropped from the OS, keys keeping its structure', async ({ launch }) => {
  file('album/a.jpg', 'a');
  file('album/sub/b.jpg', 'b');
  const app = await launch({ seed: SEEDED, signInAs: 0 });
  const table = await openBucket(app.page);
  await app.dropFiles('.objects-page', [join(dir, 'album')]);
  await expect(row(app.page, 'album/sub/b.jpg')).toContainText('Done');
  await expect(row(app.page, 'album/a.jpg')).toContainText('Done');
  await expect(table.getByRole('link', { name: 'album/' })).toBeVisible();
  expect(app.emulator.objectVersions(PHOTOS).map((v) => v.key)).toContain('album/sub/b.jpg');
});

test('a hijacked page cannot upload a file the user did not pick', async ({ launch }) => {
  const secret = file('secret.txt', 'not for COS');
  const app = await launch({ seed: SEEDED, signInAs: 0 });
  await openBucket(app.page);
  const answers = await app.page.evaluate(async (path) => {
    const api = (window as unknown as { cosDesk: Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>> }).cosDesk;
    // A File the page makes has no path, whatever its name; a `paths` field is not what the preload sends.
    const dropped = await api.addDroppedFiles({ files: [new File(['x'], path)], paths: [path] });
    // A handle it guesses is unknown.
    const guessed = await api.startUpload({ bucket: 'photos-1250000000', region: 'ap-guangzhou', prefix: '', sources: [crypto.randomUUID()], conflict: 'overwrite' });
    let drop = 'allowed';
    try {
      (window as unknown as { __cosDeskOsDrop(token: string, paths: string[]): unknown }).__cosDeskOsDrop('guess', [path]);
    } catch {
      drop = 'refused';
    }
    return { dropped: dropped.ok ? 'ok' : dropped.error?.code, guessed: guessed.ok ? 'ok' : guessed.error?.code, drop };
  }, secret);
  expect(answers).toEqual({ dropped: 'ValidationError', guessed: 'TransferNotFound', drop: 'refused' });
  expect(app.emulator.objectVersions(PHOTOS).map((v) => v.key)).not.toContain('secret.txt');
});

test('downloads the selection, objects and folders, into the picked folder keeping the structure', async ({ launch }) => {
  const target = join(dir, 'out');
  mkdirSync(target);
  const { page } = await launch({ seed: SEEDED, signInAs: 0, picker: picker({ folder: target }) });
  const table = await openBucket(page);
  await table.getByRole('checkbox', { name: /docs\// }).check();
  await table.getByRole('checkbox', { name: /existing\.txt/ }).check();
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(row(page, 'docs/deep/notes.txt')).toContainText('Done');
  await expect(row(page, 'docs/readme.txt')).toContainText('Done');
  await expect(row(page, 'existing.txt')).toContainText('Done');
  expect(readFileSync(join(target, 'docs', 'deep', 'notes.txt'), 'utf8')).toBe('notes');
  expect(readFileSync(join(target, 'existing.txt'), 'utf8')).toBe('old');
});

test('asks when the key exists: Keep both with Apply to all keeps the old object and adds a numbered one', async ({ launch }) => {
  const mine = file('existing.txt', 'new');
  const { page, emulator } = await launch({ seed: SEEDED, signInAs: 0, picker: picker({ upload: [mine] }) });
  await openBucket(page);
  await uploadFiles(page);
  const asking = row(page, 'existing.txt');
  await expect(asking).toContainText('An object with this key exists.');
  await asking.getByRole('checkbox', { name: 'Apply to all' }).check();
  await asking.getByRole('button', { name: 'Keep both existing.txt' }).click();
  await expect(asking).toContainText('Done');
  const keys = emulator.objectVersions(PHOTOS).map((v) => v.key);
  expect(keys).toEqual(expect.arrayContaining(['existing.txt', 'existing (1).txt']));
});

test('Skip leaves an existing file alone; Overwrite replaces it', async ({ launch }) => {
  const target = join(dir, 'dl');
  mkdirSync(target);
  writeFileSync(join(target, 'existing.txt'), 'mine');
  const { page } = await launch({ seed: SEEDED, signInAs: 0, picker: picker({ folder: target }) });
  const table = await openBucket(page);
  await table.getByRole('checkbox', { name: /existing\.txt/ }).check();
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await row(page, 'existing.txt').getByRole('button', { name: 'Skip existing.txt' }).click();
  await expect(row(page, 'existing.txt')).toContainText('Skipped');
  expect(readFileSync(join(target, 'existing.txt'), 'utf8')).toBe('mine');
  await page.getByRole('combobox', { name: 'If it exists' }).selectOption('Overwrite');
  await page.getByRole('button', { name: 'Clear finished' }).click();
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(row(page, 'existing.txt')).toContainText('Done');
  expect(readFileSync(join(target, 'existing.txt'), 'utf8')).toBe('old');
});

test('pauses and resumes a multipart upload, and cancel aborts it on COS', async ({ launch }) => {
  const big = file('big.bin', randomBytes(4 * MIB));
  const other = file('other.bin', randomBytes(4 * MIB));
  const { page, emulator } = await launch({ seed: SEEDED, signInAs: 0, picker: picker({ upload: [big, other] }), transferOptions: { ...SMALL_PARTS, concurrency: 2 } });
  await openBucket(page);
  const gate = emulator.faults.gate({ operation: 'UploadPart', times: Infinity });
  await uploadFiles(page);
  await gate.arrived(2);
  await row(page, 'big.bin').getByRole('button', { name: 'Pause big.bin' }).click();
  await expect(row(page, 'big.bin')).toContainText('Paused');
  await row(page, 'other.bin').getByRole('button', { name: 'Cancel other.bin' }).click();
  await expect(row(page, 'other.bin')).toContainText('Cancelled');
  await expect.poll(() => emulator.uploads(PHOTOS).map((u) => u.key)).toEqual(['big.bin']);
  gate.open();
  await row(page, 'big.bin').getByRole('button', { name: 'Resume big.bin' }).click();
  await expect(row(page, 'big.bin')).toContainText('Done');
  expect(emulator.uploads(PHOTOS)).toEqual([]);
  expect(emulator.objectVersions(PHOTOS).map((v) => v.key)).not.toContain('other.bin');
});

test('a queue left mid-transfer comes back paused after a restart, and Resume all finishes it from the parts COS has', async ({ launch }) => {
  const data = randomBytes(5 * MIB);
  const big = file('resume.bin', data);
  const emulator = await startEmulator({ seed: SEEDED });
  const userDataDir = mkdtempSync(join(tmpdir(), 'cos-desk-e2e-restart-'));
  const cipherKey = randomBytes(32);
  try {
    const gate = emulator.faults.gate({ operation: 'UploadPart', nth: 3 });
    const first = await launch({ emulator, signInAs: 0, userDataDir, cipherKey, picker: picker({ upload: [big] }), transferOptions: { ...SMALL_PARTS } });
    await openBucket(first.page);
    await uploadFiles(first.page);
    await gate.arrived();
    await first.close();
    gate.open();

    const second = await launch({ emulator, userDataDir, cipherKey, transferOptions: { ...SMALL_PARTS } });
    await expect(panel(second.page)).toContainText('Transfers from the last session are paused.');
    await expect(row(second.page, 'resume.bin')).toContainText('Paused');
    await panel(second.page).getByRole('button', { name: 'Resume all' }).click();
    await expect(row(second.page, 'resume.bin')).toContainText('Done');
    const stored = (await second.transfers.records())[0];
    expect(stored.state).toBe('done');
    expect(emulator.uploads(PHOTOS)).toEqual([]);
  } finally {
    await emulator.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test('a download whose bytes do not match the object’s CRC64 fails and says so, keeping no file', async ({ launch }) => {
  const target = join(dir, 'crc');
  mkdirSync(target);
  const { page, emulator } = await launch({ seed: SEEDED, signInAs: 0, picker: picker({ folder: target }) });
  const table = await openBucket(page);
  emulator.faults.add({ operation: 'GetObject', kind: 'corruptBody' });
  await table.getByRole('checkbox', { name: /existing\.txt/ }).check();
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(row(page, 'existing.txt')).toContainText('Failed: The bytes do not match');
  expect(existsSync(join(target, 'existing.txt'))).toBe(false);
  expect(existsSync(join(target, 'existing.txt.part'))).toBe(false);
  await row(page, 'existing.txt').getByRole('button', { name: 'Retry existing.txt' }).click();
  await expect(row(page, 'existing.txt')).toContainText('Done');
  expect(readFileSync(join(target, 'existing.txt'), 'utf8')).toBe('old');
});
