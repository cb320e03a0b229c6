import { describe, expect, it } from 'vitest';
import { AppErrorException } from '@shared/errors';
import type { CosGateway } from '../cos/gateway';
import { BUCKET_REF, CREATE_INPUT } from '../testing/valid-inputs';
import { BucketService } from './bucket-service';

const notSignedIn = new AppErrorException({ kind: 'session', code: 'NotSignedIn' });

describe('BucketService', () => {
  it('rejects every operation with NotSignedIn when nobody is signed in', async () => {
    const service = new BucketService({
      gateway: () => {
        throw notSignedIn;
      },
    });
    for (const call of [() => service.list(), () => service.listPage(), () => service.create(CREATE_INPUT), () => service.head(BUCKET_REF), () => service.delete(BUCKET_REF)]) {
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
    await service.list({ region: 'ap-beijing' });
    await service.listPage({ region: 'ap-beijing', marker: 'a-1250000000' });
    await service.create(CREATE_INPUT);
    await service.head(BUCKET_REF);
    await service.delete(BUCKET_REF);
    expect(calls).toEqual([
      'listBuckets {"region":"ap-beijing"}',
      'listBucketsPage {"region":"ap-beijing","marker":"a-1250000000"}',
      `createBucket ${JSON.stringify(CREATE_INPUT)}`,
      `headBucket ${JSON.stringify(BUCKET_REF)}`,
      `deleteBucket ${JSON.stringify(BUCKET_REF)}`,
    ]);
  });
});
