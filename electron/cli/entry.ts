/**
 * The process entry of the `gate-glance` bundle (bin/gate-glance.cjs loads it): wires the real
 * streams and environment into `runCli`, then exits with its code once output is flushed.
 */
import type { CliIo } from './io.js';
import { runCli } from './main.js';
import { appError } from '../../shared/errors.js';
import { CLI_ENGLISH } from '../../shared/present/cli-words.js';
import { errorLine } from './output.js';

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
  let code: number;
  try {
    code = await runCli(argv, io);
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
  } catch {
    // runCli never throws; this is the last line of defence against a stack trace on screen.
    process.stderr.write(errorLine(CLI_ENGLISH, appError('INTERNAL', { reason: 'unexpected' })));
    code = 1;
  }
  process.exit(code);
}
