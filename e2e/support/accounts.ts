import type { EmulatorAccount, EmulatorBucketSeed, EmulatorSeed } from '../emulator';

/** Keys distinctive enough that a search of the DOM, files and API results cannot miss them. */
export const OWNER: EmulatorAccount = {
  secretId: 'AKIDOWNER000000000000000000000000001',
  secretKey: 'SKownerSecretKeyDoNotLeak0000000001',
  ownerUin: '100000000001',
  appId: '1250000000',
  displayName: 'Example Studio',
};

/** A sub-account of the same owner that may list and check buckets but not create or delete them. */
export const READER: EmulatorAccount = {
  secretId: 'AKIDREADER00000000000000000000000002',
  secretKey: 'SKreaderSecretKeyDoNotLeak000000002',
  ownerUin: '100000000001',
  appId: '1250000000',
  displayName: 'Example Studio reader',
  allow: ['cos:GetService', 'cos:HeadBucket'],
};

/** Another root account: its buckets exist for us but are not ours. */
export const STRANGER: EmulatorAccount = {
  secretId: 'AKIDSTRANGER000000000000000000000003',
  secretKey: 'SKstrangerSecretKeyDoNotLeak0000003',
  ownerUin: '100000000009',
  appId: '1250000009',
  displayName: 'Someone else',
};

/** Temporary keys of the owner's account: requests must carry the session token. */
export const TEMPORARY: EmulatorAccount = {
  secretId: 'AKIDTEMPORARY0000000000000000000004',
  secretKey: 'SKtemporarySecretKeyDoNotLeak000004',
  sessionToken: 'TOKENtemporarySessionTokenDoNotLeak0004',
  ownerUin: '100000000001',
  appId: '1250000000',
  displayName: 'Example Studio (temporary)',
};

export const BUCKETS: EmulatorBucketSeed[] = [
  { name: 'photos-1250000000', region: 'ap-guangzhou', creationDate: '2024-03-01T08:00:00Z', multiAz: true },
  { name: 'logs-1250000000', region: 'ap-beijing', creationDate: '2023-11-20T02:30:00Z', objectCount: 12 },
  { name: 'backup-1250000000', region: 'ap-shanghai', creationDate: '2022-06-15T12:00:00Z' },
  { name: 'static-site-1250000000', region: 'ap-singapore', creationDate: '2025-01-05T09:15:00Z' },
  { name: 'archive-1250000000', region: 'eu-frankfurt', creationDate: '2021-09-09T09:09:09Z' },
  { name: 'private-data-1250000009', region: 'ap-guangzhou', owner: STRANGER.ownerUin, creationDate: '2024-01-01T00:00:00Z' },
  { name: 'taken-1250000000', region: 'ap-guangzhou', owner: STRANGER.ownerUin, creationDate: '2024-01-01T00:00:00Z' },
];

export const SEED: EmulatorSeed = { accounts: [OWNER, READER, STRANGER], buckets: BUCKETS };

export const OWN_BUCKETS = BUCKETS.filter((b) => !b.owner);

/** Many buckets of the owner, spread over regions, named so that they sort after the seeded ones. */
export function manyBuckets(count: number): EmulatorBucketSeed[] {
  const regions = ['ap-guangzhou', 'ap-beijing', 'ap-shanghai', 'ap-chengdu'];
  return Array.from({ length: count }, (_, i) => ({
    name: `zz-bulk-${String(i).padStart(5, '0')}-1250000000`,
    region: regions[i % regions.length],
    creationDate: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  }));
}

export const SECRETS = [OWNER, READER, STRANGER].map((a) => a.secretKey);
