import type { Bucket } from '@shared/contract';
import { bucketKeys } from '@renderer/api/query-keys';
import { activeProfileId } from '@renderer/api/session-cache';
import type { CallEffects } from '@renderer/api/use-call';
import { bucketsOf, withBucket, withoutBucket, type BucketPages } from './bucket-pages-cache';

/**
 * The row goes at once; it comes back if COS refuses (a bucket that is not empty, for one), and the lists on
 * screen are then loaded again from COS either way. Only the lists of the profile the delete was started with.
 */
export const deleteBucketEffects: CallEffects<
  'deleteBucket',
  { profileId: string | undefined; removed: { key: readonly unknown[]; bucket: Bucket }[] }
> = (queryClient) => ({
    onMutate: async (ref) => {
      const profileId = activeProfileId(queryClient);
      // A page on its way would land on the list as it was before this row went: let it be asked for again.
      await queryClient.cancelQueries({ queryKey: bucketKeys.lists(profileId) });
      const removed: { key: readonly unknown[]; bucket: Bucket }[] = [];
      for (const [key, list] of queryClient.getQueriesData<BucketPages>({ queryKey: bucketKeys.lists(profileId) })) {
        const bucket = bucketsOf(list).find((b) => b.name === ref.bucket);
        if (!bucket) continue;
        queryClient.setQueryData<BucketPages>(key, withoutBucket(list, ref.bucket));
        removed.push({ key, bucket });
      }
      return { profileId, removed };
    },
    onError: (_error, _ref, context) => {
      for (const { key, bucket } of context?.removed ?? []) {
        queryClient.setQueryData<BucketPages>(key, (list) => withBucket(list, bucket));
      }
    },
    onSettled: (_result, _error, _ref, context) => {
      void queryClient.invalidateQueries({ queryKey: bucketKeys.lists(context?.profileId) });
      // A deleted bucket that was added by hand leaves that list too (the main process takes it off).
      void queryClient.invalidateQueries({ queryKey: bucketKeys.added(context?.profileId) });
    },
});
