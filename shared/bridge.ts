import type { Envelope } from './errors';
import type { InputOf, OutputOf } from './contract';
import { METHODS, channelOf, type Method } from './methods';

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
