import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METHODS, channelOf } from '@shared/contract';
import { OWN_BUCKETS, OWNER, SECRETS, SEED, STRANGER, TEMPORARY } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test('the page sees no Node, no raw IPC, and exactly the contract API', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible();
  const seen = await page.evaluate(() => ({
    require: typeof (window as any).require,
    process: typeof (window as any).process,
    ipcRenderer: typeof (window as any).ipcRenderer,
    electron: typeof (window as any).electron,
    apiKeys: Object.keys((window as any).cosDesk).sort(),
    frozen: Object.isFrozen((window as any).cosDesk),
  }));
  expect(seen).toEqual({
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
    apiKeys: [...METHODS].sort(),
    frozen: true,
  });
});

test('the renderer runs under a strict content security policy', async ({ launch }) => {
  const { page } = await launch({ seed: SEED });
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("default-src 'self'");
  expect(meta).toContain("script-src 'self'");
  expect(meta).not.toContain('unsafe-eval');
  // An injected inline script, the usual payload of an injection, must not run.
  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((done) =>
      document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return { ran: (window as any).__injected === true, directive: await violation };
  });
  // Chromium names the directive script-src-elem or, when reporting the policy's fallback, script-src.
  expect(outcome.ran).toBe(false);
  expect(outcome.directive).toMatch(/^script-src(-elem)?$/);
});

test('no SecretKey reaches the page: not in the DOM, not in any API result', async ({ launch }) => {
  const { page, responses } = await launch({ seed: SEED, signInAs: 0 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  await page.getByRole('button', { name: 'Check bucket' }).click();
  await page.keyboard.press('Escape');
  const dom = await page.content();
  const results = JSON.stringify(responses);
  expect(responses.length).toBeGreaterThan(0);
  for (const secret of SECRETS) {
    expect(dom).not.toContain(secret);
    expect(results).not.toContain(secret);
  }
});

test('a call from a frame that is not our top frame is refused', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0 });
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible();
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.srcdoc = '<p>not ours</p>';
    document.body.append(frame);
  });
  const child = page.frames().find((f) => f !== page.mainFrame());
  expect(child).toBeDefined();
  const before = emulator.requests().length;
  const answer = await child!.evaluate(
    (channel) => (window as any).__cosDeskIpc(channel, { bucket: 'photos-1250000000', region: 'ap-guangzhou' }),
    channelOf('deleteBucket'),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'UntrustedSender' } });
  expect(emulator.requests().length).toBe(before);
  expect(emulator.buckets().map((b) => b.name)).toContain('photos-1250000000');
});

test('switching profile drops the previous account from the page; no SecretKey of either reaches it', async ({ launch }) => {
  const { page, call, responses, userDataDir, emulator } = await launch({ seed: SEED, signInAs: 0 });
  const table = page.getByRole('table', { name: 'Buckets' });
  await expect(table).toContainText('photos-1250000000');
  const added = await call('saveProfile', {
    alias: 'Other account',
    secretId: STRANGER.secretId,
    secretKey: STRANGER.secretKey,
    temporary: false,
    region: 'ap-guangzhou',
    https: false,
    endpoint: emulator.address,
  });
  expect(added.ok).toBe(true);
  // The page learns of the new profile the way it learns of any session change: by reading the session again.
  await page.reload();
  await page.getByRole('banner').getByRole('combobox', { name: 'Profile' }).selectOption({ index: 1 });
  await expect(table).toContainText('private-data-1250000009');
  for (const ownBucket of OWN_BUCKETS) await expect(page.getByText(ownBucket.name, { exact: true })).toHaveCount(0);

  await page.getByRole('banner').getByRole('button', { name: 'Profiles' }).click();
  await page.getByRole('listitem', { name: 'Other account' }).getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('listitem', { name: 'Other account' }).getByRole('status')).toContainText('Connected');

  const dom = await page.content();
  const results = JSON.stringify(responses);
  const disk = readdirSync(userDataDir).map((f) => readFileSync(join(userDataDir, f), 'utf8')).join('\n');
  for (const secret of SECRETS) {
    expect(dom).not.toContain(secret);
    expect(results).not.toContain(secret);
    expect(disk).not.toContain(secret);
  }
  for (const { secretId } of [OWNER, STRANGER]) expect(results).not.toContain(secretId);
});

test('the page loads nothing from anywhere but its own origin', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, signInAs: 0 });
  const origin = new URL(page.url()).origin;
  const requested: string[] = [];
  page.on('request', (request) => void requested.push(request.url()));
  await page.reload();
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  await page.getByRole('button', { name: 'Create bucket' }).first().click();
  await page.keyboard.press('Escape');
  expect(requested.length).toBeGreaterThan(1);
  expect(requested.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'))).toEqual([]);
});

test('no secret reaches the request log: not its panel, its pages, its export or its file', async ({ launch }) => {
  const { page, responses, userDataDir, call } = await launch({
    seed: { ...SEED, accounts: [...SEED.accounts!, TEMPORARY] },
    signInAs: TEMPORARY,
    requestLogFile: true,
  });
  const secrets = [TEMPORARY.secretKey, TEMPORARY.sessionToken!];
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  await call('headBucket', { bucket: 'private-data-1250000009', region: 'ap-guangzhou' });
  await page.getByRole('table', { name: 'Buckets' }).getByRole('link', { name: 'photos-1250000000', exact: true }).click();
  await expect(page.getByText('This bucket is empty.')).toBeVisible();

  await page.keyboard.press('Control+Shift+L');
  const log = page.getByRole('region', { name: 'Request log' });
  await expect(log.getByRole('table', { name: 'Requests' })).toContainText('photos-1250000000.cos.ap-guangzhou.myqcloud.com');
  const [download] = await Promise.all([page.waitForEvent('download'), log.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = readFileSync((await download.path())!, 'utf8');
  const file = readFileSync(join(userDataDir, 'logs', 'requests.log'), 'utf8');
  expect(JSON.parse(exported).requests.length).toBeGreaterThanOrEqual(3);
  expect(file.trimEnd().split('\n').length).toBeGreaterThanOrEqual(3);

  const panel = await log.innerHTML();
  const pages = JSON.stringify(responses);
  // The panel's pages crossed IPC like every answer: they are among the responses searched.
  expect(pages).toContain('"bytesReceived"');
  for (const text of [panel, pages, exported, file]) {
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/q-signature|q-ak=|security-token|authorization/i);
  }
});
