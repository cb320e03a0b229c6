import { afterEach, describe, expect, it } from 'vitest';
import { FaultInjector, operationOf, parseFaultFlag } from './faults';
import { DEMO_ACCOUNT, startEmulator } from './index';
import { errorCode, nowSeconds, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator } from './types';

const SERVICE = 'service.cos.myqcloud.com';
const PHOTOS = 'photos-1250000000';
const PHOTOS_HOST = `${PHOTOS}.cos.ap-guangzhou.myqcloud.com`;
const NEW_HOST = 'fresh-1250000000.cos.ap-guangzhou.myqcloud.com';

let emulator: Emulator;
afterEach(() => emulator?.close());

async function start(): Promise<Emulator> {
  emulator = await startEmulator({ seed: { buckets: [{ name: PHOTOS, region: 'ap-guangzhou' }] } });
  return emulator;
}

/** A correctly signed request whose outcome the test observes byte for byte. */
function signed(method: 'GET' | 'PUT' | 'HEAD' | 'DELETE', host: string) {
  const authorization = sdkAuthorization(DEMO_ACCOUNT, { method: method.toLowerCase(), host });
  return rawRequest(emulator, { method, host, headers: { authorization } });
}

const names = () => emulator.buckets().map((b) => b.name);

describe('which rule fires', () => {
  it('names the bucket and object operations and nothing else', () => {
    expect(operationOf('GET', SERVICE, '/', '')).toEqual({ operation: 'GetService' });
    expect(operationOf('GET', 'cos.ap-tokyo.myqcloud.com', '/', 'max-keys=1')).toEqual({ operation: 'GetService' });
    expect(operationOf('PUT', PHOTOS_HOST, '/', '')).toEqual({ operation: 'PutBucket', bucket: PHOTOS });
    expect(operationOf('HEAD', PHOTOS_HOST, '/', '')).toEqual({ operation: 'HeadBucket', bucket: PHOTOS });
    expect(operationOf('DELETE', PHOTOS_HOST, '/', '')).toEqual({ operation: 'DeleteBucket', bucket: PHOTOS });
    expect(operationOf('GET', PHOTOS_HOST, '/', 'prefix=&max-keys=2')).toEqual({ operation: 'GetBucket', bucket: PHOTOS });
    expect(operationOf('GET', PHOTOS_HOST, '/', 'versions&key-marker=a')).toMatchObject({ operation: 'ListObjectVersions' });
    expect(operationOf('POST', PHOTOS_HOST, '/', 'delete')).toMatchObject({ operation: 'DeleteMultipleObjects' });
    expect(operationOf('PUT', PHOTOS_HOST, '/object.txt', '')).toMatchObject({ operation: 'PutObject' });
    expect(operationOf('PUT', PHOTOS_HOST, '/copy.txt', '', {}, { 'x-cos-copy-source': 'x' })).toMatchObject({
      operation: 'PutObjectCopy',
    });
    expect(operationOf('PUT', PHOTOS_HOST, '/a', 'partNumber=1&uploadId=u')).toMatchObject({ operation: 'UploadPart' });
    expect(operationOf('POST', PHOTOS_HOST, '/a', 'uploads')).toMatchObject({ operation: 'InitiateMultipartUpload' });
    expect(operationOf('POST', PHOTOS_HOST, '/a', 'uploadId=u')).toMatchObject({ operation: 'CompleteMultipartUpload' });
    expect(operationOf('DELETE', PHOTOS_HOST, '/', 'cors')).toMatchObject({ operation: 'DeleteBucketCors' });
    expect(operationOf('GET', PHOTOS_HOST, '/', 'acl')).toMatchObject({ operation: 'GetBucketAcl' });
    expect(operationOf('PUT', PHOTOS_HOST, '/', 'lifecycle')).toMatchObject({ operation: 'PutBucketLifecycle' });
    expect(operationOf('DELETE', PHOTOS_HOST, '/', 'website')).toBeUndefined();
    expect(operationOf('GET', PHOTOS_HOST, '/a', 'acl')).toBeUndefined();
    expect(operationOf('GET', '127.0.0.1', '/', '')).toBeUndefined();
  });

  it('counts matching requests: nth picks the first, times how many in a row', () => {
    const faults = new FaultInjector();
    faults.add({ operation: 'PutBucket', kind: 'status', nth: 2, times: 2 });
    const outcomes = [1, 2, 3, 4].map(() => faults.plan('PutBucket', 'a-1').outcome?.kind);
    expect(outcomes).toEqual([undefined, 'status', 'status', undefined]);
    expect(faults.plan('HeadBucket', 'a-1').outcome).toBeUndefined();
    expect(faults.counts()).toMatchObject({ total: 2, byKind: { status: 2, hang: 0 } });
  });

  it('adds up latency, keeps one outcome per request, and filters by bucket', () => {
    const faults = new FaultInjector();
    faults.add({ operation: '*', kind: 'latency', ms: 30, times: Infinity });
    faults.add({ operation: '*', kind: 'latency', ms: 20 });
    faults.add({ operation: 'DeleteBucket', kind: 'resetAfter', bucket: 'b-1' });
    faults.add({ operation: '*', kind: 'hang' });
    expect(faults.plan('DeleteBucket', 'a-1')).toEqual({ latencyMs: 50, outcome: expect.objectContaining({ kind: 'hang' }) });
    // The hang was used up by a-1; resetAfter waited for its own bucket.
    expect(faults.plan('DeleteBucket', 'b-1')).toEqual({
      latencyMs: 30,
      outcome: expect.objectContaining({ kind: 'resetAfter' }),
    });
    expect(faults.injected().map((f) => f.kind)).toEqual(['latency', 'latency', 'hang', 'latency', 'resetAfter']);
    faults.clear();
    expect(faults.plan('DeleteBucket', 'b-1')).toEqual({ latencyMs: 0 });
    expect(faults.counts().total).toBe(5);
  });

  it('cuts only XML answers', () => {
    const faults = new FaultInjector();
    faults.add({ operation: '*', kind: 'truncatedXml', times: 2 });
    expect(faults.plan('HeadBucket', 'a-1').outcome).toBeUndefined();
    expect(faults.plan('GetObject', 'a-1').outcome).toBeUndefined();
    expect(faults.plan('GetService').outcome?.kind).toBe('truncatedXml');
    expect(faults.plan('GetBucket', 'a-1').outcome?.kind).toBe('truncatedXml');
  });

  it('refuses rules it could not honour', () => {
    const faults = new FaultInjector();
    expect(() => faults.add({ operation: 'PostObject' as 'GetService', kind: 'hang' })).toThrow(/Unknown fault operation/);
    expect(() => faults.add({ operation: '*', kind: 'explode' as 'hang' })).toThrow(/Unknown fault kind/);
    expect(() => faults.add({ operation: '*', kind: 'hang', nth: 0 })).toThrow(/nth/);
    expect(() => faults.add({ operation: '*', kind: 'hang', times: 1.5 })).toThrow(/times/);
    expect(() => faults.add({ operation: '*', kind: 'status', status: 404 as 500 })).toThrow(/500 or 503/);
  });
});

