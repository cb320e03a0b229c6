/**
 * The app window and the rules every web page of the app lives by: no navigation away from our origin, no new
 * windows (allow-listed https links go to the user's browser), no permissions.
 */
import { fileURLToPath } from 'node:url';
import { BrowserWindow, shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_INDEX_URL, isAllowedExternalUrl, isAppUrl } from './security';

const PRELOAD_PATH = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

/** Literal values, so a reader (and a unit test) sees the security settings at a glance. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webviewTag: false,
  preload: PRELOAD_PATH,
} as const satisfies WebPreferences;

export function hardenWebContents(contents: WebContents): void {
  const preventForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => preventForeign(event, event.url));
  contents.on('will-redirect', (event) => preventForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'COS Desk',
    webPreferences: WEB_PREFERENCES,
  });
  hardenWebContents(window.webContents);
  denyPermissions(window.webContents.session);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_INDEX_URL).catch((error: unknown) => console.error('[cos-desk] the renderer did not load:', error));
  return window;
}
