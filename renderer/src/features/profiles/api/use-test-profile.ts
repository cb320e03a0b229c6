import { useMutation } from '@tanstack/react-query';
import { useApi } from '@renderer/api/api-context';

/** "Test connection": lists buckets with a saved profile's keys, without switching to it. */
export function useTestProfile() {
  const api = useApi();
  return useMutation({ mutationFn: (id: string) => api.testProfile({ id }) });
}
