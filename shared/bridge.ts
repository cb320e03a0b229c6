import type { Envelope } from './errors';
import type { OutputOf, PageInputOf } from './contract';
import { METHODS, channelOf, type Method } from './methods';

/**
 * What the preload exposes: one named function per contract entry, answering with the envelope.
 * Envelopes, not thrown errors, cross the context bridge because Electron drops an Error's own fields there.
 */
export type BridgeApi = {
  /** `callId`: a name for the call, so that `cancelCall({ callId })` can stop it. */
  [M in Method]: (input?: PageInputOf<M>, callId?: string) => Promise<Envelope<OutputOf<M>>>;
};

/** How the preload turns what the page passed into what is sent, for the few calls that need it (an OS drop). */
export type Prepare = Partial<Record<Method, (input: unknown) => unknown>>;

export type Invoke = (channel: string, input: unknown, callId?: string) => Promise<Envelope<unknown>>;

export function createBridgeApi(invoke: Invoke, prepare: Prepare = {}): BridgeApi {
  const api: Record<string, (input?: unknown, callId?: unknown) => Promise<Envelope<unknown>>> = {};
  for (const method of METHODS) {
    const channel = channelOf(method);
    const prepared = prepare[method] ?? ((input: unknown) => input);
    // Only a string goes on as the id: the page cannot hand the main process anything else through it.
    api[method] = (input?: unknown, callId?: unknown) => {
      const sent = prepared(input);
      return typeof callId === 'string' ? invoke(channel, sent, callId) : invoke(channel, sent);
    };
  }
  return Object.freeze(api) as unknown as BridgeApi;
}
