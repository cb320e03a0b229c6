import { describe, expect, it, vi } from 'vitest';
import { API_GLOBAL, METHODS, channelOf } from '@shared/contract';
import { createElectronMock, electronModule } from './testing/electron-mock';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock: create } = await import('./testing/electron-mock');
  electron.mock = create();
  return electronModule(electron.mock);
});

await import('./preload');

describe('preload', () => {
  it('exposes one frozen object with exactly the contract methods, each invoking its own channel', async () => {
    expect(electron.mock.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [name, api] = electron.mock.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, (input?: unknown, callId?: unknown) => unknown>];
    expect(name).toBe(API_GLOBAL);
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
    expect(Object.isFrozen(api)).toBe(true);

    await api.headBucket({ bucket: 'a-1250000000', region: 'ap-guangzhou' });
    expect(electron.mock.ipcRenderer.invoke).toHaveBeenCalledWith(channelOf('headBucket'), { bucket: 'a-1250000000', region: 'ap-guangzhou' });

    // A call the page may cancel carries its id; anything but a string is not passed on.
    await api.listBucketsPage({}, 'call-1');
    expect(electron.mock.ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf('listBucketsPage'), {}, 'call-1');
    await api.listBucketsPage({}, { toString: () => 'x' });
    expect(electron.mock.ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf('listBucketsPage'), {});
  });
});
