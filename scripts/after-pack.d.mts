/** keytar.node files (non-empty) in a packed app folder. */
export function findKeytarNode(appOutDir: string): string[];
/** electron-builder afterPack hook: throws when the package lacks keytar's native module. */
export function afterPack(context: { appOutDir: string; electronPlatformName?: string }): Promise<void>;
