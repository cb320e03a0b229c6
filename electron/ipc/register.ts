/** Connects the handler registry to Electron's ipcMain. Types only: this module must load without Electron. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { HandlerRegistry, SenderInfo } from './registry';

export function senderInfoOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url ?? '', isMainFrame: frame != null && frame === event.sender.mainFrame };
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, registry: HandlerRegistry): void {
  for (const channel of registry.channels) {
    ipcMain.handle(channel, (event, input: unknown) => registry.invoke(channel, senderInfoOf(event), input));
  }
}
