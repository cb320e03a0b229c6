/** The Electron entry point: wires the app's pieces to Electron and opens the window. */
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, ipcMain } from 'electron';
import Store from 'electron-store';
import { createMainProcess } from './app-services';
import { parseDemoSignIn } from './demo-profile';
import { registerIpcHandlers } from './ipc/register';
import { registerAppScheme, serveRenderer } from './protocol';
import { createSafeStorageCipher } from './secrets/safe-storage-cipher';
import { isTrustedSenderUrl } from './security';
import { createMainWindow } from './window';

const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

function log(message: string, error: unknown): void {
  console.error(`[cos-desk] ${message}:`, error);
}

async function start(): Promise<void> {
  await app.whenReady();
  serveRenderer(RENDERER_DIR);

  const main = createMainProcess({
    settings: new Store({ name: 'settings' }),
    secretSettings: new Store({ name: 'secrets' }),
    cipher: await createSafeStorageCipher(),
    isTrustedSender: (sender) => sender.isMainFrame && isTrustedSenderUrl(sender.url),
    log,
  });
  registerIpcHandlers(ipcMain, main.registry);

  const demo = parseDemoSignIn(process.env.COS_DESK_DEMO);
  if (demo) {
    // Demo keys are for this run only: what the user saved stays as it was.
    await main.session.signIn(demo, { remember: false }).catch((error: unknown) => log('demo sign-in failed', error));
  } else {
    await main.session.restore();
  }

  createMainWindow();
  app.on('window-all-closed', () => app.quit());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // A second launch brings the running window forward instead of opening another copy of the app.
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  start().catch((error: unknown) => {
    log('startup failed', error);
    app.exit(1);
  });
}
