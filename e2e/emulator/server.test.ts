import COS from 'cos-nodejs-sdk-v5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHost } from './hosts';
import { DEMO_ACCOUNT, startEmulator } from './index';
import { errorCode, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator } from './types';

describe('host routing', () => {
  it.each([
    ['service.cos.myqcloud.com', { kind: 'service' }],
    ['service.cos.myqcloud.com:8080', { kind: 'service' }],
    ['cos.ap-guangzhou.myqcloud.com', { kind: 'service', region: 'ap-guangzhou' }],
    [
      'photos-1250000000.cos.ap-guangzhou.myqcloud.com:443',
      { kind: 'bucket', bucket: 'photos-1250000000', region: 'ap-guangzhou' },
    ],
  ])('reads %s', (host, target) => {
    expect(parseHost(host)).toEqual(target);
  });

  it.each(['127.0.0.1:9000', 'localhost', 'photos.example.com', 'a.b.cos.ap-guangzhou.myqcloud.com'])(
    'does not serve %s',
    (host) => {
      expect(parseHost(host)).toBeUndefined();
    },
  );

  describe('with the custom domains of a private deployment', () => {
    const domains = { serviceDomain: 'service.example.test:8443', bucketDomain: '{Bucket}.cos.{Region}.example.test' };
    it.each([
      ['service.example.test', { kind: 'service' }],
      ['SERVICE.example.test:8443', { kind: 'service' }],
      ['photos-1250000000.cos.ap-guangzhou.example.test', { kind: 'bucket', bucket: 'photos-1250000000', region: 'ap-guangzhou' }],
      ['photos-1250000000.cos.ap-guangzhou.myqcloud.com', { kind: 'bucket', bucket: 'photos-1250000000', region: 'ap-guangzhou' }],
    ])('reads %s', (host, target) => {
      expect(parseHost(host, domains)).toEqual(target);
    });

    it.each(['example.test', 'photos-1250000000.cos.ap-guangzhou.exampleXtest', 'a.b.cos.ap-guangzhou.example.test'])(
      'does not serve %s',
      (host) => {
        expect(parseHost(host, domains)).toBeUndefined();
      },
    );

    it.each(['{Bucket}.example.test', 'cos.{Region}.example.test', '{Bucket}.{Bucket}.{Region}.test', '{Bucket}.{AppId}.{Region}.test'])(
      'refuses to start with the bucket domain %s',
      async (bucketDomain) => {
        await expect(startEmulator({ domains: { bucketDomain } })).rejects.toThrow(/\{Bucket\} and \{Region\} once each/);
      },
    );
  });
});

describe('custom domains through the SDK', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: { buckets: [{ name: 'photos-1250000000', region: 'ap-guangzhou' }] },
      domains: { serviceDomain: 'cos.example.test', bucketDomain: '{Bucket}.storage.{Region}.example.test' },
    });
  });
  afterAll(() => emulator.close());

  it('answers requests signed for the custom hosts, and refuses a signature made for another host', async () => {
    const cos = new COS({
      SecretId: DEMO_ACCOUNT.secretId,
      SecretKey: DEMO_ACCOUNT.secretKey,
      Protocol: 'http:',
      Ip: emulator.address,
      ServiceDomain: 'cos.example.test',
      Domain: '{Bucket}.storage.{Region}.example.test',
    });
    const list = await cos.getService({});
    expect(list.Buckets.map((b) => b.Name)).toEqual(['photos-1250000000']);
    await cos.putBucket({ Bucket: 'made-1250000000', Region: 'ap-beijing' });
    expect((await cos.headBucket({ Bucket: 'made-1250000000', Region: 'ap-beijing' })).statusCode).toBe(200);
    expect(emulator.requests().map((r) => r.host)).toEqual([
      'cos.example.test',
      'made-1250000000.storage.ap-beijing.example.test',
      'made-1250000000.storage.ap-beijing.example.test',
    ]);

    // Signed for the production host, sent to the custom one: the signature covers the Host header.
    const authorization = sdkAuthorization(DEMO_ACCOUNT, { host: 'service.cos.myqcloud.com' });
    const res = await rawRequest(emulator, { host: 'cos.example.test', headers: { authorization } });
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe('SignatureDoesNotMatch');
  });
});

