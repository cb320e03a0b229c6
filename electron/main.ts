/** The Electron entry point: wires the app's pieces to Electron and opens the window. */
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { BrowserWindow, app, ipcMain, session, type WebContents } from 'electron';
import Store from 'electron-store';
import { createMainProcess } from './app-services';
import { parseDemoSignIn } from './demo-profile';
import { registerIpcHandlers } from './ipc/ipc-main-binding';
import { registerAppScheme, serveRenderer } from './protocol';
import { createSafeStorageCipher } from './secrets/safe-storage-cipher';
import { isTrustedSenderUrl } from './security';
import { createMainWindow, denyPermissions, hardenWebContents } from './window';

const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

/** The web contents of our own windows: IPC from any other (a devtools page, a stray webview) is refused. */
const ourContents = new Set<number>();

function log(message: string, details: string): void {
  console.error(`[cos-desk] ${message}: ${details}`);
}

async function start(): Promise<void> {
  await app.whenReady();
  denyPermissions(session.defaultSession);
  serveRenderer(RENDERER_DIR);

  const main = createMainProcess({
    settings: new Store({ name: 'settings' }),
    secretSettings: new Store({ name: 'secrets' }),
    cipher: await createSafeStorageCipher(),
    isTrustedSender: (sender) => sender.isMainFrame && isTrustedSenderUrl(sender.url),
    log,
  });
  registerIpcHandlers(ipcMain, main.registry, (contents) => ourContents.has(contents.id));

  const demo = parseDemoSignIn(process.env.COS_DESK_DEMO);
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
