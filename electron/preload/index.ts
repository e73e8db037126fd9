/**
 * The preload (CommonJS, sandboxed): exposes `window.glance` and nothing else. ipcRenderer
 * stays here; the page only gets named functions bound to fixed channels and a state
 * subscription whose listener never sees the IPC event (which would leak `sender`).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { STATE_CHANNEL } from '../../shared/ipc.js';
import type { WidgetState } from '../../shared/ipc.js';
import { buildGlanceApi } from './glance-api.js';

const glance = buildGlanceApi(
  (channel, args) => ipcRenderer.invoke(channel, ...args),
  (listener) => {
    const handler = (_event: IpcRendererEvent, state: WidgetState) => listener(state);
    ipcRenderer.on(STATE_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(STATE_CHANNEL, handler);
    };
  },
);

contextBridge.exposeInMainWorld('glance', glance);
