// The decisions `npm start` (scripts/start.mjs) makes before and after it launches Electron,
// as pure functions so they are unit-tested without a binary: whether this Node can download
// Electron, whether Chromium's sandbox can start here, and what to tell the developer.

/** Electron 45's installer (@electron/get 5) requires this Node; the CLI, build and tests run on 20.19+. */
export const ELECTRON_INSTALL_NODE = '22.12.0';

/** What Chromium prints when it falls back to the SUID sandbox helper and finds it unusable. */
export const SUID_SANDBOX_ERROR = 'The SUID sandbox helper binary was found, but is not configured correctly';

function parts(version) {
  return String(version)
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);
}

/**
 * Whether `version` is at least `minimum` (both "x.y.z", an optional leading "v").
 * @param {string} version @param {string} minimum
 */
export function atLeast(version, minimum) {
  const a = parts(version);
  const b = parts(minimum);
  for (let i = 0; i < 3; i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/**
 * The one sentence to print when this Node is too old to download Electron, or null.
 * @param {string} nodeVersion `process.version`
 */
export function nodeTooOldForElectron(nodeVersion) {
  if (atLeast(nodeVersion, ELECTRON_INSTALL_NODE)) return null;
  return (
    `Gate Glance cannot fetch Electron with Node ${nodeVersion.replace(/^v/, '')}: Electron 45's installer needs Node ${ELECTRON_INSTALL_NODE} or newer ` +
    '(the CLI, the build and the tests still run on Node 20.19+), so switch to Node 22.12+ for "npm start", or try "npm run cli -- balance --demo".'
  );
}

/**
 * Whether Chromium will need the SUID sandbox helper and find it unusable: Linux, not root,
 * unprivileged user namespaces restricted (Ubuntu 24.04+: AppArmor's
 * kernel.apparmor_restrict_unprivileged_userns = 1), and chrome-sandbox not root-owned with
 * mode 4755.
 * @param {{ platform: string, uid: number | null, usernsRestricted: boolean, sandbox: { uid: number, mode: number } | null }} input
 */
export function sandboxWillFail(input) {
  if (input.platform !== 'linux' || input.uid === 0 || !input.usernsRestricted || input.sandbox === null) return false;
  const setuidRoot = input.sandbox.uid === 0 && (input.sandbox.mode & 0o4000) !== 0 && (input.sandbox.mode & 0o777) === 0o755;
  return !setuidRoot;
}

/**
 * The exact remedy for the development sandbox, with the real path.
 * @param {string} sandboxPath node_modules/electron/dist/chrome-sandbox
 */
export function sandboxRemedy(sandboxPath) {
  return [
    "Electron's sandbox cannot start: this system restricts unprivileged user namespaces (Ubuntu 24.04+ AppArmor), so Chromium needs its SUID helper, and the development copy is not set up.",
    'Fix it once (npm install puts it back when Electron is reinstalled):',
    `  sudo chown root:root ${sandboxPath} && sudo chmod 4755 ${sandboxPath}`,
    'Or allow user namespaces for this Electron with an AppArmor profile (README, "Developer start"). Running with --no-sandbox also starts, but without Chromium\'s sandbox: not with a real key.',
  ].join('\n');
}

/**
 * Whether Electron's stderr shows the SUID sandbox failure.
 * @param {string} stderr
 */
export function isSandboxFailure(stderr) {
  return stderr.includes(SUID_SANDBOX_ERROR);
}

/** Same switch as the packaged desktop entry (electron/core/tray/popover-window-plan.ts XWAYLAND_ARGS; a test keeps them equal). */
export const XWAYLAND_ARG = '--ozone-platform=x11';

/**
 * Electron's arguments for `npm start`: the app folder, then the developer's own arguments.
 * Linux runs under XWayland like the packaged app unless the developer picks an ozone platform;
 * root gets --no-sandbox because Chromium refuses to run as root without it.
 * @param {{ platform: string, uid: number | null, userArgs: readonly string[] }} input
 */
export function electronArgs(input) {
  const args = ['.'];
  if (input.platform === 'linux' && !input.userArgs.some((a) => a.startsWith('--ozone-platform='))) args.push(XWAYLAND_ARG);
  if (input.platform === 'linux' && input.uid === 0 && !input.userArgs.includes('--no-sandbox')) args.push('--no-sandbox');
  return [...args, ...input.userArgs];
}

/**
 * How to run npm from a script. On Windows npm is `npm.cmd`, a batch file, which Node (since the
 * April 2024 security releases, CVE-2024-27980) refuses to spawn without a shell: spawnSync then
 * fails with EINVAL and status null, and the script exited 1 with no message. A shell there; none elsewhere.
 * @param {string} platform
 * @returns {{ command: string, shell: boolean }}
 */
export function npmCommand(platform) {
  return platform === 'win32' ? { command: 'npm.cmd', shell: true } : { command: 'npm', shell: false };
}
