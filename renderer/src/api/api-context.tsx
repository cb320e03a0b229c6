import { createContext, use, type ReactNode } from 'react';
import type { CosDeskApi } from './client';

const ApiContext = createContext<CosDeskApi | null>(null);

/** Hands the typed client to the hooks, so tests can pass one built over an in-memory bridge. */
export function ApiProvider({ client, children }: { client: CosDeskApi; children: ReactNode }) {
  return <ApiContext value={client}>{children}</ApiContext>;
}

export function useApi(): CosDeskApi {
  const client = use(ApiContext);
  if (!client) throw new Error('useApi must be used inside <ApiProvider>');
  return client;
}
