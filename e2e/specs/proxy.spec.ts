/** A profile behind a proxy: set up in the sign-in form, every request goes through it, its password stays hidden. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNER, SEED } from '../support/accounts';
import { expect, test } from '../support/fixtures';
import { startProxy } from '../support/proxy';

const PROXY_PASSWORD = 'ProxyPasswordDoNotLeak-e2e-0005';

test('requests go through the proxy set in the sign-in form, with its credentials', async ({ launch }) => {
  const proxy = await startProxy({ username: 'desk', password: PROXY_PASSWORD });
  try {
    const proxyAddress = new URL(proxy.url).host;
    // The user said Yes to both addresses they typed: the proxy and the emulator behind it.
    const { page, emulator, responses, userDataDir, consentAsked } = await launch({
      seed: SEED,
      backoffMs: 1,
      consent: (request, emulatorAddress) => [proxyAddress, emulatorAddress].includes(`${request.host}:${request.port}`),
    });
    const signIn = page.getByRole('dialog', { name: 'Sign in' });
    await signIn.getByLabel('SecretId').fill(OWNER.secretId);
    await signIn.getByLabel('SecretKey').fill(OWNER.secretKey);
    await signIn.getByLabel('Use HTTPS').uncheck();
    await signIn.getByText('Advanced').click();
    await signIn.getByLabel('Endpoint').fill(emulator.address);
    await signIn.getByLabel('Proxy', { exact: true }).fill(proxy.url);
    await signIn.getByLabel('Proxy user name (optional)').fill('desk');
    await signIn.getByLabel('Proxy password (optional)').fill(PROXY_PASSWORD);
    await signIn.getByRole('button', { name: 'Test and save' }).click();
    await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
    expect(consentAsked.map((r) => `${r.kind} ${r.host}:${r.port}`)).toEqual([`proxy ${proxyAddress}`, `endpoint ${emulator.address}`]);

    await page.getByRole('button', { name: 'Create bucket' }).first().click();
    const create = page.getByRole('dialog', { name: 'Create bucket' });
    await create.getByLabel('Bucket name').fill('via-proxy');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create).toBeHidden();

    // Everything COS received came through the proxy, credentials accepted; nothing went around it.
    const passed = proxy.requests();
    expect(passed.some((r) => r.method === 'PUT' && r.host === 'via-proxy-1250000000.cos.ap-guangzhou.myqcloud.com')).toBe(true);
    expect(passed.every((r) => r.status === 200 && r.target === emulator.address)).toBe(true);
    // A refresh after the create may still be between proxy and emulator: compare once both logs agree.
    await expect.poll(() => proxy.requests().length - emulator.requests().length).toBe(0);

    expect(await page.content()).not.toContain(PROXY_PASSWORD);
    expect(JSON.stringify(responses)).not.toContain(PROXY_PASSWORD);
    const stored = readdirSync(userDataDir).map((f) => readFileSync(join(userDataDir, f), 'utf8')).join('\n');
    expect(stored).toContain(proxy.url);
    expect(stored).not.toContain(PROXY_PASSWORD);
  } finally {
    await proxy.close();
  }
});
