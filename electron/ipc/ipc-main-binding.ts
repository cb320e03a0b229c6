/** Connects the handler registry to Electron's ipcMain. Types only: this module must load without Electron. */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { HandlerRegistry, SenderInfo } from './registry';

/** What a sender that is not one of our windows is reported as: the registry refuses it like any foreign frame. */
const FOREIGN_SENDER: SenderInfo = { url: '', isMainFrame: false };

export function senderInfoOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url ?? '', isMainFrame: frame != null && frame === event.sender.mainFrame };
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  registry: HandlerRegistry,
  isOurWindow: (contents: WebContents) => boolean,
): void {
  for (const channel of registry.channels) {
    // The preload passes a call id only for calls the page may cancel; the registry checks it like any input.
    ipcMain.handle(channel, (event, input: unknown, callId?: unknown) =>
      registry.invoke(channel, isOurWindow(event.sender) ? senderInfoOf(event) : FOREIGN_SENDER, input, callId),
    );
  }
}
