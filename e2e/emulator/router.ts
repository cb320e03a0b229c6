import { authenticate } from './auth';
import { CosError } from './errors';
import type { CosRequest, CosResponse } from './exchange';
import { deleteBucket, headBucket } from './existing-bucket';
import { getService } from './get-service';
import { parseHost } from './hosts';
import { putBucket } from './put-bucket';
import type { EmulatorState } from './state';

/**
 * Picks the operation from host, method and path; every operation is signed, so authentication comes first.
 * `now` is the server's clock in ms, which a clock-skew fault moves.
 */
export function route(request: CosRequest, state: EmulatorState, now = Date.now()): CosResponse {
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
  } else if (request.rawPath === '/' && request.query.size === 0) {
    // Any query names a sub-resource (?acl, ?cors…) that the emulator does not model; never act on the bucket then.
    if (request.method === 'PUT') return putBucket(request, account, state, target);
    if (request.method === 'HEAD') return headBucket(account, state, target);
    if (request.method === 'DELETE') return deleteBucket(account, state, target);
  }
  const query = [...request.query.keys()].join('&');
  throw new CosError(
    'NotImplemented',
    `The emulator does not implement ${request.method} ${request.rawPath}${query ? `?${query}` : ''} on ${request.host}.`,
  );
}
