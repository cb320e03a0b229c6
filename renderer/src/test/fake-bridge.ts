/**
 * An in-memory stand-in for the preload's `window.cosDesk`: it validates input with the real contract,
 * keeps buckets in memory, answers with envelopes (copied, as IPC would), and lets a test make the next
 * call fail or hold a call pending.
 */
import type { BridgeApi } from '@shared/api';
import {
  METHODS,
  contract,
  type AddedBucket,
  type Bucket,
  type BucketContents,
  type Method,
  type Permission,
  type RequestLogEntry,
  type SessionState,
} from '@shared/contract';
import type { AppError, Envelope } from '@shared/errors';
import { DEFAULT_PREFERENCES, type PreferencesState } from '@shared/preferences';
import { OWNER, SIGNED_IN, createFakeSession, type FakeSession } from './fake-session';

export { OWNER, SIGNED_IN };

export interface FakeCosOptions {
  buckets?: Bucket[];
  session?: SessionState;
  /** Buckets that exist but belong to another account: HEAD answers 403. */
  foreignBuckets?: string[];
  /** Buckets that still hold objects: DELETE answers BucketNotEmpty. */
  nonEmpty?: string[];
  /** Each profile's own buckets, by profile id; profiles not named here see `buckets`. */
  bucketsByProfile?: Record<string, Bucket[]>;
  /** Buckets per listBucketsPage answer (COS's is 2,000). */
  pageSize?: number;
  /** Buckets added by name before the test starts. */
  added?: AddedBucket[];
  /** Each bucket's objects, by full name: keys with sizes (the rest is filled in). */
  objects?: Record<string, FakeObject[]>;
  /** Folders and objects per listObjects answer (COS's is 1,000). */
  objectPageSize?: number;
  /** What buckets hold, for emptying: such a bucket answers BucketNotEmpty until it holds nothing. */
  contents?: Record<string, BucketContents>;
  /** Object keys per bucket, for deleting a selection or a folder. */
  objectKeys?: Record<string, string[]>;
  /** Keys deleteObjects refuses, each with AccessDenied, as COS reports per key. */
  refuseKeys?: string[];
  /** Entries removed per emptyBucketStep / deletePrefixStep (COS's batch is 1,000). */
  stepSize?: number;
  /** The kept preferences and the OS's languages; default: nothing chosen, no system languages. */
  preferences?: Partial<PreferencesState>;
  /** The request log, oldest first. */
  requestLog?: RequestLogEntry[];
  /** What the active profile's requests met. */
  permissions?: Permission[];
}

export interface FakeObject {
  key: string;
  size?: number;
  lastModified?: string;
  storageClass?: string;
  contentType?: string;
  /** x-cos-meta-* headers by full name. */
  meta?: Record<string, string>;
  versionId?: string;
}

export interface Call {
  method: Method;
  input: unknown;
}

export interface FakeCos {
  bridge: BridgeApi;
  calls: Call[];
  buckets: Bucket[];
  callsOf: (method: Method) => Call[];
  /** Object keys each bucket still holds. */
  objects: Record<string, string[]>;
  /** The next call of `method` answers with this error. */
  failNext: (method: Method, error: AppError) => void;
  /** Calls of `method` stay pending until the returned function is called. */
  hold: (method: Method) => () => void;
  session: FakeSession;
  /** The preferences as kept now. */
  preferences: PreferencesState;
}

export function cosError(code: string, status: number, extra: Partial<AppError> = {}): AppError {
  return { kind: 'cos', code, status, cosMessage: `${code} (from the fake COS)`, requestId: `req-${code}`, ...extra };
}

let requestCounter = 0;

/** The instant the fake signs share links at. */
export const SHARE_CLOCK = '2025-03-01T08:00:00.000Z';

