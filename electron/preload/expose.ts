// expose.ts — puts `window.fillwatch` into the page through contextBridge, over ipcRenderer. Only the
// API object crosses; ipcRenderer itself (and its event objects, which reference the sender) never do.
import type { ContextBridge, IpcRenderer } from 'electron';
import { createFillwatchApi, type IpcTransport } from '../../shared/ipc/fillwatch-api.ts';

export function ipcTransport(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): IpcTransport {
  return {
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (channel, listener) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => void ipcRenderer.removeListener(channel, forward);
    },
  };
}

export function exposeFillwatch(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): void {
  contextBridge.exposeInMainWorld('fillwatch', createFillwatchApi(ipcTransport(ipcRenderer)));
}