describe('the HTTP server', () => {
  let emulator: Emulator;
  const bucketHost = 'photos-1250000000.cos.ap-guangzhou.myqcloud.com';
  beforeAll(async () => {
    emulator = await startEmulator({ seed: { buckets: [{ name: 'photos-1250000000', region: 'ap-guangzhou' }] } });
  });
  afterAll(() => emulator.close());

  it('answers an unknown host with an InvalidURI error document', async () => {
    const res = await rawRequest(emulator, { host: emulator.address });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/xml');
    expect(res.body).toMatch(
      /^<\?xml version='1\.0' encoding='utf-8' \?>\n<Error><Code>InvalidURI<\/Code><Message>[^<]+<\/Message><Resource>127\.0\.0\.1\/<\/Resource><RequestId>[^<]+<\/RequestId><TraceId>[^<]+<\/TraceId><\/Error>$/,
    );
    expect(res.body).toContain(`<RequestId>${res.headers['x-cos-request-id']}</RequestId>`);
  });

  it('accepts the production host with a port', async () => {
    const host = `service.cos.myqcloud.com:${emulator.port}`;
    const authorization = sdkAuthorization(DEMO_ACCOUNT, { host });
    const res = await rawRequest(emulator, { host, headers: { authorization } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<Name>photos-1250000000</Name>');
  });

  it('answers sub-resources it does not model (?website, an object’s ?acl) with NotImplemented, leaving the bucket alone', async () => {
    const authorization = sdkAuthorization(DEMO_ACCOUNT, { method: 'delete', host: bucketHost, query: { website: '' } });
    const res = await rawRequest(emulator, {
      method: 'DELETE',
      host: bucketHost,
      path: '/?website',
      headers: { authorization },
    });
    expect(res.status).toBe(501);
    expect(errorCode(res.body)).toBe('NotImplemented');
    expect(emulator.buckets().map((b) => b.name)).toEqual(['photos-1250000000']);
    const acl = await sdkFor(emulator)
      .getObjectAcl({ Bucket: 'photos-1250000000', Region: 'ap-guangzhou', Key: 'a.txt' })
      .catch((e) => e);
    expect(acl).toMatchObject({ statusCode: 501, code: 'NotImplemented' });
  });

  it('gives every response its own x-cos-request-id, errors and HEAD included', async () => {
    const cos = sdkFor(emulator);
    const results = await Promise.all([
      cos.getService({}),
      cos.headBucket({ Bucket: 'photos-1250000000', Region: 'ap-guangzhou' }),
      cos.headBucket({ Bucket: 'missing-1250000000', Region: 'ap-guangzhou' }).catch((e) => e),
      cos.deleteBucket({ Bucket: 'missing-1250000000', Region: 'ap-guangzhou' }).catch((e) => e),
    ]);
    const ids = results.map((r) => r.headers['x-cos-request-id']);
    ids.forEach((id) => expect(id).toMatch(/^[A-Za-z0-9+/=]{16,}$/));
    expect(new Set(ids).size).toBe(ids.length);
    expect(results[3].RequestId).toBe(ids[3]);
  });

  it('logs each handled request with its status and error code', async () => {
    const before = emulator.requests().length;
    await sdkFor(emulator).headBucket({ Bucket: 'photos-1250000000', Region: 'ap-guangzhou' });
    await sdkFor(emulator)
      .deleteBucket({ Bucket: 'missing-1250000000', Region: 'ap-guangzhou' })
      .catch(() => undefined);
    expect(emulator.requests().slice(before)).toEqual([
      { method: 'HEAD', host: bucketHost, path: '/', status: 200 },
      {
        method: 'DELETE',
        host: 'missing-1250000000.cos.ap-guangzhou.myqcloud.com',
        path: '/',
        status: 404,
        code: 'NoSuchBucket',
      },
    ]);
  });
});
