/**
 * A profile's proxy, through the real handlers: every request of the profile passes the proxy, the password is
 * kept like the SecretKey (encrypted, never in settings, never sent back), and an edit keeps it unless retyped.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { startProxy, type TestProxy } from '../../e2e/support/proxy';
import { channelOf, type InputOf, type Method, type OutputOf } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { createMainProcess, type MainProcess } from '../app-services';
import { OWNER, SEED } from '../testing/cos-fixtures';
import { createFakeCipher } from '../testing/fake-cipher';
import { fakeRouteConsent } from '../testing/fake-route-consent';
import { createTempStores, type TempStores } from '../testing/temp-stores';

const PROXY_PASSWORD = 'ProxyPasswordMustNotLeak-0002';

let emulator: Emulator;
let proxy: TestProxy;
let stores: TempStores;
let main: MainProcess;
const answers: unknown[] = [];

beforeEach(async () => {
  emulator = await startEmulator({ seed: SEED });
  proxy = await startProxy({ username: 'desk', password: PROXY_PASSWORD });
  stores = createTempStores();
  main = createMainProcess({
    settings: stores.open('settings'),
    secretSettings: stores.open('secrets'),
    cipher: createFakeCipher(),
    // The user allowed the emulator and the proxy.
    routeConsent: fakeRouteConsent(),
    isTrustedSender: () => true,
    backoffMs: 1,
  });
});
afterEach(async () => {
  await proxy.close();
  await emulator.close();
  stores.remove();
});

async function call<M extends Method>(method: M, input?: InputOf<M>): Promise<Envelope<OutputOf<M>>> {
  const envelope = await main.registry.invoke(channelOf(method), { url: 'app://cos-desk/index.html', isMainFrame: true }, input);
  answers.push(envelope);
  return envelope as Envelope<OutputOf<M>>;
}

function signInBehindProxy() {
  return call('signIn', {
    secretId: OWNER.secretId,
    secretKey: OWNER.secretKey,
    region: 'ap-guangzhou',
    https: false,
    endpoint: emulator.address,
    proxyUrl: proxy.url,
    proxyUsername: 'desk',
    proxyPassword: PROXY_PASSWORD,
  });
}

describe('a profile with a proxy', () => {
  it('signs in and works through the proxy alone', async () => {
    const session = await signInBehindProxy();
    expect(session).toMatchObject({ ok: true, data: { signedIn: true, profile: { proxyUrl: proxy.url, proxyUsername: 'desk' } } });
    await call('listBucketsPage', {});
    await call('headBucket', { bucket: 'photos-1250000000', region: 'ap-guangzhou' });
    expect(proxy.requests().map((r) => r.method)).toEqual(['GET', 'GET', 'HEAD']);
    expect(proxy.requests().every((r) => r.status === 200)).toBe(true);
    expect(emulator.requests()).toHaveLength(3);
  });

  it('keeps the password out of the settings, the renderer and the disk in plain text', async () => {
    await signInBehindProxy();
    expect(JSON.stringify(stores.read('settings'))).toContain(proxy.url);
    expect(stores.diskText()).not.toContain(PROXY_PASSWORD);
    expect(JSON.stringify(answers)).not.toContain(PROXY_PASSWORD);
  });

  it('keeps the saved password through an edit, and drops it when the user name changes', async () => {
    const session = await signInBehindProxy();
    const id = session.ok && session.data.signedIn ? session.data.profile.id : expect.unreachable('not signed in');
    const edit = { id, secretId: OWNER.secretId, temporary: false, region: 'ap-beijing', https: false, endpoint: emulator.address };
    expect(await call('saveProfile', { ...edit, proxyUrl: proxy.url, proxyUsername: 'desk' })).toMatchObject({ ok: true });
    expect(await call('listBucketsPage', {})).toMatchObject({ ok: true });
    // Another user name: the old password is not theirs, so the proxy refuses, and nothing is saved.
    expect(await call('saveProfile', { ...edit, proxyUrl: proxy.url, proxyUsername: 'someone' })).toMatchObject({
      ok: false,
      error: { code: 'ProxyAuthenticationRequired' },
    });
    expect(await call('listBucketsPage', {})).toMatchObject({ ok: true });
  });

  it('over plain HTTP, needs the SecretKey typed again to remove the proxy, and sends nothing until then', async () => {
    const session = await signInBehindProxy();
    const id = session.ok && session.data.signedIn ? session.data.profile.id : expect.unreachable('not signed in');
    const direct = { id, secretId: OWNER.secretId, temporary: false, region: 'ap-guangzhou', https: false, endpoint: emulator.address };
    const seen = { proxy: proxy.requests().length, emulator: emulator.requests().length };
    // Without the proxy the saved token and signatures would cross the network as they are: a route change.
    expect(await call('saveProfile', direct)).toMatchObject({ ok: false, error: { code: 'ValidationError', issues: [{ path: 'secretKey' }] } });
    expect({ proxy: proxy.requests().length, emulator: emulator.requests().length }).toEqual(seen);
    expect(await call('getSession')).toMatchObject({ ok: true, data: { profile: { proxyUrl: proxy.url } } });
  });

  it('goes straight to COS once the proxy is removed with the SecretKey typed', async () => {
    const session = await signInBehindProxy();
    const id = session.ok && session.data.signedIn ? session.data.profile.id : expect.unreachable('not signed in');
    const removed = { id, secretId: OWNER.secretId, secretKey: OWNER.secretKey, temporary: false, region: 'ap-guangzhou', https: false, endpoint: emulator.address };
    expect(await call('saveProfile', removed)).toMatchObject({ ok: true });
    const before = proxy.requests().length;
    expect(await call('listBucketsPage', {})).toMatchObject({ ok: true });
    expect(proxy.requests()).toHaveLength(before);
  });
});
