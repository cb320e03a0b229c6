import type { QueryClient } from '@tanstack/react-query';
import type { SessionState } from '@shared/contract';
import { sessionKeys } from './query-keys';

const notSession = { predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== sessionKeys.all[0] };

function activeIdOf(session: SessionState | undefined): string | undefined {
  return session?.signedIn ? session.profile.id : undefined;
}

/**
 * Shows a new session state. When the active profile changed, or its keys did (`keysChanged`), every cached
 * answer of the previous account is cancelled and dropped first: no list of one account is ever shown under
 * another, not even for a moment, and no answer still in flight lands afterwards.
 */
export async function showSession(queryClient: QueryClient, next: SessionState, options: { keysChanged?: boolean } = {}) {
  const previous = queryClient.getQueryData<SessionState>(sessionKeys.current());
  if (options.keysChanged || activeIdOf(previous) !== activeIdOf(next)) {
    await queryClient.cancelQueries(notSession);
    queryClient.removeQueries(notSession);
  }
  queryClient.setQueryData(sessionKeys.current(), next);
}

export function activeProfileId(queryClient: QueryClient): string | undefined {
  return activeIdOf(queryClient.getQueryData<SessionState>(sessionKeys.current()));
}
