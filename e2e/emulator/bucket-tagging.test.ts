import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from './index';
import { OWNER, errorCode, rawRequest, sdkAuthorization, sdkFor } from './testing';
import type { Emulator, EmulatorAccount } from './types';

const Bucket = 'photos-1250000000';
const Region = 'ap-guangzhou';
const HOST = `${Bucket}.cos.${Region}.myqcloud.com`;
const READER: EmulatorAccount = { ...OWNER, secretId: 'AKIDREADER', secretKey: 'reader-key', allow: ['cos:GetBucketTagging', 'cos:GetService'] };

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: { accounts: [OWNER, READER], buckets: [{ name: Bucket, region: Region }] } });
});
afterEach(() => emulator.close());

const cos = (account: EmulatorAccount = OWNER) => sdkFor(emulator, account);
const getRaw = () => {
  const authorization = sdkAuthorization(OWNER, { host: HOST, query: { tagging: '' } });
  return rawRequest(emulator, { host: HOST, path: '/?tagging', headers: { authorization } });
};
const putRaw = (body: string) => {
  const authorization = sdkAuthorization(OWNER, { method: 'put', host: HOST, query: { tagging: '' } });
  return rawRequest(emulator, { method: 'PUT', host: HOST, path: '/?tagging', headers: { authorization }, body });
};

describe('Bucket tagging', () => {
  it('answers 404 NoSuchTagSet while there are none (the SDK makes that an empty list)', async () => {
    const res = await getRaw();
    expect(res.status).toBe(404);
    expect(errorCode(res.body)).toBe('NoSuchTagSet');
    expect((await cos().getBucketTagging({ Bucket, Region })).Tags).toEqual([]);
  });

  it('replaces the tags on PUT, which GET and GET Service’s tag filter then see, and DELETE removes them', async () => {
    await cos().putBucketTagging({ Bucket, Region, Tags: [{ Key: 'a', Value: '1' }] });
    const put = await cos().putBucketTagging({ Bucket, Region, Tags: [{ Key: 'team', Value: 'photo + video@2024' }, { Key: 'cost center', Value: '' }] });
    expect(put.statusCode).toBe(204);
    expect((await cos().getBucketTagging({ Bucket, Region })).Tags).toEqual([
      { Key: 'team', Value: 'photo + video@2024' },
      { Key: 'cost center', Value: '' },
    ]);
    const listed = (await cos().getService({ TagKey: 'team', TagValue: 'photo + video@2024' } as never)) as unknown as { Buckets: { Name: string }[] };
    expect(listed.Buckets.map((b) => b.Name)).toEqual([Bucket]);
    expect((await cos().deleteBucketTagging({ Bucket, Region })).statusCode).toBe(204);
    expect(errorCode((await getRaw()).body)).toBe('NoSuchTagSet');
  });

  it('refuses broken tags with InvalidTag and bad documents with MalformedXML, changing nothing', async () => {
    const doc = (tags: string) => `<Tagging><TagSet>${tags}</TagSet></Tagging>`;
    const tag = (k: string, v = '') => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`;
    for (const body of [
      doc(tag('a!')),
      doc(tag('qcs:x')),
      doc(tag('project-a')),
      doc(tag('k') + tag('k')),
      doc(tag('k'.repeat(129))),
      doc(tag('k', 'v'.repeat(257))),
      doc(Array.from({ length: 51 }, (_, i) => tag(`k${i}`)).join('')),
    ]) {
      const res = await putRaw(body);
      expect(res.status).toBe(400);
      expect(errorCode(res.body)).toBe('InvalidTag');
    }
    for (const body of ['<Tagging/>', doc(''), '<Nope/>', doc('<Tag><Value>x</Value></Tag>')]) {
      expect(errorCode((await putRaw(body)).body)).toBe('MalformedXML');
    }
    expect(emulator.buckets()[0].tags).toBeUndefined();
  });

  it('needs cos:PutBucketTagging and cos:DeleteBucketTagging, each named when refused', async () => {
    const put = await cos(READER).putBucketTagging({ Bucket, Region, Tags: [{ Key: 'a', Value: 'b' }] }).catch((e: unknown) => e);
    expect((put as { error: { Message: string } }).error.Message).toContain('cos:PutBucketTagging');
    const del = await cos(READER).deleteBucketTagging({ Bucket, Region }).catch((e: unknown) => e);
    expect((del as { error: { Message: string } }).error.Message).toContain('cos:DeleteBucketTagging');
    expect((await cos(READER).getBucketTagging({ Bucket, Region })).Tags).toEqual([]);
  });
});
