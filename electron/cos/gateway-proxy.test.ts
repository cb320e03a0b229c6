/** Every COS request through the profile's proxy: a counting proxy on loopback between the SDK and the emulator. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { startProxy, type TestProxy } from '../../e2e/support/proxy';
import { AppErrorException } from '@shared/errors';
import { OWNER, SEED, createInput, credentialsFor } from '../testing/cos-fixtures';
import { createCosGateway } from './gateway';

let emulator: Emulator;
let proxy: TestProxy;

beforeEach(async () => {
  emulator = await startEmulator({ seed: SEED });
});
afterEach(async () => {
  await proxy?.close();
  await emulator.close();
});

const PROXY_PASSWORD = 'ProxyPasswordMustNotLeak-0001';

describe('an http: profile behind a proxy', () => {
  it('sends every operation through the proxy, which forwards it to COS with its production host', async () => {
    proxy = await startProxy();
    const gateway = createCosGateway({ ...credentialsFor(emulator, OWNER), proxy: proxy.url }, { backoffMs: 1 });
    await gateway.listBuckets();
    await gateway.createBucket(createInput({ name: 'via-proxy' }));
    await gateway.headBucket({ bucket: 'via-proxy-1250000000', region: 'ap-guangzhou' });
    await gateway.deleteBucket({ bucket: 'via-proxy-1250000000', region: 'ap-guangzhou' });

    const passed = proxy.requests();
    expect(passed.map((r) => `${r.method} ${r.host}`)).toEqual([
      'GET service.cos.myqcloud.com',
      'PUT via-proxy-1250000000.cos.ap-guangzhou.myqcloud.com',
      'HEAD via-proxy-1250000000.cos.ap-guangzhou.myqcloud.com',
      'DELETE via-proxy-1250000000.cos.ap-guangzhou.myqcloud.com',
    ]);
    expect(passed.every((r) => r.target === emulator.address && r.status === 200)).toBe(true);
    // Nothing reached COS except through the proxy.
    expect(emulator.requests()).toHaveLength(passed.length);
  });

  it('sends the proxy credentials, and reports a refusal without echoing the password', async () => {
    proxy = await startProxy({ username: 'desk user', password: PROXY_PASSWORD });
    const good = createCosGateway({ ...credentialsFor(emulator, OWNER), proxy: proxy.urlWithCredentials }, { backoffMs: 1 });
    await expect(good.listBuckets()).resolves.toMatchObject({ buckets: expect.any(Array) });

    const wrongUrl = proxy.urlWithCredentials.replace(encodeURIComponent(PROXY_PASSWORD), 'wrong-password');
    const wrong = createCosGateway({ ...credentialsFor(emulator, OWNER), proxy: wrongUrl }, { backoffMs: 1 });
    const error = await wrong.listBuckets().then(
      () => expect.unreachable('the proxy let it through'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppErrorException);
    expect((error as AppErrorException).error).toMatchObject({ kind: 'network', code: 'ProxyAuthenticationRequired', status: 407 });
    expect(JSON.stringify((error as AppErrorException).error)).not.toContain('wrong-password');
    expect(proxy.requests().map((r) => r.status)).toEqual([200, 407]);
  });

  it('ends a cancelled call while COS still holds its answer, by closing its request, call after call', async () => {
    proxy = await startProxy();
    const gateway = createCosGateway({ ...credentialsFor(emulator, OWNER), proxy: proxy.url }, { backoffMs: 1, timeoutMs: 60_000 });
    // Between calls no call through a proxy is under way, and the async context that finds their requests is off:
    // the next call must turn it on again.
    for (let round = 0; round < 2; round++) {
      const gate = emulator.faults.gate({ operation: 'HeadBucket' });
      const controller = new AbortController();
      const call = gateway.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' }, { signal: controller.signal });
      await gate.arrived();
      controller.abort();
      // Only the closed request can end the call: the answer is held until the gate is released.
      const error = await call.catch((e: unknown) => e);
      expect((error as AppErrorException).error).toMatchObject({ kind: 'cancelled', code: 'Cancelled' });
      gate.release();
      await expect(gateway.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' })).resolves.toBeDefined();
    }
  });

  it('says so when the proxy cannot be reached, and no request goes around it', async () => {
    proxy = await startProxy();
    const address = proxy.url;
    await proxy.close();
    const gateway = createCosGateway({ ...credentialsFor(emulator, OWNER), proxy: address }, { backoffMs: 1 });
    const error = await gateway.listBuckets().catch((e: unknown) => e);
    expect((error as AppErrorException).error).toMatchObject({ kind: 'network', code: 'NetworkError' });
    expect(emulator.requests()).toEqual([]);
  });
});

describe('an https: profile behind a proxy', () => {
  it('tunnels with CONNECT to the address, with the credentials', async () => {
    proxy = await startProxy({ username: 'desk', password: PROXY_PASSWORD });
    const gateway = createCosGateway(
      { ...credentialsFor(emulator, OWNER), https: true, proxy: proxy.urlWithCredentials },
      { backoffMs: 1, timeoutMs: 2000 },
    );
    // The emulator speaks plain HTTP, so TLS inside the tunnel fails: what matters is that the tunnel was asked for.
    await gateway.headBucket({ bucket: 'photos-1250000000', region: 'ap-guangzhou' }).catch(() => undefined);
    const tunnels = proxy.requests().filter((r) => r.method === 'CONNECT');
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels.every((r) => r.target === emulator.address && r.status === 200)).toBe(true);
    expect(proxy.requests().every((r) => r.method === 'CONNECT')).toBe(true);
  });
});
