/**
 * A hostile page's first move, through the real handler registry, SDK and local servers: a new profile aimed at a
 * host of its choosing. Nothing reaches that host before the user says Yes, and what comes back is code and status.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { channelOf, type InputOf, type Method, type OutputOf } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { createMainProcess, type MainProcess } from '../app-services';
import type { RouteConsentRequest } from '../cos/route-consent';
import { OWNER, SEED } from '../testing/cos-fixtures';
import { createFakeCipher } from '../testing/fake-cipher';
import { fakeRouteConsent, type FakeRouteConsent } from '../testing/fake-route-consent';
import { createTempStores, type TempStores } from '../testing/temp-stores';

const CHOSEN_ID = `AKID${'X'.repeat(124)}`;
const SERVER_TEXT = 'port-scan-result-and-other-data-for-the-page';

let emulator: Emulator;
let fakeHost: Server;
let reached: IncomingMessage[] = [];
let stores: TempStores;

beforeAll(async () => {
  emulator = await startEmulator({ seed: SEED });
  fakeHost = createServer((req, res) => {
    reached.push(req);
    res.writeHead(403, { 'content-type': 'application/xml', 'x-cos-request-id': SERVER_TEXT });
    res.end(`<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><Message>${SERVER_TEXT}</Message><RequestId>${SERVER_TEXT}</RequestId></Error>`);
  });
  await new Promise<void>((done) => fakeHost.listen(0, '127.0.0.1', done));
});
afterAll(async () => {
  await emulator.close();
  await new Promise((done) => fakeHost.close(done));
});
beforeEach(() => {
  stores = createTempStores();
  reached = [];
});
afterEach(() => stores.remove());

const fakeHostPort = () => {
  const address = fakeHost.address();
  return typeof address === 'object' && address ? address.port : 0;
};

function start(consent: FakeRouteConsent): MainProcess {
  return createMainProcess({
    settings: stores.open('settings'),
    secretSettings: stores.open('secrets'),
    cipher: createFakeCipher(),
    routeConsent: consent,
    isTrustedSender: () => true,
    backoffMs: 1,
  });
}

async function call<M extends Method>(main: MainProcess, method: M, input?: InputOf<M>): Promise<Envelope<OutputOf<M>>> {
  return (await main.registry.invoke(channelOf(method), { url: 'app://cos-desk/index.html', isMainFrame: true }, input)) as Envelope<OutputOf<M>>;
}

const toFakeHost = () => ({
  alias: 'Looks harmless',
  secretId: CHOSEN_ID,
  secretKey: 'PageChosenKey',
  region: 'ap-guangzhou',
  https: false,
  endpoint: `127.0.0.1:${fakeHostPort()}`,
});

describe('a new profile aimed at a host that is not COS', () => {
  it.each([
    ['signIn', (main: MainProcess) => call(main, 'signIn', toFakeHost())],
    ['saveProfile', (main: MainProcess) => call(main, 'saveProfile', { ...toFakeHost(), temporary: false })],
    ['saveProfile (service domain)', (main: MainProcess) => call(main, 'saveProfile', { ...toFakeHost(), endpoint: undefined, serviceDomain: `127.0.0.1:${fakeHostPort()}`, temporary: false })],
    ['saveProfile (proxy)', (main: MainProcess) => call(main, 'saveProfile', { ...toFakeHost(), endpoint: undefined, proxyUrl: `http://127.0.0.1:${fakeHostPort()}`, temporary: false })],
  ])('via %s asks the user first, and a No sends nothing', async (_name, attempt) => {
    const consent = fakeRouteConsent(() => false);
    const answer = await attempt(start(consent));
    expect(answer).toMatchObject({ ok: false, error: { code: 'RouteRefused' } });
    expect(reached).toHaveLength(0);
    expect(consent.asked).toEqual([expect.objectContaining({ profileAlias: 'Looks harmless', host: '127.0.0.1', port: fakeHostPort() })]);
  });

  it('tells an open port from a closed one only after a Yes', async () => {
    const consent = fakeRouteConsent(() => false);
    const main = start(consent);
    const closed = await call(main, 'signIn', { ...toFakeHost(), endpoint: '127.0.0.1:9' });
    const open = await call(main, 'signIn', toFakeHost());
    expect([closed, open].map((a) => !a.ok && a.error.code)).toEqual(['RouteRefused', 'RouteRefused']);
  });

  it('after a Yes, passes the code and status back, not the server’s text or request id', async () => {
    const main = start(fakeRouteConsent(() => true));
    const answer = await call(main, 'signIn', toFakeHost());
    expect(reached).toHaveLength(1);
    expect(answer).toMatchObject({ ok: false, error: { code: 'SignatureDoesNotMatch', status: 403 } });
    expect(JSON.stringify(answer)).not.toContain(SERVER_TEXT);
  });
});

describe('a route the user allowed', () => {
  const emulatorProfile = () => ({ alias: 'Emulator', secretId: OWNER.secretId, secretKey: OWNER.secretKey, region: 'ap-guangzhou', https: false, endpoint: emulator.address });

  it('is asked about once: later calls, a restart and a switch back do not ask again', async () => {
    const consent = fakeRouteConsent(() => true);
    const main = start(consent);
    expect(await call(main, 'signIn', emulatorProfile())).toMatchObject({ ok: true });
    expect(await call(main, 'listBucketsPage', {})).toMatchObject({ ok: true });
    expect(consent.asked).toEqual([{ profileAlias: 'Emulator', host: '127.0.0.1', port: Number(emulator.address.split(':')[1]), kind: 'endpoint' }]);

    const restartedConsent = fakeRouteConsent(() => false);
    const restarted = start(restartedConsent);
    await restarted.session.restore();
    expect(await call(restarted, 'listBucketsPage', {})).toMatchObject({ ok: true });
    expect(restartedConsent.asked).toEqual([]);
  });

  it('does not extend to a new address: moving the profile there asks again', async () => {
    const asked: RouteConsentRequest[] = [];
    const consent = fakeRouteConsent((request) => (asked.push(request), request.port !== fakeHostPort()));
    const main = start(consent);
    const signedIn = await call(main, 'signIn', emulatorProfile());
    const id = signedIn.ok && signedIn.data.signedIn ? signedIn.data.profile.id : expect.unreachable('not signed in');
    const moved = await call(main, 'saveProfile', { id, secretKey: OWNER.secretKey, temporary: false, region: 'ap-guangzhou', https: false, endpoint: `127.0.0.1:${fakeHostPort()}` });
    expect(moved).toMatchObject({ ok: false, error: { code: 'RouteRefused' } });
    expect(reached).toHaveLength(0);
    expect(asked.map((r) => r.port)).toEqual([Number(emulator.address.split(':')[1]), fakeHostPort()]);
  });
});

describe('COS’s own hosts', () => {
  it('are never asked about', async () => {
    const consent = fakeRouteConsent(() => false);
    const main = start(consent);
    // No network here: the call fails, but it fails reaching COS, not at the consent gate.
    const answer = await call(main, 'signIn', { secretId: OWNER.secretId, secretKey: OWNER.secretKey, region: 'ap-guangzhou', https: true, bucketDomain: '{Bucket}.cos.{Region}.myqcloud.com' });
    expect(answer.ok || answer.error.code).not.toBe('RouteRefused');
    expect(consent.asked).toEqual([]);
  });
});
