/**
 * The only module that talks to cos-nodejs-sdk-v5. It speaks the shared contract's types on one side and the SDK's
 * loosely typed results on the other, and every failure leaves it as an AppErrorException.
 */
import { createHash } from 'node:crypto';
import COS from 'cos-nodejs-sdk-v5';
import { granteeHeader } from '@shared/grants';
import { fullBucketName } from '@shared/bucket-name';
import { folderKey } from '@shared/folder-name';
import { APP_ERROR_CODES, AppErrorException, type AppError } from '@shared/errors';
import type {
  Account,
  BucketList,
  BucketListPage,
  BucketRef,
  CreateBucketInput,
  CreateBucketResult,
  CreateFolderInput,
  CreateFolderResult,
  CreateShareLinkInput,
  DeleteBucketResult,
  HeadBucketResult,
  ListBucketsPageInput,
  ListObjectsInput,
  ObjectDetails,
  ObjectListPage,
  ObjectRef,
  ShareLink,
  BucketAcl,
  BucketCors,
  BucketLifecycle,
  BucketPolicy,
  BucketTags,
  BucketVersioning,
  PutBucketAclInput,
  PutBucketCorsInput,
  PutBucketLifecycleInput,
  PutBucketPolicyInput,
  PutBucketTaggingInput,
  PutBucketVersioningInput,
  SettingWritten,
} from '@shared/contract';
import { OBJECT_PAGE_SIZE } from '@shared/contract';
import { COS_OPERATIONS, type CamAction, type CamTarget, type CosOperation } from '@shared/cam';
import { toAppError } from './cos-errors';
import { createTransferCalls, type TransferCalls } from './object-transfer';
import { readObjectDetails } from './object-details';
import { corsParam, isNoPolicy, lifecycleParam, readBucketAcl, readCors, readLifecycle, readPolicyText, readTags, readVersioning, tagsParam, type RawAcl } from './bucket-settings';
import { LISTING_SHAPES, readFlatListXml } from './flat-list-xml';
import { signedUntil } from './share-link';
import { RECHECK_POLICY } from './retry-policy';
import type { ProfileLog } from '../request-log/request-log';
import { UnsettledOutcomeException, createTransport, type Transport } from './transport';
import { createBucketPageReader } from './bucket-page-reader';
import { readBucketListPage, type RawRequester } from './bucket-list-page';
import {
  type BatchFailure,
  type KeyPage,
  type ListPosition,
  type UploadPage,
  type VersionPage,
  readBatchFailures,
  readKeyPage,
  readObjectPage,
  readUploadPage,
  readVersionPage,
} from './listing-readers';

export interface CosCredentials {
  secretId: string;
  secretKey: string;
  sessionToken?: string;
  https: boolean;
  /**
   * host or host:port of a private deployment or the local emulator. It goes to the SDK's `Ip` option, which swaps
   * only the address: the Host header and the signature stay those of the host names (production COS's, or the
   * service and bucket domains below).
   */
  endpoint?: string;
  /**
   * host or host:port of GET Service instead of service.cos.myqcloud.com / cos.<region>.myqcloud.com; one region's
   * list is then asked for with the `region` parameter. Requests are signed for this host.
   */
  serviceDomain?: string;
  /** The bucket host as a template (`{Bucket}.cos.{Region}.example.com`): the SDK's `Domain` option. */
  bucketDomain?: string;
  /** http://[user:password@]host:port that every request of the profile goes through (the SDK's `Proxy`). */
  proxy?: string;
}

export interface CosGatewayOptions {
  /** Per try, in ms: a call that retries can take a few times this (see retry-policy.ts). */
  timeoutMs?: number;
  /** The first retry's pause, in ms; later ones double. */
  backoffMs?: number;
  /** Where this profile's requests are recorded. */
  requestLog?: ProfileLog;
}

/** How a call is made: `signal` aborts it (requests in flight included); see abortable.ts. */
export interface GatewayCall {
  signal?: AbortSignal;
  /** `recheck`: asked to learn what an unanswered delete did, so one hung try is enough to give up. */
  purpose?: 'check' | 'recheck';
}

