import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../shared/errors';
import type { CosGateway } from '../cos/gateway';
import { BucketService } from './bucket-service';

const notSignedIn = new AppErrorException({ kind: 'session', code: 'NotSignedIn', message: 'Sign in first.' });

describe('BucketService', () => {
  it('rejects every operation with NotSignedIn when nobody is signed in', async () => {
    const service = new BucketService({
      gateway: () => {
        throw notSignedIn;
      },
    });
    const ref = { bucket: 'a-1250000000', region: 'ap-guangzhou' };
    const create = { name: 'a', appId: '1250000000', region: 'ap-guangzhou', acl: 'private' as const, grantRead: [], grantWrite: [], grantFullControl: [], multiAz: false };
    for (const call of [() => service.list(), () => service.listPage(), () => service.create(create), () => service.head(ref), () => service.delete(ref)]) {
      await expect(call()).rejects.toBe(notSignedIn);
    }
  });

  it("passes each call to the signed-in account's gateway", async () => {
    const calls: string[] = [];
    const gateway = new Proxy({} as CosGateway, {
      get: (_target, name: string) => async (input: unknown) => {
        calls.push(`${name} ${JSON.stringify(input)}`);
        return name;
      },
    });
    const service = new BucketService({ gateway: () => gateway });
    const ref = { bucket: 'a-1250000000', region: 'ap-guangzhou' };
    await service.list({ region: 'ap-beijing' });
    await service.listPage({ region: 'ap-beijing', marker: 'a-1250000000' });
    const create = { name: 'a', appId: '1250000000', region: 'ap-guangzhou', acl: 'private' as const, grantRead: [], grantWrite: [], grantFullControl: [], multiAz: false };
    await service.create(create);
    await service.head(ref);
    await service.delete(ref);
    expect(calls).toEqual([
      'listBuckets {"region":"ap-beijing"}',
      'listBucketsPage {"region":"ap-beijing","marker":"a-1250000000"}',
      `createBucket ${JSON.stringify(create)}`,
      `headBucket ${JSON.stringify(ref)}`,
      `deleteBucket ${JSON.stringify(ref)}`,
    ]);
  });
});
