import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './index';
import { OWNER, errorCode, nowSeconds, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator, EmulatorAccount } from './types';

const SERVICE = 'service.cos.myqcloud.com';

const temporary: EmulatorAccount = {
  secretId: 'AKIDTEMP0000000000000000000000000000',
  secretKey: 'temporary-secret-key',
  sessionToken: 'session-token-1',
  ownerUin: '100000000001',
  appId: '1250000000',
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    seed: { accounts: [OWNER, temporary], buckets: [{ name: 'photos-1250000000', region: 'ap-guangzhou' }] },
  });
});
afterAll(() => emulator.close());

/** GET Service signed by the SDK's static signer, optionally with a key time and extra request headers. */
function listWith(account: EmulatorAccount, options: { keyTime?: string; headers?: Record<string, string> } = {}) {
  const authorization = sdkAuthorization(account, { host: SERVICE, keyTime: options.keyTime });
  return rawRequest(emulator, { host: SERVICE, headers: { authorization, ...options.headers } });
}

describe('request authentication', () => {
  it('accepts requests the real SDK signs', async () => {
    await expect(sdkFor(emulator).getService({})).resolves.toMatchObject({ statusCode: 200 });
  });

  it('rejects a wrong SecretKey with SignatureDoesNotMatch and shows what it signed', async () => {
    const error = await sdkFor(emulator, { ...OWNER, secretKey: 'not-the-key' }).getService({}).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 403, code: 'SignatureDoesNotMatch' });
    expect(error.error.FormatString).toBe(`get\n/\n\nhost=${SERVICE}\n`);
    expect(error.error.StringToSign).toMatch(/^sha1\n\d+;\d+\n[0-9a-f]{40}\n$/);
  });

  it('rejects an unknown SecretId with InvalidAccessKeyId', async () => {
    await expect(sdkFor(emulator, { ...OWNER, secretId: 'AKIDNOBODY' }).getService({})).rejects.toMatchObject({
      statusCode: 403,
      code: 'InvalidAccessKeyId',
    });
  });

  it('rejects an unsigned request with AccessDenied', async () => {
    const res = await rawRequest(emulator, { host: SERVICE });
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe('AccessDenied');
    expect(res.body).toContain('Authorization header is missing');
  });

  it('rejects an expired signature with the message the SDK recognises as a clock problem', async () => {
    const now = nowSeconds();
    const res = await listWith(OWNER, { keyTime: `${now - 3600};${now - 60}` });
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe('AccessDenied');
    expect(res.body).toContain('<Message>Request has expired</Message>');
  });

  it('rejects a signature starting more than 15 minutes ahead with RequestTimeTooSkewed', async () => {
    const now = nowSeconds();
    const ahead = await listWith(OWNER, { keyTime: `${now + 1000};${now + 2000}` });
    expect(ahead.status).toBe(403);
    expect(errorCode(ahead.body)).toBe('RequestTimeTooSkewed');
    const slightlyAhead = await listWith(OWNER, { keyTime: `${now + 600};${now + 2000}` });
    expect(slightlyAhead.status).toBe(200);
  });

  it('verifies only the headers the client listed, yet every one of those', async () => {
    const host = 'photos-1250000000.cos.ap-guangzhou.myqcloud.com';
    const authorization = sdkAuthorization(OWNER, { method: 'head', host, headers: { 'x-cos-meta-a': '1' } });
    const unlisted = await rawRequest(emulator, {
      method: 'HEAD',
      host,
      headers: { authorization, 'x-cos-meta-a': '1', 'x-cos-meta-unsigned': 'anything' },
    });
    expect(unlisted.status).toBe(200);
    const tampered = await rawRequest(emulator, {
      method: 'HEAD',
      host,
      headers: { authorization, 'x-cos-meta-a': '2' },
    });
    expect(tampered.status).toBe(403);
    expect(emulator.requests().at(-1)).toMatchObject({ method: 'HEAD', status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('verifies the listed query params', async () => {
    const authorization = sdkAuthorization(OWNER, { host: SERVICE, query: { 'max-keys': '1' } });
    const signed = await rawRequest(emulator, { host: SERVICE, path: '/?max-keys=1', headers: { authorization } });
    expect(signed.status).toBe(200);
    const tampered = await rawRequest(emulator, { host: SERVICE, path: '/?max-keys=2', headers: { authorization } });
    expect(errorCode(tampered.body)).toBe('SignatureDoesNotMatch');
  });
});

describe('temporary keys', () => {
  it('accepts the SDK with SecurityToken set', async () => {
    await expect(sdkFor(emulator, temporary).getService({})).resolves.toMatchObject({ statusCode: 200 });
  });

  it('asks for the token when it is missing', async () => {
    const res = await listWith(temporary);
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe('AccessDenied');
    expect(res.body).toContain('x-cos-security-token');
  });

  it('rejects a token from other keys, and a token sent with permanent keys', async () => {
    await expect(sdkFor(emulator, { ...temporary, sessionToken: 'stale' }).getService({})).rejects.toMatchObject({
      statusCode: 403,
      code: 'InvalidAccessKeyId',
    });
    const res = await listWith(OWNER, { headers: { 'x-cos-security-token': 'session-token-1' } });
    expect(errorCode(res.body)).toBe('InvalidAccessKeyId');
  });
});
