import { useMutation } from '@tanstack/react-query';
import type { BucketRef } from '@shared/contract';
import { useApi } from '@renderer/api/api-context';

/** HEAD Bucket on demand: a question the user asks, so a mutation rather than a cached query. */
export function useHeadBucket() {
  const api = useApi();
  return useMutation({ mutationFn: (ref: BucketRef) => api.headBucket(ref) });
}
