/**
 * Runs COS Desk without Electron: the local COS emulator, the real main-process services and handler
 * registry, and the built renderer in Chromium, with the built preload bridged to that registry.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Conf from 'conf';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { createMainProcess, type MainProcess, type MainProcessOptions } from '@main/app-services';
import type { NativePicker } from '@main/transfers/picker';
import type { RouteConsentRequest } from '@main/cos/route-consent';
import { SETTINGS_FILE_OPTIONS } from '@main/settings/store-options';
import type { SenderInfo } from '@main/ipc/registry';
import { channelOf, type InputOf, type Method, type OutputOf, type SignInInput } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { startEmulator, type CustomDomains, type Emulator, type EmulatorAccount, type EmulatorSeed } from './emulator';
import { createTestCipher } from './support/test-cipher';
import { ANSWER_PATH, serveRenderer } from './support/static-server';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');
const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');
const PRELOAD_FILE = join(PROJECT_ROOT, 'out', 'preload', 'preload.cjs');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface LaunchOptions {
  seed?: EmulatorSeed;
  /** A private deployment's host names the emulator serves besides COS's own. */
  domains?: CustomDomains;
  /** Sign in before the page opens, with this emulator account (index or account); default: not signed in. */
  signInAs?: number | EmulatorAccount;
  /** False simulates an OS without encryption: keys are kept for the session only. */
  encryptionAvailable?: boolean;
  colorScheme?: 'light' | 'dark';
  /** The browser's language (navigator.languages), which a first start follows; default en-US. */
  locale?: string;
  viewport?: { width: number; height: number };
  /** Request timeout of the COS gateway, in ms. */
  timeoutMs?: number;
  /** The gateway's first retry pause, in ms; specs with injected faults shorten it. */
  backoffMs?: number;
  /**
   * The user's answer to "may this profile connect to host:port?". Default: Yes for the emulator's address only,
   * which every sign-in of the specs names as its endpoint, and No for anything else.
   */
  consent?: (request: RouteConsentRequest, emulatorAddress: string) => boolean;
  /** A user-data folder of the caller's, kept on close: a later launch over it is the app's next start. */
  userDataDir?: string;
  /** The OS key store's key (32 bytes); pass the same one to a later launch over the same folder. */
  cipherKey?: Buffer;
  /** An emulator of the caller's, kept on close: a later launch over the same user-data folder finds COS as it was. */
  emulator?: Emulator;
  /** What the user chooses in the native file and folder pickers (default: cancelled). */
  picker?: NativePicker;
  /** Tuning of the transfer engine (a small multipart threshold, say). */
  transferOptions?: MainProcessOptions['transferOptions'];
  /** Write the request log to `<userDataDir>/logs/requests.log` too, as COS_DESK_LOG=debug does. */
  requestLogFile?: boolean;
}

export interface LaunchedApp {
  page: Page;
  emulator: Emulator;
  /** Calls a handler the way the page does (same registry, same trusted sender). */
  call<M extends Method>(method: M, input?: InputOf<M>): Promise<Envelope<OutputOf<M>>>;
  /**
   * Signs in through the main process behind the open page's back. It first waits for the page to show its Sign in
   * dialog: the page has then had its answer about the session and asks COS for nothing more until it is reloaded,
   * so every request COS sees after this call comes from the reloaded page.
   */
  signInBehindPage(account?: EmulatorAccount): Promise<void>;
  /** Every envelope the page received, to search for secrets. */
  responses: unknown[];
  /** Every route consent question the main process asked, in order. */
  consentAsked: RouteConsentRequest[];
  /**
   * Drops files from the OS onto the element `selector`: the page gets File objects for which the preload (and only
   * it) knows these paths, as Electron's webUtils.getPathForFile does for a real drop.
   */
  dropFiles(selector: string, paths: string[]): Promise<void>;
  /** The main process's transfer engine, for checks a user could make on disk or in COS. */
  transfers: MainProcess['transfers'];
  userDataDir: string;
  /** Closes the page, the renderer server and the emulator, and removes the user-data folder. */
  close(): Promise<void>;
}

