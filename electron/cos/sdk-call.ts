/**
 * One SDK client per gateway call at a time, so that every call can be told apart while the SDK retries it.
 * Clients are lent from a pool (SdkClientPool): making one costs about as much main-thread time as sending a small
 * file, and a thousand small files are a thousand calls.
 *
 * The SDK retries 5xx and network failures by itself, at once and for every method. Two documented hooks let
 * COS Desk decide instead: the SDK asks `getAuthorization` to sign each try (so a retry can be delayed, or refused
 * by answering with no usable signature, which ends the call), and it announces each try with `before-send`,
 * whose options go to its HTTP library unchanged (where `callback` reports the try's network error, if any).
 * The signature is the one the SDK would compute itself (`COS.getAuthorization` is its own signer), so the
 * SecretKey stays in this closure and never sits in an SDK client's options.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import COS from 'cos-nodejs-sdk-v5';
import type { CallLog, SentRequest, TryAnswer } from '../request-log/request-log';
import { requestRouting } from './abortable';
import { type RetryPolicy, backoffMs, mayRetry } from './retry-policy';

export interface SdkSettings {
  secretId: string;
  secretKey: string;
  sessionToken?: string;
  protocol: 'http:' | 'https:';
  /** host:port the connection goes to instead of the production address (the SDK's `Ip`). */
  endpoint?: string;
  /** The bucket host as a template (`{Bucket}.cos.{Region}.example.com`): the SDK's `Domain` option. */
  bucketDomain?: string;
  /** http://[user:password@]host:port, for every request of the profile. */
  proxy?: string;
  /** Per try, in ms. */
  timeoutMs: number;
  /** The first retry's pause, in ms; later ones double. */
  backoffBaseMs?: number;
}

/** The clock correction the SDK learned, kept across calls so that only the first request pays for it. */
export interface SharedClock {
  offsetMs: number;
}

/** What happened to a call's tries: the gateway reads it to explain a failure and to judge what a try did. */
export interface CallTrace {
  startedAt: number;
  /** Tries sent for the current request (a call may send several requests: one per page). */
  attempts: number;
  timeouts: number;
  /** Tries that failed in a way that may have acted on COS: no answer, a dropped connection, a 5xx. */
  ambiguous: number;
  /** Set when the policy stopped a retry: the failure of the last try, as the HTTP library reported it. */
  refused?: { networkError?: unknown };
}

export interface SdkCall {
  cos: COS;
  trace: CallTrace;
  /** Shown each HTTP request the call creates, when it keeps a request log: the answer is read from it. */
  observe?: (request: ClientRequest) => void;
  /** Given, the hook that is to see each HTTP request of the call reaches it through the tries' options. */
  route?: (see: (request: ClientRequest) => void) => void;
  /**
   * Keeps the clock correction for later calls; call it once the call is over. `answered`: the call ended with its
   * answer (not a failure or a stop, after which the SDK may still be busy with it), so its client may serve again.
   */
  finish(answered: boolean): void;
}

/** Not a signature: the SDK refuses to send it and ends the call with a parameter error. */
const NO_SIGNATURE = 'retry-declined';

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);
/** Failures before a byte of the request left: whatever the operation, COS cannot have acted on it. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function isTimeoutError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && TIMEOUT_CODES.has(code);
}

type AuthorizationOptions = COS.GetAuthorizationOptions & { ForceSignHost?: boolean };

/** The SDK marks each retry with this header; a request without it is a first try. */
function isRetry(headers: Record<string, unknown> | undefined): boolean {
  return headers?.['x-cos-sdk-retry'] !== undefined;
}

type Signed = { Authorization: string; SecurityToken?: string };

/** What `before-send` hands over: the options of one try, about to go to the HTTP library. */
export interface OutgoingRequest extends SentRequest {
  /** For the HTTP library (cos-request): null hands the body to `callback` as bytes, undecoded. */
  encoding?: string | null;
  callback?: (error: unknown, response?: { statusCode?: number; headers?: Record<string, unknown> }, body?: unknown) => void;
}

