/**
 * The process entry of the `gate-glance` bundle (bin/gate-glance.cjs loads it): wires the real
 * streams and environment into `runCli`, then exits with its code once output is flushed.
 */
import type { CliIo } from './io.js';
import { runCli } from './main.js';

/** Runs the CLI for this process. */
export async function main(argv: readonly string[]): Promise<void> {
  // A closed pipe (`gate-glance balance | head -1`) is not an error worth a stack trace.
  process.stdout.on('error', () => process.exit(0));
  const io: CliIo = {
    // stdin is created on first use only: most commands never read it, and it costs start-up time.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
  const code = await runCli(argv, io);
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
  process.exit(code);
}
