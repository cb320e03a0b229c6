import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AddedBucketList } from '@shared/contract';
import { bucketKeys } from '@renderer/api/query-keys';
import { useActiveProfileId } from '@renderer/features/session/api/use-session';
import { bucketsOf, type BucketPages } from './bucket-pages-cache';

/**
 * The region of a bucket the app already knows (a list loaded, any region's, or a bucket added by name), read when
 * asked: a `cos://` location names a bucket without its region, and a bucket answers only at its own region.
 */
export function useKnownBucketRegion(): (bucket: string) => string | undefined {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useCallback(
    (bucket: string) => {
      for (const [, data] of queryClient.getQueriesData<BucketPages>({ queryKey: bucketKeys.lists(profileId) })) {
        const found = bucketsOf(data).find((b) => b.name === bucket);
        if (found) return found.region;
      }
      const added = queryClient.getQueryData<AddedBucketList>(bucketKeys.added(profileId));
      return added?.buckets.find((b) => b.name === bucket)?.region;
    },
    [queryClient, profileId],
  );
}
