/**
 * Every request the main process sends to COS, kept in a bounded ring (the SDK's DEBUG output, as data). The
 * transport opens a call log per gateway call; the SDK announces each try (`before-send`), and each try's answer
 * or failure comes back through the HTTP library's callback. A try marked as the SDK's retry is counted as a
 * try of the request before it, so one entry is one logical request. Once a request is over (the next request of
 * the call starts, or the call ends) its entry is final: it goes to the listeners (the log file, the permissions).
 */
import type { CamTarget } from '@shared/cam';
import type { ListRequestLogInput, RequestLogEntry, RequestLogPage } from '@shared/request-log-contract';
import { openLogFile, type LogFile, type LogFileOptions } from './log-file';
import { redactRequest } from './redact';
import { DEFAULT_LOG_SIZE, MAX_LOG_SIZE, RequestRing } from './ring';

/** One try as the SDK hands it to its HTTP library. */
export interface SentRequest {
  method?: string;
  url?: string;
  qs?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/** How a try ended: the library's error, or the answer with its body as bytes. */
export interface TryAnswer {
  error?: unknown;
  response?: { statusCode?: number; headers?: Record<string, unknown> };
  /** The body, or (with `bytesReceived`) the start of an error body. */
  body?: unknown;
  bytesReceived?: number;
}

export interface CallLog {
  /** A try leaves; the function returned is told how it ended. */
  send(request: SentRequest, retry: boolean): (answer: TryAnswer) => void;
  /** The call is over: its last request's entry is final. */
  finish(): void;
}

/** What the gateway knows of a call that the request does not say. */
export interface CallMeta {
  action?: string;
  target?: CamTarget;
}

export interface ProfileLog {
  call(meta: CallMeta): CallLog;
}

/** A final entry with what it was about, for listeners. */
export interface FinishedRequest {
  entry: RequestLogEntry;
  target?: CamTarget;
}

export interface RequestLogSettings {
  /** Entries kept in memory, 0 to 100,000. */
  size?: number;
  /** Write every entry to the rotating file as well. */
  fileLogging?: boolean;
}

export interface RequestLogOptions extends RequestLogSettings {
  /** Cleans text of every secret the main process has handled (the redactor). */
  clean?: (text: string) => string;
  /** Where the log file goes (the user-data folder's `logs`); without it, file logging stays off. */
  file?: Omit<LogFileOptions, 'folder'> & { folder: string };
  now?: () => number;
}

const NO_LOG: CallLog = { send: () => () => {}, finish: () => {} };
export const NO_PROFILE_LOG: ProfileLog = { call: () => NO_LOG };

const MAX_TEXT = 200;

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function byteLength(body: unknown, headers: Record<string, unknown> | undefined): number {
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) return body.byteLength;
  if (typeof body === 'string') return Buffer.byteLength(body);
  const declared = Number(header(headers, 'content-length'));
  return Number.isFinite(declared) && declared >= 0 ? Math.floor(declared) : 0;
}

/** COS's <Code> from the start of an error body; only error answers are looked at. */
function errorCodeOf(body: unknown): string | undefined {
  const text = Buffer.isBuffer(body) ? body.subarray(0, 2048).toString('utf8') : typeof body === 'string' ? body.slice(0, 2048) : '';
  return /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
}

function networkCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z_]{1,30}$/.test(code) ? code : 'other';
}

export class RequestLog {
  private readonly ring: RequestRing;
  private readonly listeners: ((request: FinishedRequest) => void)[] = [];
  private readonly clean: (text: string) => string;
  private readonly now: () => number;
  private nextId = 0;
  private file: LogFile | undefined;
  private fileLogging = false;

  constructor(private readonly options: RequestLogOptions = {}) {
    this.ring = new RequestRing(clampSize(options.size ?? DEFAULT_LOG_SIZE));
    this.clean = options.clean ?? ((text) => text);
    this.now = options.now ?? Date.now;
    this.configure({ fileLogging: options.fileLogging ?? false });
  }

  /** The settings the user chose: the ring's size (a smaller one drops the oldest at once) and file logging. */
  configure({ size, fileLogging }: RequestLogSettings): void {
    if (size !== undefined) this.ring.resize(clampSize(size));
    if (fileLogging !== undefined) {
      this.fileLogging = fileLogging && this.options.file !== undefined;
      if (this.fileLogging && !this.file) this.file = openLogFile(this.options.file!);
    }
  }

  get settings(): Required<RequestLogSettings> {
    return { size: this.ring.capacity, fileLogging: this.fileLogging };
  }

  /** Told of every request once it is over. */
  onFinished(listener: (request: FinishedRequest) => void): void {
    this.listeners.push(listener);
  }

  /** The IPC call: a page of entries, newest first. */
  listRequestLog(input: ListRequestLogInput): RequestLogPage {
    return this.ring.page(input);
  }

  /** The entries held, oldest first. */
  entries(): RequestLogEntry[] {
    return this.ring.all().map((entry) => ({ ...entry }));
  }

  forProfile(profileId: string, profile: string): ProfileLog {
    return { call: (meta) => this.openCall(profileId, profile, meta) };
  }

  private openCall(profileId: string, profile: string, meta: CallMeta): CallLog {
    let current: { entry: RequestLogEntry; startedAt: number } | undefined;
    const finishCurrent = () => {
      if (!current) return;
      const { entry } = current;
      current = undefined;
      entry.pending = false;
      this.finished({ entry, ...(meta.target ? { target: meta.target } : {}) });
    };

    return {
      send: (request, retry) => {
        const startedAt = this.now();
        if (!retry || !current) {
          finishCurrent();
          const { host, path, query } = redactRequest(request, this.clean);
          const entry: RequestLogEntry = {
            id: this.nextId++,
            time: new Date(startedAt).toISOString(),
            profile: this.clean(profile),
            profileId,
            method: (request.method ?? 'GET').toUpperCase(),
            host,
            path,
            query,
            ...(meta.action ? { action: meta.action } : {}),
            tries: 0,
            bytesSent: 0,
            bytesReceived: 0,
            pending: true,
          };
          current = { entry, startedAt };
          this.ring.push(entry);
        }
        const mine = current;
        const { entry } = mine;
        entry.tries += 1;
        entry.pending = true;
        entry.bytesSent += byteLength(request.body, request.headers);
        let told = false;
        return ({ error, response, body, bytesReceived }) => {
          if (told) return;
          told = true;
          entry.durationMs = this.now() - mine.startedAt;
          delete entry.status;
          delete entry.errorCode;
          delete entry.networkError;
          const status = response?.statusCode;
          if (error || status === undefined) {
            entry.networkError = networkCodeOf(error);
          } else {
            entry.status = status;
            entry.bytesReceived += bytesReceived ?? byteLength(body, response?.headers);
            const requestId = header(response?.headers, 'x-cos-request-id');
            if (requestId) entry.requestId = this.clean(requestId).slice(0, MAX_TEXT);
            const code = status >= 300 ? errorCodeOf(body) : undefined;
            if (code) entry.errorCode = this.clean(code);
          }
          // Answered: final unless the SDK tries again, which marks it pending once more.
          entry.pending = false;
        };
      },
      finish: finishCurrent,
    };
  }

  private finished(request: FinishedRequest): void {
    if (this.fileLogging) this.file?.write(JSON.stringify(request.entry));
    for (const listener of this.listeners) listener(request);
  }
}

function clampSize(size: number): number {
  return Math.max(0, Math.min(MAX_LOG_SIZE, Math.floor(Number.isFinite(size) ? size : DEFAULT_LOG_SIZE)));
}
