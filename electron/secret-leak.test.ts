/**
 * Forces every kind of failure with a known SecretKey and token, through the real handlers, gateway and SDK,
 * then searches everything that left the main process for them: IPC answers, log lines, console and stdio
 * output (the SDK prints there), the files written, and the request log (its pages and its file).
 */
import { join } from 'node:path';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../e2e/emulator';
import { channelOf, type Method } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { createMainProcess, type MainProcess } from './app-services';
import type { Cipher } from './secrets/cipher';
import { OWNER, SEED } from './testing/cos-fixtures';
import { createFakeCipher } from './testing/fake-cipher';
import { fakeRouteConsent } from './testing/fake-route-consent';
import { createTempStores, type TempStores } from './testing/temp-stores';

const KNOWN_KEY = 'LeakProbeSecretKey0123456789abcdef';
const KNOWN_TOKEN = 'LeakProbeSessionToken-0123456789abcdef';
const TRUSTED = { url: 'app://cos-desk/index.html', isMainFrame: true };

let emulator: Emulator;
let echo: Server;
let hang: TcpServer;
const hanging: Socket[] = [];
let stores: TempStores;
let output: string[];
let logs: string[];
let answers: Envelope<unknown>[];
let mains: MainProcess[];

function address(server: Server | TcpServer): string {
  const info = server.address();
  if (!info || typeof info === 'string') throw new Error('no port');
  return `127.0.0.1:${info.port}`;
}

beforeAll(async () => {
  emulator = await startEmulator({ seed: SEED });
  // A server that puts every request header, the session token among them, into a COS error message.
  echo = createHttpServer((req, res) => {
    const headers = JSON.stringify(req.headers).replace(/[<&]/g, '');
    res.writeHead(500, { 'content-type': 'application/xml', 'x-cos-request-id': `echo ${req.headers['x-cos-security-token']}` });
    res.end(`<?xml version="1.0"?><Error><Code>InternalError</Code><Message>${headers}</Message><RequestId>echo</RequestId></Error>`);
  });
  hang = createTcpServer((socket) => void hanging.push(socket));
  await Promise.all([
    new Promise<void>((done) => echo.listen(0, '127.0.0.1', done)),
    new Promise<void>((done) => hang.listen(0, '127.0.0.1', done)),
  ]);
});
afterAll(async () => {
  for (const socket of hanging) socket.destroy();
  await Promise.all([emulator.close(), new Promise((done) => echo.close(done)), new Promise((done) => hang.close(done))]);
});

beforeEach(() => {
  stores = createTempStores();
  output = [];
  logs = [];
  answers = [];
  mains = [];
  const capture = (...args: unknown[]) => void output.push(args.map(String).join(' '));
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) vi.spyOn(console, method).mockImplementation(capture);
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => (capture(chunk), true));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  stores.remove();
});

function start(cipher: Cipher = createFakeCipher()): MainProcess {
  const main = createMainProcess({
    settings: stores.open('settings'),
    secretSettings: stores.open('secrets'),
    cipher,
    // The user allowed every loopback server these tests sign in to.
    routeConsent: fakeRouteConsent(),
    isTrustedSender: () => true,
    timeoutMs: 400,
    log: (message, details) => void logs.push(`${message}: ${details}`),
    // The request log writes its file too, as COS_DESK_LOG=debug has it.
    requestLog: { fileLogging: true, logFolder: join(stores.dir, 'logs') },
  });
  mains.push(main);
  return main;
}

/** The request log as the panel reads it (every page), and as its export would write it. */
function requestLogText(): string {
  return mains.map((main) => JSON.stringify(main.requestLog.listRequestLog({ limit: 500 }))).join('\n');
}

async function call(main: MainProcess, method: Method, input?: unknown): Promise<Envelope<unknown>> {
  const answer = await main.registry.invoke(channelOf(method), TRUSTED, input);
  answers.push(answer);
  return answer;
}

function signIn(endpoint: string, overrides: Record<string, unknown> = {}) {
  return {
    secretId: OWNER.secretId,
    secretKey: KNOWN_KEY,
    sessionToken: KNOWN_TOKEN,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    region: 'ap-guangzhou',
    https: false,
    endpoint,
    ...overrides,
  };
}

function errorCode(answer: Envelope<unknown>): string | undefined {
  return answer.ok ? undefined : answer.error.code;
}

