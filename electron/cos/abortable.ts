/**
 * How a call reaches the HTTP requests the SDK sends for it, to abort them on a cancel and to show each one to the
 * request log. The SDK hands out no handle on a request, but each try's options pass through `before-send`
 * (sdk-call.ts) on their way to its HTTP library, which hands them on to Node unchanged. They name an agent of ours,
 * kept alive and shared like the library's own, whose addRequest shows the call each request with the hook the
 * options carry, as the request is created: before its body is sent, so a cancel also closes an upload midway.
 *
 * Through a proxy the library may put a tunnelling agent of its own in place of ours (https through the proxy), so
 * there the requests are recognised by the async context they are created in: Node announces every outgoing
 * request on a diagnostics channel, synchronously, inside that context (retries and redirects included), once its
 * body has been handed over. While it is on, that context costs every promise of the process a hook, which is why
 * it is kept to calls through a proxy, and turned off whenever none is under way.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import { Agent as HttpAgent, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/** What a request aborted by the user fails with: a network error code the transport recognises. */
export const ABORTED_CODE = 'ECANCELED';

function abortError(): Error {
  return Object.assign(new Error('Cancelled by the user'), { code: ABORTED_CODE });
}

// ---- without a proxy: through the request's options ----

/**
 * The option that carries a call's request hook to our agent. A string key: the HTTP library copies options with
 * for-in, which skips symbols.
 */
const ON_REQUEST = 'cosDeskOnRequest';

type RequestHook = (request: ClientRequest) => void;
type HookedOptions = { [ON_REQUEST]?: RequestHook };
type AddRequest = (this: HttpAgent, request: ClientRequest, options: object) => void;

/** `agent`, whose addRequest also shows the request to the hook its options carry. */
function hooked<A extends HttpAgent>(agent: A): A {
  const addRequest = (agent as unknown as { addRequest: AddRequest }).addRequest;
  const value: AddRequest = function (this: HttpAgent, request, options) {
    addRequest.call(this, request, options);
    (options as HookedOptions)[ON_REQUEST]?.(request);
  };
  Object.defineProperty(agent, 'addRequest', { value });
  return agent;
}

/** One per protocol for the whole process, kept alive as the SDK's own (its `KeepAlive`, on by default). */
const AGENTS = {
  'http:': hooked(new HttpAgent({ keepAlive: true })),
  'https:': hooked(new HttpsAgent({ keepAlive: true })),
};

/** The options a try without a proxy adds for its HTTP request: our agent, and the call's hook. */
export function requestRouting(protocol: 'http:' | 'https:', onRequest: RequestHook): object {
  return { agent: AGENTS[protocol], [ON_REQUEST]: onRequest };
}

// ---- through a proxy: by the async context ----

const callScope = new AsyncLocalStorage<RequestHook>();
let listening = false;
/** Calls through a proxy under way. */
let proxyCalls = 0;

function listen(): void {
  if (listening) return;
  listening = true;
  subscribe('http.client.request.start', (message) => {
    callScope.getStore()?.((message as { request: ClientRequest }).request);
  });
}

/**
 * Runs `work`; when `signal` aborts, every HTTP request `work` has under way is destroyed (its socket closed), and
 * one made after the cancel at once. `onRequest` is shown each HTTP request `work` creates, as it is created.
 * `route` hands the hook that sees them to the call's tries (through their options); without it (a proxy), the
 * requests are recognised by their async context.
 */
export async function abortable<T>(
  signal: AbortSignal | undefined,
  work: () => Promise<T>,
  onRequest?: RequestHook,
  route?: (see: RequestHook) => void,
): Promise<T> {
  if (!signal && !onRequest) return work();
  const requests = new Set<ClientRequest>();
  const see = (request: ClientRequest) => {
    // A retry or a next page sent after the cancel goes no further than its first byte.
    if (signal?.aborted) {
      request.destroy(abortError());
      return;
    }
    if (signal) requests.add(request);
    onRequest?.(request);
  };
  const abort = () => {
    for (const request of requests) request.destroy(abortError());
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    if (route) {
      route(see);
      return await work();
    }
    listen();
    proxyCalls += 1;
    try {
      return await callScope.run(see, work);
    } finally {
      proxyCalls -= 1;
      // No call through a proxy is under way: the context goes off, so that the promises made meanwhile pay no
      // hook. The next such call turns it on again.
      if (proxyCalls === 0) callScope.disable();
    }
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}
