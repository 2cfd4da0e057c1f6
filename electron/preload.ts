import { contextBridge, ipcRenderer } from 'electron';
import type { CallContext } from '../domain/api/envelope.ts';

/** The renderer's only door to the core: `window.desk.call(method, input, context)`. */
contextBridge.exposeInMainWorld('desk', {
  call: (method: string, input: unknown, context: CallContext) => ipcRenderer.invoke('desk:call', method, input, context),
  chooseFolder: (title: string) => ipcRenderer.invoke('desk:chooseFolder', title),
});

/** The HostApi: printing through the main process's hidden print window (electron/print.ts). */
contextBridge.exposeInMainWorld('deskHost', {
  print: (request: unknown) => ipcRenderer.invoke('desk:print', request),
});
