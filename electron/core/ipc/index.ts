/** The IPC core's public surface, for electron/main and the browser e2e bridge. */
export { APP_ENTRY_URL, APP_HOST, APP_ORIGIN, APP_SCHEME, isTrustedSender } from './sender.js';
export type { IpcSenderInfo, SenderTrust } from './sender.js';
export { CHANNEL_ARG_SCHEMAS, MAX_KEY_LENGTH, MAX_SECRET_LENGTH, parseChannelArgs } from './schemas.js';
export { createIpcRouter, toPublicCredentialsStatus, toPublicState } from './router.js';
export type { IpcHandlers, IpcLog, IpcRouter, IpcRouterOptions } from './router.js';