/** Each method is named after the IPC call it answers, where it answers one by itself. */
export interface CosGateway extends TransferCalls {
  /** Whose keys these are: one GET Service answer of a single bucket, however many buckets there are. */
  owner(call?: GatewayCall): Promise<Account>;
  listBuckets(input?: { region?: string }, call?: GatewayCall): Promise<BucketList>;
  listBucketsPage(input?: ListBucketsPageInput, call?: GatewayCall): Promise<BucketListPage>;
  createBucket(input: CreateBucketInput, call?: GatewayCall): Promise<CreateBucketResult>;
  headBucket(ref: BucketRef, call?: GatewayCall): Promise<HeadBucketResult>;
  deleteBucket(ref: BucketRef, call?: GatewayCall): Promise<DeleteBucketResult>;
  listObjects(input: ListObjectsInput, call?: GatewayCall): Promise<ObjectListPage>;
  headObject(ref: ObjectRef, call?: GatewayCall): Promise<ObjectDetails>;
  createFolder(input: CreateFolderInput, call?: GatewayCall): Promise<CreateFolderResult>;
  createShareLink(input: CreateShareLinkInput, call?: GatewayCall): Promise<ShareLink>;
  getBucketAcl(ref: BucketRef, call?: GatewayCall): Promise<BucketAcl>;
  putBucketAcl(input: PutBucketAclInput, call?: GatewayCall): Promise<SettingWritten>;
  getBucketVersioning(ref: BucketRef, call?: GatewayCall): Promise<BucketVersioning>;
  putBucketVersioning(input: PutBucketVersioningInput, call?: GatewayCall): Promise<SettingWritten>;
  getBucketTagging(ref: BucketRef, call?: GatewayCall): Promise<BucketTags>;
  putBucketTagging(input: PutBucketTaggingInput, call?: GatewayCall): Promise<SettingWritten>;
  getBucketPolicy(ref: BucketRef, call?: GatewayCall): Promise<BucketPolicy>;
  putBucketPolicy(input: PutBucketPolicyInput, call?: GatewayCall): Promise<SettingWritten>;
  getBucketCors(ref: BucketRef, call?: GatewayCall): Promise<BucketCors>;
  putBucketCors(input: PutBucketCorsInput, call?: GatewayCall): Promise<SettingWritten>;
  getBucketLifecycle(ref: BucketRef, call?: GatewayCall): Promise<BucketLifecycle>;
  putBucketLifecycle(input: PutBucketLifecycleInput, call?: GatewayCall): Promise<SettingWritten>;
  /** The following answer no IPC call by themselves: the delete service (services/object-deleter.ts) uses them. */
  /** GET Bucket without a delimiter: every key under `prefix`, a page at a time. */
  listKeysPage(input: BucketRef & { prefix: string; marker?: string }, call?: GatewayCall): Promise<KeyPage>;
  /** GET Bucket versions: every version and delete marker, a page at a time. */
  listVersionsPage(input: BucketRef & { prefix?: string; after?: ListPosition; maxKeys?: number }, call?: GatewayCall): Promise<VersionPage>;
  /** List Multipart Uploads: the uploads begun and not finished. */
  listUploadsPage(input: BucketRef & { after?: ListPosition; maxUploads?: number; prefix?: string }, call?: GatewayCall): Promise<UploadPage>;
  /** Abort Multipart Upload; an upload already gone (NoSuchUpload) counts as aborted. */
  abortUpload(input: BucketRef & { key: string; uploadId: string }, call?: GatewayCall): Promise<void>;
  /** DELETE Multiple Objects in Quiet mode (at most 1,000 entries): the answer names only the refusals. */
  deleteBatch(input: BucketRef & { objects: readonly { key: string; versionId?: string }[] }, call?: GatewayCall): Promise<BatchFailure[]>;
}

/** Per try. Reads give up after two hung tries, so the user waits about 20 s at most for an answer. */
const DEFAULT_TIMEOUT_MS = 10_000;

type Headers = Record<string, string | undefined>;

/** The bucket a call is about, as the request log and an AccessDenied's resource name it. */
function about({ bucket, region }: { bucket: string; region: string }): CamTarget {
  return { bucket, region };
}

