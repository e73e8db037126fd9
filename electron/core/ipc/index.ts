/** The IPC core's public surface, for electron/main and the browser e2e bridge. */
export { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from './sender.js';
export type { IpcSenderInfo } from './sender.js';
export { createIpcRouter, toPublicState } from './router.js';
export type { IpcHandlers, IpcRouter } from './router.js';
export { glanceHandlers } from './handlers.js';
