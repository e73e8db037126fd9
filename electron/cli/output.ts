/**
 * How the CLI speaks: one-line errors on stderr (`error: CODE: message — hint`), the JSON
 * error object with `--json`, and the exit code each error code maps to, so scripts and
 * status bars can branch on the number alone.
 */
import type { AppError, ErrorCode } from '../../shared/errors.js';
import { errorKind } from '../../shared/errors.js';
import { errorWords, oneLine } from '../../shared/present/error-words.js';
import { ENGLISH, type Words } from '../../shared/present/words.js';
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

/** `error: CODE: message — hint`, the one line every command writes to stderr for an error. */
export function errorLine(words: Words, error: AppError): string {
  const w = errorWords(words, error);
  return `error: ${error.code}: ${oneLine(w.message)} — ${oneLine(w.hint)}\n`;
}

/**
 * Writes an error the way every command does, and answers its exit code. The `--json` object
 * is always English, whatever the terminal's language: scripts match on it.
 */
export function reportError(io: CliIo, error: AppError, json: boolean, words: Words = ENGLISH): number {
  io.stderr.write(errorLine(words, error));
  if (json) {
    const english = errorWords(ENGLISH, error);
    const payload: Record<string, unknown> = { code: error.code, message: english.message, hint: english.hint };
    if (error.retryAfterMs !== undefined) payload['retryAfterMs'] = error.retryAfterMs;
    io.stdout.write(`${JSON.stringify({ error: payload })}\n`);
  }
  return exitCodeFor(error.code);
}

/** A usage error: one line naming the problem and where to read more; exit 2. */
export function reportUsage(io: CliIo, message: string, command?: string): number {
  const help = command ? `gate-glance help ${command}` : 'gate-glance --help';
  io.stderr.write(`error: ${oneLine(message)} (see \`${help}\`)\n`);
  return EXIT.usage;
}
