import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionState } from '@shared/contract';
import { useApi } from '@renderer/api/api-context';
import type { CosDeskApi } from '@renderer/api/client';
import { sessionKeys } from '@renderer/api/query-keys';

function sessionQueryOptions(api: CosDeskApi) {
  // The session changes only through the session and profile calls, which write the cache themselves
  // (api/session-cache.ts), and is read again when a call says the keys no longer work.
  return queryOptions({ queryKey: sessionKeys.current(), queryFn: () => api.getSession(), staleTime: Infinity });
}

export function useSession() {
  const api = useApi();
  return useQuery(sessionQueryOptions(api));
}

const activeIdOf = (session: SessionState): string | undefined => (session.signedIn ? session.profile.id : undefined);

/**
 * The active profile's id, from the session already loaded (this never asks for it). Every cached answer about an
 * account's buckets is kept under it, so an answer for one profile can never show up in another's lists.
 */
export function useActiveProfileId(): string | undefined {
  const api = useApi();
  return useQuery({ ...sessionQueryOptions(api), enabled: false, select: activeIdOf }).data;
}

const bucketDomainOf = (session: SessionState): string | undefined => (session.signedIn ? session.profile.bucketDomain : undefined);

/** The active profile's bucket host template (`{Bucket}.cos.{Region}.example.com`), from the session already loaded. */
export function useActiveBucketDomain(): string | undefined {
  const api = useApi();
  return useQuery({ ...sessionQueryOptions(api), enabled: false, select: bucketDomainOf }).data;
}

const keyExpiryOf = (session: SessionState): string | undefined => (session.signedIn ? session.profile.expiresAt : undefined);

/** When the active profile's temporary key stops working (ISO 8601); undefined for a permanent key. */
export function useActiveKeyExpiry(): string | undefined {
  const api = useApi();
  return useQuery({ ...sessionQueryOptions(api), enabled: false, select: keyExpiryOf }).data;
}
