/**
 * The renderer's only door to the main process: one frozen object with a function per contract call.
 * No raw ipcRenderer, no channel names the contract does not list. An OS drop is the one input the preload
 * rewrites: the page passes the dropped File objects and the preload sends the paths Electron knows for them
 * (webUtils.getPathForFile), so the page never names a path; a File the page made itself has none.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridgeApi } from '@shared/bridge';
import { API_GLOBAL } from '@shared/methods';

function droppedPaths(input: unknown): { paths: string[] } {
  const files = (input as { files?: unknown } | undefined)?.files;
  const paths: string[] = [];
  for (const file of Array.isArray(files) ? files : []) {
    try {
      const path = webUtils.getPathForFile(file as File);
      if (typeof path === 'string' && path !== '') paths.push(path);
    } catch {
      // Not a File: nothing to send for it.
    }
  }
  return { paths };
}

contextBridge.exposeInMainWorld(
  API_GLOBAL,
  createBridgeApi(
    (channel, input, callId) => (callId === undefined ? ipcRenderer.invoke(channel, input) : ipcRenderer.invoke(channel, input, callId)),
    { addDroppedFiles: droppedPaths },
  ),
);
