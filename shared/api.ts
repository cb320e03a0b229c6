import { AppErrorException, type Envelope } from './errors';
import type { CosDeskApi } from './contract';
import { METHODS } from './methods';
import type { BridgeApi } from './bridge';

export { createBridgeApi, type BridgeApi, type Invoke } from './bridge';

/**
 * The renderer's client: a failure envelope becomes a thrown AppErrorException, so callers and React Query
 * see an ordinary rejection that keeps the code, status and request id.
 */
export function createClient(bridge: BridgeApi): CosDeskApi {
  const client: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const method of METHODS) {
    const call = bridge[method] as (input?: unknown) => Promise<Envelope<unknown>>;
    client[method] = async (input?: unknown) => {
      const envelope = await call(input);
      if (envelope.ok) return envelope.data;
      throw new AppErrorException(envelope.error);
    };
  }
  return Object.freeze(client) as unknown as CosDeskApi;
}
