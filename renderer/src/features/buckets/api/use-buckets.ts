import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context';
import type { CosDeskApi } from '../../../api/client';
import { bucketKeys } from '../../../api/query-keys';

/** Every bucket of the account; the main process follows GET Service's pages to the end. */
export function bucketsQueryOptions(api: CosDeskApi, region?: string) {
  return queryOptions({
    queryKey: bucketKeys.list(region),
    queryFn: () => api.listBuckets(region ? { region } : {}),
  });
}

export function useBuckets() {
  const api = useApi();
  return useQuery(bucketsQueryOptions(api));
}
