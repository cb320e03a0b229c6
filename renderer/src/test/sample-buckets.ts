import type { Bucket } from '@shared/contract';

export const SAMPLE_BUCKETS: Bucket[] = [
  { name: 'photos-1250000000', region: 'ap-guangzhou', creationDate: '2024-05-01T10:00:00Z', bucketType: 'cos' },
  { name: 'backup-1250000000', region: 'ap-shanghai', creationDate: '2023-01-15T02:30:00Z', bucketType: 'cos' },
  { name: 'logs-archive-1250000000', region: 'ap-guangzhou', creationDate: '2025-02-10T12:00:00Z', bucketType: 'cos' },
];
