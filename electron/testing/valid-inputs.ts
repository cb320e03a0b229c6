/**
 * One valid input per IPC call, shared by the registry's tests: each malformed payload they send differs from
 * one of these in one way. A call added to the contract without a sample here fails to compile.
 */
import type { BucketRef, CreateBucketInput, Method } from '@shared/contract';

export const PROFILE_ID = '0b0c4f8e-7d44-4c61-9a55-3f1f0f2c1a11';
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
    listRequestLog: { before: 120, limit: 100, errorsOnly: true, text: 'photos' },
    getPermissions: undefined,
    cancelCall: { callId: 'call-1' },
  };
}
