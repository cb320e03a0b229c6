import { describe, expect, it } from 'vitest';
import { bucketSettingBed, errorCode } from './testing';

const { bed, cos, raw } = bucketSettingBed('lifecycle', 'cos:GetBucketLifecycle');
const { Bucket, Region, reader: READER } = bed;

const RULES = [
  { ID: 'logs', Filter: { Prefix: 'logs/' }, Status: 'Enabled', Expiration: { Days: '30' } },
  { ID: 'ia', Filter: { Prefix: '' }, Status: 'Disabled', Transition: { Days: '0', StorageClass: 'STANDARD_IA' } },
];

describe('Bucket lifecycle', () => {
  it('answers 404 NoSuchLifecycleConfiguration while there is none', async () => {
    const res = await raw('GET');
    expect(res.status).toBe(404);
    expect(errorCode(res.body)).toBe('NoSuchLifecycleConfiguration');
  });

  it('keeps the rules PUT sent, answers them, and DELETE removes them', async () => {
    await cos().putBucketLifecycle({ Bucket, Region, Rules: RULES } as never);
    expect((await cos().getBucketLifecycle({ Bucket, Region })).Rules).toEqual([
      { ID: 'logs', Filter: { Prefix: 'logs/' }, Status: 'Enabled', Expiration: { Days: '30' } },
      { ID: 'ia', Filter: { Prefix: '' }, Status: 'Disabled', Transition: { Days: '0', StorageClass: 'STANDARD_IA' } },
    ]);
    expect((await cos().deleteBucketLifecycle({ Bucket, Region })).statusCode).toBe(204);
    expect((await raw('GET')).status).toBe(404);
  });

  it('refuses rules that do nothing, wrong days, Days with Date and twice the same ID; nothing changes', async () => {
    const doc = (...rules: string[]) => `<LifecycleConfiguration>${rules.map((r) => `<Rule>${r}</Rule>`).join('')}</LifecycleConfiguration>`;
    for (const body of [
      doc('<ID>a</ID><Status>Enabled</Status>'),
      doc('<ID>a</ID><Status>Enabled</Status><Expiration><Days>0</Days></Expiration>'),
      doc('<ID>a</ID><Status>Enabled</Status><Expiration><Days>x</Days></Expiration>'),
      doc('<ID>a</ID><Status>Enabled</Status><Expiration><Days>3</Days><Date>2030-01-01T00:00:00+08:00</Date></Expiration>'),
      doc('<ID>a</ID><Status>Enabled</Status><Expiration><Days>3</Days></Expiration>', '<ID>a</ID><Status>Enabled</Status><Expiration><Days>4</Days></Expiration>'),
    ]) {
      expect(errorCode((await raw('PUT', body)).body)).toBe('InvalidArgument');
    }
    for (const body of ['<LifecycleConfiguration/>', doc('<ID>a</ID><Status>On</Status><Expiration><Days>3</Days></Expiration>'), '<Nope/>']) {
      expect(errorCode((await raw('PUT', body)).body)).toBe('MalformedXML');
    }
    expect(bed.emulator.buckets()[0].lifecycle).toBeUndefined();
  });

  it('needs cos:PutBucketLifecycle and cos:DeleteBucketLifecycle, each named when refused', async () => {
    const put = await cos(READER).putBucketLifecycle({ Bucket, Region, Rules: RULES } as never).catch((e: unknown) => e);
    expect((put as { error: { Message: string } }).error.Message).toContain('cos:PutBucketLifecycle');
    const del = await cos(READER).deleteBucketLifecycle({ Bucket, Region }).catch((e: unknown) => e);
    expect((del as { error: { Message: string } }).error.Message).toContain('cos:DeleteBucketLifecycle');
  });
});
