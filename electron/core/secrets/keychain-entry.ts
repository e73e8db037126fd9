/**
 * The one keychain entry's format, shared by every SecretStore so they agree byte for byte:
 * `{"v":1,"key":"…","secret":"…"}`. Decoding never throws and never echoes the raw entry
 * (which may hold a secret, ours or someone else's) into an error.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { Credentials } from '../gate/types.js';
import { KEYCHAIN_ACCOUNT, KEYCHAIN_SERVICE } from './secret-store.js';

/**
 * Windows Credential Manager refuses a credential blob above 2560 bytes
 * (CRED_MAX_CREDENTIAL_BLOB_SIZE). We check it on every platform, so an entry that works on
 * one OS works on all of them, and a too-big pair fails with a clear error before keytar.
 */
export const MAX_ENTRY_BYTES = 2560;

/** The entry's format version, so a later format can tell old entries apart. */
const ENTRY_VERSION = 1;

/** Serialises the pair for the keychain, or KEYCHAIN_ERROR when it would not fit. */
export function encodeEntry(credentials: Credentials): Result<string> {
  const raw = JSON.stringify({ v: ENTRY_VERSION, key: credentials.key, secret: credentials.secret });
  const bytes = new TextEncoder().encode(raw).length;
  if (bytes > MAX_ENTRY_BYTES) {
    return fail('KEYCHAIN_ERROR', { reason: 'too-big', bytes, limit: MAX_ENTRY_BYTES });
  }
  return ok(raw);
}

/** Parses an entry read back from the keychain; anything not written by us is a named error, not a crash. */
export function decodeEntry(raw: string): Result<Credentials> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    'key' in parsed &&
    'secret' in parsed &&
    typeof parsed.key === 'string' &&
    typeof parsed.secret === 'string' &&
    parsed.key.length > 0 &&
    parsed.secret.length > 0
  ) {
    return ok({ key: parsed.key, secret: parsed.secret });
  }
  return fail('KEYCHAIN_ERROR', { reason: 'not-ours', service: KEYCHAIN_SERVICE, account: KEYCHAIN_ACCOUNT });
}
