/**
 * Checks a pasted key pair before it goes anywhere near the keychain: most bad input is a
 * paste accident (a trailing newline, a zero-width space, the two fields swapped, half the
 * secret), and it is kinder to say so now than to store it and get INVALID_SIGNATURE later.
 * Real keys that merely look unusual are accepted with a warning, never rejected.
 */
import { fail, ok, type ErrorReason, type Result } from '../../../shared/errors.js';
import type { CredentialsNotice } from '../../../shared/ipc.js';
import type { Credentials } from '../gate/types.js';

/** Shortest key or secret we accept: anything shorter is a truncated paste, not an API key. */
const MIN_CREDENTIAL_LENGTH = 8;
/** Longest API key we accept (Gate's are 32); longer is a wrong paste, not a key. */
export const MAX_KEY_LENGTH = 256;
/** Longest API secret we accept (Gate's are 64); keeps the keychain entry far below Windows' 2560-byte limit. */
export const MAX_SECRET_LENGTH = 512;

const GATE_KEY = /^[0-9a-f]{32}$/i;
const GATE_SECRET = /^[0-9a-f]{64}$/i;
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const WHITESPACE = /\s/u;

/** A pair that passed validation, plus what the user should know about it. */
export interface ValidatedCredentials {
  readonly credentials: Credentials;
  /** What is unusual about the pair (it is saved as entered). */
  readonly notices: readonly CredentialsNotice[];
}

type Reason = ErrorReason<'INVALID_CREDENTIALS_INPUT'>;

function invalid(reason: Reason, params: Readonly<Record<string, string | number>> = {}): Result<ValidatedCredentials> {
  return fail('INVALID_CREDENTIALS_INPUT', { ...params, reason });
}

/** Describes one bad character of the KEY (never used for the secret, whose characters we never echo). */
function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function checkOne(value: string, label: 'key' | 'secret', max: number): Result<ValidatedCredentials> | null {
  const field = { field: label };
  if (value.length === 0) return invalid('empty', field);
  if (value.length > max) return invalid('too-long', { ...field, length: value.length, max });
  if (WHITESPACE.test(value)) return invalid('whitespace', field);
  if (!PRINTABLE_ASCII.test(value)) {
    if (label === 'key') {
      const bad = [...value].find((c) => !PRINTABLE_ASCII.test(c)) ?? '';
      return invalid('key-character', { character: describeChar(bad) });
    }
    return invalid('secret-character');
  }
  if (value.length < MIN_CREDENTIAL_LENGTH) return invalid('too-short', { ...field, length: value.length });
  return null;
}

/**
 * Checks the key alone (trimmed), as soon as it is typed and before the secret is asked for:
 * the same rules as for the pair, so a bad key is said at once. Null when the key may go on.
 */
export function checkKeyInput(key: string): Result<ValidatedCredentials> | null {
  return checkOne(key.trim(), 'key', MAX_KEY_LENGTH);
}

/**
 * Trims and checks a key pair. Rejects empty, absurdly short/long, whitespace-inside,
 * control/non-ASCII, identical or swapped input with INVALID_CREDENTIALS_INPUT; accepts a
 * pair that is not Gate's usual 32/64 hex characters with a warning. Messages never
 * contain any character of the secret.
 */
export function validateCredentialsInput(input: { readonly key: string; readonly secret: string }): Result<ValidatedCredentials> {
  if (typeof input.key !== 'string' || typeof input.secret !== 'string') {
    return invalid('not-text');
  }
  const key = input.key.trim();
  const secret = input.secret.trim();
  const keyProblem = checkOne(key, 'key', MAX_KEY_LENGTH);
  if (keyProblem) return keyProblem;
  const secretProblem = checkOne(secret, 'secret', MAX_SECRET_LENGTH);
  if (secretProblem) return secretProblem;
  if (key === secret) return invalid('same');
  if (GATE_SECRET.test(key) && GATE_KEY.test(secret)) return invalid('swapped');
  const notices: CredentialsNotice[] = [];
  if (!GATE_KEY.test(key)) notices.push({ kind: 'key-shape', length: key.length });
  if (!GATE_SECRET.test(secret)) notices.push({ kind: 'secret-shape', length: secret.length });
  return ok({ credentials: { key, secret }, notices });
}

/** "…a1b2": enough of the key to recognise it in the UI and CLI, none of the secret. */
export function keyHint(key: string): string {
  const trimmed = key.trim();
  // Never show a whole (short) key: at most 4 characters, and at most half of it.
  const visible = Math.min(4, Math.floor(trimmed.length / 2));
  return `…${trimmed.slice(trimmed.length - visible)}`;
}
