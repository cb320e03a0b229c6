/**
 * The same journey in the real Electron app. Runs wherever an Electron binary exists; elsewhere every test
 * is skipped and the reason printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test, expect, type ElectronApplication, type Page } from '@playwright/test';
import { METHODS } from '@shared/contract';
import { startEmulator, type Emulator } from '../emulator';
import { PROJECT_ROOT } from '../harness';
import { OWNER, OWN_BUCKETS, SECRETS, SEED, STRANGER } from '../support/accounts';
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

test('the page sees no Node, no raw IPC, exactly the contract API, under the CSP', async () => {
  const seen = await page.evaluate(async () => {
    const response = await fetch(location.href);
    return {
      require: typeof (window as any).require,
      process: typeof (window as any).process,
      ipcRenderer: typeof (window as any).ipcRenderer,
      electron: typeof (window as any).electron,
      apiKeys: Object.keys((window as any).cosDesk).sort(),
      frozen: Object.isFrozen((window as any).cosDesk),
      metaCsp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      headerCsp: response.headers.get('content-security-policy') ?? '',
    };
  });
  expect(seen).toMatchObject({
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
    apiKeys: [...METHODS].sort(),
    frozen: true,
  });
  for (const csp of [seen.metaCsp, seen.headerCsp]) {
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  }
});

test('navigation away, new windows and permission requests are all refused', async () => {
  const before = page.url();
  const outcome = await page.evaluate(async () => {
    const opened = window.open('https://example.com/');
    const permission = await Notification.requestPermission();
    return { opened: opened === null, permission };
  });
  expect(outcome).toEqual({ opened: true, permission: 'denied' });
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);
});

test('switching profile drops the previous account from the page; no SecretKey reaches it', async () => {
  await page.getByRole('banner').getByRole('button', { name: 'Profiles' }).click();
  await page.getByRole('dialog', { name: 'Profiles' }).getByRole('button', { name: 'Add profile' }).click();
  const form = page.getByRole('dialog', { name: 'Add profile' });
  await form.getByLabel('Profile name').fill('Other account');
  await form.getByLabel('SecretId').fill(STRANGER.secretId);
  await form.getByLabel('SecretKey').fill(STRANGER.secretKey);
  await form.getByLabel('Use HTTPS').uncheck();
  await form.getByText('Advanced').click();
  await form.getByRole('textbox', { name: 'Endpoint' }).fill(emulator.address);
  await form.getByRole('button', { name: 'Test and save' }).click();
  const other = page.getByRole('dialog', { name: 'Profiles' }).getByRole('listitem', { name: 'Other account' });
  await other.getByRole('button', { name: 'Use' }).click();

  const table = page.getByRole('table', { name: 'Buckets' });
  await expect(table).toContainText('private-data-1250000009');
  for (const bucket of OWN_BUCKETS) await expect(page.getByText(bucket.name, { exact: true })).toHaveCount(0);
  const dom = await page.content();
  for (const secret of SECRETS) expect(dom).not.toContain(secret);
});
