/**
 * The save / status / clear flow for the API key pair, shared by the app and the CLI so both
 * validate, verify and report the same way. It also provides the CredentialsProvider the Gate
 * client reads the pair from, and keeps the last known status: every read of the keychain —
 * the client's own reads for a refresh included — updates it, so a keychain unlocked after a
 * failure is seen on the next refresh without an extra keychain call. No method throws, and
 * nothing it returns ever contains the secret: callers get `{ stored, keyHint, keychainError }`.
 */
import type {
  CredentialsNotice,
  CredentialsState,
  CredentialsStatus,
  SaveCredentialsInput,
  SaveCredentialsResult,
} from '../../../shared/ipc.js';
import { appError, ok, type AppError, type ErrorCode, type Result } from '../../../shared/errors.js';
import type { KeyHealth } from '../../../shared/key-health.js';
import { systemClock, type Clock } from '../clock.js';
import type { BalanceResult, Credentials, CredentialsProvider } from '../gate/types.js';
import type { SecretStore } from './secret-store.js';
import { keyHint, validateCredentialsInput } from './validate-credentials.js';

/** Proves a candidate pair with one signed call (e.g. GateClient.getTotalBalance with a provider answering the pair). */
export type VerifyCredentials = (credentials: Credentials) => Promise<BalanceResult>;

/** Reads what Gate says of a candidate key (main_keys), after it was verified. */
export type InspectCredentials = (credentials: Credentials) => Promise<Result<KeyHealth>>;

/** What a CredentialsService is built from. */
export interface CredentialsServiceOptions {
  readonly store: SecretStore;
  /** Absent where no Gate client is at hand; a save asking for verification then saves with a warning. */
  readonly verify?: VerifyCredentials;
  /** Reads the verified key's health before storing it: a key that can write is refused unless the save allows it. */
  readonly inspect?: InspectCredentials;
  /** Called after every successful save or clear. */
  readonly onChange?: (status: CredentialsStatus) => void;
  /** Called when a read found the keychain other than last known (unlocked, key replaced or removed elsewhere). */
  readonly onObserved?: (state: CredentialsState) => void;
  /** For the recheck throttle; the system clock by default. */
  readonly clock?: Clock;
}

/** `recheck()` reads the keychain at most this often (ms); any other read counts too. */
export const RECHECK_INTERVAL_MS = 60_000;

/**
 * Verification answers that prove the pair itself is unusable: saving it would only store a
 * dead key. Everything else (network, 5xx, rate limit, clock, odd body) says nothing about
 * the key, so the pair is saved with a "could not verify" warning.
 */
const PERMANENT_VERIFY_ERRORS: readonly ErrorCode[] = ['INVALID_KEY', 'INVALID_SIGNATURE', 'FORBIDDEN', 'IP_FORBIDDEN'];

/** The status that says nothing is stored and the keychain works. */
export const EMPTY_CREDENTIALS_STATUS: CredentialsStatus = { stored: false, keyHint: null, keychainError: null };

function statusOf(credentials: Credentials): CredentialsStatus {
  return { stored: true, keyHint: keyHint(credentials.key), keychainError: null };
}

/** One instance per process, built with the real keychain store (app, CLI) or an in-memory one (tests). */
export class CredentialsService {
  readonly #store: SecretStore;
  readonly #verify: VerifyCredentials | undefined;
  readonly #inspect: InspectCredentials | undefined;
  readonly #onChange: ((status: CredentialsStatus) => void) | undefined;
  readonly #onObserved: ((state: CredentialsState) => void) | undefined;
  readonly #clock: Clock;
  #state: CredentialsState = { ...EMPTY_CREDENTIALS_STATUS, checking: true };
  #lastReadAt = Number.NEGATIVE_INFINITY;

  /** For the Gate client: the stored pair, `null` when none is stored, or the keychain's named error. */
  readonly provider: CredentialsProvider = () => this.#read();

  constructor(options: CredentialsServiceOptions) {
    this.#store = options.store;
    this.#verify = options.verify;
    this.#inspect = options.inspect;
    this.#onChange = options.onChange;
    this.#onObserved = options.onObserved;
    this.#clock = options.clock ?? systemClock;
  }

  /** What the keychain said last (`checking` until its first answer). Never the secret. */
  get state(): CredentialsState {
    return this.#state;
  }

