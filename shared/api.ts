import { AppErrorException, type Envelope } from './errors';
import { METHODS, channelOf, type CosDeskApi, type InputOf, type Method, type OutputOf } from './contract';

/**
 * What the preload exposes: one named function per contract entry, answering with the envelope.
 * Envelopes, not thrown errors, cross the context bridge because Electron drops an Error's own fields there.
 */
export type BridgeApi = {
  [M in Method]: (input?: InputOf<M>) => Promise<Envelope<OutputOf<M>>>;
};

export type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

export function createBridgeApi(invoke: Invoke): BridgeApi {
  const api: Record<string, (input?: unknown) => Promise<Envelope<unknown>>> = {};
  for (const method of METHODS) {
    const channel = channelOf(method);
    api[method] = (input?: unknown) => invoke(channel, input);
  }
  return Object.freeze(api) as unknown as BridgeApi;
}

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
