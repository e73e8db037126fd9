export const ELECTRON_INSTALL_NODE: string;
export const SUID_SANDBOX_ERROR: string;
export function atLeast(version: string, minimum: string): boolean;
export function nodeTooOldForElectron(nodeVersion: string): string | null;
export function sandboxWillFail(input: {
  platform: string;
  uid: number | null;
  usernsRestricted: boolean;
  sandbox: { uid: number; mode: number } | null;
}): boolean;
export function sandboxRemedy(sandboxPath: string): string;
export function isSandboxFailure(stderr: string): boolean;
export const XWAYLAND_ARG: string;
export function electronArgs(input: { platform: string; uid: number | null; userArgs: readonly string[] }): string[];
export function npmCommand(platform: string): { command: string; shell: boolean };
