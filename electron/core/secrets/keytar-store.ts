/**
 * The real SecretStore: the OS keychain through keytar (macOS Keychain, Windows Credential
 * Manager, the Secret Service — gnome-keyring or KWallet — on Linux).
 *
 * - keytar is loaded lazily, on the first call, so the app and the CLI start (and `balance`
 *   with env credentials works) even where its native module cannot load; that failure is
 *   reported as KEYCHAIN_UNAVAILABLE, not a crash at import time.
 * - Every keytar call is bounded by a timeout: libsecret waits for D-Bus activation and
 *   unlock prompts without limit, and a hung status bar is worse than a named error.
 * - Calls run one at a time, so a status read never interleaves with a save or a delete; and a
 *   call that timed out but never answered (an unlock prompt still on screen) still counts: no
 *   other keytar call starts until it settles. Each waiting call holds one of libuv's four
 *   threads, so four of them would stall every file write in the process, and each may be a
 *   prompt of its own (issue 22 §5). Until then every call answers the timeout error at once.
 * - Fails closed: there is no fallback to a file, the environment or localStorage.
 *
 * Linux quirk (observed): with a LOCKED collection, libsecret's lookup and clear answer
 * "nothing there" (null / false) instead of an error. So when `get` finds nothing or `clear`
 * deletes nothing, the store proves the keychain is usable with a write probe (`health`)
 * before it answers "none stored". keytar's `findCredentials` is never used: it segfaults
 * the process on a locked gnome-keyring collection.
 */
import { createRequire } from 'node:module';
import { ok, type AppError, type Result } from '../../../shared/errors.js';
import { systemClock, type Clock } from '../clock.js';
import type { Credentials } from '../gate/types.js';
import { decodeEntry, encodeEntry } from './keychain-entry.js';
import { keychainError, keychainErrorFromMessage } from './keychain-errors.js';
import { KEYCHAIN_ACCOUNT, KEYCHAIN_PROBE_ACCOUNT, KEYCHAIN_SERVICE, type SecretStore } from './secret-store.js';

/** The part of keytar we use; a test may pass its own loader that answers this shape. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Options for KeytarSecretStore; all optional, defaults are the real thing. */
export interface KeytarSecretStoreOptions {
  /** Upper bound for one keytar call; past it the call answers KEYCHAIN_UNAVAILABLE. Default 30 s (long enough to answer an unlock prompt). */
  readonly timeoutMs?: number;
  /** `process.platform` by default; picks the hints. */
  readonly platform?: string;
  readonly clock?: Clock;
  /** How to load keytar; by default `require('keytar')` on first use. */
  readonly loadKeytar?: () => Promise<KeytarApi>;
  /** Keychain coordinates; tests use their own service name so they never touch a real entry. */
  readonly service?: string;
  readonly account?: string;
}

/** Default bound for one keytar call. */
const KEYTAR_TIMEOUT_MS = 30_000;

const PROBE_VALUE = 'gate-glance keychain probe';

function isKeytarApi(value: unknown): value is KeytarApi {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.getPassword === 'function' && typeof v.setPassword === 'function' && typeof v.deletePassword === 'function';
}

/** Loads the real keytar. createRequire keeps it a plain runtime require (bundlers leave it alone; the native module stays external). */
export async function loadRealKeytar(): Promise<KeytarApi> {
  const require = createRequire(import.meta.url);
  const mod: unknown = require('keytar');
  if (!isKeytarApi(mod)) throw new Error('the keytar module does not export getPassword/setPassword/deletePassword');
  return mod;
}

/**
 * Whether a load failure means keytar is not there at all (npm skipped the optional dependency
 * because it could not build it), as opposed to a keytar whose native module fails to load.
 */
export function isKeytarMissing(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return (
    code === 'MODULE_NOT_FOUND' &&
    typeof message === 'string' &&
    /Cannot find module '(?:[^']*[\\/])?keytar(?:\.node|[\\/][^']*)?'/.test(message)
  );
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Node's MODULE_NOT_FOUND message goes on with a require stack of local paths: the first line is the news. */
function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}

class Timeout {
  constructor(readonly ms: number) {}
}