type AuthorizationHook = (options: AuthorizationOptions, callback: (params: Signed) => void) => void;

/** What a lent client's hooks do: act for the call it is lent to. */
interface CallHooks {
  getAuthorization: AuthorizationHook;
  beforeSend(request: OutgoingRequest): void;
}

interface PooledClient {
  cos: COS;
  hooks: CallHooks | undefined;
}

/** Clients kept idle at most: as many as calls usually run at once. */
const MAX_IDLE_CLIENTS = 32;

/**
 * The SDK clients of one set of settings, each lent to one call at a time. A client comes back only from a call
 * that ended with its answer (the SDK is done with it: no retry is waiting to be signed); any other is dropped, so
 * nothing of an earlier call can reach the next call's hooks. A client lent to no call signs nothing.
 */
export class SdkClientPool {
  readonly #settings: SdkSettings;
  readonly #idle: PooledClient[] = [];

  constructor(settings: SdkSettings) {
    this.#settings = settings;
  }

  take(hooks: CallHooks, clockOffsetMs: number): PooledClient {
    const client = this.#idle.pop() ?? this.#create();
    client.hooks = hooks;
    (client.cos as unknown as { options: { SystemClockOffset?: number } }).options.SystemClockOffset = clockOffsetMs;
    return client;
  }

  give(client: PooledClient, reusable: boolean): void {
    client.hooks = undefined;
    if (reusable && this.#idle.length < MAX_IDLE_CLIENTS) this.#idle.push(client);
  }

  #create(): PooledClient {
    const settings = this.#settings;
    const client: PooledClient = { cos: undefined as unknown as COS, hooks: undefined };
    const getAuthorization: AuthorizationHook = (options, callback) =>
      client.hooks ? client.hooks.getAuthorization(options, callback) : callback({ Authorization: NO_SIGNATURE });
    client.cos = new COS({
      getAuthorization: getAuthorization as COS.COSOptions['getAuthorization'],
      Protocol: settings.protocol,
      Timeout: settings.timeoutMs,
      CorrectClockSkew: true,
      ...(settings.proxy ? { Proxy: settings.proxy } : {}),
      ...(settings.bucketDomain ? { Domain: settings.bucketDomain } : {}),
      ...(settings.endpoint
        ? // The SDK's fallback hosts are production names: they would bypass a private endpoint.
          { Ip: settings.endpoint, AutoSwitchHost: false }
        : {}),
    });
    client.cos.on('before-send', (request: OutgoingRequest) => client.hooks?.beforeSend(request));
    return client;
  }
}