let browserPromise: Promise<Browser> | undefined;

function sharedBrowser(): Promise<Browser> {
  browserPromise ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return browserPromise;
}

export async function closeSharedBrowser(): Promise<void> {
  if (browserPromise) await (await browserPromise).close();
  browserPromise = undefined;
}

export function signInInputFor(emulator: Pick<Emulator, 'address' | 'accounts'>, account: EmulatorAccount = emulator.accounts[0]): SignInInput {
  return {
    secretId: account.secretId,
    secretKey: account.secretKey,
    sessionToken: account.sessionToken,
    // Temporary keys need an expiry; an hour outlasts any test.
    expiresAt: account.sessionToken ? new Date(Date.now() + 3_600_000).toISOString() : undefined,
    region: 'ap-guangzhou',
    https: false,
    endpoint: emulator.address,
  };
}

/**
 * Runs the built preload with `electron` replaced by a bridge to the harness's handler registry. An OS drop is
 * played by `__cosDeskOsDrop(token, paths)`, which only the harness can call (it alone knows the token): it makes
 * File objects whose paths only the fake webUtils knows, as Electron's does for a real drop.
 */
function preloadInitScript(dropToken: string): string {
  const source = readFileSync(PRELOAD_FILE, 'utf8');
  return `(() => {
  const dropped = new WeakMap();
  Object.defineProperty(window, '__cosDeskOsDrop', { value: (token, paths) => {
    if (token !== ${JSON.stringify(dropToken)}) throw new Error('not an OS drop');
    const transfer = new DataTransfer();
    for (const path of paths) {
      const file = new File(['x'], path.split('/').pop());
      dropped.set(file, path);
      transfer.items.add(file);
    }
    return transfer;
  } });
  const electron = {
    webUtils: { getPathForFile(file) { return dropped.get(file) ?? ''; } },
    contextBridge: { exposeInMainWorld(key, api) { Object.defineProperty(window, key, { value: api, enumerable: false }); } },
    ipcRenderer: { invoke: async (channel, input, callId) => JSON.parse(await window.__cosDeskIpcJson(channel, input, callId)) },
  };
  // An answer's text comes by fetch, as a page's bytes do, for the token the binding hands back.
  Object.defineProperty(window, '__cosDeskIpcJson', {
    writable: true,
    value: async (channel, input, callId) => {
      const token = await window.__cosDeskIpcAnswer(channel, input, callId);
      const response = await fetch(${JSON.stringify(ANSWER_PATH)} + token, { cache: 'no-store' });
      if (!response.ok) throw new Error('the harness has no answer for this call');
      return response.text();
    },
  });
  const require = (name) => { if (name === 'electron') return electron; throw new Error('preload may not require ' + name); };
  const module = { exports: {} };
  const exports = module.exports;
  {
  ${source}
  }
})();`;
}

