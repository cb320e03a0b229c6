import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fullBucketName } from '../../../../../shared/bucket-name';
import type { Bucket, CreateBucketInput } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { bucketKeys } from '../../../api/query-keys';
import { hasBucket, withBucket, withoutBucket, type BucketPages } from './bucket-pages-cache';

/**
 * The new row shows at once, in the full list and in its region's; it goes again if COS refuses, and the lists on
 * screen are then loaded again from COS either way.
 */
export function useCreateBucket() {
  const api = useApi();
  const queryClient = useQueryClient();
  const listsOf = (region: string) => [bucketKeys.list(), bucketKeys.list(region)];

  return useMutation({
    mutationFn: (input: CreateBucketInput) => api.createBucket(input),
    onMutate: async (input) => {
      const name = fullBucketName(input.name, input.appId);
      // A page on its way would land on the list as it was before this row: let it be asked for again.
      await queryClient.cancelQueries({ queryKey: bucketKeys.lists() });
      const guess: Bucket = { name, region: input.region, creationDate: new Date().toISOString() };
      // Only lists that did not have the bucket already get it, and only those lose it again on failure.
      const added = listsOf(input.region).filter((key) => {
        const list = queryClient.getQueryData<BucketPages>(key);
        if (!list || hasBucket(list, name)) return false;
        queryClient.setQueryData<BucketPages>(key, withBucket(list, guess));
        return true;
      });
      return { name, added };
    },
    onError: (_error, _input, context) => {
      for (const key of context?.added ?? []) {
        queryClient.setQueryData<BucketPages>(key, (list) => withoutBucket(list, context!.name));
      }
    },
    onSuccess: ({ bucket }) => {
      // COS's own creation time replaces the guess.
      for (const key of listsOf(bucket.region)) queryClient.setQueryData<BucketPages>(key, (list) => withBucket(list, bucket));
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: bucketKeys.lists() });
    },
  });
}
