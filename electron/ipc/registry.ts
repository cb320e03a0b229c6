/**
 * Every IPC call passes here: the sender is checked, the input parsed with the contract's schema, the service
 * called, and the answer parsed with the output schema (which also drops any field the contract does not name).
 * The answer is always an envelope: nothing throws back to Electron, whose invoke would keep only a message.
 */
import type { z } from 'zod';
import { METHODS, channelOf, contract, methodOfChannel, type Contract, type Method, type OutputOf } from '@shared/contract';
import { appErrorSchema } from '@shared/error-schema';
import { APP_ERROR_CODES, AppErrorException, type AppError, type Envelope } from '@shared/errors';
import { plainDataProblem } from './plain-data';
import type { SessionService } from '../services/session-service';
import type { BucketService } from '../services/bucket-service';

/** Who called: the URL of the calling frame and whether it is the window's top frame. */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

export interface AppServices {
  session: Pick<
    SessionService,
    'getSession' | 'signIn' | 'signOut' | 'switchProfile' | 'saveProfile' | 'deleteProfile' | 'testProfile'
  >;
  buckets: Pick<BucketService, 'list' | 'listPage' | 'create' | 'head' | 'delete' | 'addByName' | 'listAdded' | 'removeAdded'>;
}

export interface HandlerRegistryOptions {
  services: AppServices;
  isTrustedSender(sender: SenderInfo): boolean;
  /** Told about failures the user only sees as InternalError. */
  log?(message: string, error: unknown): void;
}

export interface HandlerRegistry {
  channels: string[];
  invoke(channel: string, sender: SenderInfo, rawInput: unknown): Promise<Envelope<unknown>>;
}

type Handlers = { [M in Method]: (input: z.output<Contract[M]['input']>) => Promise<OutputOf<M>> | OutputOf<M> };

const MAX_ISSUES = 20;
const MAX_PATH_LENGTH = 100;

function handlersFor({ session, buckets }: AppServices): Handlers {
  return {
    getSession: () => session.getSession(),
    signIn: (input) => session.signIn(input),
    signOut: () => session.signOut(),
    switchProfile: (input) => session.switchProfile(input),
    saveProfile: (input) => session.saveProfile(input),
    deleteProfile: (input) => session.deleteProfile(input),
    testProfile: (input) => session.testProfile(input),
    listBuckets: (input) => buckets.list(input),
    listBucketsPage: (input) => buckets.listPage(input),
    createBucket: (input) => buckets.create(input),
    headBucket: (input) => buckets.head(input),
    deleteBucket: (input) => buckets.delete(input),
    addBucketByName: (input) => buckets.addByName(input),
    listAddedBuckets: () => buckets.listAdded(),
    removeAddedBucket: (input) => buckets.removeAdded(input),
  };
}

function failure(error: AppError): Envelope<never> {
  return { ok: false, error };
}

const INTERNAL_ERROR: AppError = {
  kind: 'internal',
  code: APP_ERROR_CODES.internal,
  message: 'Something went wrong inside COS Desk. The app log has the details.',
};

function validationFailure(method: Method, issues: readonly Pick<z.core.$ZodIssue, 'path' | 'message'>[]): Envelope<never> {
  const listed = issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, MAX_PATH_LENGTH),
    message: issue.message,
  }));
  const details = listed.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(' ');
  return failure({
    kind: 'validation',
    code: APP_ERROR_CODES.validation,
    message: `The ${method} request was not accepted. ${details}`,
    issues: listed,
  });
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

export function createHandlerRegistry({ services, isTrustedSender, log }: HandlerRegistryOptions): HandlerRegistry {
  const handlers = handlersFor(services);

  async function run(method: Method, rawInput: unknown): Promise<Envelope<unknown>> {
    const { input: inputSchema, output: outputSchema } = contract[method];
    // Before the schema, which would read a Map or a Set as an empty object.
    const notPlain = plainDataProblem(rawInput);
    if (notPlain) return validationFailure(method, [{ path: notPlain.path ? notPlain.path.split('.') : [], message: notPlain.message }]);
    const parsed = inputSchema.safeParse(rawInput);
    if (!parsed.success) return validationFailure(method, parsed.error.issues);
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown> | unknown;
      const data = await handler(parsed.data);
      const output = outputSchema.safeParse(data);
      if (output.success) return { ok: true, data: output.data };
      log?.(`${method} answered outside its contract`, output.error);
      return failure(INTERNAL_ERROR);
    } catch (error) {
      if (error instanceof AppErrorException) {
        const appError = appErrorSchema.safeParse(error.error);
        if (appError.success) return failure(appError.data);
      }
      log?.(`${method} failed`, error);
      return failure(INTERNAL_ERROR);
    }
  }

  return {
    channels: METHODS.map(channelOf),
    async invoke(channel, sender, rawInput) {
      if (!isTrusted(isTrustedSender, sender)) {
        return failure({ kind: 'internal', code: APP_ERROR_CODES.untrustedSender, message: 'This window may not call COS Desk.' });
      }
      const method = typeof channel === 'string' ? methodOfChannel(channel) : undefined;
      if (!method) {
        return failure({ kind: 'internal', code: APP_ERROR_CODES.unknownChannel, message: 'COS Desk has no such call.' });
      }
      try {
        return await run(method, rawInput);
      } catch (error) {
        // Only a schema that throws while parsing gets here (a hostile getter, for instance).
        log?.(`${method} input could not be read`, error);
        return failure(INTERNAL_ERROR);
      }
    },
  };
}
