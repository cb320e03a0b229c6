import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronMock, electronModule } from './testing/electron-mock';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock: create } = await import('./testing/electron-mock');
  electron.mock = create();
  return electronModule(electron.mock);
});

const { WEB_PREFERENCES, createMainWindow } = await import('./window');

beforeEach(() => {
  electron.mock.windows.length = 0;
  electron.mock.shell.openExternal.mockClear();
});

function openWindow() {
  createMainWindow();
  return electron.mock.windows[0];
}

describe('the main window', () => {
  it('runs isolated, sandboxed, without Node or webviews, with our CommonJS preload', () => {
    expect(WEB_PREFERENCES).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: expect.stringMatching(/[\\/]preload[\\/]preload\.cjs$/),
    });
    expect(WEB_PREFERENCES).not.toHaveProperty('webSecurity');
    expect(openWindow().options).toMatchObject({ show: false, webPreferences: WEB_PREFERENCES });
  });

  it('loads the app from its own origin and shows itself once ready', () => {
    const window = openWindow();
    expect(window.loadURL).toHaveBeenCalledWith('app://cos-desk/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-redirect'])('%s is prevented for any URL outside the app', (eventName) => {
    const window = openWindow();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://cos-desk.evil/', 'https://github.com/']) {
      const event = { url, preventDefault: vi.fn() };
      window.webContents.emit(eventName, event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const inside = { url: 'app://cos-desk/index.html', preventDefault: vi.fn() };
    window.webContents.emit(eventName, inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach webviews', () => {
    const event = { preventDefault: vi.fn() };
    openWindow().webContents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and sends only allow-listed https links to the browser', () => {
    const open = openWindow().webContents.windowOpenHandler!;
    const refused = [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://cloud.tencent.com/',
      'https://cloud.tencent.com.evil.com/',
      'app://cos-desk/index.html',
    ];
    for (const url of refused) expect(open({ url })).toEqual({ action: 'deny' });
    expect(electron.mock.shell.openExternal).not.toHaveBeenCalled();

    expect(open({ url: 'https://cloud.tencent.com/document/product/436/7730' })).toEqual({ action: 'deny' });
    expect(electron.mock.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://cloud.tencent.com/document/product/436/7730');
  });

  it('denies every permission request and check', () => {
    const { session } = openWindow().webContents;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.permissionCheckHandler!({}, permission)).toBe(false);
    }
  });
});