describe('--fault flags', () => {
  it.each([
    ['PutBucket:resetAfter:1', { operation: 'PutBucket', kind: 'resetAfter', times: 1 }],
    ['GetService:latency=2000:*', { operation: 'GetService', kind: 'latency', ms: 2000, times: Infinity }],
    ['*:status=500:3:2', { operation: '*', kind: 'status', status: 500, times: 3, nth: 2 }],
    ['HeadBucket:clockSkew=-600000', { operation: 'HeadBucket', kind: 'clockSkew', skewMs: -600000 }],
  ])('reads %s', (flag, spec) => {
    expect(parseFaultFlag(flag)).toEqual(spec);
  });

  it.each([
    ['PutBucket', /OP:KIND/],
    ['PutBucket:hang=3', /takes no value/],
    ['PutBucket:latency=soon', /not a number/],
    ['PutBucket:status=404', /500 or 503/],
    ['Nothing:hang', /Unknown fault operation/],
    ['*:hang:1:1:1', /OP:KIND/],
  ])('explains what is wrong with %s', (flag, message) => {
    expect(() => parseFaultFlag(flag)).toThrow(message);
  });
});

describe('faults on the wire', () => {
  it('answers 503 SlowDown or 500 InternalError with a COS error document, changing nothing', async () => {
    await start();
    emulator.faults.add({ operation: 'PutBucket', kind: 'status' });
    emulator.faults.add({ operation: 'PutBucket', kind: 'status', status: 500, nth: 2 });
    const slow = await signed('PUT', NEW_HOST);
    expect(slow.status).toBe(503);
    expect(errorCode(slow.body)).toBe('SlowDown');
    const broken = await signed('PUT', NEW_HOST);
    expect(broken.status).toBe(500);
    expect(errorCode(broken.body)).toBe('InternalError');
    expect(names()).toEqual([PHOTOS]);
    expect((await signed('PUT', NEW_HOST)).status).toBe(200);
    expect(emulator.faults.counts().byKind.status).toBe(2);
    expect(emulator.requests().map((r) => r.fault)).toEqual(['status', 'status', undefined]);
  });

  it('drops the connection before acting: no answer and no bucket', async () => {
    await start();
    emulator.faults.add({ operation: 'PutBucket', kind: 'resetBefore' });
    await expect(signed('PUT', NEW_HOST)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(names()).toEqual([PHOTOS]);
    expect(emulator.requests()).toMatchObject([{ method: 'PUT', status: 0, fault: 'resetBefore' }]);
  });

  it('drops the connection after acting: the create and the delete happened, their answers are lost', async () => {
    await start();
    emulator.faults.add({ operation: '*', kind: 'resetAfter', times: 2 });
    await expect(signed('PUT', NEW_HOST)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(names()).toContain('fresh-1250000000');
    await expect(signed('DELETE', PHOTOS_HOST)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(names()).toEqual(['fresh-1250000000']);
    const again = await signed('PUT', NEW_HOST);
    expect(errorCode(again.body)).toBe('BucketAlreadyOwnedByYou');
  });

  it('cuts a GET Service document in the middle, with a length that matches what was sent', async () => {
    await start();
    const whole = (await signed('GET', SERVICE)).body;
    emulator.faults.add({ operation: 'GetService', kind: 'truncatedXml' });
    const cut = await signed('GET', SERVICE);
    expect(cut.status).toBe(200);
    expect(Number(cut.headers['content-length'])).toBe(Buffer.byteLength(cut.body));
    expect(cut.body.length).toBeGreaterThan(0);
    expect(cut.body.length).toBeLessThan(whole.length);
    expect(whole.startsWith(cut.body)).toBe(true);
    expect(cut.body).not.toContain('</ListAllMyBucketsResult>');
  });

  it('leaves a hanging request unanswered while others are served, until the emulator closes', async () => {
    await start();
    emulator.faults.add({ operation: 'HeadBucket', kind: 'hang' });
    let settled = false;
    const hanging = signed('HEAD', PHOTOS_HOST).finally(() => {
      settled = true;
    });
    expect((await signed('GET', SERVICE)).status).toBe(200);
    expect((await signed('HEAD', PHOTOS_HOST)).status).toBe(200);
    expect(settled).toBe(false);
    expect(emulator.requests().map((r) => r.fault ?? r.status)).toContain('hang');
    await emulator.close();
    await expect(hanging).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('delays answers by the latency asked for, and counts it', async () => {
    await start();
    emulator.faults.add({ operation: 'GetService', kind: 'latency', ms: 1, times: 2 });
    await sdkFor(emulator).getService({});
    expect(emulator.faults.counts()).toMatchObject({ total: 1, byKind: { latency: 1 } });
  });
});

describe('clock skew', () => {
  it('judges the signature by a clock an hour behind, and dates the answer by it', async () => {
    await start();
    emulator.faults.add({ operation: 'GetService', kind: 'clockSkew' });
    const res = await signed('GET', SERVICE);
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe('RequestTimeTooSkewed');
    const serverSeconds = Date.parse(String(res.headers.date)) / 1000;
    expect(nowSeconds() - serverSeconds).toBeGreaterThan(3000);
  });

  it('lets the SDK correct its clock from the Date header when the skew lasts', async () => {
    await start();
    emulator.faults.add({ operation: '*', kind: 'clockSkew', times: Infinity });
    await expect(sdkFor(emulator).getService({})).resolves.toMatchObject({ statusCode: 200 });
    expect(emulator.requests().map((r) => r.code ?? r.status)).toEqual(['RequestTimeTooSkewed', 200]);
  });

  it('without a Date header the SDK cannot correct, and RequestTimeTooSkewed reaches the caller', async () => {
    await start();
    emulator.faults.add({ operation: '*', kind: 'clockSkew', sendDate: false, times: Infinity });
    await expect(sdkFor(emulator).getService({})).rejects.toMatchObject({ code: 'RequestTimeTooSkewed', statusCode: 403 });
  });
});

describe('temporary keys that expire', () => {
  it('accepts a new temporary key until it expires, then answers ExpiredToken', async () => {
    await start();
    const temporary = emulator.issueTemporaryKey();
    expect(temporary.sessionToken).toBeTruthy();
    expect(emulator.accounts.map((a) => a.secretId)).toContain(temporary.secretId);
    await expect(sdkFor(emulator, temporary).getService({})).resolves.toMatchObject({ statusCode: 200 });
    emulator.expireToken(temporary.secretId);
    await expect(sdkFor(emulator, temporary).headBucket({ Bucket: PHOTOS, Region: 'ap-guangzhou' })).rejects.toMatchObject(
      { statusCode: 403 },
    );
    await expect(sdkFor(emulator, temporary).getService({})).rejects.toMatchObject({
      statusCode: 403,
      code: 'ExpiredToken',
    });
    // A renewed key works again; the expired one stays refused.
    const renewed = emulator.issueTemporaryKey();
    await expect(sdkFor(emulator, renewed).getService({})).resolves.toMatchObject({ statusCode: 200 });
    expect(emulator.requests().at(-2)).toMatchObject({ status: 403, code: 'ExpiredToken' });
  });

  it('reads an expiry from the seed, and refuses to expire a permanent key', async () => {
    emulator = await startEmulator({
      seed: {
        accounts: [
          { ...DEMO_ACCOUNT },
          { ...DEMO_ACCOUNT, secretId: 'AKIDOLD', sessionToken: 't', tokenExpiresAt: '2020-01-01T00:00:00Z' },
        ],
      },
    });
    await expect(sdkFor(emulator, emulator.accounts[1]).getService({})).rejects.toMatchObject({ code: 'ExpiredToken' });
    expect(() => emulator.expireToken(DEMO_ACCOUNT.secretId)).toThrow(/No temporary key/);
  });
});
