import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProvider } from '../api/api-context';
import type { CosDeskApi } from '../api/client';
import { ErrorBoundary } from './ErrorBoundary';

export function AppProviders({
  client,
  queryClient,
  children,
}: {
  client: CosDeskApi;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <ApiProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <ErrorBoundary>{children}</ErrorBoundary>
      </QueryClientProvider>
    </ApiProvider>
  );
}