export function createFakeCos(options: FakeCosOptions = {}): FakeCos {
  const buckets = [...(options.buckets ?? [])];
  const bucketsOf = (profileId: string | undefined) => (profileId && options.bucketsByProfile?.[profileId]) || buckets;
  const session = createFakeSession(options.session ?? SIGNED_IN, (id) => bucketsOf(id).length);
  const calls: Call[] = [];
  const added: AddedBucket[] = [...(options.added ?? [])];
  const failures = new Map<Method, AppError>();
  const contents: Record<string, BucketContents> = structuredClone(options.contents ?? {});
  const objects: Record<string, string[]> = structuredClone(options.objectKeys ?? {});
  const stepSize = options.stepSize ?? 1000;
  const holds_ = (bucket: string) => Object.values(contents[bucket] ?? {}).some((n) => n > 0);
  const holds = new Map<Method, Promise<void>>();
  const preferences: PreferencesState = { ...DEFAULT_PREFERENCES, systemLanguages: [], ...options.preferences };

  const ok = <T>(data: T): Envelope<T> => ({ ok: true, data: structuredClone(data) });
  const fail = (error: AppError): Envelope<never> => ({ ok: false, error: structuredClone(error) });

  // The registry's own call: this fake keeps no calls running, so there is nothing to cancel.
  // Calls no test here needs are left out: they answer that they are not faked, so a test that reaches one says so.
  const handlers: Partial<Record<Method, (input: any) => Envelope<unknown>>> = {
    cancelCall: () => ok({ cancelled: false }),
    listRequestLog: (input: { before?: number; limit: number; errorsOnly?: boolean; text?: string }) => {
      const needle = input.text?.toLowerCase() ?? '';
      const matching = [...(options.requestLog ?? [])]
        .reverse()
        .filter((e) => input.before === undefined || e.id < input.before)
        .filter((e) => !input.errorsOnly || e.status === undefined || e.status >= 400)
        .filter((e) => !needle || JSON.stringify(e).toLowerCase().includes(needle));
      const entries = matching.slice(0, input.limit);
      const more = matching.length > input.limit;
      return ok({ entries, ...(more ? { nextBefore: entries.at(-1)!.id } : {}), held: options.requestLog?.length ?? 0, capacity: 5000 });
    },
    getPermissions: () => {
      const state = session.state();
      const profile = state.signedIn ? state.profile : undefined;
      return ok({ profileId: profile?.id ?? '', profile: profile?.alias ?? '', temporaryKey: profile?.temporary ?? false, permissions: options.permissions ?? [] });
    },
    ...session.handlers,
    listBuckets: () => ok({ owner: OWNER, buckets: bucketsOf(session.activeProfileId()) }),
    listBucketsPage: (input) => {
      // In name order after the marker, as GET Service pages.
      const rest = bucketsOf(session.activeProfileId())
        .filter((b) => (!input.region || b.region === input.region) && (!input.marker || b.name > input.marker))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const page = rest.slice(0, options.pageSize ?? 2000);
      const truncated = rest.length > page.length;
      return ok({ owner: OWNER, buckets: page, truncated, ...(truncated ? { nextMarker: page.at(-1)!.name } : {}) });
    },
    createBucket: (input) => {
      const name = `${input.name}-${input.appId}`;
      const bucket: Bucket = { name, region: input.region, creationDate: '2025-03-01T08:00:00Z', bucketType: 'cos' };
      if (buckets.some((b) => b.name === name)) return ok({ bucket, alreadyOwned: true });
      buckets.push(bucket);
      return ok({ bucket, alreadyOwned: false });
    },
    headBucket: (input) => {
      const requestId = `head-${++requestCounter}`;
      const own = buckets.find((b) => b.name === input.bucket && b.region === input.region);
      const base = { bucket: input.bucket, region: input.region, requestId };
      if (own) return ok({ ...base, status: 200, exists: true, accessible: true, bucketRegion: own.region, multiAz: own.bucketType === 'maz' });
      if (options.foreignBuckets?.includes(input.bucket)) return ok({ ...base, status: 403, exists: true, accessible: false, multiAz: false });
      return ok({ ...base, status: 404, exists: false, accessible: false, multiAz: false });
    },
    deleteBucket: (input) => {
      const index = buckets.findIndex((b) => b.name === input.bucket && b.region === input.region);
      if (index < 0) return fail(cosError('NoSuchBucket', 404));
      if (options.nonEmpty?.includes(input.bucket) || holds_(input.bucket)) return fail(cosError('BucketNotEmpty', 409));
      buckets.splice(index, 1);
      added.splice(0, added.length, ...added.filter((b) => b.name !== input.bucket));
      return ok({ bucket: input.bucket, region: input.region, confirmedByCheck: false });
    },
    addBucketByName: (input) => {
      const check = handlers.headBucket!(input);
      if (!check.ok) return check;
      const answer = check.data as { exists: boolean };
      if (!answer.exists) return fail(cosError('NoSuchBucket', 404, { action: 'cos:HeadBucket' }));
      const bucket = { name: input.bucket, region: input.region, addedAt: '2025-03-01T08:00:00.000Z' };
      added.splice(0, added.length, ...added.filter((b) => b.name !== input.bucket), bucket);
      return ok({ bucket, check: answer });
    },
    listAddedBuckets: () => ok({ buckets: added }),
    getPreferences: () => ok(preferences),
    setPreferences: (input) => ok(Object.assign(preferences, input)),
    listObjects: (input) => ok(listFolder(options.objects?.[input.bucket] ?? [], input, options.objectPageSize ?? 1000)),
    createFolder: (input) => {
      const key = `${input.prefix}${input.name}/`;
      const held = (options.objects ??= {})[input.bucket] ??= [];
      if (!held.some((o) => o.key === key)) held.push({ key, size: 0 });
      return ok({ key });
    },
    // Signed as COS would be asked to check it: the expiry is the one asked for, counted from the fake's clock.
    createShareLink: (input) => {
      const start = Math.floor(Date.parse(SHARE_CLOCK) / 1000);
      const end = start + input.expiresInSeconds;
      const url = `https://${input.bucket}.cos.${input.region}.myqcloud.com/${encodeURI(input.key)}?q-sign-algorithm=sha1&q-sign-time=${start};${end}&q-signature=fake`;
      return ok({ url, expiresAt: new Date(end * 1000).toISOString() });
    },
    headObject: (input) => {
      const object = options.objects?.[input.bucket]?.find((o) => o.key === input.key);
      if (!object) return fail(cosError('NoSuchKey', 404, { action: 'cos:HeadObject' }));
      return ok({
        key: object.key,
        size: object.size ?? 0,
        ...(object.contentType ? { contentType: object.contentType } : {}),
        etag: 'd41d8cd98f00b204e9800998ecf8427e',
        crc64: '0',
        storageClass: object.storageClass ?? 'STANDARD',
        lastModified: object.lastModified ?? '2025-03-01T08:00:00.000Z',
        meta: Object.entries(object.meta ?? {}).map(([name, value]) => ({ name, value })),
        ...(object.versionId ? { versionId: object.versionId } : {}),
        url: `https://${input.bucket}.cos.${input.region}.myqcloud.com/${encodeURI(object.key)}`,
      });
    },
    countBucketContents: (input) => ok(contents[input.bucket] ?? { objects: 0, noncurrentVersions: 0, deleteMarkers: 0, uploads: 0 }),
    // In COS's order: uploads first, then versions and markers, a batch at a time.
    emptyBucketStep: (input) => {
      const held = contents[input.bucket] ?? { objects: 0, noncurrentVersions: 0, deleteMarkers: 0, uploads: 0 };
      const removed = { objects: 0, noncurrentVersions: 0, deleteMarkers: 0, uploads: 0 };
      let budget = stepSize;
      for (const kind of ['uploads', 'deleteMarkers', 'noncurrentVersions', 'objects'] as const) {
        const n = Math.min(budget, held[kind]);
        held[kind] -= n;
        removed[kind] = n;
        budget -= n;
      }
      contents[input.bucket] = held;
      return ok({ removed, failed: [], remaining: budget === 0, ...(budget === 0 ? { cursor: { phase: 'versions' } } : {}) });
    },
    deleteObjects: (input) => {
      const keys = objects[input.bucket] ?? [];
      const refused: string[] = input.keys.filter((k: string) => options.refuseKeys?.includes(k));
      objects[input.bucket] = keys.filter((k) => !input.keys.includes(k) || refused.includes(k));
      return ok({ deleted: input.keys.length - refused.length, failed: refused.map((key) => ({ key, code: 'AccessDenied' })) });
    },
    countPrefix: (input) => {
      const under = (objects[input.bucket] ?? []).filter((k) => k.startsWith(input.prefix)).sort();
      return ok({ objects: under.length, bytes: under.length, sample: under.slice(0, 10) });
    },
    deletePrefixStep: (input) => {
      const keys = objects[input.bucket] ?? [];
      const batch = keys.filter((k) => k.startsWith(input.prefix)).slice(0, stepSize);
      objects[input.bucket] = keys.filter((k) => !batch.includes(k));
      return ok({ deleted: batch.length, failed: [], remaining: batch.length > 0 });
    },
    removeAddedBucket: (input) => {
      added.splice(0, added.length, ...added.filter((b) => !(b.name === input.bucket && b.region === input.region)));
      return ok({ buckets: added });
    },
  };

  const bridge = {} as Record<Method, (input?: unknown) => Promise<Envelope<unknown>>>;
  for (const method of METHODS) {
    bridge[method] = async (input?: unknown) => {
      calls.push({ method, input: structuredClone(input) });
      await holds.get(method);
      const failure = failures.get(method);
      if (failure) {
        failures.delete(method);
        return fail(failure);
      }
      const parsed = contract[method].input.safeParse(input);
      if (!parsed.success) {
        return fail({
          kind: 'validation',
          code: 'ValidationError',
          issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), rule: i.code === 'custom' ? i.message : i.code })),
        });
      }
      const handler = handlers[method];
      return handler ? handler(parsed.data) : fail({ kind: 'internal', code: 'InternalError', params: { detail: `${method} is not faked` } });
    };
  }

  return {
    bridge: bridge as unknown as BridgeApi,
    calls,
    buckets,
    session,
    objects,
    preferences,
    callsOf: (method) => calls.filter((c) => c.method === method),
    failNext: (method, error) => failures.set(method, error),
    hold: (method) => {
      let release!: () => void;
      holds.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(method);
        release();
      };
    },
  };
}

