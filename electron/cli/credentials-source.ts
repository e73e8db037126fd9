/**
 * Where `balance` gets its key pair: the environment first (GATE_API_KEY + GATE_API_SECRET,
 * for scripts, CI and status bars), then a fallback provider — the OS keychain entry written
 * by `gate-glance login`, loaded lazily so keytar's native module costs nothing when the
 * environment already answers.
 */
import type { Result } from '../../shared/errors.js';
import { fail, ok } from '../../shared/errors.js';
import type { Credentials, CredentialsProvider } from '../core/gate/types.js';
import { DEFAULT_PROFILE } from '../core/secrets/profiles.js';

/** The environment variables the CLI reads credentials from. */
const ENV_KEY = 'GATE_API_KEY';
/** The secret's variable; never echoed anywhere. */
const ENV_SECRET = 'GATE_API_SECRET';

/** A provider that knows nothing: what `balance` falls back to when no keychain is wired. */
export const noStoredCredentials: CredentialsProvider = () => Promise.resolve(ok(null));

/**
 * Env first, then `fallback` (the keychain). Only one of the two variables set is a clear
 * error rather than a silent fall-through to a different key in the keychain.
 */
export function envThenFallback(env: Readonly<Record<string, string | undefined>>, fallback: CredentialsProvider): CredentialsProvider {
  return async (): Promise<Result<Credentials | null>> => {
    const key = env[ENV_KEY]?.trim() ?? '';
    const secret = env[ENV_SECRET]?.trim() ?? '';
    if (key !== '' && secret !== '') return ok({ key, secret });
    if (key !== '' || secret !== '') {
      const missing = key === '' ? ENV_KEY : ENV_SECRET;
      const present = key === '' ? ENV_SECRET : ENV_KEY;
      return fail('INVALID_CREDENTIALS_INPUT', { reason: 'env-half', present, missing, keyVariable: ENV_KEY, secretVariable: ENV_SECRET });
    }
    try {
      return await fallback();
    } catch {
      return fail('KEYCHAIN_ERROR', { reason: 'read-failed' });
    }
  };
}

/**
 * The credentials of a command run: the default profile reads the environment, then `keychain`
 * (today's entry); a named profile (`--profile NAME`) reads its own keychain entry only, so the
 * environment's key is never taken for another account's.
 */
export function profileCredentials(
  io: { readonly env: Readonly<Record<string, string | undefined>>; readonly profile?: string },
  keychain: CredentialsProvider,
  profileKeychain: (profile: string) => CredentialsProvider,
): CredentialsProvider {
  if (io.profile === undefined || io.profile === DEFAULT_PROFILE) return envThenFallback(io.env, keychain);
  return profileKeychain(io.profile);
}
