/**
 * The `gate-glance` command line: a table of sub-commands and one `runCli` that dispatches,
 * prints usage, and turns anything unexpected into a one-line error (never a stack trace).
 * Runs in-process in tests with fake streams, exactly as from a terminal.
 */
import { createBalanceCommand } from './commands/balance.js';
import { createLoginCommand, createLogoutCommand, createStatusCommand } from './commands/credentials.js';
import { createHoldingsCommand } from './commands/holdings.js';
import { createHistoryCommand } from './commands/history.js';
import { dataDir } from '../core/data-dir.js';
import type { CliCommand, CliIo } from './io.js';
import { EXIT } from './io.js';
import { keychainCredentials } from './keychain-credentials.js';
import { reportUsage } from './output.js';

// Set by scripts/build-cli.mjs from package.json; "dev" when run from source.
declare const __GATE_GLANCE_VERSION__: string | undefined;

/** The CLI's version as built. */
export const CLI_VERSION = typeof __GATE_GLANCE_VERSION__ === 'string' ? __GATE_GLANCE_VERSION__ : 'dev';

/** Every sub-command by name. Add a command by adding an entry here (and a line to COMMAND_SUMMARIES). */
export const COMMANDS: Record<string, CliCommand> = {
  balance: createBalanceCommand({ keychainCredentials }),
  holdings: createHoldingsCommand({ keychainCredentials }),
  history: createHistoryCommand({ dataDir: (env) => dataDir(env, process.platform) }),
  login: createLoginCommand(),
  logout: createLogoutCommand({ dataDir: (env) => dataDir(env, process.platform) }),
  status: createStatusCommand(),
};

/** One line per command for `gate-glance --help`, in display order. */
export const COMMAND_SUMMARIES: Record<string, string> = {
  balance: "show the total balance and its breakdown (Gate's estimate)",
  holdings: 'show what one account is made of, coin by coin (spot, futures, finance, unified)',
  history: 'print the net-worth history recorded on this computer (no key needed)',
  login: 'store your API key and secret in the OS keychain (read from stdin)',
  logout: 'remove the stored API key from the OS keychain',
  status: 'is a key stored (last 4 characters only), and can the keychain be used',
};

/** The top-level help text, built from the command table. */
export function usageText(commands: Readonly<Record<string, CliCommand>> = COMMANDS): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((n) => `  ${n.padEnd(width)}  ${COMMAND_SUMMARIES[n] ?? ''}`.trimEnd());
  return `gate-glance ${CLI_VERSION} — your Gate.io balance in the terminal and the status bar

Usage: gate-glance <command> [options]

Commands:
${lines.join('\n')}

Run \`gate-glance help <command>\` (or \`<command> --help\`) for its options.
Try it without an API key: gate-glance balance --demo
`;
}

/**
 * Runs one command line (argv without node and script) and answers the exit code. Never
 * throws. `commands` defaults to COMMANDS; tests pass a table with fakes injected.
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: Readonly<Record<string, CliCommand>> = COMMANDS): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr.write(usageText(commands));
      return EXIT.usage;
    }
    if (first === '--help' || first === '-h') {
      io.stdout.write(usageText(commands));
      return EXIT.ok;
    }
    if (first === '--version' || first === '-V') {
      io.stdout.write(`${CLI_VERSION}\n`);
      return EXIT.ok;
    }
    if (first === 'help') {
      const topic = rest[0];
      if (topic === undefined) {
        io.stdout.write(usageText(commands));
        return EXIT.ok;
      }
      const command = Object.hasOwn(commands, topic) ? commands[topic] : undefined;
      if (!command) return reportUsage(io, `unknown command "${topic.slice(0, 40)}"`);
      return await command(['--help'], io);
    }
    const command = Object.hasOwn(commands, first) ? commands[first] : undefined;
    if (!command) return reportUsage(io, `unknown command "${first.slice(0, 40)}"`);
    return await command(rest, io);
  } catch {
    // A bug, not a user error: say so on one line, without a stack trace or any data.
    io.stderr.write('error: INTERNAL: gate-glance failed unexpectedly — This is a bug in Gate Glance; please report it.\n');
    return EXIT.internal;
  }
}