/** GET Bucket with delimiter `/`, as COS pages it: keys and folders in one order, `marker` the last one given. */
function listFolder(objects: FakeObject[], input: { prefix: string; marker?: string }, pageSize: number) {
  const entries = new Map<string, FakeObject | null>();
  for (const object of objects) {
    if (!object.key.startsWith(input.prefix)) continue;
    const slash = object.key.indexOf('/', input.prefix.length);
    if (slash >= 0) entries.set(object.key.slice(0, slash + 1), null);
    else entries.set(object.key, object);
  }
  const after = [...entries].filter(([key]) => !input.marker || key > input.marker).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const page = after.slice(0, pageSize);
  const truncated = after.length > page.length;
  return {
    folders: page.filter(([, o]) => o === null).map(([key]) => key),
    objects: page
      .filter((entry): entry is [string, FakeObject] => entry[1] !== null)
      .map(([key, o]) => ({
        key,
        size: o.size ?? 0,
        lastModified: o.lastModified ?? '2025-03-01T08:00:00.000Z',
        etag: '"d41d8cd98f00b204e9800998ecf8427e"',
        storageClass: o.storageClass ?? 'STANDARD',
      })),
    truncated,
    ...(truncated ? { nextMarker: page.at(-1)![0] } : {}),
  };
}
