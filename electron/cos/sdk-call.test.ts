import type COS from 'cos-nodejs-sdk-v5';
import { describe, expect, it, vi } from 'vitest';
import { SdkClientPool, type OutgoingRequest, type SdkSettings } from './sdk-call';

const settings: SdkSettings = { secretId: 'AKIDexample', secretKey: 'secret-example', protocol: 'http:', endpoint: '127.0.0.1:9', timeoutMs: 1000 };

type Signed = { Authorization: string };
/** What the SDK does before each try: ask the client's getAuthorization to sign it. */
function signWith(cos: COS): Promise<Signed> {
  const { getAuthorization } = (cos as unknown as { options: { getAuthorization: (o: object, cb: (s: Signed) => void) => void } }).options;
  return new Promise((resolve) => getAuthorization({ Method: 'GET', Pathname: '/', Headers: {} }, resolve));
}

const hooks = (name: string) => ({
  getAuthorization: vi.fn((_options: object, callback: (s: Signed) => void) => callback({ Authorization: name })),
  beforeSend: vi.fn((_request: OutgoingRequest) => undefined),
});

describe('SdkClientPool', () => {
  it('lends a client that ended with its answer to the next call, whose hooks then sign and see its tries', async () => {
    const pool = new SdkClientPool(settings);
    const first = hooks('first');
    const client = pool.take(first, 0);
    expect(await signWith(client.cos)).toEqual({ Authorization: 'first' });
    pool.give(client, true);

    const second = hooks('second');
    const again = pool.take(second, 1234);
    expect(again.cos).toBe(client.cos);
    expect(await signWith(again.cos)).toEqual({ Authorization: 'second' });
    again.cos.emit('before-send', { method: 'GET' });
    expect(second.beforeSend).toHaveBeenCalledTimes(1);
    expect(first.beforeSend).not.toHaveBeenCalled();
    // The shared clock correction reaches the client it is lent with.
    expect((again.cos as unknown as { options: { SystemClockOffset: number } }).options.SystemClockOffset).toBe(1234);
  });

  it('never lends again a client whose call failed or was stopped: the SDK may still be retrying it', () => {
    const pool = new SdkClientPool(settings);
    const client = pool.take(hooks('failed'), 0);
    pool.give(client, false);
    expect(pool.take(hooks('next'), 0).cos).not.toBe(client.cos);
  });

  it('has a client lent to no call sign nothing, so a late retry of an earlier call goes nowhere', async () => {
    const pool = new SdkClientPool(settings);
    const earlier = hooks('earlier');
    const client = pool.take(earlier, 0);
    pool.give(client, false);
    expect(await signWith(client.cos)).toEqual({ Authorization: 'retry-declined' });
    client.cos.emit('before-send', { method: 'GET' });
    expect(earlier.getAuthorization).not.toHaveBeenCalled();
    expect(earlier.beforeSend).not.toHaveBeenCalled();
  });

  it('keeps no SecretKey in a client’s options', () => {
    const client = new SdkClientPool(settings).take(hooks('x'), 0);
    expect(JSON.stringify((client.cos as unknown as { options: object }).options)).not.toContain(settings.secretKey);
  });
});
