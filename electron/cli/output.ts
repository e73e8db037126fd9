/**
 * How the CLI speaks: one-line errors on stderr (`error: CODE: message — hint`), the JSON
 * error object with `--json`, and the exit code each error code maps to, so scripts and
 * status bars can branch on the number alone.
 */
import type { AppError, ErrorCode } from '../../shared/errors.js';
import { errorKind } from '../../shared/errors.js';
import { errorWords, oneLine } from '../../shared/present/error-words.js';
import type { CliMessageKey } from '../../shared/present/catalogue.js';
import { CLI_ENGLISH, type CliWords } from '../../shared/present/cli-words.js';
import type { MessageParams } from '../../shared/present/message-format.js';
import { ENGLISH, formatList } from '../../shared/present/words.js';
import { cleanText } from '../../shared/text.js';
import { UnsafeFileError } from '../core/files/private-files.js';
import type { CliIo } from './io.js';
import { EXIT } from './io.js';

/** Exit code for an error: 3 credentials/permission/keychain, 2 usage, 1 a bug, 4 everything remote. */
export function exitCodeFor(code: ErrorCode): number {
  switch (errorKind(code)) {
    case 'key':
    case 'keychain':
      return EXIT.credentials;
    case 'usage':
      return EXIT.usage;
    case 'internal':
      return EXIT.internal;
    case 'remote':
      return EXIT.remote;
  }
}

/** `error: CODE: message — hint` (in the words' language), the one line every command writes to stderr for an error. */
export function errorLine(words: CliWords, error: AppError): string {
  const w = errorWords(words, error);
  const statement = oneLine(w.message).replace(/[.。]$/u, '');
  return `${words.cli('cli.error', { code: error.code, statement, hint: oneLine(w.hint) })}\n`;
}

/**
 * A data folder or file the file rules refused, in these words (why, and what to do), or null for
 * any other failure. The path is the user's own setting: cleaned before it reaches the terminal.
 */
export function fileProblemWords(words: CliWords, error: unknown): string | null {
  if (!(error instanceof UnsafeFileError)) return null;
  const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, cleanText(v, 300)]));
  return words.cli('cli.file.problem', { ...params, code: error.code });
}

/** The words of a command line (English when a command runs without `runCli`). */
export function wordsOf(io: CliIo): CliWords {
  return io.words ?? CLI_ENGLISH;
}

/**
 * Writes an error the way every command does, and answers its exit code. The `--json` object
 * is always English, whatever the terminal's language: scripts match on it.
 */
export function reportError(io: CliIo, error: AppError, json: boolean, words: CliWords = wordsOf(io)): number {
  io.stderr.write(errorLine(words, error));
  if (json) {
    const english = errorWords(ENGLISH, error);
    const payload: Record<string, unknown> = { code: error.code, message: english.message, hint: english.hint };
    if (error.retryAfterMs !== undefined) payload['retryAfterMs'] = error.retryAfterMs;
    io.stdout.write(`${JSON.stringify({ error: payload })}\n`);
  }
  return exitCodeFor(error.code);
}

/** A mistake on the command line, as a value: which message says it, with its values. */
export interface UsageProblem {
  readonly key: Extract<CliMessageKey, `cli.usage.${string}`>;
  readonly params?: MessageParams;
  /** Values that are lists of codes, joined in the reader's language when worded. */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
}

/** A usage error: one line naming the problem and where to read more, in the words' language; exit 2. */
export function reportUsage(io: CliIo, problem: UsageProblem, command?: string): number {
  const words = wordsOf(io);
  const help = command ? `gate-glance help ${command}` : 'gate-glance --help';
  // A value here may be the user's own argument, pasted from anywhere: it passes the one sanitiser.
  const params = Object.fromEntries(Object.entries(problem.params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? cleanText(v) : v]));
  const lists = Object.fromEntries(
    Object.entries(problem.lists ?? {}).map(([name, items]) => [
      name,
      formatList(
        words,
        items.map((item) => cleanText(item)),
      ),
    ]),
  );
  const message = oneLine(words.cli(problem.key, { ...params, ...lists }));
  io.stderr.write(`${words.cli('cli.usage.error', { message, help })}\n`);
  return EXIT.usage;
}
