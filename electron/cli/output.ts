/**
 * How the CLI speaks: one-line errors on stderr (`error: CODE: message — hint`), the JSON
 * error object with `--json`, and the exit code each error code maps to, so scripts and
 * status bars can branch on the number alone.
 */
import type { AppError, ErrorCode } from '../../shared/errors.js';
import { isKeychainError, isKeyError } from '../../shared/errors.js';
import type { CliIo } from './io.js';
import { EXIT } from './io.js';

/** Exit code for an error: 3 credentials/permission/keychain, 2 usage, 1 a bug, 4 everything remote. */
function exitCodeFor(code: ErrorCode): number {
  if (isKeyError(code) || isKeychainError(code)) return EXIT.credentials;
  if (code === 'INVALID_REQUEST') return EXIT.usage;
  if (code === 'INTERNAL' || code === 'UNTRUSTED_SENDER') return EXIT.internal;
  return EXIT.remote;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Writes an error the way every command does, and answers its exit code. */
export function reportError(io: CliIo, error: AppError, json: boolean): number {
  io.stderr.write(`error: ${error.code}: ${oneLine(error.message)} — ${oneLine(error.hint)}\n`);
  if (json) {
    const payload: Record<string, unknown> = { code: error.code, message: error.message, hint: error.hint };
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
