/**
 * One valid input per IPC call, shared by the registry's tests: each malformed payload they send differs from
 * one of these in one way. A call added to the contract without a sample here fails to compile.
 */
import type { BucketRef, CreateBucketInput, Method } from '@shared/contract';

export const PROFILE_ID = '0b0c4f8e-7d44-4c61-9a55-3f1f0f2c1a11';
/** A file or folder handle as the pickers hand them out. */
export const HANDLE = '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';
export const BUCKET_REF: BucketRef = { bucket: 'a-1250000000', region: 'ap-guangzhou' };
export const CREATE_INPUT: CreateBucketInput = {
  name: 'a',
  appId: '1250000000',
  region: 'ap-guangzhou',
  acl: 'private',
  grantRead: ['100000000011'],
  grantWrite: [],
  grantFullControl: [],
  multiAz: false,
};

/** The sign-in sample carries `secretKey`, so a test can search every answer for it. */
export function validInputs(secretKey: string): Record<Method, unknown> {
  return {
    getSession: undefined,
    signIn: { secretId: 'AKID1234', secretKey, region: 'ap-guangzhou', https: true },
    signOut: undefined,
    switchProfile: { id: PROFILE_ID },
    saveProfile: { id: PROFILE_ID, secretId: 'AKID1234', temporary: false, region: 'ap-guangzhou', https: true },
    deleteProfile: { id: PROFILE_ID },
    testProfile: { id: PROFILE_ID },
    listBuckets: {},
    listBucketsPage: { region: 'ap-guangzhou', marker: 'a-1250000000' },
    createBucket: CREATE_INPUT,
    headBucket: BUCKET_REF,
    deleteBucket: BUCKET_REF,
    addBucketByName: BUCKET_REF,
    listAddedBuckets: undefined,
    removeAddedBucket: BUCKET_REF,
    listObjects: { ...BUCKET_REF, prefix: 'photos/2024/', marker: 'photos/2024/a.jpg' },
    deleteObjects: { ...BUCKET_REF, keys: ['photos/a b.jpg', 'photos/100%.png'] },
    countPrefix: { ...BUCKET_REF, prefix: 'photos/' },
    deletePrefixStep: { ...BUCKET_REF, prefix: 'photos/', marker: 'photos/a.jpg' },
    countBucketContents: BUCKET_REF,
    emptyBucketStep: { ...BUCKET_REF, cursor: { phase: 'versions', keyMarker: 'a.jpg', idMarker: 'MTg0NDUxMzY1MDIzNjQ3NTcwMDk' } },
    headObject: { ...BUCKET_REF, key: 'photos/a b.jpg' },
    createFolder: { ...BUCKET_REF, prefix: 'photos/', name: 'trip 2024' },
    createShareLink: { ...BUCKET_REF, key: 'photos/a b.jpg', expiresInSeconds: 3600 },
    getPreferences: undefined,
    setPreferences: { language: 'zh-CN', theme: 'dark', requestLogSize: 5000, fileLogging: true },
    getBucketAcl: BUCKET_REF,
    putBucketAcl: {
      ...BUCKET_REF,
      acl: 'public-read',
      grantRead: ['100000000011'],
      grantWrite: [],
      grantReadAcp: ['qcs::cam::uin/100000000001:uin/100000000012'],
      grantWriteAcp: [],
      grantFullControl: [],
    },
    getBucketVersioning: BUCKET_REF,
    putBucketVersioning: { ...BUCKET_REF, status: 'Enabled' },
    getBucketTagging: BUCKET_REF,
    putBucketTagging: { ...BUCKET_REF, tags: [{ key: 'team', value: 'photos' }, { key: 'cost center', value: '' }] },
    getBucketPolicy: BUCKET_REF,
    putBucketPolicy: {
      ...BUCKET_REF,
      policy: JSON.stringify({
        version: '2.0',
        Statement: [
          {
            Principal: { qcs: ['qcs::cam::anyone:anyone'] },
            Effect: 'allow',
            Action: ['name/cos:GetObject'],
            Resource: ['qcs::cos:ap-guangzhou:uid/1250000000:a-1250000000/public/*'],
          },
        ],
      }),
    },
    getBucketCors: BUCKET_REF,
    putBucketCors: {
      ...BUCKET_REF,
      rules: [
        {
          allowedOrigins: ['https://*.example.com'],
          allowedMethods: ['GET', 'PUT'],
          allowedHeaders: ['*'],
          exposeHeaders: ['ETag'],
          maxAgeSeconds: 600,
        },
      ],
    },
    getBucketLifecycle: BUCKET_REF,
    putBucketLifecycle: {
      ...BUCKET_REF,
      rules: [
        { id: 'expire-logs', prefix: 'logs/', enabled: true, expirationDays: 30 },
        { id: 'to-ia', prefix: '', enabled: false, transition: { days: 0, storageClass: 'STANDARD_IA' }, abortUploadDays: 7 },
      ],
    },
    pickUploadSources: { kind: 'files' },
    addDroppedFiles: { paths: ['/home/user/photo.jpg'] },
    pickDownloadFolder: undefined,
    startUpload: { ...BUCKET_REF, prefix: 'photos/', sources: [HANDLE], conflict: 'ask' },
    startDownload: { ...BUCKET_REF, prefix: 'photos/', keys: ['photos/a b.jpg'], folders: ['photos/2024/'], folder: HANDLE, conflict: 'keepBoth' },
    listTransfers: undefined,
    pauseTransfers: { ids: [PROFILE_ID] },
    resumeTransfers: {},
    cancelTransfers: { ids: [PROFILE_ID] },
    retryTransfers: {},
    clearFinishedTransfers: undefined,
    resolveTransferConflict: { id: PROFILE_ID, choice: 'overwrite', applyToAll: true },
    setTransferConcurrency: { concurrency: 4 },
    listRequestLog: { before: 120, limit: 100, errorsOnly: true, text: 'photos' },
    getPermissions: undefined,
    cancelCall: { callId: 'call-1' },
  };
}
