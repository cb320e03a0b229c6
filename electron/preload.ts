/**
 * The renderer's only door to the main process: one frozen object with a function per contract call.
 * No raw ipcRenderer, no channel names the contract does not list.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridgeApi } from '@shared/bridge';
import { API_GLOBAL } from '@shared/methods';

contextBridge.exposeInMainWorld(
  API_GLOBAL,
  createBridgeApi((channel, input, callId) => (callId === undefined ? ipcRenderer.invoke(channel, input) : ipcRenderer.invoke(channel, input, callId))),
);
