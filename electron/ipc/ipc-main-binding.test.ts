import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import type { HandlerRegistry } from './registry';
import { registerIpcHandlers, senderInfoOf } from './ipc-main-binding';

describe('registerIpcHandlers', () => {
  it("registers every channel and passes the sender's frame URL and whether it is the top frame", async () => {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown, callId?: unknown) => unknown>();
    const ipcMain = { handle: vi.fn((channel: string, handler) => void handlers.set(channel, handler)) };
    const registry: HandlerRegistry = {
      channels: ['cos-desk:a', 'cos-desk:b'],
      invoke: vi.fn(async () => ({ ok: true as const, data: 1 })),
    };
    registerIpcHandlers(ipcMain, registry, (contents) => contents.id === 1);
    expect([...handlers.keys()]).toEqual(['cos-desk:a', 'cos-desk:b']);

    const mainFrame = { url: 'app://cos-desk/index.html' };
    const event = { senderFrame: mainFrame, sender: { id: 1, mainFrame } } as unknown as IpcMainInvokeEvent;
    await handlers.get('cos-desk:b')!(event, { x: 1 });
    expect(registry.invoke).toHaveBeenCalledWith('cos-desk:b', { url: 'app://cos-desk/index.html', isMainFrame: true }, { x: 1 }, undefined);
    // A cancellable call's id goes along to the registry, which checks it.
    await handlers.get('cos-desk:b')!(event, { x: 2 }, 'call-7');
    expect(registry.invoke).toHaveBeenLastCalledWith('cos-desk:b', { url: 'app://cos-desk/index.html', isMainFrame: true }, { x: 2 }, 'call-7');
  });

  it('reports a web contents that is not our window as a foreign sender, whatever its URL', async () => {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown, callId?: unknown) => unknown>();
    const ipcMain = { handle: vi.fn((channel: string, handler) => void handlers.set(channel, handler)) };
    const registry: HandlerRegistry = { channels: ['cos-desk:a'], invoke: vi.fn(async () => ({ ok: true as const, data: 1 })) };
    registerIpcHandlers(ipcMain, registry, (contents) => contents.id === 1);

    const mainFrame = { url: 'app://cos-desk/index.html' };
    await handlers.get('cos-desk:a')!({ senderFrame: mainFrame, sender: { id: 2, mainFrame } } as unknown as IpcMainInvokeEvent, {});
    expect(registry.invoke).toHaveBeenCalledWith('cos-desk:a', { url: '', isMainFrame: false }, {}, undefined);
  });
});

describe('senderInfoOf', () => {
  it('marks a subframe as not the top frame', () => {
    const event = { senderFrame: { url: 'app://cos-desk/frame.html' }, sender: { mainFrame: { url: 'app://cos-desk/index.html' } } };
    expect(senderInfoOf(event as unknown as IpcMainInvokeEvent)).toEqual({ url: 'app://cos-desk/frame.html', isMainFrame: false });
  });

  it('gives an empty URL when the frame is gone', () => {
    const event = { senderFrame: null, sender: { mainFrame: null } };
    expect(senderInfoOf(event as unknown as IpcMainInvokeEvent)).toEqual({ url: '', isMainFrame: false });
  });
});
