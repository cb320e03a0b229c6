import { AppErrorException, type Envelope } from './errors';
import type { CallOptions, CosDeskApi } from './contract';
import { METHODS } from './methods';
import type { BridgeApi } from './bridge';

export { createBridgeApi, type BridgeApi, type Invoke } from './bridge';

/**
 * The renderer's client: a failure envelope becomes a thrown AppErrorException, so callers and React Query
 * see an ordinary rejection that keeps the code, status and request id.
 */
export function createClient(bridge: BridgeApi): CosDeskApi {
  const client: Record<string, (input?: unknown, options?: CallOptions) => Promise<unknown>> = {};
  let calls = 0;
  for (const method of METHODS) {
    const call = bridge[method] as (input?: unknown, callId?: string) => Promise<Envelope<unknown>>;
    client[method] = async (input?: unknown, options?: CallOptions) => {
      const { signal } = options ?? {};
      // A call that may be cancelled gets a name, and a cancel tells the main process to stop it by that name.
      const callId = signal ? `call-${Date.now().toString(36)}-${(calls += 1)}` : undefined;
      const cancel = () => void bridge.cancelCall({ callId: callId! });
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        const envelope = await (callId ? call(input, callId) : call(input));
        if (envelope.ok) return envelope.data;
        throw new AppErrorException(envelope.error);
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    };
  }
  return Object.freeze(client) as unknown as CosDeskApi;
}
