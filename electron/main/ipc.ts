/**
 * The only file in main that touches `ipcMain`: it binds every contract channel to the router
 * (sender check + zod validation + dispatch) and hands out the one typed state push.
 */
import { ipcMain } from 'electron';
import type { IpcRouter } from '../core/ipc/index.js';
import { bindIpc } from './ipc-binding.js';

export { createStateSender } from './ipc-binding.js';

/** Registers one handler per channel on the real ipcMain; returns the function that removes them. */
export function registerIpc(router: IpcRouter): () => void {
  return bindIpc(ipcMain, router);
}
