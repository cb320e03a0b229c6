import { describe, expect, it } from 'vitest';
import { AppErrorException } from './errors';
import { createBridgeApi, createClient } from './api';
import { CHANNEL_PREFIX, METHODS, channelOf, contract, methodOfChannel } from './contract';

const validCreate = {
  name: 'photos',
  appId: '1250000000',
  region: 'ap-guangzhou',
  acl: 'private',
  grantRead: [],
  grantWrite: [],
  grantFullControl: [],
  multiAz: false,
};

describe('contract', () => {
  it('derives one prefixed channel per method, and maps channels back', () => {
    for (const m of METHODS) {
      expect(channelOf(m).startsWith(CHANNEL_PREFIX)).toBe(true);
      expect(methodOfChannel(channelOf(m))).toBe(m);
    }
    expect(methodOfChannel('cos-desk:__proto__')).toBeUndefined();
    expect(methodOfChannel('other:listBuckets')).toBeUndefined();
  });

  it('accepts a well-formed create and re-checks the naming rules', () => {
    expect(contract.createBucket.input.safeParse(validCreate).success).toBe(true);
    const tooLong = contract.createBucket.input.safeParse({ ...validCreate, name: 'a'.repeat(20) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toBe('bucket.name.hostLength');
    expect(contract.createBucket.input.safeParse({ ...validCreate, name: '-photos' }).success).toBe(false);
  });

  it('refuses extra fields, wrong types and malformed grantees', () => {
    expect(contract.createBucket.input.safeParse({ ...validCreate, extra: 1 }).success).toBe(false);
    expect(contract.createBucket.input.safeParse({ ...validCreate, multiAz: 'yes' }).success).toBe(false);
    expect(contract.createBucket.input.safeParse({ ...validCreate, acl: 'public' }).success).toBe(false);
    expect(contract.createBucket.input.safeParse({ ...validCreate, grantRead: ['alice'] }).success).toBe(false);
  });

  it('wants full bucket names and well-formed regions for head and delete', () => {
    expect(contract.headBucket.input.safeParse({ bucket: 'photos-1250000000', region: 'ap-beijing' }).success).toBe(true);
    expect(contract.deleteBucket.input.safeParse({ bucket: 'photos', region: 'ap-beijing' }).success).toBe(false);
    expect(contract.deleteBucket.input.safeParse({ bucket: 'photos-1250000000', region: '../x' }).success).toBe(false);
  });

  it('refuses sign-in input with spaces or a scheme in the endpoint', () => {
    const base = { secretId: 'AKIDabc', secretKey: 'key', region: 'ap-guangzhou', https: true };
    expect(contract.signIn.input.safeParse(base).success).toBe(true);
    expect(contract.signIn.input.safeParse({ ...base, endpoint: '127.0.0.1:9000' }).success).toBe(true);
    expect(contract.signIn.input.safeParse({ ...base, endpoint: 'http://127.0.0.1:9000' }).success).toBe(false);
    expect(contract.signIn.input.safeParse({ ...base, secretKey: 'a b' }).success).toBe(false);
  });

  it('takes a service domain as host or host:port, and a bucket domain only as a host template naming {Bucket}', () => {
    const base = { secretId: 'AKIDabc', secretKey: 'key', region: 'ap-guangzhou', https: true };
    const accepts = (extra: object) => contract.signIn.input.safeParse({ ...base, ...extra }).success;
    const saves = (extra: object) => contract.saveProfile.input.safeParse({ ...base, temporary: false, ...extra }).success;
    for (const serviceDomain of ['cos.private.example', 'cos.private.example:8443']) {
      expect(accepts({ serviceDomain }), serviceDomain).toBe(true);
    }
    for (const serviceDomain of ['https://cos.private.example', 'cos.private.example/x', 'user@cos.private.example', '']) {
      expect(accepts({ serviceDomain }), serviceDomain).toBe(false);
    }
    for (const bucketDomain of ['{Bucket}.cos.{Region}.private.example', '{Bucket}.private.example:9000', 'x-{Bucket}.example']) {
      expect(accepts({ bucketDomain }), bucketDomain).toBe(true);
      expect(saves({ bucketDomain }), bucketDomain).toBe(true);
    }
    for (const bucketDomain of [
      'cos.{Region}.private.example',
      'https://{Bucket}.private.example',
      '{Bucket}.private.example/x',
      '{Bucket}.{AppId}.private.example',
      '{bucket}.private.example',
      '{Bucket} .private.example',
      '{Bucket}@private.example',
      '',
    ]) {
      expect(accepts({ bucketDomain }), bucketDomain).toBe(false);
      expect(saves({ bucketDomain }), bucketDomain).toBe(false);
    }
  });
});

describe('bridge and client', () => {
  it('call the derived channel and turn a failure envelope into a thrown error that keeps every field', async () => {
    const calls: Array<[string, unknown]> = [];
    const bridge = createBridgeApi(async (channel, input) => {
      calls.push([channel, input]);
      if (channel === channelOf('deleteBucket')) {
        return { ok: false, error: { kind: 'cos', code: 'BucketNotEmpty', cosMessage: 'not empty', status: 409, requestId: 'r1' } };
      }
      return { ok: true, data: { bucket: 'a-1', region: 'ap-beijing' } };
    });
    expect(Object.keys(bridge).sort()).toEqual([...METHODS].sort());
    const client = createClient(bridge);
    await expect(client.headBucket({ bucket: 'a-1', region: 'ap-beijing' })).resolves.toEqual({ bucket: 'a-1', region: 'ap-beijing' });
    const failure = await client.deleteBucket({ bucket: 'a-1', region: 'ap-beijing' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppErrorException);
    expect((failure as AppErrorException).error).toMatchObject({ code: 'BucketNotEmpty', status: 409, requestId: 'r1' });
    expect(calls.map(([c]) => c)).toEqual([channelOf('headBucket'), channelOf('deleteBucket')]);
  });
});
