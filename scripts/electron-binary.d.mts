/** Types for electron-binary.mjs, so the TypeScript e2e tier can use the same detection. */
export declare function findElectronBinary(root?: string): { path: string; reason: null } | { path: null; reason: string };
