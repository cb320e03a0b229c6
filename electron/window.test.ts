import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSession, FakeWebContents, createElectronMock, electronModule } from './testing/electron-mock';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock: create } = await import('./testing/electron-mock');
  electron.mock = create();
  return electronModule(electron.mock);
});

const { createMainWindow, denyPermissions, hardenWebContents } = await import('./window');

beforeEach(() => {
  electron.mock.windows.length = 0;
  electron.mock.shell.openExternal.mockClear();
});

function openWindow() {
  createMainWindow();
  return electron.mock.windows[0];
}

function hardened() {
  const contents = new FakeWebContents();
  hardenWebContents(contents as never);
  return contents;
}

describe('the main window', () => {
  it('runs isolated, sandboxed, without Node or webviews, with our CommonJS preload and webSecurity untouched', () => {
    const { webPreferences } = openWindow().options as { webPreferences: Record<string, unknown> };
    expect(webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: expect.stringMatching(/[\\/]preload[\\/]preload\.cjs$/),
    });
    for (const weakening of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) {
      expect(webPreferences).not.toHaveProperty(weakening);
    }
  });

  it('loads the app from its own origin and shows itself once ready', () => {
    const window = openWindow();
    expect(window.options).toMatchObject({ show: false });
    expect(window.loadURL).toHaveBeenCalledWith('app://cos-desk/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s is prevented for any URL outside the app', (eventName) => {
    const contents = hardened();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://cos-desk.evil/', 'https://github.com/', 'javascript:alert(1)']) {
      const event = { url, preventDefault: vi.fn() };
      contents.emit(eventName, event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const inside = { url: 'app://cos-desk/index.html', preventDefault: vi.fn() };
    contents.emit(eventName, inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach webviews', () => {
    const event = { preventDefault: vi.fn() };
    hardened().emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and sends no link to the browser (the page has none)', () => {
    const open = hardened().windowOpenHandler!;
    const refused = [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://cloud.tencent.com/',
      'https://cloud.tencent.com.evil.com/',
      'https://cloud.tencent.com@evil.com/',
      'app://cos-desk/index.html',
    ];
    for (const url of refused) expect(open({ url })).toEqual({ action: 'deny' });
    expect(electron.mock.shell.openExternal).not.toHaveBeenCalled();

    // Once admitted as a whole host; now no URL is on the list, so a hijacked page opens nothing.
    expect(open({ url: 'https://cloud.tencent.com/document/product/436/7730' })).toEqual({ action: 'deny' });
    expect(electron.mock.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('denyPermissions', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    denyPermissions(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.permissionCheckHandler!({}, permission)).toBe(false);
    }
  });
});
