/**
 * The app's identity as the OS sees it. electron-builder.yml's `appId` must be the same string
 * (the packaging test checks): the Windows installer registers its Start-menu shortcut under
 * this AppUserModelID, and main sets it at start, so notifications and the taskbar match them.
 */
export const APP_ID = 'io.github.gateglance.app';
