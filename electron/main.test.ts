/** The Electron entry point's wiring, with Electron and electron-store replaced by stand-ins. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../e2e/emulator';
import { METHODS, channelOf } from '@shared/contract';
import { OWNER, SEED } from './testing/cos-fixtures';
import { FakeWebContents, createElectronMock, electronModule } from './testing/electron-mock';

const hoisted = vi.hoisted(() => ({
  electron: undefined as unknown as ReturnType<typeof createElectronMock>,
  stores: [] as { name: string; mode?: number; data: Map<string, unknown> }[],
}));
// Made once: module resets re-run main.ts but reuse this mock, so each test clears it instead.
vi.mock('electron', async () => {
  const { createElectronMock: create } = await import('./testing/electron-mock');
  hoisted.electron = create();
  return electronModule(hoisted.electron);
});
vi.mock('electron-store', () => ({
  default: class {
    private readonly data = new Map<string, unknown>();
    constructor(options: { name: string; configFileMode?: number }) {
      hoisted.stores.push({ name: options.name, mode: options.configFileMode, data: this.data });
    }
    get = (key: string) => this.data.get(key);
    set = (key: string, value: unknown) => void this.data.set(key, value);
    delete = (key: string) => void this.data.delete(key);
  },
}));

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: SEED });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await import('electron');
  vi.resetModules();
  vi.clearAllMocks();
  hoisted.electron.windows.length = 0;
  hoisted.electron.app.listeners.clear();
  hoisted.electron.app.requestSingleInstanceLock.mockReturnValue(true);
  hoisted.stores.length = 0;
  hoisted.electron.app.isPackaged = false;
  hoisted.electron.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
  delete process.env.COS_DESK_DEMO;
});

async function startMain() {
  await import('./main');
  return hoisted.electron;
}

describe('main', () => {
  it('quits at once when another instance holds the lock', async () => {
    hoisted.electron.app.requestSingleInstanceLock.mockReturnValue(false);
    const electron = await startMain();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('registers the scheme, the renderer, every IPC channel and opens the window; a second launch focuses it', async () => {
    const electron = await startMain();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel)).toEqual(METHODS.map(channelOf));
    expect(electron.windows[0].loadURL).toHaveBeenCalledWith('app://cos-desk/index.html');
    expect(hoisted.stores.map((s) => s.name)).toEqual(['settings', 'secrets']);
    // Owner-only: another local user must not be able to point the saved keys elsewhere.
    expect(hoisted.stores.map((s) => s.mode)).toEqual([0o600, 0o600]);

    electron.app.emit('second-instance');
    expect(electron.windows[0].focus).toHaveBeenCalled();
  });

  it('in demo mode signs in to the given endpoint for this run, storing nothing', async () => {
    process.env.COS_DESK_DEMO = JSON.stringify({ endpoint: emulator.address, secretId: OWNER.secretId, secretKey: OWNER.secretKey });
    const electron = await startMain();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));

    const frame = { url: 'app://cos-desk/index.html' };
    const state = await handlerOf(electron, 'getSession')({ senderFrame: frame, sender: { id: electron.windows[0].webContents.id, mainFrame: frame } }, undefined);
    expect(state).toMatchObject({ ok: true, data: { signedIn: true, profile: { endpoint: emulator.address, https: false } } });
    expect(hoisted.stores.every((s) => s.data.size === 0)).toBe(true);
  });

  it('with COS_DESK_LOG=debug, writes the requests of the start (before the window opens) to the user-data folder', async () => {
    process.env.COS_DESK_LOG = 'debug';
    process.env.COS_DESK_DEMO = JSON.stringify({ endpoint: emulator.address, secretId: OWNER.secretId, secretKey: OWNER.secretKey });
    try {
      const electron = await startMain();
      await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
      const file = join(electron.app.getPath('userData'), 'logs', 'requests.log');
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { action: string; status: number });
      expect(lines.at(-1)).toMatchObject({ action: 'cos:GetService', status: 200 });
      expect(readFileSync(file, 'utf8')).not.toContain(OWNER.secretKey);
    } finally {
      delete process.env.COS_DESK_LOG;
    }
  });

  it('ignores the demo variable in a packaged app', async () => {
    hoisted.electron.app.isPackaged = true;
    const before = emulator.requests().length;
    process.env.COS_DESK_DEMO = JSON.stringify({ endpoint: emulator.address, secretId: OWNER.secretId, secretKey: OWNER.secretKey });
    const electron = await startMain();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const frame = { url: 'app://cos-desk/index.html' };
    const state = await handlerOf(electron, 'getSession')({ senderFrame: frame, sender: { id: electron.windows[0].webContents.id, mainFrame: frame } }, undefined);
    expect(state).toMatchObject({ ok: true, data: { signedIn: false, profiles: [] } });
    expect(emulator.requests()).toHaveLength(before);
  });

  it('asks in a native message box before a profile connects outside COS; No sends nothing', async () => {
    const electron = await startMain();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const frame = { url: 'app://cos-desk/index.html' };
    const event = { senderFrame: frame, sender: { id: electron.windows[0].webContents.id, mainFrame: frame } };
    const before = emulator.requests().length;
    const input = { alias: 'Mine', secretId: OWNER.secretId, secretKey: OWNER.secretKey, region: 'ap-guangzhou', https: false, endpoint: emulator.address };

    expect(await handlerOf(electron, 'signIn')(event, input)).toMatchObject({ ok: false, error: { code: 'RouteRefused' } });
    expect(emulator.requests()).toHaveLength(before);
    const [parent, options] = electron.dialog.showMessageBox.mock.calls[0] as [unknown, { message: string; buttons: string[]; defaultId: number; cancelId: number }];
    expect(parent).toBe(electron.windows[0]);
    expect(options.message).toBe(`Allow profile “Mine” to connect to ${emulator.address}?`);
    expect(options.buttons[options.defaultId]).toBe('No');
    expect(options.buttons[options.cancelId]).toBe('No');

    electron.dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    expect(await handlerOf(electron, 'signIn')(event, input)).toMatchObject({ ok: true, data: { signedIn: true } });
    expect(emulator.requests().length).toBeGreaterThan(before);
  });

  it('sets a menu without View, so Ctrl+R / ⌘R reaches the page’s Refresh instead of reloading the window', async () => {
    const electron = await startMain();
    await vi.waitFor(() => expect(electron.Menu.setApplicationMenu).toHaveBeenCalled());
    // The window follows: waited for here, so that it does not open during the next test.
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const [template] = electron.Menu.buildFromTemplate.mock.calls[0] as [{ role: string }[]];
    expect(template.map((item) => item.role)).not.toContain('viewMenu');
  });

  it('answers getPreferences with the languages Electron says the system prefers', async () => {
    hoisted.electron.app.getPreferredSystemLanguages.mockReturnValue(['zh-Hans-CN', 'en-US']);
    const electron = await startMain();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const frame = { url: 'app://cos-desk/index.html' };
    const answer = await handlerOf(electron, 'getPreferences')({ senderFrame: frame, sender: { id: electron.windows[0].webContents.id, mainFrame: frame } }, undefined);
    expect(answer).toMatchObject({ ok: true, data: { language: 'system', systemLanguages: ['zh-Hans-CN', 'en-US'] } });
  });

  it('refuses IPC from a web contents that is not our window, even at our URL', async () => {
    const electron = await startMain();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const frame = { url: 'app://cos-desk/index.html' };
    const ours = await handlerOf(electron, 'getSession')({ senderFrame: frame, sender: { id: electron.windows[0].webContents.id, mainFrame: frame } }, undefined);
    expect(ours).toMatchObject({ ok: true });
    const other = await handlerOf(electron, 'getSession')({ senderFrame: frame, sender: { id: -1, mainFrame: frame } }, undefined);
    expect(other).toMatchObject({ ok: false, error: { code: 'UntrustedSender' } });
  });

  it('hardens every web contents created and denies permissions in the default session', async () => {
    const electron = await startMain();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });

    const callback = vi.fn();
    electron.session.defaultSession.permissionRequestHandler!({}, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });
});

type IpcHandler = (event: unknown, input: unknown) => Promise<unknown>;

function handlerOf(electron: ReturnType<typeof createElectronMock>, method: (typeof METHODS)[number]): IpcHandler {
  const [, handler] = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === channelOf(method))!;
  return handler as IpcHandler;
}
