/**
 * How the gateway sends a request: through a fresh SDK client whose retries follow the operation's policy, with
 * every failure turned into the one AppError shape. A delete that failed in a way that may still have deleted
 * leaves as an UnsettledOutcomeException, so the caller checks what happened before saying anything.
 */
import type COS from 'cos-nodejs-sdk-v5';
import { COS_OPERATIONS, camResource, type CamTarget, type CosOperation } from '@shared/cam';
import { APP_ERROR_CODES, AppErrorException, type AppError } from '@shared/errors';
import { NO_PROFILE_LOG, type ProfileLog } from '../request-log/request-log';
import { ABORTED_CODE, abortable } from './abortable';
import type { RawRequester } from './bucket-list-page';
import { toAppError } from './cos-errors';
import { presignGetUrl } from './presign';
import { RETRY_POLICIES, backoffMs, type OperationKind, type RetryPolicy } from './retry-policy';
import { type CallTrace, type OutgoingRequest, SdkClientPool, type SdkSettings, type SharedClock, openSdkCall } from './sdk-call';

/** The request may or may not have acted: the answer was lost, never came, or was a server error. */
export class UnsettledOutcomeException extends AppErrorException {
  constructor(error: AppError) {
    super(error);
    this.name = 'UnsettledOutcome';
  }
}

/** COS refuses a signature whose time is more than 15 minutes from its own clock. */
const COS_CLOCK_TOLERANCE_MS = 15 * 60_000;

/** Requests for a listing page whose answer came back cut or unreadable, before giving up. */
const MAX_LIST_READS = 3;
const LIST_END = '</ListAllMyBucketsResult>';

export interface Transport {
  /**
   * Sends what `work` asks of the SDK client under the policy for `kind`; failures leave as AppErrorException,
   * naming the CAM action `operation` needs on `target` (the bucket; none for GET Service).
   */
  run<T>(kind: OperationKind, operation: CosOperation, work: (cos: COS, trace: CallTrace) => Promise<T>, options?: RunOptions): Promise<T>;
  /**
   * Reads an answer again while `read` finds it cut short (undefined), a few times, then fails with
   * MalformedResponse: a listing that came back short is never shown as a shorter list.
   */
  readWhole<T>(operation: CosOperation, read: () => Promise<T | undefined>): Promise<T>;
  /** GET Service for the page reader: each page is read again when its answer ends early. */
  listRequester: RawRequester;
  /**
   * A body-less 403 may be COS refusing this computer's clock rather than the key: when the answer's Date is
   * further off than COS tolerates, the clock offset is corrected and true returned, so the caller may ask again.
   */
  correctClockFrom(serverDate: string | undefined): boolean;
  readonly secrets: readonly (string | undefined)[];
  /** A presigned GET URL for `key` at `plainUrl`, signed with this transport's keys and corrected clock. */
  presignGet(plainUrl: string, key: string, expiresInSeconds: number): string;
  /** Every try of every call, as the SDK announces it (the page reader drops pages read ahead on a change). */
  on(event: 'before-send', listener: (request: OutgoingRequest) => void): void;
}

export interface RunOptions {
  policy?: RetryPolicy;
  signal?: AbortSignal;
  /** The bucket the call is about, for the request log and the resource an AccessDenied names. */
  target?: CamTarget;
  /** Object bytes to or from a stream: the body is not gathered, and the SDK does not retry. */
  streaming?: boolean;
}

/** The user:password of a proxy URL, which must not appear in errors any more than the SecretKey. */
function proxyPassword(proxy: string | undefined): string | undefined {
  if (!proxy) return undefined;
  try {
    return decodeURIComponent(new URL(proxy).password) || undefined;
  } catch {
    return undefined;
  }
}

/** A complete document ends with its root's closing tag; a cut one (or an HTML page from a proxy) does not. */
function isCompleteList(body: Buffer | string | undefined): boolean {
  // Only the end is looked at: decoding a whole page of 2,000 buckets here would cost as much as reading it.
  const tail = Buffer.isBuffer(body) ? body.subarray(-(LIST_END.length + 256)).toString('utf8') : (body ?? '').slice(-(LIST_END.length + 256));
  return tail.trimEnd().endsWith(LIST_END);
}

