import { authenticate } from './auth';
import { getBucketAcl, putBucketAcl } from './bucket-acl';
import { deleteBucketLifecycle, getBucketLifecycle, putBucketLifecycle } from './bucket-lifecycle';
import { deleteBucketCors, getBucketCors, putBucketCors } from './bucket-cors';
import { deleteBucketPolicy, getBucketPolicy, putBucketPolicy } from './bucket-policy';
import { deleteBucketTagging, getBucketTagging, putBucketTagging } from './bucket-tagging';
import type { BucketCall } from './bucket-call';
import { putObjectCopy } from './copy-object';
import { deleteMultipleObjects, deleteObject } from './delete-object';
import { CosError } from './errors';
import type { CosRequest, CosResponse } from './exchange';
import { deleteBucket, headBucket, ownedBucket } from './existing-bucket';
import { getObject } from './get-object';
import { getService } from './get-service';
import { parseHost } from './hosts';
import { listObjectVersions } from './list-versions';
import { getBucket } from './list-objects';
import { listMultipartUploads } from './list-uploads';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  initiateMultipartUpload,
  listParts,
  uploadPart,
  uploadPartCopy,
} from './multipart';
import { type FaultOperation, bucketCall } from './operations';
import { putBucket } from './put-bucket';
import { putObject } from './put-object';
import type { EmulatorState } from './state';
import { getBucketVersioning, putBucketVersioning } from './versioning';

type Handler = (call: BucketCall) => CosResponse | Promise<CosResponse>;

const HANDLERS: Record<Exclude<FaultOperation, 'GetService'>, Handler> = {
  PutBucket: ({ request, account, state, target }) => putBucket(request, account, state, target),
  HeadBucket: ({ account, state, target }) => headBucket(account, state, target),
  DeleteBucket: ({ account, state, target }) => deleteBucket(account, state, target),
  GetBucket: getBucket,
  ListObjectVersions: listObjectVersions,
  ListMultipartUploads: listMultipartUploads,
  PutBucketVersioning: putBucketVersioning,
  GetBucketVersioning: getBucketVersioning,
  GetBucketAcl: getBucketAcl,
  PutBucketAcl: putBucketAcl,
  GetBucketTagging: getBucketTagging,
  PutBucketTagging: putBucketTagging,
  DeleteBucketTagging: deleteBucketTagging,
  GetBucketPolicy: getBucketPolicy,
  PutBucketPolicy: putBucketPolicy,
  DeleteBucketPolicy: deleteBucketPolicy,
  GetBucketCors: getBucketCors,
  PutBucketCors: putBucketCors,
  DeleteBucketCors: deleteBucketCors,
  GetBucketLifecycle: getBucketLifecycle,
  PutBucketLifecycle: putBucketLifecycle,
  DeleteBucketLifecycle: deleteBucketLifecycle,
  DeleteMultipleObjects: deleteMultipleObjects,
  PutObject: putObject,
  PutObjectCopy: putObjectCopy,
  GetObject: (call) => getObject(call, 'GET'),
  HeadObject: (call) => getObject(call, 'HEAD'),
  DeleteObject: deleteObject,
  InitiateMultipartUpload: initiateMultipartUpload,
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListParts: listParts,
};

/**
 * Picks the operation from host, method, path and query; every operation is signed, so authentication comes first.
 * `now` is the server's clock in ms, which a clock-skew fault moves.
 */
export async function route(request: CosRequest, state: EmulatorState, now = Date.now()): Promise<CosResponse> {
  const target = parseHost(request.host, state.domains);
  if (!target) {
    throw new CosError(
      'InvalidURI',
      `"${request.host}" is not a COS host: use service.cos.myqcloud.com, cos.<region>.myqcloud.com or <bucket>-<appid>.cos.<region>.myqcloud.com (the SDK sends these when given the Ip option).`,
    );
  }
  const account = authenticate(request, state, now);
  if (target.kind === 'service') {
    if (request.method === 'GET' && request.rawPath === '/') return getService(request, account, state, target.region);
  } else {
    // A sub-resource the emulator does not model (?acl, ?cors…) names no operation: never act on the bucket then.
    const operation = bucketCall(
      request.method,
      request.rawPath,
      [...request.query.keys()],
      request.headers['x-cos-copy-source'] !== undefined,
    );
    if (operation && operation !== 'GetService') {
      return HANDLERS[operation]({
        request,
        account,
        state,
        target,
        key: request.rawPath === '/' ? '' : request.path.slice(1),
        now,
        bucket: () => ownedBucket(state, account, target),
      });
    }
  }
  const query = [...request.query.keys()].join('&');
  throw new CosError(
    'NotImplemented',
    `The emulator does not implement ${request.method} ${request.rawPath}${query ? `?${query}` : ''} on ${request.host}.`,
  );
}
