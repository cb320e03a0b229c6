/**
 * Buckets added by name, for keys that may not list buckets. Their own query, apart from the list's pages, so
 * that a list COS refuses still leaves them on screen.
 */
import { useQuery } from '@tanstack/react-query';
import type { AddedBucket } from '@shared/contract';
import { useApi } from '@renderer/api/api-context';
import { bucketKeys } from '@renderer/api/query-keys';
import { activeProfileId } from '@renderer/api/session-cache';
import type { CallEffects } from '@renderer/api/use-call';
import { useActiveProfileId } from '@renderer/features/session/api/use-session';

const NONE: AddedBucket[] = [];

export function useAddedBuckets(): AddedBucket[] {
  const api = useApi();
  const profileId = useActiveProfileId();
  const query = useQuery({ queryKey: bucketKeys.added(profileId), queryFn: () => api.listAddedBuckets() });
  return query.data?.buckets ?? NONE;
}

/** HEAD first, in the main process: only a bucket COS knows is added. */
export const addBucketByNameEffects: CallEffects<'addBucketByName', { profileId: string | undefined }> = (queryClient) => ({
  onMutate: () => ({ profileId: activeProfileId(queryClient) }),
  onSuccess: (_result, _ref, context) => queryClient.invalidateQueries({ queryKey: bucketKeys.added(context.profileId) }),
});

/** Off the list only: the bucket itself is not touched. */
export const removeAddedBucketEffects: CallEffects<'removeAddedBucket', { profileId: string | undefined }> = (queryClient) => ({
  onMutate: () => ({ profileId: activeProfileId(queryClient) }),
  onSuccess: (list, _ref, context) => queryClient.setQueryData(bucketKeys.added(context.profileId), list),
});
