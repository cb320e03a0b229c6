import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAM_ACTIONS, COS_OPERATIONS, buildPolicy, camResource, policyActionName, policyText, resourceKindOf } from './cam';

const PHOTOS = { bucket: 'photos-1250000000', region: 'ap-guangzhou' };

describe('the CAM table', () => {
  it('maps every operation the app sends to its documented action and resource kind', () => {
    const table = Object.fromEntries(Object.entries(COS_OPERATIONS).map(([op, o]) => [op, `${o.action} ${o.resource}`]));
    expect(table).toEqual({
      getService: 'cos:GetService service',
      putBucket: 'cos:PutBucket bucket',
      headBucket: 'cos:HeadBucket bucket',
      deleteBucket: 'cos:DeleteBucket bucket',
      getBucket: 'cos:GetBucket bucket',
      getBucketObjectVersions: 'cos:GetBucketObjectVersions bucket',
      listMultipartUploads: 'cos:ListMultipartUploads bucket',
      abortMultipartUpload: 'cos:AbortMultipartUpload objects',
      deleteMultipleObjects: 'cos:DeleteObject objects',
      headObject: 'cos:HeadObject objects',
      putObject: 'cos:PutObject objects',
      getObject: 'cos:GetObject objects',
      getBucketAcl: 'cos:GetBucketACL bucket',
      putBucketAcl: 'cos:PutBucketACL bucket',
      getBucketVersioning: 'cos:GetBucketVersioning bucket',
      putBucketVersioning: 'cos:PutBucketVersioning bucket',
      getBucketTagging: 'cos:GetBucketTagging bucket',
      putBucketTagging: 'cos:PutBucketTagging bucket',
      deleteBucketTagging: 'cos:DeleteBucketTagging bucket',
      getBucketPolicy: 'cos:GetBucketPolicy bucket',
      putBucketPolicy: 'cos:PutBucketPolicy bucket',
      deleteBucketPolicy: 'cos:DeleteBucketPolicy bucket',
      getBucketCors: 'cos:GetBucketCORS bucket',
      putBucketCors: 'cos:PutBucketCORS bucket',
      deleteBucketCors: 'cos:DeleteBucketCORS bucket',
      getBucketLifecycle: 'cos:GetBucketLifecycle bucket',
      putBucketLifecycle: 'cos:PutBucketLifecycle bucket',
      deleteBucketLifecycle: 'cos:DeleteBucketLifecycle bucket',
      initiateMultipartUpload: 'cos:InitiateMultipartUpload objects',
      uploadPart: 'cos:UploadPart objects',
      listParts: 'cos:ListParts objects',
      completeMultipartUpload: 'cos:CompleteMultipartUpload objects',
    });
    expect(new Set(CAM_ACTIONS).size).toBe(CAM_ACTIONS.length);
    for (const action of CAM_ACTIONS) expect(resourceKindOf(action)).toBeDefined();
  });

  it('writes the resource as doc 31923 does: * for GET Service, the bucket, or every object in it', () => {
    expect(camResource('cos:GetService', PHOTOS)).toBe('*');
    expect(camResource('cos:HeadBucket', PHOTOS)).toBe('qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/');
    expect(camResource('cos:PutObject', PHOTOS)).toBe('qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/*');
    expect(camResource('cos:HeadBucket', undefined)).toBe('*');
    expect(camResource('cos:HeadBucket', { bucket: 'no-appid', region: 'ap-guangzhou' })).toBe('*');
    expect(policyActionName('cos:PutBucket')).toBe('name/cos:PutBucket');
    expect(policyActionName('name/cos:PutBucket')).toBe('name/cos:PutBucket');
  });
});

describe('the policy builder', () => {
  it('grants one action on one resource with one statement', () => {
    expect(JSON.parse(policyText([{ action: 'cos:GetBucket', resource: camResource('cos:GetBucket', PHOTOS) }]))).toEqual({
      version: '2.0',
      statement: [{ effect: 'allow', action: ['name/cos:GetBucket'], resource: ['qcs::cos:ap-guangzhou:uid/1250000000:photos-1250000000/'] }],
    });
  });

  it('grants exactly the actions and resources given, each once, whatever their order', () => {
    const grant = fc.record({
      action: fc.constantFrom(...CAM_ACTIONS),
      resource: fc.constantFrom('*', 'qcs::cos:ap-guangzhou:uid/1250000000:a-1250000000/', 'qcs::cos:ap-beijing:uid/1250000000:b-1250000000/*'),
    });
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 12 }), (grants) => {
        const policy = buildPolicy(grants);
        const granted = new Set(policy.statement.flatMap((s) => s.action.flatMap((a) => s.resource.map((r) => `${a} ${r}`))));
        for (const { action, resource } of grants) {
          const wildcard = grants.some((g) => g.action === action && g.resource === '*');
          expect(granted.has(`name/${action} ${wildcard ? '*' : resource}`)).toBe(true);
        }
        // Nothing beyond what was asked: every action granted was asked for, on a resource asked for it.
        for (const s of policy.statement) {
          for (const a of s.action) expect(grants.some((g) => `name/${g.action}` === a)).toBe(true);
          expect(new Set(s.action).size).toBe(s.action.length);
        }
        expect(buildPolicy([...grants].reverse())).toEqual(policy);
      }),
    );
  });
});
