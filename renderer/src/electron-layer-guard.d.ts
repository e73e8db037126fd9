/**
 * Layer guard. This folder's tsconfig maps the module name `electron` to this file, so any
 * named import of Electron here fails to compile ("has no exported member"): only
 * electron/main and electron/preload may touch Electron. ESLint bans the import as well.
 */
export type ElectronIsNotAvailableInThisLayer = never;
