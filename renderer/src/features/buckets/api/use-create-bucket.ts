import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BucketList, CreateBucketInput } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { bucketKeys } from '../../../api/query-keys';

export function useCreateBucket() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateBucketInput) => api.createBucket(input),
    onSuccess: ({ bucket }) => {
      // Show the new row at once; the refetch below then confirms the list from COS.
      queryClient.setQueryData<BucketList>(bucketKeys.list(), (list) =>
        list && !list.buckets.some((b) => b.name === bucket.name)
          ? { ...list, buckets: [...list.buckets, bucket] }
          : list,
      );
      void queryClient.invalidateQueries({ queryKey: bucketKeys.lists() });
    },
  });
}
