import type { Envelope } from './errors';
import type { InputOf, OutputOf } from './contract';
import { METHODS, channelOf, type Method } from './methods';

/**
 * What the preload exposes: one named function per contract entry, answering with the envelope.
 * Envelopes, not thrown errors, cross the context bridge because Electron drops an Error's own fields there.
 */
export type BridgeApi = {
  /** `callId`: a name for the call, so that `cancelCall({ callId })` can stop it. */
  [M in Method]: (input?: InputOf<M>, callId?: string) => Promise<Envelope<OutputOf<M>>>;
};

export type Invoke = (channel: string, input: unknown, callId?: string) => Promise<Envelope<unknown>>;

export function createBridgeApi(invoke: Invoke): BridgeApi {
  const api: Record<string, (input?: unknown, callId?: unknown) => Promise<Envelope<unknown>>> = {};
  for (const method of METHODS) {
    const channel = channelOf(method);
    // Only a string goes on as the id: the page cannot hand the main process anything else through it.
    api[method] = (input?: unknown, callId?: unknown) => (typeof callId === 'string' ? invoke(channel, input, callId) : invoke(channel, input));
  }
  return Object.freeze(api) as unknown as BridgeApi;
}
