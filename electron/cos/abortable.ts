/**
 * The HTTP requests a call makes, recognised by the async context they are created in: the SDK hands out no
 * handle on the request it sends, but Node announces every outgoing request on a diagnostics channel,
 * synchronously, inside that context (retries and redirects included). Cancelling a call aborts its requests in
 * flight; the request log is shown each request so that it can read the answer.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

interface CallScope {
  signal?: AbortSignal;
  requests: Set<ClientRequest>;
  onRequest?: (request: ClientRequest) => void;
}

const callScope = new AsyncLocalStorage<CallScope>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  subscribe('http.client.request.start', (message) => {
    const scope = callScope.getStore();
    if (!scope) return;
    const { request } = message as { request: ClientRequest };
    // A retry or a next page sent after the cancel goes no further than its first byte.
    if (scope.signal?.aborted) {
      request.destroy(abortError());
      return;
    }
    if (scope.signal) scope.requests.add(request);
    scope.onRequest?.(request);
  });
}

/** What a request aborted by the user fails with: a network error code the transport recognises. */
export const ABORTED_CODE = 'ECANCELED';

function abortError(): Error {
  return Object.assign(new Error('Cancelled by the user'), { code: ABORTED_CODE });
}

/**
 * Runs `work`; when `signal` aborts, every HTTP request `work` has under way is destroyed (its socket closed).
 * `onRequest` is shown each HTTP request `work` creates, as it is created.
 */
export async function abortable<T>(signal: AbortSignal | undefined, work: () => Promise<T>, onRequest?: (request: ClientRequest) => void): Promise<T> {
  if (!signal && !onRequest) return work();
  listen();
  const requests = new Set<ClientRequest>();
  const abort = () => {
    for (const request of requests) request.destroy(abortError());
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    return await callScope.run({ signal, requests, onRequest }, work);
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}