export function openSdkCall(
  pool: SdkClientPool,
  settings: SdkSettings,
  clock: SharedClock,
  policy: RetryPolicy,
  onSend?: (request: OutgoingRequest) => void,
  signal?: AbortSignal,
  log?: CallLog,
  streaming = false,
): SdkCall {
  const trace: CallTrace = { startedAt: Date.now(), attempts: 0, timeouts: 0, ambiguous: 0 };
  let signedWithOffset: number | undefined;
  let lastTry: { networkError?: unknown } = {};
  /** The try sent last whose HTTP request has not been seen yet (request log only). */
  let unseen: ((answer: TryAnswer) => void) | undefined;
  /** Shown each HTTP request of the call, through the try's options (see abortable.ts). */
  let see: ((request: ClientRequest) => void) | undefined;

  function sign(options: AuthorizationOptions): Signed {
    signedWithOffset = options.SystemClockOffset ?? 0;
    const authorization = COS.getAuthorization({
      SecretId: settings.secretId,
      SecretKey: settings.secretKey,
      Method: options.Method,
      Pathname: options.Pathname,
      Query: options.Query,
      Headers: options.Headers,
      SystemClockOffset: signedWithOffset,
      ...(options.ForceSignHost === false ? { ForceSignHost: false } : {}),
    } as COS.StaticGetAuthorizationOptions);
    return { Authorization: authorization, ...(settings.sessionToken ? { SecurityToken: settings.sessionToken } : {}) };
  }

  const getAuthorization: AuthorizationHook = (options, callback) => {
    if (!isRetry(options.Headers)) return callback(sign(options));
    // The SDK corrected its clock after COS refused the signature's time: that try did nothing, so it may go again.
    if ((options.SystemClockOffset ?? 0) !== signedWithOffset) return callback(sign(options));
    const code = (lastTry.networkError as { code?: unknown } | undefined)?.code;
    if (!(typeof code === 'string' && NEVER_SENT_CODES.has(code))) trace.ambiguous += 1;
    const timedOut = isTimeoutError(lastTry.networkError);
    // A cancelled call is never tried again.
    if (signal?.aborted || !mayRetry(policy, { attempts: trace.attempts, timeouts: trace.timeouts, timedOut })) {
      trace.refused = lastTry;
      return callback({ Authorization: NO_SIGNATURE });
    }
    setTimeout(() => callback(signal?.aborted ? { Authorization: NO_SIGNATURE } : sign(options)), backoffMs(trace.attempts, settings.backoffBaseMs));
  };

  const beforeSend = (request: OutgoingRequest) => {
    onSend?.(request);
    const retry = isRetry(request.headers);
    // The request log sees every try, the SDK's retries counted as tries of the request before them.
    const answered = log?.send(request, retry);
    unseen = answered;
    if (see) Object.assign(request, requestRouting(settings.protocol, see));
    // A first try is the next request of the call (the next page): the counts start again.
    if (!retry) Object.assign(trace, { attempts: 0, timeouts: 0, ambiguous: 0 });
    trace.attempts += 1;
    const thisTry: { networkError?: unknown } = {};
    lastTry = thisTry;
    // The HTTP library calls this on a network error; on an answer the SDK has already taken over. Given a
    // callback, the library also gathers the body for it, and would decode it to a string nobody reads (a second
    // decode of every page on top of the SDK's own): `encoding: null` keeps it as the bytes it already has.
    // A streamed body (object bytes to or from a file) must not be gathered: it may be gigabytes. Such calls are
    // never retried by the SDK, so they need no note of the network error either.
    if (streaming) return;
    request.encoding = null;
    request.callback = (error, response, body) => {
      answered?.({ error, response, body });
      if (!error || thisTry.networkError) return;
      thisTry.networkError = error;
      if (isTimeoutError(error)) trace.timeouts += 1;
    };
  };
  const client = pool.take({ getAuthorization, beforeSend }, clock.offsetMs);
  const { cos } = client;

  // The SDK's success path takes the answer's events over before the HTTP library's callback would hear of it,
  // so the answer is read from the HTTP request itself: its status, headers, size, and an error body's code.
  const observe = (httpRequest: ClientRequest) => {
    const answered = unseen;
    // A proxy's CONNECT is not the try: the try's own request follows it.
    if (!answered || httpRequest.method === 'CONNECT') return;
    unseen = undefined;
    httpRequest.once('response', (response: IncomingMessage) => {
      let received = 0;
      const errorBody: Buffer[] = [];
      const failed = (response.statusCode ?? 0) >= 300;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (failed && received <= 4096) errorBody.push(chunk);
      });
      response.once('end', () =>
        answered({ response: { statusCode: response.statusCode, headers: response.headers }, body: Buffer.concat(errorBody), bytesReceived: received }),
      );
    });
  };

  return {
    cos,
    trace,
    ...(log ? { observe } : {}),
    // Through a proxy, the HTTP library may use an agent of its own: the transport finds the requests otherwise.
    ...(settings.proxy
      ? {}
      : {
          route: (hook: (request: ClientRequest) => void) => {
            see = hook;
          },
        }),
    finish(answered) {
      log?.finish();
      const { options } = cos as unknown as { options: { SystemClockOffset?: number } };
      clock.offsetMs = options.SystemClockOffset ?? clock.offsetMs;
      pool.give(client, answered && !signal?.aborted);
    },
  };
}
