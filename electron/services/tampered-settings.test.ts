/**
 * What is read back from disk is not trusted more than the page: a route changed in the settings file makes the
 * profile ask for its SecretKey again instead of sending it there, and route fields that the contract would refuse
 * are refused on load too. Real gateway, emulator and `conf` files.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import type { SessionState } from '@shared/contract';
import { AppErrorException } from '@shared/errors';
import { createCosGateway } from '../cos/gateway';
import { Redactor } from '../secrets/redactor';
import { SecretStore } from '../secrets/secret-store';
import { OWNER, SEED } from '../testing/cos-fixtures';
import { createFakeCipher, type FakeCipher } from '../testing/fake-cipher';
import { createTempStores, type TempStores } from '../testing/temp-stores';
import { SessionService, type SessionServiceDeps } from './session-service';

let emulator: Emulator;
let elsewhere: Server;
let elsewhereHits = 0;
let stores: TempStores;
let cipher: FakeCipher;

beforeAll(async () => {
  emulator = await startEmulator({ seed: SEED });
  elsewhere = createServer((_req, res) => {
    elsewhereHits += 1;
    res.writeHead(500).end();
  });
  await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done));
});
afterAll(async () => {
  await emulator.close();
  await new Promise((done) => elsewhere.close(done));
});
beforeEach(() => {
  stores = createTempStores();
  cipher = createFakeCipher();
  elsewhereHits = 0;
});
afterEach(() => stores.remove());

function startService(overrides: Partial<SessionServiceDeps> = {}): SessionService {
  return new SessionService({
    settings: stores.open('settings'),
    secrets: new SecretStore(cipher, stores.open('secrets')),
    connect: (credentials) => createCosGateway(credentials),
    ...overrides,
  });
}

const elsewhereAddress = () => {
  const address = elsewhere.address();
  return `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
};

async function signedInOwner(): Promise<string> {
  const state: SessionState = await startService().signIn({
    alias: 'Owner',
    secretId: OWNER.secretId,
    secretKey: OWNER.secretKey,
    region: 'ap-guangzhou',
    https: false,
    endpoint: emulator.address,
  });
  return state.profiles[0].id;
}

/** What someone who can write the settings file does: change a field of the saved profile. */
function editSettingsFile(change: Record<string, unknown>): void {
  const settings = stores.open('settings');
  const [profile] = settings.get('profiles') as Record<string, unknown>[];
  settings.set('profiles', [{ ...profile, ...change }]);
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  return error instanceof AppErrorException ? error.error.code : undefined;
}

describe('a route changed in the settings file', () => {
  it.each([
    ['endpoint', () => ({ endpoint: elsewhereAddress() })],
    ['proxy', () => ({ proxyUrl: `http://${elsewhereAddress()}` })],
    ['service domain', () => ({ serviceDomain: elsewhereAddress() })],
  ])('(%s) makes the profile ask for its SecretKey again, and sends nothing there', async (_name, change) => {
    const id = await signedInOwner();
    editSettingsFile(change());
    const restarted = startService();
    expect(await restarted.restore()).toMatchObject({ signedIn: false, askKeysFor: id });
    expect(await codeOf(restarted.switchProfile({ id }))).toBe('KeysNeeded');
    expect(await codeOf(restarted.testProfile({ id }))).toBe('KeysNeeded');
    expect(elsewhereHits).toBe(0);
  });

  it('an edit that keeps the tampered route cannot reuse the saved SecretKey', async () => {
    const id = await signedInOwner();
    editSettingsFile({ endpoint: elsewhereAddress() });
    const restarted = startService();
    const edit = { id, alias: 'Renamed', temporary: false, region: 'ap-guangzhou', https: false, endpoint: elsewhereAddress() };
    expect(await codeOf(restarted.saveProfile(edit))).toBe('ValidationError');
    expect(elsewhereHits).toBe(0);
  });

  it('works again once the SecretKey is typed for the route', async () => {
    const id = await signedInOwner();
    editSettingsFile({ endpoint: elsewhereAddress() });
    const restarted = startService();
    const typed = { id, secretKey: OWNER.secretKey, temporary: false, region: 'ap-guangzhou', https: false, endpoint: emulator.address };
    expect(await restarted.saveProfile({ ...typed, activate: true })).toMatchObject({ signedIn: true, profile: { id, keys: 'ready' } });
    expect(await startService().restore()).toMatchObject({ signedIn: true, profile: { id } });
  });

  it('outside the route (the alias) changes nothing: the keys still go where they were saved for', async () => {
    const id = await signedInOwner();
    editSettingsFile({ alias: 'Renamed by hand' });
    expect(await startService().restore()).toMatchObject({ signedIn: true, profile: { id, alias: 'Renamed by hand', keys: 'ready' } });
  });
});

describe('route fields read back from disk', () => {
  it.each([
    ['an endpoint with a scheme and credentials', { endpoint: 'http://user:pw@evil.example' }],
    ['a proxy with credentials', { proxyUrl: 'http://user:pw@evil.example:3128' }],
    ['a bucket domain with a path', { bucketDomain: '{Bucket}.evil.example/x' }],
  ])('are checked with the contract’s schemas: %s is refused', async (_name, change) => {
    await signedInOwner();
    editSettingsFile(change);
    expect((await startService().restore()).profiles).toEqual([]);
  });
});

describe('the redactor', () => {
  it('learns a saved SecretKey that an edit reuses, in a run that never switched to the profile', async () => {
    const id = await signedInOwner();
    const redactor = new Redactor();
    const service = startService({ redactor });
    await service.saveProfile({ id, alias: 'Renamed', temporary: false, region: 'ap-beijing', https: false, endpoint: emulator.address });
    expect(redactor.redact(`key ${OWNER.secretKey}`)).toBe('key [redacted]');
  });
});
