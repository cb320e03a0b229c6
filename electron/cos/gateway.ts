/**
 * The only module that talks to cos-nodejs-sdk-v5. It speaks the shared contract's types on one side and the SDK's
 * loosely typed results on the other, and every failure leaves it as an AppErrorException.
 */
import COS from 'cos-nodejs-sdk-v5';
import { granteeHeader } from '../../shared/grants';
import { fullBucketName } from '../../shared/bucket-name';
import { AppErrorException } from '../../shared/errors';
import type {
  BucketList,
  BucketRef,
  CreateBucketInput,
  CreateBucketResult,
  DeleteBucketResult,
  HeadBucketResult,
} from '../../shared/contract';
import { toAppError, type CamAction } from './cos-errors';
import { readBucketListPage } from './bucket-list-page';

export interface CosCredentials {
  secretId: string;
  secretKey: string;
  sessionToken?: string;
  https: boolean;
  /**
   * host or host:port of a private deployment or the local emulator. It goes to the SDK's `Ip` option, which swaps
   * only the address: the Host header and the signature stay those of production COS.
   */
  endpoint?: string;
}

export interface CosGatewayOptions {
  timeoutMs?: number;
}

export interface CosGateway {
  listBuckets(input?: { region?: string }): Promise<BucketList>;
  createBucket(input: CreateBucketInput): Promise<CreateBucketResult>;
  headBucket(ref: BucketRef): Promise<HeadBucketResult>;
  deleteBucket(ref: BucketRef): Promise<DeleteBucketResult>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
/** GET Service's documented maximum page size. */
const PAGE_SIZE = 2000;

type Headers = Record<string, string | undefined>;

export function createCosGateway(credentials: CosCredentials, options: CosGatewayOptions = {}): CosGateway {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const protocol = credentials.https ? 'https:' : 'http:';
  const cos = new COS({
    SecretId: credentials.secretId,
    SecretKey: credentials.secretKey,
    SecurityToken: credentials.sessionToken,
    Protocol: protocol,
    Timeout: timeoutMs,
    ...(credentials.endpoint
      ? // The SDK's fallback hosts are production names: they would bypass a private endpoint.
        { Ip: credentials.endpoint, AutoSwitchHost: false }
      : {}),
  });
  const secrets = [credentials.secretKey, credentials.sessionToken];

  async function call<T>(action: CamAction, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new AppErrorException(toAppError(error, { action, secrets, timeoutMs }));
    }
  }

  function serviceUrl(region?: string): string {
    return region ? `${protocol}//cos.${region}.myqcloud.com/` : `${protocol}//service.cos.myqcloud.com/`;
  }

  return {
    listBuckets: (input = {}) =>
      call('cos:GetService', async () => {
        // getService() drops NextMarker and IsTruncated, so pages are fetched with the raw request.
        let marker: string | undefined;
        let owner: BucketList['owner'] | undefined;
        const buckets: BucketList['buckets'] = [];
        for (;;) {
          const data = await cos.request({
            Method: 'GET',
            Url: serviceUrl(input.region),
            Query: { ...(marker === undefined ? {} : { marker }), 'max-keys': PAGE_SIZE },
          });
          const page = readBucketListPage(data);
          owner ??= page.owner;
          buckets.push(...page.buckets);
          // A server that claims more pages without moving the marker would loop forever.
          if (!page.nextMarker || page.nextMarker === marker) break;
          marker = page.nextMarker;
        }
        return { owner: owner!, buckets };
      }),

    createBucket: (input) =>
      call('cos:PutBucket', async () => {
        const name = fullBucketName(input.name, input.appId);
        const grant = (ids: readonly string[]) => (ids.length > 0 ? granteeHeader(ids) : undefined);
        const result = await cos.putBucket({
          Bucket: name,
          Region: input.region,
          ACL: input.acl,
          GrantRead: grant(input.grantRead),
          GrantWrite: grant(input.grantWrite),
          GrantFullControl: grant(input.grantFullControl),
          ...(input.multiAz ? { BucketAZConfig: 'MAZ' } : {}),
        });
        const date = (result.headers as Headers | undefined)?.date;
        return {
          bucket: {
            name,
            region: input.region,
            creationDate: new Date(date ? Date.parse(date) : Date.now()).toISOString(),
          },
          alreadyOwned: false,
        };
      }),

    headBucket: (ref) =>
      call('cos:HeadBucket', async () => {
        let status: number;
        let headers: Headers;
        try {
          const result = await cos.headBucket({ Bucket: ref.bucket, Region: ref.region });
          status = result.statusCode ?? 200;
          headers = (result.headers ?? {}) as Headers;
        } catch (error) {
          // HEAD has no body: 403 and 404 are answers about the bucket, not failures of the check.
          const raw = error as { statusCode?: number; headers?: Headers };
          if (raw?.statusCode !== 403 && raw?.statusCode !== 404) throw error;
          status = raw.statusCode;
          headers = raw.headers ?? {};
        }
        return {
          bucket: ref.bucket,
          region: ref.region,
          status: status as HeadBucketResult['status'],
          exists: status !== 404,
          accessible: status === 200,
          bucketRegion: headers['x-cos-bucket-region'],
          multiAz: headers['x-cos-bucket-az-type'] === 'MAZ',
          requestId: headers['x-cos-request-id'],
        };
      }),

    deleteBucket: (ref) =>
      call('cos:DeleteBucket', async () => {
        await cos.deleteBucket({ Bucket: ref.bucket, Region: ref.region });
        return { bucket: ref.bucket, region: ref.region };
      }),
  };
}
