/**
 * Every IPC call passes here: the sender is checked, the input parsed with the contract's schema, the handler of
 * the same name called, and the answer parsed with the output schema (which also drops any field the contract does
 * not name). The answer is always an envelope: nothing throws back to Electron, whose invoke would keep only a
 * message. A call the page gave an id can be cancelled by that id (`cancelCall`): its handler's signal aborts.
 */
import type { z } from 'zod';
import { METHODS, callIdSchema, channelOf, contract, methodOfChannel, type Contract, type Method, type OutputOf } from '@shared/contract';
import { appErrorSchema } from '@shared/error-schema';
import { APP_ERROR_CODES, AppErrorException, type AppError, type Envelope, type ErrorIssue } from '@shared/errors';
import { plainDataProblem } from './plain-data';

/** Who called: the URL of the calling frame and whether it is the window's top frame. */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

/** What a handler gets besides its input: the signal that aborts when the page cancels the call. */
export interface CallContext {
  signal: AbortSignal;
}

/** The calls services answer; `cancelCall` is the registry's own. */
export type ServiceMethod = Exclude<Method, 'cancelCall'>;

/** One handler per call, by the call's own name. */
export type Handlers = {
  [M in ServiceMethod]: (input: z.output<Contract[M]['input']>, call: CallContext) => Promise<OutputOf<M>> | OutputOf<M>;
};

export interface HandlerRegistryOptions {
  handlers: Handlers;
  isTrustedSender(sender: SenderInfo): boolean;
  /** Told about failures the user only sees as InternalError. */
  log?(message: string, error: unknown): void;
}

export interface HandlerRegistry {
  channels: string[];
  /** `callId`: the page's name for this call, so that it can cancel it; optional. */
  invoke(channel: string, sender: SenderInfo, rawInput: unknown, callId?: unknown): Promise<Envelope<unknown>>;
}

const MAX_ISSUES = 20;
const MAX_PATH_LENGTH = 100;
/** Calls with an id at once; more than the page ever keeps open, few enough that the map stays small. */
const MAX_OPEN_CALLS = 1000;

function failure(error: AppError): Envelope<never> {
  return { ok: false, error };
}

const INTERNAL_ERROR: AppError = { kind: 'internal', code: APP_ERROR_CODES.internal };

function validationFailure(method: Method, issues: readonly ErrorIssue[]): Envelope<never> {
  return failure({
    kind: 'validation',
    code: APP_ERROR_CODES.validation,
    params: { call: method },
    issues: issues.slice(0, MAX_ISSUES).map((issue) => ({ ...issue, path: issue.path.slice(0, MAX_PATH_LENGTH) })),
  });
}

/** A zod issue as the rule it broke: ours carry the rule's name as their message, zod's own have their code. */
function issueOf(issue: z.core.$ZodIssue): ErrorIssue {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'custom') return { path, rule: issue.message };
  const limit = 'maximum' in issue ? Number(issue.maximum) : 'minimum' in issue ? Number(issue.minimum) : undefined;
  // A regex refusal carries our rule's name too; zod's default text for it is not a name.
  const named = issue.code === 'invalid_format' && /^[a-z][\w.]*$/i.test(issue.message) ? issue.message : undefined;
  return { path, rule: named ?? issue.code, ...(limit !== undefined && Number.isFinite(limit) ? { limit } : {}) };
}

function isTrusted(check: HandlerRegistryOptions['isTrustedSender'], sender: unknown): boolean {
  if (typeof sender !== 'object' || sender === null) return false;
  const { url, isMainFrame } = sender as Partial<SenderInfo>;
  if (typeof url !== 'string' || typeof isMainFrame !== 'boolean') return false;
  try {
    return check({ url, isMainFrame });
  } catch {
    return false;
  }
}

export function createHandlerRegistry({ handlers, isTrustedSender, log }: HandlerRegistryOptions): HandlerRegistry {
  const open = new Map<string, AbortController>();

  async function run(method: ServiceMethod, rawInput: unknown, signal: AbortSignal): Promise<Envelope<unknown>> {
    const { input: inputSchema, output: outputSchema } = contract[method];
    // Before the schema, which would read a Map or a Set as an empty object.
    const notPlain = plainDataProblem(rawInput);
    if (notPlain) return validationFailure(method, [notPlain]);
    const parsed = inputSchema.safeParse(rawInput);
    if (!parsed.success) return validationFailure(method, parsed.error.issues.map(issueOf));
    try {
      const handler = handlers[method] as (input: unknown, call: CallContext) => Promise<unknown> | unknown;
      const data = await handler(parsed.data, { signal });
      const output = outputSchema.safeParse(data);
      if (output.success) return { ok: true, data: output.data };
      log?.(`${method} answered outside its contract`, output.error);
      return failure(INTERNAL_ERROR);
    } catch (error) {
      if (error instanceof AppErrorException) {
        const appError = appErrorSchema.safeParse(error.error);
        if (appError.success) return failure(appError.data);
      }
      if (signal.aborted) return failure({ kind: 'cancelled', code: APP_ERROR_CODES.cancelled });
      log?.(`${method} failed`, error);
      return failure(INTERNAL_ERROR);
    }
  }

  function cancel(rawInput: unknown): Envelope<unknown> {
    const parsed = contract.cancelCall.input.safeParse(rawInput);
    if (!parsed.success) return validationFailure('cancelCall', parsed.error.issues.map(issueOf));
    const call = open.get(parsed.data.callId);
    call?.abort();
    return { ok: true, data: { cancelled: call !== undefined } };
  }

  return {
    channels: METHODS.map(channelOf),
    async invoke(channel, sender, rawInput, callId) {
      if (!isTrusted(isTrustedSender, sender)) return failure({ kind: 'internal', code: APP_ERROR_CODES.untrustedSender });
      const method = typeof channel === 'string' ? methodOfChannel(channel) : undefined;
      if (!method) return failure({ kind: 'internal', code: APP_ERROR_CODES.unknownChannel });
      if (method === 'cancelCall') return cancel(rawInput);
      let id: string | undefined;
      if (callId !== undefined) {
        const parsedId = callIdSchema.safeParse(callId);
        if (!parsedId.success) return validationFailure(method, [{ path: 'callId', rule: 'call.id' }]);
        id = parsedId.data;
      }
      const controller = new AbortController();
      // An id already in use, or too many open calls: the call runs, it just cannot be cancelled by id.
      const track = id !== undefined && !open.has(id) && open.size < MAX_OPEN_CALLS;
      if (track) open.set(id!, controller);
      try {
        return await run(method, rawInput, controller.signal);
      } catch (error) {
        // Only a schema that throws while parsing gets here (a hostile getter, for instance).
        log?.(`${method} input could not be read`, error);
        return failure(INTERNAL_ERROR);
      } finally {
        if (track) open.delete(id!);
      }
    },
  };
}
