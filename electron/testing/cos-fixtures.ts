/** Accounts and buckets shared by the integration tests that run the real SDK against the local COS emulator. */
import type { EmulatorAccount, EmulatorBucketSeed, EmulatorSeed } from '../../e2e/emulator';
import type { Emulator } from '../../e2e/emulator';
import type { CreateBucketInput } from '@shared/contract';
import type { CosCredentials } from '../cos/gateway';

export const OWNER: EmulatorAccount = {
  secretId: 'AKIDGATEWAYOWNER00000000000000000001',
  secretKey: 'GatewayOwnerSecretKeyMustNotLeak01',
  ownerUin: '100000000001',
  appId: '1250000000',
  displayName: 'Gateway Owner',
};

/** A sub-account of OWNER allowed to list and check buckets only. */
export const READER: EmulatorAccount = {
  secretId: 'AKIDGATEWAYREADER0000000000000000002',
  secretKey: 'GatewayReaderSecretKeyMustNotLeak2',
  ownerUin: '100000000001',
  appId: '1250000000',
  allow: ['cos:GetService', 'cos:HeadBucket'],
};

/** Temporary keys of OWNER's account. */
export const TEMPORARY: EmulatorAccount = {
  secretId: 'AKIDGATEWAYTEMP000000000000000000003',
  secretKey: 'GatewayTempSecretKeyMustNotLeak003',
  sessionToken: 'GatewayTempSessionTokenMustNotLeak-0003',
  ownerUin: '100000000001',
  appId: '1250000000',
};

export const STRANGER: EmulatorAccount = {
  secretId: 'AKIDGATEWAYSTRANGER00000000000000009',
  secretKey: 'GatewayStrangerSecretKeyNotLeak009',
  ownerUin: '100000000009',
  appId: '1250000009',
  displayName: 'Someone else',
};

export const BUCKETS: EmulatorBucketSeed[] = [
  { name: 'photos-1250000000', region: 'ap-guangzhou', creationDate: '2024-03-01T08:00:00Z', multiAz: true },
  { name: 'logs-1250000000', region: 'ap-beijing', creationDate: '2023-11-20T02:30:00Z', objectCount: 12 },
  { name: 'backup-1250000000', region: 'ap-shanghai', creationDate: '2022-06-15T12:00:00Z' },
  { name: 'taken-1250000000', region: 'ap-guangzhou', owner: STRANGER.ownerUin },
  { name: 'strangers-1250000009', region: 'ap-guangzhou', owner: STRANGER.ownerUin },
];

export const SEED: EmulatorSeed = { accounts: [OWNER, READER, TEMPORARY, STRANGER], buckets: BUCKETS };

export const ALL_SECRETS = [OWNER, READER, TEMPORARY, STRANGER].flatMap((a) => [a.secretKey, a.sessionToken ?? []]).flat();

export function credentialsFor(emulator: Emulator, account: EmulatorAccount): CosCredentials {
  return {
    secretId: account.secretId,
    secretKey: account.secretKey,
    sessionToken: account.sessionToken,
    https: false,
    endpoint: emulator.address,
  };
}

/** A create request in OWNER's account: private, one zone, no grants, in ap-guangzhou unless `fields` say otherwise. */
export function createInput(fields: Partial<CreateBucketInput> & Pick<CreateBucketInput, 'name'>): CreateBucketInput {
  return {
    appId: OWNER.appId,
    region: 'ap-guangzhou',
    acl: 'private',
    grantRead: [],
    grantWrite: [],
    grantFullControl: [],
    multiAz: false,
    ...fields,
  };
}
