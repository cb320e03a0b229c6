/**
 * The names of the IPC calls, apart from their schemas so that the preload can be built from them
 * without bundling zod. contract.ts checks at compile time that both lists agree.
 */
export const METHODS = [
  'getSession',
  'signIn',
  'signOut',
  'switchProfile',
  'saveProfile',
  'deleteProfile',
  'testProfile',
  'listBuckets',
  'listBucketsPage',
  'createBucket',
  'headBucket',
  'deleteBucket',
  'addBucketByName',
  'listAddedBuckets',
  'removeAddedBucket',
  'listObjects',
  'deleteObjects',
  'countPrefix',
  'deletePrefixStep',
  'countBucketContents',
  'emptyBucketStep',
  'headObject',
  'createFolder',
  'createShareLink',
  'getPreferences',
  'setPreferences',
  'getBucketAcl',
  'putBucketAcl',
  'getBucketVersioning',
  'putBucketVersioning',
  'getBucketTagging',
  'putBucketTagging',
  'getBucketPolicy',
  'putBucketPolicy',
  'getBucketCors',
  'putBucketCors',
  'getBucketLifecycle',
  'putBucketLifecycle',
  'pickUploadSources',
  'addDroppedFiles',
  'pickDownloadFolder',
  'startUpload',
  'startDownload',
  'listTransfers',
  'pauseTransfers',
  'resumeTransfers',
  'cancelTransfers',
  'retryTransfers',
  'clearFinishedTransfers',
  'resolveTransferConflict',
  'setTransferConcurrency',
  'listRequestLog',
  'getPermissions',
  'cancelCall',
] as const;
export type Method = (typeof METHODS)[number];

export const CHANNEL_PREFIX = 'cos-desk:';

/** The global name under which the preload exposes the API. */
export const API_GLOBAL = 'cosDesk';

export function channelOf(method: Method): string {
  return CHANNEL_PREFIX + method;
}

export function methodOfChannel(channel: string): Method | undefined {
  if (!channel.startsWith(CHANNEL_PREFIX)) return undefined;
  const name = channel.slice(CHANNEL_PREFIX.length);
  return (METHODS as readonly string[]).includes(name) ? (name as Method) : undefined;
}
