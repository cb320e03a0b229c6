import { fullBucketName } from '@shared/bucket-name';
import type { Bucket } from '@shared/contract';
import { bucketKeys } from '@renderer/api/query-keys';
import { activeProfileId } from '@renderer/api/session-cache';
import type { CallEffects } from '@renderer/api/use-call';
import { hasBucket, withBucket, withoutBucket, type BucketPages } from './bucket-pages-cache';

/**
 * The new row shows at once, in the full list and in its region's; it goes again if COS refuses, and the lists on
 * screen are then loaded again from COS either way. All of it in the lists of the profile the create was started
 * with: one that finishes after a switch changes nothing the other account shows.
 */
export const createBucketEffects: CallEffects<'createBucket', { profileId: string | undefined; name: string; added: (readonly unknown[])[] }> = (
  queryClient,
) => {
  const listsOf = (profileId: string | undefined, region: string) => [bucketKeys.list(profileId), bucketKeys.list(profileId, region)];

  return {
    onMutate: async (input) => {
      const profileId = activeProfileId(queryClient);
      const name = fullBucketName(input.name, input.appId);
      // A page on its way would land on the list as it was before this row: let it be asked for again.
      await queryClient.cancelQueries({ queryKey: bucketKeys.lists(profileId) });
      const guess: Bucket = { name, region: input.region, creationDate: new Date().toISOString() };
      // Only lists that did not have the bucket already get it, and only those lose it again on failure.
      const added = listsOf(profileId, input.region).filter((key) => {
        const list = queryClient.getQueryData<BucketPages>(key);
        if (!list || hasBucket(list, name)) return false;
        queryClient.setQueryData<BucketPages>(key, withBucket(list, guess));
        return true;
      });
      return { profileId, name, added };
    },
    onError: (_error, _input, context) => {
      for (const key of context?.added ?? []) {
        queryClient.setQueryData<BucketPages>(key, (list) => withoutBucket(list, context!.name));
      }
    },
    onSuccess: ({ bucket }, _input, context) => {
      // COS's own creation time replaces the guess.
      for (const key of listsOf(context.profileId, bucket.region)) {
        queryClient.setQueryData<BucketPages>(key, (list) => withBucket(list, bucket));
      }
    },
    onSettled: (_result, _error, _input, context) => {
      void queryClient.invalidateQueries({ queryKey: bucketKeys.lists(context?.profileId) });
    },
  };
};
