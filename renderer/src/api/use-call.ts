/**
 * The one hook for every call the user starts (a create, a check, a sign-in): `useCall('headBucket')`. A call
 * whose answer changes cached data brings its effects, named after it (`createBucketEffects`); the hook sends it
 * under the call's own name, so the React Query devtools and the mutation cache say which call it was.
 */
import { useMutation, useQueryClient, type QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import { useApi } from './api-context';
import { SECRET_BEARING_CALLS, takeSecrets } from './secret-input';

export type CallEffects<M extends Method, Context = unknown> = (
  queryClient: QueryClient,
) => Omit<UseMutationOptions<OutputOf<M>, Error, InputOf<M>, Context>, 'mutationFn' | 'mutationKey'>;

export function useCall<M extends Method, Context = unknown>(method: M, effects?: CallEffects<NoInfer<M>, Context>) {
  const api = useApi();
  const queryClient = useQueryClient();
  const send = api[method] as (input: InputOf<M>) => Promise<OutputOf<M>>;
  return useMutation<OutputOf<M>, Error, InputOf<M>, Context>({
    mutationKey: [method],
    // A SecretKey, token or proxy password typed into a form goes to the main process and stays nowhere in the page.
    mutationFn: (input) => send(input && typeof input === 'object' ? (takeSecrets(input as object) as InputOf<M>) : input),
    ...(SECRET_BEARING_CALLS.has(method) ? { gcTime: 0 } : {}),
    ...effects?.(queryClient),
  });
}