function expectNoSecretAnywhere() {
  // Every request was recorded, in memory and on disk: the search below covers both.
  expect(mains.some((main) => main.requestLog.entries().length > 0)).toBe(true);
  expect(stores.diskText()).toContain('"tries"');
  const everything = [JSON.stringify(answers), ...logs, ...output, stores.diskText(), requestLogText()].join('\n');
  expect(everything).not.toContain(KNOWN_KEY);
  expect(everything).not.toContain(KNOWN_TOKEN);
}

describe('the SecretKey and token reach no output', () => {
  it('when COS refuses them: wrong signature, unknown SecretId', async () => {
    const main = start();
    expect(errorCode(await call(main, 'signIn', signIn(emulator.address)))).toMatch(/SignatureDoesNotMatch|InvalidAccessKeyId/);
    expect(errorCode(await call(main, 'signIn', signIn(emulator.address, { secretId: 'AKIDUNKNOWN00000000000000000000000' })))).toBe(
      'InvalidAccessKeyId',
    );
    expect(errorCode(await call(main, 'signIn', signIn(emulator.address, { sessionToken: undefined, expiresAt: undefined })))).toBe(
      'SignatureDoesNotMatch',
    );
    expectNoSecretAnywhere();
  });

  it('when the server echoes the request headers, token included, into its error and request id', async () => {
    const main = start();
    const answer = await call(main, 'signIn', signIn(address(echo)));
    // A server not yet shown to hold the keys gets its status and a documented code through, not its words or request id.
    expect(answer).toMatchObject({ ok: false, error: { code: 'InternalError', status: 500 } });
    expect(answer).not.toHaveProperty('error.cosMessage');
    expect(answer).not.toHaveProperty('error.requestId');
    expect(JSON.stringify(answer)).not.toMatch(/authorization|q-ak|echo/i);
    // The request log shows the request id as the server sent it, the token taken out.
    expect(requestLogText()).toContain('echo [redacted]');
    expectNoSecretAnywhere();
  });

  it('when nothing listens, or nothing answers in time', async () => {
    const main = start();
    const closed = createTcpServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const nobody = address(closed);
    await new Promise((done) => closed.close(done));
    expect(errorCode(await call(main, 'signIn', signIn(nobody)))).toBe('NetworkError');
    expect(errorCode(await call(main, 'signIn', signIn(address(hang))))).toBe('Timeout');
    expectNoSecretAnywhere();
  });

  it('when something unexpected fails with the secret in its message: the log gets it redacted, the page a generic error', async () => {
    const leaky = createFakeCipher();
    leaky.encrypt = async (plain) => {
      throw new Error(`keychain refused to encrypt "${plain}"`);
    };
    const main = start(leaky);
    const answer = await call(main, 'signIn', signIn(emulator.address, { secretKey: OWNER.secretKey, sessionToken: undefined, expiresAt: undefined }));
    expect(answer).toMatchObject({ ok: false, error: { kind: 'internal', code: 'InternalError' } });
    expect(logs.join('\n')).toContain('keychain refused to encrypt');
    const everything = [JSON.stringify(answers), ...logs, ...output, stores.diskText()].join('\n');
    expect(everything).not.toContain(OWNER.secretKey);
  });

  it('in every answer of a whole session: sign in, list, check, refusals, switch, test, sign out', async () => {
    const main = start();
    const signedIn = await call(main, 'signIn', signIn(emulator.address, { secretKey: OWNER.secretKey, sessionToken: undefined, expiresAt: undefined }));
    expect(signedIn.ok).toBe(true);
    const id = signedIn.ok ? (signedIn.data as { profile: { id: string } }).profile.id : '';
    await call(main, 'listBuckets', {});
    await call(main, 'headBucket', { bucket: 'missing-1250000000', region: 'ap-guangzhou' });
    await call(main, 'deleteBucket', { bucket: 'logs-1250000000', region: 'ap-beijing' });
    await call(main, 'testProfile', { id });
    await call(main, 'switchProfile', { id });
    await call(main, 'getSession');
    await call(main, 'signOut');
    const everything = [JSON.stringify(answers), ...logs, ...output, requestLogText()].join('\n');
    expect(everything).not.toContain(OWNER.secretKey);
    expect(requestLogText()).not.toMatch(/q-signature|q-ak=|authorization/i);
    expect(stores.diskText()).not.toContain(OWNER.secretKey);
  });
});
