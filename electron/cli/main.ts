/**
 * The `gate-glance` command line: a table of sub-commands and one `runCli` that dispatches,
 * prints usage, and turns anything unexpected into a one-line error (never a stack trace).
 * Runs in-process in tests with fake streams, exactly as from a terminal.
 */
import { createBalanceCommand } from './commands/balance.js';
import { createLoginCommand, createLogoutCommand, createStatusCommand } from './commands/credentials.js';
import { createHoldingsCommand } from './commands/holdings.js';
import { createHistoryCommand } from './commands/history.js';
import { createDoctorCommand } from './commands/doctor.js';
import { dataDir } from '../core/data-dir.js';
import type { CliCommand, CliIo } from './io.js';
import { EXIT } from './io.js';
import { keychainCredentials } from './keychain-credentials.js';
import { chooseCliLocale, type Language } from '../../shared/locale.js';
import { appError } from '../../shared/errors.js';
import type { CliMessageKey } from '../../shared/present/catalogue.js';
import { CLI_ENGLISH, loadCliWords, type CliWords } from '../../shared/present/cli-words.js';
import { takeLocaleOption } from './locale-option.js';
import { takeProfileOption } from './profile-option.js';
import { errorLine, reportUsage } from './output.js';
import { fitToTerminal } from './wrap.js';

// Set by scripts/build-cli.mjs from package.json; "dev" when run from source.
declare const __GATE_GLANCE_VERSION__: string | undefined;

/** The CLI's version as built. */
export const CLI_VERSION = typeof __GATE_GLANCE_VERSION__ === 'string' ? __GATE_GLANCE_VERSION__ : 'dev';

/** Every sub-command by name. Add a command by adding an entry here (and its line to COMMAND_SUMMARIES). */
export const COMMANDS: Record<string, CliCommand> = {
  balance: createBalanceCommand({ keychainCredentials }),
  holdings: createHoldingsCommand({ keychainCredentials }),
  history: createHistoryCommand({ dataDir: (env) => dataDir(env, process.platform) }),
  login: createLoginCommand(),
  logout: createLogoutCommand({ dataDir: (env) => dataDir(env, process.platform) }),
  status: createStatusCommand(),
  doctor: createDoctorCommand({ keychainCredentials }),
};

/** The help line of each command (a command without one is listed bare). */
const COMMAND_SUMMARIES: Readonly<Record<string, CliMessageKey>> = {
  balance: 'cli.command.balance',
  holdings: 'cli.command.holdings',
  history: 'cli.command.history',
  login: 'cli.command.login',
  logout: 'cli.command.logout',
  status: 'cli.command.status',
  doctor: 'cli.command.doctor',
};

/** The top-level help text, built from the command table, in the words' language. */
export function usageText(commands: Readonly<Record<string, CliCommand>> = COMMANDS, words: CliWords = CLI_ENGLISH): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length));
  const summary = (name: string): string => {
    const key = Object.hasOwn(COMMAND_SUMMARIES, name) ? COMMAND_SUMMARIES[name] : undefined;
    return key === undefined ? '' : words.cli(key);
  };
  const lines = names.map((n) => `  ${n.padEnd(width)}  ${summary(n)}`.trimEnd());
  return words.cli('cli.help.main', { version: CLI_VERSION, commands: lines.join('\n') });
}

/** The words of this command line: `--locale`, else the environment as gettext reads it. */
function chooseWords(io: CliIo, locale: Language | undefined): Promise<CliWords> {
  const systemLocale = (): string => new Intl.NumberFormat().resolvedOptions().locale;
  return loadCliWords(chooseCliLocale({ env: io.env, platform: io.platform ?? process.platform, systemLocale, override: locale }));
}

/**
 * Runs one command line (argv without node and script) and answers the exit code. Never
 * throws. `commands` defaults to COMMANDS; tests pass a table with fakes injected.
 */
export async function runCli(
  rawArgv: readonly string[],
  rawIo: CliIo,
  commands: Readonly<Record<string, CliCommand>> = COMMANDS,
): Promise<number> {
  let words = rawIo.words ?? CLI_ENGLISH;
  try {
    const option = takeLocaleOption(rawArgv);
    words = rawIo.words ?? (await chooseWords(rawIo, option.ok ? option.locale : undefined));
    const plainIo: CliIo = { ...rawIo, words };
    if (!option.ok) return reportUsage(plainIo, { key: 'cli.usage.unknown-locale', params: { locale: option.value } });
    const profileOption = takeProfileOption(option.argv);
    if (!profileOption.ok) return reportUsage(plainIo, { key: 'cli.usage.profile-name', params: { profile: profileOption.value } });
    const io: CliIo = profileOption.profile === undefined ? plainIo : { ...plainIo, profile: profileOption.profile };
    const [first, ...rest] = profileOption.argv;
    if (first === undefined) {
      io.stderr.write(fitToTerminal(io, usageText(commands, words)));
      return EXIT.usage;
    }
    if (first === '--help' || first === '-h') {
      io.stdout.write(fitToTerminal(io, usageText(commands, words)));
      return EXIT.ok;
    }
    if (first === '--version' || first === '-V') {
      io.stdout.write(`${CLI_VERSION}\n`);
      return EXIT.ok;
    }
    if (first === 'help') {
      const topic = rest[0];
      if (topic === undefined) {
        io.stdout.write(fitToTerminal(io, usageText(commands, words)));
        return EXIT.ok;
      }
      const command = Object.hasOwn(commands, topic) ? commands[topic] : undefined;
      if (!command) return reportUsage(io, { key: 'cli.usage.unknown-command', params: { command: topic.slice(0, 40) } });
      return await command(['--help'], io);
    }
    const command = Object.hasOwn(commands, first) ? commands[first] : undefined;
    if (!command) return reportUsage(io, { key: 'cli.usage.unknown-command', params: { command: first.slice(0, 40) } });
    return await command(rest, io);
  } catch {
    // A bug, not a user error: say so on one line, without a stack trace or any data.
    rawIo.stderr.write(errorLine(words, appError('INTERNAL', { reason: 'unexpected' })));
    return EXIT.internal;
  }
}
