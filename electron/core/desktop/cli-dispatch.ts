/**
 * One install, both commands. The Linux packages install `/usr/bin/gate-glance`, the name the CLI
 * has too; it is a small launcher (build/linux/bin/gate-glance) that starts the app, or, for a CLI
 * command, the app's own binary with the bundled CLI in its main process: Electron's main process
 * is Node already, so no `ELECTRON_RUN_AS_NODE` (the runAsNode fuse stays off) and no system Node.
 *
 * The launcher passes `--ozone-platform=headless --disable-gpu` (a terminal over SSH has no display,
 * and Ozone gives up on one before any JavaScript runs: `ElectronMainDelegate::PreSandboxStartup`),
 * then `--glance-cli`, then `--` so Chromium reads none of the CLI's own options as its switches.
 */

/**
 * The switch that tells main to run the bundled CLI instead of the app. The launcher hands it the
 * CLI's commands, help, version and `--locale`; anything else (nothing, `--toggle`) starts the app.
 */
export const CLI_SWITCH = '--glance-cli';

/** The CLI's arguments when main was started by the launcher to run it (`… --glance-cli -- ARGS`), else null. */
export function bundledCliArgs(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_SWITCH);
  if (at < 0) return null;
  const rest = argv.slice(at + 1);
  return rest[0] === '--' ? rest.slice(1) : rest;
}
