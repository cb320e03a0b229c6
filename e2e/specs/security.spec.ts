import { METHODS, channelOf } from '../../shared/contract';
import { SECRETS, SEED } from '../support/accounts';
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
  expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
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
