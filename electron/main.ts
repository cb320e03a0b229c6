/** The Electron entry point: wires the app's pieces to Electron and opens the window. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { BrowserWindow, Menu, app, dialog, ipcMain, session, type WebContents } from 'electron';
import Store from 'electron-store';
import { appMenuTemplate } from './app-menu';
import { createMainProcess } from './app-services';
import { allowing, hostPort } from './cos/route-consent';
import { parseDemoSignIn } from './demo-profile';
import { registerIpcHandlers } from './ipc/ipc-main-binding';
import { registerAppScheme, serveRenderer } from './protocol';
import { createDialogRouteConsent } from './route-consent-dialog';
import { createSafeStorageCipher } from './secrets/safe-storage-cipher';
import { isTrustedSenderUrl } from './security';
import { PreferencesStore } from './settings/preferences-store';
import { SETTINGS_FILE_OPTIONS } from './settings/store-options';
import { createDialogPicker } from './transfers/picker';
import { createMainWindow, denyPermissions, hardenWebContents } from './window';

const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

/** The web contents of our own windows: IPC from any other (a devtools page, a stray webview) is refused. */
const ourContents = new Set<number>();

function log(message: string, details: string): void {
  console.error(`[cos-desk] ${message}: ${details}`);
}

async function start(): Promise<void> {
  await app.whenReady();
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform)));
  denyPermissions(session.defaultSession);
  serveRenderer(RENDERER_DIR);

  // The demo is a developer's tool: a packaged app ignores the variable, so nobody can start it signed in elsewhere.
  const demo = app.isPackaged ? undefined : parseDemoSignIn(process.env.COS_DESK_DEMO);
  const settings = new Store({ name: 'settings', ...SETTINGS_FILE_OPTIONS });
  const preferences = new PreferencesStore(settings, () => app.getPreferredSystemLanguages());
  const dialogConsent = createDialogRouteConsent(dialog, () => BrowserWindow.getAllWindows()[0], () => preferences.language());
  const main = createMainProcess({
    settings,
    preferences,
    secretSettings: new Store({ name: 'secrets', ...SETTINGS_FILE_OPTIONS }),
    cipher: await createSafeStorageCipher(),
    // The demo's emulator was named by whoever started the demo; any other address is asked about.
    routeConsent: demo?.endpoint ? allowing([hostPort(demo.endpoint, demo.https ? 443 : 80)], dialogConsent) : dialogConsent,
    isTrustedSender: (sender) => sender.isMainFrame && isTrustedSenderUrl(sender.url),
    picker: createDialogPicker(dialog, () => BrowserWindow.getAllWindows()[0]),
    transferStateFile: join(app.getPath('userData'), 'transfers.json'),
    log,
    // COS_DESK_LOG=debug writes every request to logs/requests.log as well, from the first one on (before the
    // window opens); the settings may turn it on later through `requestLog.configure`.
    requestLog: { fileLogging: process.env.COS_DESK_LOG === 'debug', logFolder: join(app.getPath('userData'), 'logs') },
  });
  // The queue of the last run comes back paused; quitting keeps what is under way for the next start.
  await main.transfers.load();
  app.on('before-quit', () => void main.transfers.close());
  registerIpcHandlers(ipcMain, main.registry, (contents) => ourContents.has(contents.id));

  if (demo) {
    // Demo keys are for this run only: what the user saved stays as it was.
    await main.session.signIn(demo, { remember: false }).catch((error: unknown) => log('demo sign-in failed', main.redactor.describe(error)));
  } else {
    await main.session.restore();
  }

  const window = createMainWindow();
  const { id } = window.webContents;
  ourContents.add(id);
  window.on('closed', () => ourContents.delete(id));
  app.on('window-all-closed', () => app.quit());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // Every web contents, not only our window's: whatever gets created lives by the same rules.
  app.on('web-contents-created', (_event, contents: WebContents) => hardenWebContents(contents));
  // A second launch brings the running window forward instead of opening another copy of the app.
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  start().catch((error: unknown) => {
    // No secret has been read before the services exist, and after that the services log through the redactor.
    log('startup failed', inspect(error));
    app.exit(1);
  });
}
