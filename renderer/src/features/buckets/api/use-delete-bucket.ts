import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BucketList, BucketRef } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { bucketKeys } from '../../../api/query-keys';

export function useDeleteBucket() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ref: BucketRef) => api.deleteBucket(ref),
    onSuccess: ({ bucket }) => {
      queryClient.setQueryData<BucketList>(bucketKeys.list(), (list) =>
        list ? { ...list, buckets: list.buckets.filter((b) => b.name !== bucket) } : list,
      );
      void queryClient.invalidateQueries({ queryKey: bucketKeys.lists() });
    },
  });
}
