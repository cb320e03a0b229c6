/**
 * The same journey in the real Electron app. Runs wherever an Electron binary exists; elsewhere every test
 * is skipped and the reason printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test, expect, type ElectronApplication, type Page } from '@playwright/test';
import { METHODS } from '../../shared/contract';
import { startEmulator, type Emulator } from '../emulator';
import { PROJECT_ROOT } from '../harness';
import { OWNER, SECRETS, SEED } from '../support/accounts';
import { findElectronBinary } from '../support/electron-binary';

const binary = findElectronBinary(PROJECT_ROOT);
if ('missing' in binary) console.log(`electron project skipped: ${binary.missing}`);

let emulator: Emulator;
let app: ElectronApplication;
let page: Page;
let userData: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '');
  emulator = await startEmulator({ seed: SEED });
  userData = mkdtempSync(join(tmpdir(), 'cos-desk-electron-'));
  app = await _electron.launch({
    executablePath: (binary as { path: string }).path,
    args: [PROJECT_ROOT, `--user-data-dir=${userData}`],
    env: {
      ...process.env,
      COS_DESK_DEMO: JSON.stringify({ endpoint: emulator.address, secretId: OWNER.secretId, secretKey: OWNER.secretKey }),
    },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  await emulator?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('the window runs hardened: isolated, sandboxed, no Node', async () => {
  // getLastWebPreferences is Electron API that its bundled types do not declare.
  const prefs = await app.evaluate(({ BrowserWindow }) =>
    (BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences(): object }).getLastWebPreferences(),
  );
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  const seen = await page.evaluate(() => ({
    require: typeof (window as any).require,
    apiKeys: Object.keys((window as any).cosDesk).sort(),
    origin: location.origin,
  }));
  expect(seen).toEqual({ require: 'undefined', apiKeys: [...METHODS].sort(), origin: 'app://cos-desk' });
});

test('the demo profile lists the emulator buckets, and no SecretKey is in the page', async () => {
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  const dom = await page.content();
  for (const secret of SECRETS) expect(dom).not.toContain(secret);
});

test('create, check and delete a bucket', async () => {
  await page.getByRole('button', { name: 'Create bucket' }).first().click();
  const create = page.getByRole('dialog', { name: 'Create bucket' });
  await create.getByLabel('Bucket name').fill('electron-made');
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  const row = page.getByRole('table', { name: 'Buckets' }).getByRole('row', { name: /electron-made-1250000000/ });
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: 'Check' }).click();
  const check = page.getByRole('dialog', { name: 'Check bucket' });
  await check.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(check).toContainText('Exists and you may use it');
  await page.keyboard.press('Escape');

  await row.getByRole('button', { name: 'Delete' }).click();
  const del = page.getByRole('dialog', { name: 'Delete bucket' });
  await del.getByLabel('Type the bucket name to confirm').fill('electron-made-1250000000');
  await del.getByRole('button', { name: 'Delete bucket' }).click();
  await expect(row).toHaveCount(0);
});
