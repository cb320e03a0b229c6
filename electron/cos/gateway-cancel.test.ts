/**
 * Cancelling a call aborts what it has in flight: the connection to the server is closed at once, no retry
 * follows, and the caller hears Cancelled. The server here takes requests and never answers, so only the cancel
 * can end them; what it sees of each connection is what a COS server would see.
 */
import { createServer, type Server } from 'node:http';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppErrorException } from '@shared/errors';
import { OWNER, createInput } from '../testing/cos-fixtures';
import { createCosGateway, type CosGateway } from './gateway';

interface Silent {
  server: Server;
  /** Requests that arrived, by path and query. */
  arrived: string[];
  /** Resolves when the n-th request has arrived. */
  arrival(n: number): Promise<void>;
  /** Resolves when the n-th connection has been closed by the client. */
  closure(n: number): Promise<void>;
}

async function silentServer(): Promise<Silent> {
  const arrived: string[] = [];
  let closed = 0;
  const waiters: { kind: 'arrival' | 'closure'; n: number; resolve: () => void }[] = [];
  const settle = () => {
    for (const w of [...waiters]) {
      if ((w.kind === 'arrival' ? arrived.length : closed) >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const server = createServer((request) => {
    arrived.push(request.url ?? '');
    // The body is read as it comes, as COS reads it (a server that stops reading would never notice the close).
    request.resume();
    request.socket.once('close', () => {
      closed += 1;
      settle();
    });
    settle();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const wait = (kind: 'arrival' | 'closure', n: number) =>
    new Promise<void>((resolve) => {
      waiters.push({ kind, n, resolve });
      settle();
    });
  return { server, arrived, arrival: (n) => wait('arrival', n), closure: (n) => wait('closure', n) };
}

let silent: Silent;
let gateway: CosGateway;

beforeEach(async () => {
  silent = await silentServer();
  const { port } = silent.server.address() as { port: number };
  // Long tries and quick retries: only the cancel can end a call before the test's own timeout.
  gateway = createCosGateway(
    { secretId: OWNER.secretId, secretKey: OWNER.secretKey, https: false, endpoint: `127.0.0.1:${port}` },
    { timeoutMs: 60_000, backoffMs: 1 },
  );
});
afterEach(async () => {
  silent.server.closeAllConnections();
  await new Promise((done) => silent.server.close(done));
});

async function cancelled(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => expect.unreachable('the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppErrorException);
  expect((error as AppErrorException).error).toMatchObject({ kind: 'cancelled', code: 'Cancelled' });
}

describe('a cancelled call', () => {
  it.each([
    ['a page of buckets', (g: CosGateway, signal: AbortSignal) => g.listBucketsPage({}, { signal })],
    ['a bucket check', (g: CosGateway, signal: AbortSignal) => g.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' }, { signal })],
    ['a create', (g: CosGateway, signal: AbortSignal) => g.createBucket(createInput({ name: 'late' }), { signal })],
  ])('closes the connection of %s at once and is not tried again', async (_label, start) => {
    const controller = new AbortController();
    const call = start(gateway, controller.signal);
    await silent.arrival(1);
    controller.abort();
    await cancelled(call);
    await silent.closure(1);
    expect(silent.arrived).toHaveLength(1);
  });

  it.each([
    ['an object', (g: CosGateway, body: PassThrough, signal: AbortSignal) => g.putObjectStream({ bucket: 'photos-1250000000', region: 'ap-guangzhou', key: 'big.bin', body, size: 1 << 20 }, { signal })],
    [
      'a part',
      (g: CosGateway, body: PassThrough, signal: AbortSignal) =>
        g.uploadPart({ bucket: 'photos-1250000000', region: 'ap-guangzhou', key: 'big.bin', uploadId: 'u1', partNumber: 1, body, size: 1 << 20 }, { signal }),
    ],
  ])('closes the connection of %s whose bytes are still on their way', async (_label, start) => {
    const controller = new AbortController();
    // Part of the body is sent, the rest never comes: only the cancel can end the request.
    const body = new PassThrough();
    body.write(Buffer.alloc(64 * 1024, 1));
    const call = start(gateway, body, controller.signal);
    await silent.arrival(1);
    controller.abort();
    await cancelled(call);
    await silent.closure(1);
    expect(silent.arrived).toHaveLength(1);
  });

  it('sends nothing when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await cancelled(gateway.listBucketsPage({}, { signal: controller.signal }));
    expect(silent.arrived).toHaveLength(0);
  });
});
