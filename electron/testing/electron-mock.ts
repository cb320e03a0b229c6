/**
 * A stand-in for the `electron` module: loading the real one downloads a binary these machines cannot fetch.
 * Tests call `vi.mock('electron', () => electronModule(mock))` with a mock made by `createElectronMock()`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
}

export class FakeSession {
  permissionRequestHandler?: Listener;
  permissionCheckHandler?: Listener;
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
}

let nextContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  readonly session = new FakeSession();
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export function createElectronMock() {
  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    static getAllWindows() {
      return windows;
    }
  }
  const userFolders = mkdtempSync(join(tmpdir(), 'cos-desk-electron-'));
  const app = Object.assign(new FakeEmitter(), {
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(async () => undefined),
    quit: vi.fn(),
    exit: vi.fn(),
    isPackaged: false,
    getPreferredSystemLanguages: vi.fn(() => ['en-US']),
    /** `userData` and the like: folders of a temporary folder made with the mock. */
    getPath: vi.fn((name: string) => join(userFolders, name)),
  });
  return {
    windows,
    app,
    BrowserWindow: FakeBrowserWindow,
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: {
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: new FakeSession() },
    ipcMain: { handle: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    webUtils: { getPathForFile: vi.fn((_file: unknown) => '') },
    ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: null })) },
    safeStorage: {
      isAsyncEncryptionAvailable: vi.fn(async () => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`enc:${plain}`)),
      decryptStringAsync: vi.fn(async (buffer: Buffer) => ({ result: buffer.toString().slice(4), shouldReEncrypt: false })),
    },
  };
}

export type ElectronMock = ReturnType<typeof createElectronMock>;

/** The module shape: named exports and a default export, as both import styles expect. */
export function electronModule(mock: ElectronMock) {
  return { default: mock, ...mock };
}