export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const emulator = options.emulator ?? (await startEmulator({ seed: options.seed, domains: options.domains }));
  const answers = new Map<string, string>();
  const renderer = await serveRenderer(RENDERER_DIR, (token) => {
    const answer = answers.get(token);
    answers.delete(token);
    return answer;
  });
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'cos-desk-e2e-'));
  const consentAsked: RouteConsentRequest[] = [];
  const answer = options.consent ?? ((request, address) => `${request.host}:${request.port}` === address);
  const main = createMainProcess({
    settings: new Conf({ cwd: userDataDir, configName: 'settings', projectName: 'cos-desk', ...SETTINGS_FILE_OPTIONS }),
    secretSettings: new Conf({ cwd: userDataDir, configName: 'secrets', projectName: 'cos-desk', ...SETTINGS_FILE_OPTIONS }),
    cipher: createTestCipher({ available: options.encryptionAvailable ?? true, key: options.cipherKey }),
    routeConsent: {
      ask: async (request) => {
        consentAsked.push(request);
        return answer(request, emulator.address);
      },
    },
    isTrustedSender: (sender: SenderInfo) => sender.isMainFrame && new URL(sender.url).origin === renderer.origin,
    timeoutMs: options.timeoutMs,
    backoffMs: options.backoffMs,
    picker: options.picker,
    transferStateFile: join(userDataDir, 'transfers.json'),
    // Closing lets parts under way land for a moment only: a part held at a gate is not waited for long.
    transferOptions: { drainMs: 300, ...options.transferOptions },
    requestLog: { fileLogging: options.requestLogFile ?? false, logFolder: join(userDataDir, 'logs') },
  });
  await main.transfers.load();
  const trusted: SenderInfo = { url: `${renderer.origin}/index.html`, isMainFrame: true };
  const responses: unknown[] = [];
  const call = async <M extends Method>(method: M, input?: InputOf<M>) =>
    (await main.registry.invoke(channelOf(method), trusted, input)) as Envelope<OutputOf<M>>;

  const signIn = async (account?: EmulatorAccount) => {
    const signedIn = await call('signIn', signInInputFor(emulator, account));
    if (!signedIn.ok) throw new Error(`harness sign-in failed: ${signedIn.error.code} ${JSON.stringify(signedIn.error.params ?? {})}`);
  };

  // As main.ts does at startup: the profile active at the last run reopens, or its keys are asked for.
  await main.session.restore();
  if (options.signInAs !== undefined) await signIn(typeof options.signInAs === 'number' ? emulator.accounts[options.signInAs] : options.signInAs);

  const browser = await sharedBrowser();
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const invokeFrom = async (source: { frame: Frame; page: Page }, channel: string, input: unknown, callId?: unknown) => {
    const sender: SenderInfo = { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() };
    const envelope = await main.registry.invoke(channel, sender, input, callId ?? undefined);
    responses.push(envelope);
    return envelope;
  };
  await context.exposeBinding('__cosDeskIpc', (source, channel: string, input: unknown) => invokeFrom(source, channel, input));
  // The preload's path. The call crosses by the binding, which tells the harness which frame sent it; the answer is
  // kept under a token and fetched over loopback as JSON text, which the preload parses (0.6 ms for a page of 1,000
  // keys; Electron's structured clone of the same page takes 1.9 ms both ways). Returned by the binding, the text
  // came through the DevTools protocol in a task of its own of 17 to 33 ms in a trace, and loading 100 such pages
  // took the page's main thread about 0.46 s more than by fetch: a cost of the harness that Electron does not have.
  await context.exposeBinding('__cosDeskIpcAnswer', async (source, channel: string, input: unknown, callId?: unknown) => {
    const token = randomBytes(16).toString('hex');
    answers.set(token, JSON.stringify(await invokeFrom(source, channel, input, callId)));
    return token;
  });
  const dropToken = randomBytes(16).toString('hex');
  await context.addInitScript({ content: preloadInitScript(dropToken) });
  const page = await context.newPage();
  await page.goto(`${renderer.origin}/index.html`);

  return {
    page,
    emulator,
    call,
    async signInBehindPage(account) {
      await page.getByRole('dialog', { name: 'Sign in' }).waitFor();
      await signIn(account);
    },
    responses,
    consentAsked,
    userDataDir,
    transfers: main.transfers,
    async dropFiles(selector, paths) {
      const transfer = await page.evaluateHandle(([token, list]) => (window as unknown as { __cosDeskOsDrop(t: string, p: string[]): DataTransfer }).__cosDeskOsDrop(token, list), [dropToken, paths] as const);
      await page.dispatchEvent(selector, 'dragenter', { dataTransfer: transfer });
      await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer });
      await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
    },
    async close() {
      // As quitting the app does: what is under way is kept for the next start.
      await main.transfers.close();
      await context.close();
      await renderer.close();
      if (!options.emulator) await emulator.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
