import { describe, expect, it } from 'vitest';
import { bucketSettingBed, errorCode } from './testing';

const { bed, cos, raw } = bucketSettingBed('policy', 'cos:GetBucketPolicy');
const { Bucket, Region, reader: READER } = bed;

const RESOURCE = `qcs::cos:${Region}:uid/1250000000:${Bucket}/`;
const statement = (fields: Record<string, unknown> = {}) => ({
  Principal: { qcs: ['qcs::cam::anyone:anyone'] },
  Effect: 'allow',
  Action: ['name/cos:GetObject'],
  Resource: [`${RESOURCE}public/*`],
  ...fields,
});
const policy = (...statements: object[]) => ({ version: '2.0', Statement: statements });

describe('Bucket policy', () => {
  it('answers 404 NoSuchPolicy while there is none', async () => {
    const res = await raw('GET');
    expect(res.status).toBe(404);
    expect(errorCode(res.body)).toBe('NoSuchPolicy');
  });

  it('keeps the policy PUT sent and answers it as JSON; DELETE removes it', async () => {
    const sent = policy(statement());
    expect((await cos().putBucketPolicy({ Bucket, Region, Policy: sent } as never)).statusCode).toBe(204);
    const got = await raw('GET');
    expect(got.headers['content-type']).toBe('application/json');
    expect(JSON.parse(got.body)).toEqual(sent);
    expect((await cos().getBucketPolicy({ Bucket, Region })).Policy).toEqual(sent);
    expect((await cos().deleteBucketPolicy({ Bucket, Region })).statusCode).toBe(204);
    expect((await raw('GET')).status).toBe(404);
  });

  it('refuses what is not a policy for this bucket with MalformedPolicy, keeping the old one', async () => {
    await cos().putBucketPolicy({ Bucket, Region, Policy: policy(statement()) } as never);
    for (const body of [
      'not json',
      JSON.stringify({ Statement: [] }),
      JSON.stringify(policy(statement({ Effect: 'maybe' }))),
      JSON.stringify(policy(statement({ Principal: { qcs: ['alice'] } }))),
      JSON.stringify(policy(statement({ Action: ['cos:GetObject'] }))),
      JSON.stringify(policy(statement({ Resource: ['qcs::cos:ap-guangzhou:uid/1250000000:other-1250000000/*'] }))),
    ]) {
      const res = await raw('PUT', body);
      expect(res.status).toBe(400);
      expect(errorCode(res.body)).toBe('MalformedPolicy');
    }
    expect(JSON.parse(bed.emulator.buckets()[0].policy!)).toEqual(policy(statement()));
  });

  it('needs cos:PutBucketPolicy and cos:DeleteBucketPolicy, each named when refused', async () => {
    const put = await cos(READER).putBucketPolicy({ Bucket, Region, Policy: policy(statement()) } as never).catch((e: unknown) => e);
    expect((put as { error: { Message: string } }).error.Message).toContain('cos:PutBucketPolicy');
    const del = await cos(READER).deleteBucketPolicy({ Bucket, Region }).catch((e: unknown) => e);
    expect((del as { error: { Message: string } }).error.Message).toContain('cos:DeleteBucketPolicy');
  });
});
