/**
 * The composition root of the main process, free of Electron: main.ts calls it with electron-store and
 * safeStorage, the end-to-end harness and the demo with `conf` stores and a test cipher.
 */
import { createCosGateway } from './cos/gateway';
import { RouteConsentGate, connectionTargets, guardGateway, type RouteConsent } from './cos/route-consent';
import { handlersFrom } from './ipc/handlers';
import { PermissionRecord } from './request-log/permissions';
import { RequestLog, type RequestLogSettings } from './request-log/request-log';
import { createHandlerRegistry, type HandlerRegistry, type Handlers, type SenderInfo } from './ipc/registry';
import type { Cipher } from './secrets/cipher';
import { redactingCipher } from './secrets/redacting-cipher';
import { Redactor } from './secrets/redactor';
import { SecretStore } from './secrets/secret-store';
import { AddedBucketStore } from './services/added-buckets';
import { BucketService } from './services/bucket-service';
import { ObjectDeleter } from './services/object-deleter';
import { PermissionsService } from './services/permissions-service';
import { SessionService } from './services/session-service';
import { PreferencesStore } from './settings/preferences-store';
import type { SettingsStore } from './settings/settings-store';
import { TransferEngine } from './transfers/engine';
import { LocalRegistry } from './transfers/local-files';
import { NO_PICKER, TransferSources, type NativePicker } from './transfers/picker';

export interface MainProcessOptions {
  /** Non-secret settings, the remembered profile among them. */
  settings: SettingsStore;
  /** A separate file for encrypted secrets. */
  secretSettings: SettingsStore;
  cipher: Cipher;
  /** Asks the user before a profile's first request to a host that is not COS's own (main.ts: a native dialog). */
  routeConsent: RouteConsent;
  isTrustedSender(sender: SenderInfo): boolean;
  /** Per-request COS timeout, in ms. */
  timeoutMs?: number;
  /** The first retry's pause, in ms (tests shorten it). */
  backoffMs?: number;
  /** The OS's preferred languages, best first, for a language not chosen yet (main.ts: Electron's; tests: none). */
  systemLanguages?: () => readonly string[];
  /** The preferences kept in `settings`, when the caller needs them first (main.ts: for the consent dialog's language). */
  preferences?: PreferencesStore;
  /** The native file and folder pickers (main.ts: Electron's dialog; the harness answers them itself). */
  picker?: NativePicker;
  /** Where the transfer queue is kept between runs (the user-data folder); none: in memory. */
  transferStateFile?: string;
  /** Tuning of the transfer engine, for tests and benchmarks. */
  transferOptions?: { multipartThreshold?: number; partSize?: number; concurrency?: number; backoffMs?: number; drainMs?: number };
  /** Gets the details already cleaned of every SecretKey and token the app has handled. */
  log?(message: string, details: string): void;
  /**
   * The request log's settings; `logFolder` is where its file goes when file logging is on (main.ts: the
   * user-data folder's `logs`). `false` records nothing (the benchmark's baseline).
   */
  requestLog?: (RequestLogSettings & { logFolder?: string }) | false;
}

export interface MainProcess {
  registry: HandlerRegistry;
  session: SessionService;
  buckets: BucketService;
  preferences: PreferencesStore;
  transfers: TransferEngine;
  /** Cleans text of the secrets handled so far, for anything else that writes logs. */
  redactor: Redactor;
  /** Every request sent to COS; `configure({ size, fileLogging })` applies the user's settings. */
  requestLog: RequestLog;
}

export function createMainProcess(options: MainProcessOptions): MainProcess {
  const redactor = new Redactor();
  const consent = new RouteConsentGate(options.routeConsent);
  const logSettings = options.requestLog === false ? undefined : options.requestLog;
  const requestLog = new RequestLog({
    clean: (text) => redactor.redact(text),
    size: logSettings?.size,
    fileLogging: logSettings?.fileLogging,
    ...(logSettings?.logFolder ? { file: { folder: logSettings.logFolder } } : {}),
  });
  const permissionRecord = new PermissionRecord();
  requestLog.onFinished((request) => permissionRecord.record(request));
  const session = new SessionService({
    redactor,
    settings: options.settings,
    secrets: new SecretStore(redactingCipher(options.cipher, redactor), options.secretSettings),
    connect: (credentials, owner) => {
      const gateway = createCosGateway(credentials, {
        timeoutMs: options.timeoutMs,
        backoffMs: options.backoffMs,
        ...(options.requestLog === false ? {} : { requestLog: requestLog.forProfile(owner.profileId, owner.alias) }),
      });
      const targets = connectionTargets(credentials);
      return targets.length === 0 ? gateway : guardGateway(gateway, () => consent.ensure(owner, targets));
    },
  });
  const buckets = new BucketService(session, new AddedBucketStore(options.settings));
  const deleter = new ObjectDeleter(session);
  const preferences = options.preferences ?? new PreferencesStore(options.settings, options.systemLanguages);
  if (options.requestLog !== false) {
    // The log follows the Settings dialog: its size, and its file (always on when started with COS_DESK_LOG=debug).
    const follow = ({ requestLogSize, fileLogging }: { requestLogSize: number; fileLogging: boolean }) =>
      requestLog.configure({ size: requestLogSize, fileLogging: fileLogging || logSettings?.fileLogging === true });
    follow(preferences.read());
    preferences.onChange(follow);
  }
  const local = new LocalRegistry();
  const transfers = new TransferEngine({
    gateway: () => session.gateway(),
    profileId: () => session.activeProfileIdOrNone(),
    local,
    stateFile: options.transferStateFile,
    ...options.transferOptions,
    log: options.log && ((message, error) => options.log!(message, redactor.describe(error))),
  });
  const sources = new TransferSources(options.picker ?? NO_PICKER, local);
  const permissions = new PermissionsService(session, permissionRecord);
  // Each call is answered by the method of its name: the session's, a service's, the preferences', the transfer
  // engine's, the request log's, or else the gateway's of whoever is signed in at the time of the call.
  const handlers: Handlers = handlersFrom(session, buckets, deleter, preferences, transfers, sources, requestLog, permissions, () => session.gateway());
  const registry = createHandlerRegistry({
    handlers,
    isTrustedSender: options.isTrustedSender,
    log: options.log && ((message, error) => options.log!(message, redactor.describe(error))),
  });
  return { registry, session, buckets, preferences, transfers, redactor, requestLog };
}
