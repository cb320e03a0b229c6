/**
 * Each bucket setting is its own query, so one refused or failed read leaves the others shown. A write re-reads
 * the setting it changed (its effects invalidate that one query).
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { BucketRef, Method, OutputOf } from '@shared/contract';
import { useApi } from '@renderer/api/api-context';
import { settingKeys } from '@renderer/api/query-keys';
import type { CallEffects } from '@renderer/api/use-call';
import { useActiveProfileId } from '@renderer/features/session/api/use-session';

export type SettingRead = 'getBucketAcl' | 'getBucketVersioning' | 'getBucketTagging' | 'getBucketPolicy' | 'getBucketCors' | 'getBucketLifecycle';

export function useBucketSetting<R extends SettingRead>(read: R, ref: BucketRef, options: { enabled?: boolean } = {}) {
  const api = useApi();
  const profileId = useActiveProfileId();
  return useQuery<OutputOf<R>>({
    queryKey: settingKeys.setting(profileId, ref.bucket, ref.region, read),
    queryFn: ({ signal }) => (api[read] as (input: BucketRef, o: { signal: AbortSignal }) => Promise<OutputOf<R>>)(ref, { signal }),
    // Settings are shown to be changed: always as COS has them now.
    staleTime: 0,
    retry: false,
    enabled: options.enabled ?? true,
  });
}

/** A write's effects: once it is done (or refused, which may follow a change made elsewhere), read the setting again. */
export function rereadAfter<M extends Method>(read: SettingRead): CallEffects<M> {
  return (queryClient: QueryClient) => ({
    onSettled: (_data, _error, input) => {
      const ref = input as unknown as BucketRef;
      return queryClient.invalidateQueries({ queryKey: [...settingKeys.all], predicate: (q) => matches(q.queryKey, ref, read) });
    },
  });
}

function matches(key: readonly unknown[], ref: BucketRef, read: SettingRead): boolean {
  return key[0] === settingKeys.all[0] && key[2] === ref.bucket && key[3] === ref.region && key[4] === read;
}