/** The OS keychain as a SecretStore. Construct once per process; nothing happens until the first call. */
export class KeytarSecretStore implements SecretStore {
  readonly #timeoutMs: number;
  readonly #platform: string;
  readonly #clock: Clock;
  readonly #load: () => Promise<KeytarApi>;
  readonly #service: string;
  readonly #account: string;
  #keytar: Promise<Result<KeytarApi>> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  /** A keytar call that timed out and has not answered yet. */
  #unanswered: Promise<unknown> | null = null;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? KEYTAR_TIMEOUT_MS;
    this.#platform = options.platform ?? process.platform;
    this.#clock = options.clock ?? systemClock;
    this.#load = options.loadKeytar ?? loadRealKeytar;
    this.#service = options.service ?? KEYCHAIN_SERVICE;
    this.#account = options.account ?? KEYCHAIN_ACCOUNT;
  }

  async get(): Promise<Result<Credentials | null>> {
    return this.#serial(async () => {
      const raw = await this.#call((k) => k.getPassword(this.#service, this.#account));
      if (!raw.ok) return raw;
      if (raw.value === null) {
        // Nothing found — or a locked Linux collection that answers null: tell them apart.
        const health = await this.#probe();
        return health.ok ? ok(null) : health;
      }
      return decodeEntry(raw.value);
    });
  }

  async set(credentials: Credentials): Promise<Result<null>> {
    const entry = encodeEntry(credentials);
    if (!entry.ok) return entry;
    return this.#serial(async () => {
      const r = await this.#call((k) => k.setPassword(this.#service, this.#account, entry.value), [credentials.secret, entry.value]);
      return r.ok ? ok(null) : r;
    });
  }

  async clear(): Promise<Result<null>> {
    return this.#serial(async () => {
      const r = await this.#call((k) => k.deletePassword(this.#service, this.#account));
      if (!r.ok) return r;
      if (r.value) return ok(null);
      // Nothing deleted: either nothing was stored, or (Linux) the collection is locked and the entry is still there.
      const health = await this.#probe();
      return health.ok ? ok(null) : health;
    });
  }

  async health(): Promise<Result<null>> {
    return this.#serial(() => this.#probe());
  }

  /** Writes and deletes a throw-away entry: the only reliable way to learn that the keychain is present AND unlocked. */
  async #probe(): Promise<Result<null>> {
    const written = await this.#call((k) => k.setPassword(this.#service, KEYCHAIN_PROBE_ACCOUNT, PROBE_VALUE));
    if (!written.ok) return written;
    const deleted = await this.#call((k) => k.deletePassword(this.#service, KEYCHAIN_PROBE_ACCOUNT));
    return deleted.ok ? ok(null) : deleted;
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #loadOnce(): Promise<Result<KeytarApi>> {
    if (this.#keytar === null) {
      this.#keytar = this.#load().then(
        (k) => ok(k),
        (e: unknown) => ({
          ok: false as const,
          error: keychainError(isKeytarMissing(e) ? 'not-installed' : 'load-failed', firstLine(messageOf(e)), this.#platform),
        }),
      );
    }
    return this.#keytar;
  }

  /** One keytar call: loaded lazily, bounded in time, every failure mapped to a named error. Never throws. */
  async #call<T>(op: (k: KeytarApi) => Promise<T>, redact: readonly string[] = []): Promise<Result<T>> {
    const loaded = await this.#loadOnce();
    if (!loaded.ok) return loaded;
    if (this.#unanswered !== null) {
      return { ok: false, error: keychainError('timeout', 'an earlier keychain call has not answered yet', this.#platform) };
    }
    let timer: ReturnType<Clock['setTimeout']> | undefined;
    const timeout = new Promise<Timeout>((resolve) => {
      timer = this.#clock.setTimeout(() => resolve(new Timeout(this.#timeoutMs)), this.#timeoutMs);
    });
    try {
      const call = op(loaded.value);
      const outcome = await Promise.race([call.then((value) => ({ value })), timeout]);
      if (outcome instanceof Timeout) {
        const settled = call.then(
          () => undefined,
          () => undefined,
        );
        this.#unanswered = settled;
        void settled.then(() => {
          if (this.#unanswered === settled) this.#unanswered = null;
        });
        const error: AppError = keychainError('timeout', `no answer within ${Math.round(outcome.ms / 100) / 10} s`, this.#platform);
        return { ok: false, error };
      }
      return ok(outcome.value);
    } catch (e) {
      return { ok: false, error: keychainErrorFromMessage(messageOf(e), this.#platform, redact) };
    } finally {
      if (timer !== undefined) this.#clock.clearTimeout(timer);
    }
  }
}