  /** Reads the keychain: whether a pair is stored, its key hint, and the keychain's error when it cannot be read. Never fails. */
  async status(): Promise<CredentialsStatus> {
    await this.#read();
    return publicStatus(this.#state);
  }

  /**
   * Reads the keychain again unless it was read less than RECHECK_INTERVAL_MS ago (by anyone,
   * a refresh included), for events that say it may have changed (popover opened, screen unlocked).
   */
  async recheck(): Promise<void> {
    if (this.#clock.now() - this.#lastReadAt < RECHECK_INTERVAL_MS) return;
    await this.#read();
  }

  /**
   * Validates, optionally verifies with one signed call, then stores the pair. A permanent
   * verification failure (bad key or signature, no wallet permission, IP not allowed) rejects
   * the save and leaves any previously stored pair untouched. A verified key is then inspected
   * (one more request): one that can trade or withdraw is refused with KEY_CAN_WRITE unless
   * `allowWriteKey`; an inspection that fails says nothing about the key and saves it.
   */
  async save(input: SaveCredentialsInput): Promise<Result<SaveCredentialsResult>> {
    const validated = validateCredentialsInput(input);
    if (!validated.ok) return validated;
    const { credentials } = validated.value;
    const notices: CredentialsNotice[] = [...validated.value.notices];
    let verified = false;
    if (input.verify) {
      if (this.#verify === undefined) {
        notices.push({ kind: 'verify-unavailable' });
      } else {
        const outcome = await safeVerify(this.#verify, credentials);
        if (outcome.ok) verified = true;
        else if (PERMANENT_VERIFY_ERRORS.includes(outcome.error.code)) return { ok: false, error: outcome.error };
        else notices.push({ kind: 'verify-failed', error: outcome.error });
      }
    }
    const keyHealth = verified && this.#inspect !== undefined ? await safeInspect(this.#inspect, credentials) : null;
    if (keyHealth !== null && keyHealth.writePermissions.length > 0 && input.allowWriteKey !== true) {
      return { ok: false, error: appError('KEY_CAN_WRITE', { permissions: keyHealth.writePermissions.join(',') }) };
    }
    const stored = await this.#store.set(credentials);
    if (!stored.ok) return stored;
    const status = statusOf(credentials);
    this.#state = { ...status, checking: false };
    this.#onChange?.(status);
    return ok({ status, notices, verified, keyHealth });
  }

  /** Deletes the stored pair (a no-op when none is stored). Fails only when the keychain cannot be changed. */
  async clear(): Promise<Result<CredentialsStatus>> {
    const cleared = await this.#store.clear();
    if (!cleared.ok) return cleared;
    this.#state = { ...EMPTY_CREDENTIALS_STATUS, checking: false };
    this.#onChange?.(EMPTY_CREDENTIALS_STATUS);
    return ok(EMPTY_CREDENTIALS_STATUS);
  }

  async #read(): Promise<Result<Credentials | null>> {
    this.#lastReadAt = this.#clock.now();
    const got = await this.#store.get();
    const next: CredentialsState = !got.ok
      ? { stored: false, keyHint: null, keychainError: got.error, checking: false }
      : { ...(got.value === null ? EMPTY_CREDENTIALS_STATUS : statusOf(got.value)), checking: false };
    const previous = this.#state;
    if (!sameState(previous, next)) {
      this.#state = next;
      this.#onObserved?.(next);
    }
    return got;
  }
}

function sameState(a: CredentialsState, b: CredentialsState): boolean {
  return a.checking === b.checking && a.stored === b.stored && a.keyHint === b.keyHint && a.keychainError?.code === b.keychainError?.code;
}

function publicStatus(state: CredentialsState): CredentialsStatus {
  return { stored: state.stored, keyHint: state.keyHint, keychainError: state.keychainError };
}

async function safeInspect(inspect: InspectCredentials, credentials: Credentials): Promise<KeyHealth | null> {
  try {
    const r = await inspect(credentials);
    return r.ok ? r.value : null;
  } catch {
    return null;
  }
}

async function safeVerify(verify: VerifyCredentials, credentials: Credentials): Promise<{ ok: true } | { ok: false; error: AppError }> {
  try {
    const r = await verify(credentials);
    return r.ok ? { ok: true } : { ok: false, error: r.error };
  } catch {
    // A verifier broke its "never throw" promise: that says nothing about the key.
    return { ok: false, error: appError('INTERNAL', { reason: 'verify' }) };
  }
}