export function createCosGateway(credentials: CosCredentials, options: CosGatewayOptions = {}): CosGateway {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const protocol = credentials.https ? 'https:' : 'http:';
  const transport = createTransport({
    secretId: credentials.secretId,
    secretKey: credentials.secretKey,
    sessionToken: credentials.sessionToken,
    protocol,
    endpoint: credentials.endpoint,
    bucketDomain: credentials.bucketDomain,
    proxy: credentials.proxy,
    timeoutMs,
    backoffBaseMs: options.backoffMs,
  }, options.requestLog);
  const { secrets } = transport;

  /** The transport has shaped every COS failure already; this catches what went wrong reading a success. */
  async function call<T>(operation: CosOperation, run: () => Promise<T>): Promise<T> {
    const startedAt = Date.now();
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppErrorException) throw error;
      throw new AppErrorException(toAppError(error, { action: COS_OPERATIONS[operation].action, secrets, waitedMs: Date.now() - startedAt }));
    }
  }

  async function head(cos: COS, ref: BucketRef): Promise<{ status: number; headers: Headers }> {
    try {
      const result = await cos.headBucket({ Bucket: ref.bucket, Region: ref.region });
      return { status: result.statusCode ?? 200, headers: (result.headers ?? {}) as Headers };
    } catch (error) {
      // HEAD has no body: 403 and 404 are answers about the bucket, not failures of the check.
      const raw = error as { statusCode?: number; headers?: Headers };
      if (raw?.statusCode !== 403 && raw?.statusCode !== 404) throw error;
      return { status: raw.statusCode, headers: raw.headers ?? {} };
    }
  }

  function serviceUrl(region?: string): string {
    const { serviceDomain } = credentials;
    if (serviceDomain) return `${protocol}//${serviceDomain}/${region ? `?region=${encodeURIComponent(region)}` : ''}`;
    return region ? `${protocol}//cos.${region}.myqcloud.com/` : `${protocol}//service.cos.myqcloud.com/`;
  }
  /** A query in the service URL (the region, at a custom service domain) goes into the signed query. */
  const listRequester: RawRequester = { request: (params) => transport.listRequester.request(urlQueryIntoParams(params)) };
  const pages = createBucketPageReader({ request: listRequester.request, on: transport.on }, serviceUrl);

  return {
    ...createTransferCalls(transport),
    owner: ({ signal } = {}) =>
      call('getService', async () => {
        const { Body } = await listRequester.request({ Method: 'GET', Url: serviceUrl(), Query: { 'max-keys': 1 }, RawBody: true, signal });
        return readBucketListPage(Buffer.isBuffer(Body) ? Body.toString('utf8') : (Body ?? '')).owner;
      }),

    listBuckets: (input = {}, { signal } = {}) => call('getService', () => pages.all(input.region, signal)),

    listBucketsPage: (input = {}, { signal } = {}) => call('getService', () => pages.page(input.region, input.marker, signal)),

    createBucket: (input, { signal } = {}) =>
      call('putBucket', () =>
        transport.run('create', 'putBucket', async (cos, trace) => {
          const name = fullBucketName(input.name, input.appId);
          const grant = (ids: readonly string[]) => (ids.length > 0 ? granteeHeader(ids) : undefined);
          const made = (date: string | undefined, alreadyOwned: boolean): CreateBucketResult => ({
            bucket: { name, region: input.region, creationDate: new Date(date ? Date.parse(date) : Date.now()).toISOString() },
            alreadyOwned,
          });
          try {
            const result = await cos.putBucket({
              Bucket: name,
              Region: input.region,
              ACL: input.acl,
              GrantRead: grant(input.grantRead),
              GrantWrite: grant(input.grantWrite),
              GrantFullControl: grant(input.grantFullControl),
              ...(input.multiAz ? { BucketAZConfig: 'MAZ' } : {}),
            });
            return made((result.headers as Headers | undefined)?.date, false);
          } catch (error) {
            // An earlier try may have made the bucket before its answer was lost: the retry then finds it ours.
            // Asked for at the first try, the same answer is a refusal: the user chose a name they already own.
            const code = (error as { code?: unknown } | undefined)?.code;
            if (code === 'BucketAlreadyOwnedByYou' && trace.ambiguous > 0) return made(undefined, true);
            throw error;
          }
        }, { signal, target: about({ bucket: fullBucketName(input.name, input.appId), region: input.region }) }),
      ),

    headBucket: (ref, { signal, purpose = 'check' } = {}) =>
      call('headBucket', async () => {
        const policy = purpose === 'recheck' ? RECHECK_POLICY : undefined;
        const ask = () => transport.run('read', 'headBucket', (cos) => head(cos, ref), { policy, signal, target: about(ref) });
        let { status, headers } = await ask();
        // The SDK corrects its clock only from an error body, which HEAD never has: a 403 dated far from this
        // computer's clock is COS refusing the signature's time, so ask again with the clock corrected.
        if (status === 403 && transport.correctClockFrom(headers.date)) ({ status, headers } = await ask());
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

    deleteBucket: (ref, { signal } = {}) =>
      call('deleteBucket', () =>
        transport.run('delete', 'deleteBucket', async (cos) => {
          await cos.deleteBucket({ Bucket: ref.bucket, Region: ref.region });
          return { bucket: ref.bucket, region: ref.region, confirmedByCheck: false };
        }, { signal, target: about(ref) }),
      ),

    listObjects: (input, { signal } = {}) =>
      call('getBucket', () =>
        transport.run('read', 'getBucket', async (cos) => readObjectPage(await getBucketPage(transport, cos, input, '/')), { signal, target: about(input) }),
      ),

    headObject: (ref, { signal } = {}) =>
      call('headObject', () =>
        transport.run('read', 'headObject', async (cos) => {
          const params = { Bucket: ref.bucket, Region: ref.region, Key: ref.key };
          try {
            const result = await cos.headObject(params);
            const url = cos.getObjectUrl({ ...params, Sign: false }, () => undefined);
            return readObjectDetails(ref.key, (result.headers ?? {}) as Headers, url);
          } catch (error) {
            // HEAD has no body, so the SDK's code is the bare status; a 404 here is about the object.
            const raw = error as { statusCode?: number; headers?: Headers } | undefined;
            if (raw?.statusCode !== 404) throw error;
            throw new AppErrorException({ kind: 'cos', code: 'NoSuchKey', status: 404, action: 'cos:HeadObject', requestId: raw.headers?.['x-cos-request-id'] });
          }
        }, { signal, target: about(ref) }),
      ),

    createFolder: (input, { signal } = {}) =>
      call('putObject', () =>
        // Sent again after a lost answer: writing the same empty object twice leaves what writing it once does.
        transport.run('create', 'putObject', async (cos) => {
          const key = folderKey(input.prefix, input.name);
          await cos.putObject({ Bucket: input.bucket, Region: input.region, Key: key, Body: Buffer.alloc(0) });
          return { key };
        }, { signal, target: about(input) }),
      ),

    createShareLink: (input, { signal } = {}) =>
      call('getObject', () =>
        // Signed here and sent nowhere: the link is the only thing that leaves, the SecretKey stays in this process.
        transport.run('read', 'getObject', async (cos) => {
          const plain = cos.getObjectUrl({ Bucket: input.bucket, Region: input.region, Key: input.key, Sign: false }, () => undefined);
          const url = transport.presignGet(plain, input.key, input.expiresInSeconds);
          return { url, expiresAt: signedUntil(url) };
        }, { signal, target: about(input) }),
      ),

    getBucketAcl: (ref, { signal } = {}) =>
      call('getBucketAcl', () =>
        transport.run('read', 'getBucketAcl', async (cos) => readBucketAcl((await cos.getBucketAcl(bucketParams(ref))) as RawAcl), { signal, target: about(ref) }),
      ),

    putBucketAcl: (input, { signal } = {}) =>
      call('putBucketAcl', () =>
        // The whole ACL each time: sending it again after a lost answer leaves what sending it once does.
        transport.run('create', 'putBucketAcl', async (cos) => {
          const grant = (ids: readonly string[]) => (ids.length > 0 ? granteeHeader(ids) : undefined);
          await cos.putBucketAcl({
            ...bucketParams(input),
            ACL: input.acl,
            GrantRead: grant(input.grantRead),
            GrantWrite: grant(input.grantWrite),
            GrantReadAcp: grant(input.grantReadAcp),
            GrantWriteAcp: grant(input.grantWriteAcp),
            GrantFullControl: grant(input.grantFullControl),
            Headers: {},
          } as COS.PutBucketAclParams);
          return WRITTEN;
        }, { signal, target: about(input) }),
      ),

    getBucketVersioning: (ref, { signal } = {}) =>
      call('getBucketVersioning', () =>
        transport.run('read', 'getBucketVersioning', async (cos) => readVersioning(await cos.getBucketVersioning(bucketParams(ref))), { signal, target: about(ref) }),
      ),

    putBucketVersioning: (input, { signal } = {}) =>
      call('putBucketVersioning', () =>
        transport.run('create', 'putBucketVersioning', async (cos) => {
          await cos.putBucketVersioning({ ...bucketParams(input), VersioningConfiguration: { Status: input.status } });
          return WRITTEN;
        }, { signal, target: about(input) }),
      ),

    getBucketTagging: (ref, { signal } = {}) =>
      call('getBucketTagging', () =>
        transport.run('read', 'getBucketTagging', async (cos) => readTags(await cos.getBucketTagging(bucketParams(ref))), { signal, target: about(ref) }),
      ),

    putBucketTagging: (input, { signal } = {}) => {
      // No tags at all is COS's DELETE Bucket tagging: PUT wants at least one.
      if (input.tags.length === 0) {
        return call('deleteBucketTagging', () =>
          transport.run('delete', 'deleteBucketTagging', async (cos) => {
            await cos.deleteBucketTagging(bucketParams(input));
            return WRITTEN;
          }, { signal, target: about(input) }),
        );
      }
      return call('putBucketTagging', () =>
        transport.run('create', 'putBucketTagging', async (cos) => {
          await cos.putBucketTagging({ ...bucketParams(input), Tags: tagsParam(input.tags) });
          return WRITTEN;
        }, { signal, target: about(input) }),
      );
    },

    getBucketPolicy: (ref, { signal } = {}) =>
      call('getBucketPolicy', () =>
        transport.run('read', 'getBucketPolicy', async (cos) => {
          try {
            // Asked for as text: the SDK's own answer is the policy parsed, and {} when it could not parse it.
            const { Body } = (await cos.request({ ...bucketParams(ref), Method: 'GET', Action: 'policy', RawBody: true } as unknown as COS.RequestParams)) as {
              Body?: Buffer | string;
            };
            return { policy: readPolicyText(Buffer.isBuffer(Body) ? Body.toString('utf8') : (Body ?? '')) };
          } catch (error) {
            // No policy yet: COS answers 404 NoSuchPolicy (NoSuchPolicyVersion from newer services).
            if (isNoPolicy(error)) return { policy: null };
            throw error;
          }
        }, { signal, target: about(ref) }),
      ),

    putBucketPolicy: (input, { signal } = {}) => {
      if (input.policy === '') {
        return call('deleteBucketPolicy', () =>
          transport.run('delete', 'deleteBucketPolicy', async (cos) => {
            await cos.deleteBucketPolicy(bucketParams(input));
            return WRITTEN;
          }, { signal, target: about(input) }),
        );
      }
      return call('putBucketPolicy', () =>
        transport.run('create', 'putBucketPolicy', async (cos) => {
          await cos.putBucketPolicy({ ...bucketParams(input), Policy: JSON.parse(input.policy) as object } as COS.PutBucketPolicyParams);
          return WRITTEN;
        }, { signal, target: about(input) }),
      );
    },

    getBucketCors: (ref, { signal } = {}) =>
      call('getBucketCors', () =>
        transport.run('read', 'getBucketCors', async (cos) => readCors(await cos.getBucketCors(bucketParams(ref))), { signal, target: about(ref) }),
      ),

    putBucketCors: (input, { signal } = {}) => {
      if (input.rules.length === 0) {
        return call('deleteBucketCors', () =>
          transport.run('delete', 'deleteBucketCors', async (cos) => {
            await cos.deleteBucketCors(bucketParams(input));
            return WRITTEN;
          }, { signal, target: about(input) }),
        );
      }
      return call('putBucketCors', () =>
        transport.run('create', 'putBucketCors', async (cos) => {
          await cos.putBucketCors({ ...bucketParams(input), CORSRules: corsParam(input.rules) } as unknown as COS.PutBucketCorsParams);
          return WRITTEN;
        }, { signal, target: about(input) }),
      );
    },

    getBucketLifecycle: (ref, { signal } = {}) =>
      call('getBucketLifecycle', () =>
        transport.run('read', 'getBucketLifecycle', async (cos) => readLifecycle(await cos.getBucketLifecycle(bucketParams(ref))), { signal, target: about(ref) }),
      ),

    putBucketLifecycle: (input, { signal } = {}) => {
      if (input.rules.length === 0) {
        return call('deleteBucketLifecycle', () =>
          transport.run('delete', 'deleteBucketLifecycle', async (cos) => {
            await cos.deleteBucketLifecycle(bucketParams(input));
            return WRITTEN;
          }, { signal, target: about(input) }),
        );
      }
      return call('putBucketLifecycle', () =>
        transport.run('create', 'putBucketLifecycle', async (cos) => {
          await cos.putBucketLifecycle({ ...bucketParams(input), Rules: lifecycleParam(input.rules) } as unknown as COS.PutBucketLifecycleParams);
          return WRITTEN;
        }, { signal, target: about(input) }),
      );
    },

    listKeysPage: (input, { signal } = {}) =>
      call('getBucket', () =>
        transport.run(
          'read',
          'getBucket',
          async (cos) => readKeyPage(await getBucketPage(transport, cos, input)),
          { signal, target: about(input) },
        ),
      ),

    listVersionsPage: (input, { signal } = {}) =>
      call('getBucketObjectVersions', () =>
        transport.run('read', 'getBucketObjectVersions', async (cos) => {
          const page = await transport.readWhole('getBucketObjectVersions', () => requestXml(cos, input, { Method: 'GET', Action: 'versions', Query: {
            prefix: input.prefix ?? '',
            'max-keys': input.maxKeys ?? OBJECT_PAGE_SIZE,
            'encoding-type': 'url',
            ...(input.after ? { 'key-marker': input.after.keyMarker } : {}),
            ...(input.after?.idMarker ? { 'version-id-marker': input.after.idMarker } : {}),
          } }, 'ListVersionsResult'));
          return readVersionPage(page);
        }, { signal, target: about(input) }),
      ),

    listUploadsPage: (input, { signal } = {}) =>
      call('listMultipartUploads', () =>
        transport.run('read', 'listMultipartUploads', async (cos) => {
          const page = await transport.readWhole('listMultipartUploads', () => requestXml(cos, input, { Method: 'GET', Action: 'uploads', Query: {
            prefix: '',
            'max-uploads': input.maxUploads ?? OBJECT_PAGE_SIZE,
            'encoding-type': 'url',
            ...(input.after ? { 'key-marker': input.after.keyMarker } : {}),
            ...(input.after?.idMarker ? { 'upload-id-marker': input.after.idMarker } : {}),
          } }, 'ListMultipartUploadsResult'));
          return readUploadPage(page);
        }, { signal, target: about(input) }),
      ),

    abortUpload: (input, { signal } = {}) =>
      call('abortMultipartUpload', () =>
        transport.run('delete', 'abortMultipartUpload', async (cos) => {
          try {
            await cos.multipartAbort({ Bucket: input.bucket, Region: input.region, Key: input.key, UploadId: input.uploadId });
          } catch (error) {
            // Completed or aborted meanwhile: either way it no longer holds the bucket.
            if ((error as { code?: unknown } | undefined)?.code !== 'NoSuchUpload') throw error;
          }
        }, { signal, target: about(input) }),
      ),

    deleteBatch: (input, { signal } = {}) =>
      call('deleteMultipleObjects', () =>
        // Kind 'delete': never sent twice by the transport. A lost answer leaves as UnsettledOutcome, and the
        // caller lists again rather than guess (see services/object-deleter.ts).
        transport.run('delete', 'deleteMultipleObjects', async (cos) => {
          // The request deleteMultipleObject sends, with the answer read whole: the SDK parses whatever arrived, so an
          // answer cut before its <Error> entries would read as "all deleted". Cut short, the outcome is unknown:
          // the caller lists again rather than report keys deleted that may still be there.
          const xml = COS.util.json2xml({
            Delete: { Object: input.objects.map((o) => (o.versionId ? { Key: o.key, VersionId: o.versionId } : { Key: o.key })), Quiet: true },
          });
          const headers = { 'Content-Type': 'application/xml', 'Content-MD5': createHash('md5').update(xml).digest('base64') };
          const result = await requestXml(cos, input, { Method: 'POST', Action: 'delete', Body: xml, Headers: headers }, 'DeleteResult');
          if (result === undefined) throw new UnsettledOutcomeException(cutShortError('cos:DeleteObject'));
          return readBatchFailures(result);
        }, { signal, target: about(input) }),
      ),
  };
}

const WRITTEN: SettingWritten = { done: true };

function bucketParams(ref: BucketRef): { Bucket: string; Region: string } {
  return { Bucket: ref.bucket, Region: ref.region };
}

/**
 * One GET Bucket page under `prefix` after `marker`, folded by `delimiter` when one is given. Keys may hold any
 * character, XML's forbidden ones included: asked for URL-encoded, they arrive intact (the readers decode them).
 */
async function getBucketPage(transport: Transport, cos: COS, input: { bucket: string; region: string; prefix: string; marker?: string }, delimiter?: string) {
  const query = {
    prefix: input.prefix,
    'max-keys': OBJECT_PAGE_SIZE,
    'encoding-type': 'url',
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(input.marker === undefined ? {} : { marker: input.marker }),
  };
  return transport.readWhole('getBucket', () => requestXml(cos, input, { Method: 'GET', Query: query }, 'ListBucketResult'));
}

/**
 * A bucket request whose XML answer is read only when it arrived whole. The SDK's own calls parse whatever came,
 * so a listing cut short would read as a shorter listing, and a delete answer cut before its errors as success:
 * these calls take the raw bytes and look for the root's closing tag first. Undefined when it is missing.
 */
async function requestXml(
  cos: COS,
  ref: { bucket: string; region: string },
  request: { Method: string; Action?: string; Query?: Record<string, string | number>; Body?: string; Headers?: Record<string, string> },
  root: string,
): Promise<Record<string, unknown> | undefined> {
  const answer = (await cos.request({ RawBody: true, Bucket: ref.bucket, Region: ref.region, ...request } as unknown as COS.RequestParams)) as {
    Body?: Buffer | string;
  };
  return completeXml(answer, root);
}

/**
 * The `root` element of an XML answer taken as raw bytes, or undefined when the answer does not end with that
 * element closed (cut short, or not XML at all). An empty root (`<DeleteResult/>`) is an empty object.
 */
function completeXml(answer: { Body?: Buffer | string }, root: string): Record<string, unknown> | undefined {
  const text = (Buffer.isBuffer(answer.Body) ? answer.Body.toString('utf8') : (answer.Body ?? '')).trimEnd();
  if (new RegExp(`<${root}(\\s[^>]*)?/>$`).test(text)) return {};
  if (!text.endsWith(`</${root}>`)) return undefined;
  const shape = LISTING_SHAPES[root];
  const fast = shape ? readFlatListXml(text, shape) : undefined;
  if (fast) return fast;
  const value = (COS.util.xml2json(text) as Record<string, unknown>)[root];
  if (value === '' || value === undefined) return {};
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** The answer ended before its document did (or was not the document at all): read as a failure, never as less. */
function cutShortError(action: CamAction): AppError {
  return { kind: 'network', code: APP_ERROR_CODES.malformedResponse, params: { reads: 1 }, action };
}

/** `Url: https://host/?region=x` becomes `Url: https://host/` with `region` in `Query`, where the SDK signs it. */
function urlQueryIntoParams<P extends { Url: string; Query?: Record<string, string | number> }>(params: P): P {
  const url = new URL(params.Url);
  if (!url.search) return params;
  const Query = { ...Object.fromEntries(url.searchParams), ...params.Query };
  url.search = '';
  return { ...params, Url: url.toString(), Query };
}
