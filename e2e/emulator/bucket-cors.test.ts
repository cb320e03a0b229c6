import { describe, expect, it } from 'vitest';
import { bucketSettingBed, errorCode } from './testing';

const { bed, cos, raw } = bucketSettingBed('cors', 'cos:GetBucketCORS');
const { Bucket, Region, reader: READER } = bed;

const RULE = { AllowedOrigins: ['https://*.example.com', 'http://localhost:5173'], AllowedMethods: ['GET', 'PUT'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: '600' };

describe('Bucket CORS', () => {
  it('answers 404 NoSuchCORSConfiguration while there are no rules', async () => {
    const res = await raw('GET');
    expect(res.status).toBe(404);
    expect(errorCode(res.body)).toBe('NoSuchCORSConfiguration');
  });

  it('keeps the rules PUT sent in the SDK’s element order, answers them, and DELETE removes them', async () => {
    await cos().putBucketCors({ Bucket, Region, CORSRules: [RULE, { AllowedOrigins: ['*'], AllowedMethods: ['HEAD'] }] } as never);
    const got = await cos().getBucketCors({ Bucket, Region });
    expect(got.CORSRules).toEqual([
      { ...RULE },
      { AllowedOrigins: ['*'], AllowedMethods: ['HEAD'], AllowedHeaders: [], ExposeHeaders: [] },
    ]);
    expect((await cos().deleteBucketCors({ Bucket, Region })).statusCode).toBe(204);
    expect((await raw('GET')).status).toBe(404);
  });

  it('refuses bad rules with InvalidArgument or MalformedXML, changing nothing', async () => {
    const doc = (rule: string) => `<CORSConfiguration><CORSRule>${rule}</CORSRule></CORSConfiguration>`;
    for (const rule of [
      '<AllowedOrigin>example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod>',
      '<AllowedOrigin>https://*.*.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod>',
      '<AllowedOrigin>*</AllowedOrigin><AllowedMethod>PATCH</AllowedMethod>',
      '<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><ExposeHeader>*</ExposeHeader>',
      '<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>soon</MaxAgeSeconds>',
    ]) {
      expect(errorCode((await raw('PUT', doc(rule))).body)).toBe('InvalidArgument');
    }
    for (const body of ['<CORSConfiguration/>', doc('<AllowedMethod>GET</AllowedMethod>'), '<Nope/>']) {
      expect(errorCode((await raw('PUT', body)).body)).toBe('MalformedXML');
    }
    expect(bed.emulator.buckets()[0].cors).toBeUndefined();
  });

  it('needs cos:PutBucketCORS and cos:DeleteBucketCORS, each named when refused', async () => {
    const put = await cos(READER).putBucketCors({ Bucket, Region, CORSRules: [RULE] } as never).catch((e: unknown) => e);
    expect((put as { error: { Message: string } }).error.Message).toContain('cos:PutBucketCORS');
    const del = await cos(READER).deleteBucketCors({ Bucket, Region }).catch((e: unknown) => e);
    expect((del as { error: { Message: string } }).error.Message).toContain('cos:DeleteBucketCORS');
  });
});
