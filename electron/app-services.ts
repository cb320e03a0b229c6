/**
 * The composition root of the main process, free of Electron: main.ts calls it with electron-store and
 * safeStorage, the end-to-end harness and the demo with `conf` stores and a test cipher.
 */
import { createCosGateway } from './cos/gateway';
import { createHandlerRegistry, type HandlerRegistry, type SenderInfo } from './ipc/registry';
import type { Cipher } from './secrets/cipher';
import { SecretStore } from './secrets/secret-store';
import { BucketService } from './services/bucket-service';
import { SessionService } from './services/session-service';
import type { SettingsStore } from './settings/settings-store';

export interface MainProcessOptions {
  /** Non-secret settings, the remembered profile among them. */
  settings: SettingsStore;
  /** A separate file for encrypted secrets. */
  secretSettings: SettingsStore;
  cipher: Cipher;
  isTrustedSender(sender: SenderInfo): boolean;
  /** Per-request COS timeout, in ms. */
  timeoutMs?: number;
  log?(message: string, error: unknown): void;
}

export interface MainProcess {
  registry: HandlerRegistry;
  session: SessionService;
  buckets: BucketService;
}

export function createMainProcess(options: MainProcessOptions): MainProcess {
  const session = new SessionService({
    settings: options.settings,
    secrets: new SecretStore(options.cipher, options.secretSettings),
    connect: (credentials) => createCosGateway(credentials, { timeoutMs: options.timeoutMs }),
  });
  const buckets = new BucketService(session);
  const registry = createHandlerRegistry({
    services: { session, buckets },
    isTrustedSender: options.isTrustedSender,
    log: options.log,
  });
  return { registry, session, buckets };
}