/** `log`: where the profile's requests are recorded (see request-log/). */
export function createTransport(settings: SdkSettings, log: ProfileLog = NO_PROFILE_LOG): Transport {
  const clock: SharedClock = { offsetMs: 0 };
  const clients = new SdkClientPool(settings);
  const secrets = [settings.secretKey, settings.sessionToken, proxyPassword(settings.proxy)];
  const listeners: ((request: OutgoingRequest) => void)[] = [];
  const announce = (request: OutgoingRequest) => listeners.forEach((listener) => listener(request));

  const keyKind = settings.sessionToken ? { temporaryKey: true as const } : {};

  function failure(error: unknown, kind: OperationKind, operation: CosOperation, trace: CallTrace, signal?: AbortSignal, target?: CamTarget): AppErrorException {
    if (error instanceof AppErrorException) return error;
    const { action } = COS_OPERATIONS[operation];
    // The user stopped the call: whatever the request did, the caller asked to hear no more of it.
    const networkCode = (trace.refused?.networkError as { code?: unknown } | undefined)?.code;
    if (signal?.aborted || networkCode === ABORTED_CODE) {
      const cancelled: AppError = { kind: 'cancelled', code: APP_ERROR_CODES.cancelled, action };
      return kind === 'delete' && trace.ambiguous > 0 ? new UnsettledOutcomeException(cancelled) : new AppErrorException(cancelled);
    }
    const waitedMs = Date.now() - trace.startedAt;
    const refusedAfterAnswer = trace.refused && trace.refused.networkError === undefined;
    const appError: AppError = refusedAfterAnswer
      ? // Only a delete stops after a 5xx, and the SDK keeps that answer to itself: it was a server error.
{ kind: 'cos', code: APP_ERROR_CODES.serverError, params: { waitedMs }, action }
      : toAppError(trace.refused?.networkError ?? error, { action, secrets, waitedMs, attempts: trace.attempts });
    if (appError.code === 'AccessDenied') Object.assign(appError, { resource: camResource(action, target), ...keyKind });
    return kind === 'delete' && trace.ambiguous > 0 ? new UnsettledOutcomeException(appError) : new AppErrorException(appError);
  }

  async function run<T>(
    kind: OperationKind,
    operation: CosOperation,
    work: (cos: COS, trace: CallTrace) => Promise<T>,
    { policy = RETRY_POLICIES[kind], signal, target, streaming }: RunOptions = {},
  ): Promise<T> {
    const callLog = log.call({ action: COS_OPERATIONS[operation].action, ...(target ? { target } : {}) });
    const call = openSdkCall(clients, settings, clock, policy, announce, signal, callLog, streaming);
    let answered = false;
    try {
      const answer = await abortable(signal, () => work(call.cos, call.trace), call.observe, call.route);
      answered = true;
      return answer;
    } catch (error) {
      throw failure(error, kind, operation, call.trace, signal, target);
    } finally {
      call.finish(answered);
    }
  }

  async function readWhole<T>(operation: CosOperation, read: () => Promise<T | undefined>): Promise<T> {
    const { action } = COS_OPERATIONS[operation];
    for (let reads = 1; ; reads += 1) {
      const answer = await read();
      if (answer !== undefined) return answer;
      if (reads >= MAX_LIST_READS) {
        throw new AppErrorException({ kind: 'network', code: APP_ERROR_CODES.malformedResponse, params: { reads }, action, attempts: reads });
      }
      await new Promise((resolve) => setTimeout(resolve, backoffMs(reads, settings.backoffBaseMs)));
    }
  }

  const listRequester: RawRequester = {
    request: ({ signal, ...params }) =>
      run('read', 'getService', (cos) =>
        readWhole('getService', async () => {
          const answer = (await cos.request(params)) as { Body?: Buffer | string };
          return isCompleteList(answer.Body) ? answer : undefined;
        }),
      { signal }),
  };

  function correctClockFrom(serverDate: string | undefined): boolean {
    const serverMs = serverDate ? Date.parse(serverDate) : NaN;
    if (Number.isNaN(serverMs)) return false;
    if (Math.abs(serverMs - (Date.now() + clock.offsetMs)) <= COS_CLOCK_TOLERANCE_MS) return false;
    clock.offsetMs = serverMs - Date.now();
    return true;
  }

  return {
    run,
    readWhole,
    presignGet: (plainUrl, key, expiresInSeconds) => presignGetUrl(settings, plainUrl, key, expiresInSeconds, clock.offsetMs),
    listRequester,
    correctClockFrom,
    secrets,
    on: (_event, listener) => {
      listeners.push(listener);
    },
  };
}
