/**
 * The save / status / clear flow for the API key pair, shared by the app and the CLI so both
 * validate, verify and report the same way. It also provides the CredentialsProvider the Gate
 * client reads the pair from, and keeps the last known status: every read of the keychain
 * updates it. No method throws, and nothing it returns ever contains the secret: callers get
 * `{ stored, keyHint, keychainError }`.
 *
 * The keychain is slow, may prompt, and a keytar call that never answers keeps one of libuv's
 * four threads (issue 22 §5), so it is read as little as possible:
 * - the pair read once stays in this process's memory until a save or a clear here replaces it,
 *   or a re-read finds it replaced elsewhere (the CLI's `login`/`logout`): refreshes read no keychain;
 * - at most one read at a time: a read asked for while one runs joins it (never two prompts);
 * - after a failed read the provider answers that failure again, with no keychain call, until
 *   a backoff has passed (KEYCHAIN_RETRY_MS): the balance schedule's own backoff then retries
 *   quietly, and `recheck()` (popover opened, screen unlocked) reads at once.
 */
import type {
  CredentialsNotice,
  CredentialsState,
  CredentialsStatus,
  SaveCredentialsInput,
  SaveCredentialsResult,
} from '../../../shared/ipc.js';
import { appError, ok, rejectsKey, type AppError, type Result } from '../../../shared/errors.js';
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

/** `recheck()` reads a keychain that answered at most this often (ms); any other read counts too. */
export const RECHECK_INTERVAL_MS = 60_000;

/**
 * After the n-th failed read in a row, the provider answers the same failure without a keychain
 * call for this long (ms; the last entry repeats): a locked keychain at login (Linux has no
 * unlock event) is retried quietly, never at every refresh's pace.
 */
export const KEYCHAIN_RETRY_MS: readonly number[] = [15_000, 30_000, 60_000, 120_000, 300_000];

/** The pair as last read or written here: `null` when none is stored. */
interface KnownPair {
  readonly credentials: Credentials | null;
}

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
  /** The pair in memory; null until a read or a write here made it known, and again after a failed read. */
  #known: KnownPair | null = null;
  /** The read in flight, which every other read joins. */
  #reading: Promise<Result<Credentials | null>> | null = null;
  /** After a failed read: that failure, and until when the provider answers it without a keychain call. */
  #failure: { readonly error: AppError; readonly count: number; readonly retryAt: number } | null = null;
  /** Bumped by every save and clear, so a read that started before one never overwrites what it wrote. */
  #writes = 0;

  /**
   * For the Gate client: the pair in memory, or one keychain read when none is known yet (or the
   * last read failed and its backoff has passed). `null` when none is stored.
   */
  readonly provider: CredentialsProvider = () => {
    if (this.#known !== null) return Promise.resolve(ok(this.#known.credentials));
    const failure = this.#failure;
    if (failure !== null && this.#reading === null && this.#clock.now() < failure.retryAt)
      return Promise.resolve({ ok: false, error: failure.error });
    return this.#read();
  };

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
   * For events that say the keychain may have changed (popover opened, screen unlocked, Gate
   * refused the key): reads it again — at once when the last read failed (the user may just have
   * unlocked it), otherwise unless it was read less than RECHECK_INTERVAL_MS ago. Joins a read in flight.
   */
  async recheck(): Promise<void> {
    if (this.#reading === null && this.#failure === null && this.#clock.now() - this.#lastReadAt < RECHECK_INTERVAL_MS) return;
    await this.#read();
  }

  /**
   * Gate refused the pair in memory (a wrong or revoked key): reads the keychain once more, since
   * another program (the CLI's `login`) may have replaced it there. Joins a read in flight.
   */
  async rejected(): Promise<void> {
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
        // Gate refused the key itself: saving it would only store a dead key. Anything else (network,
        // 5xx, rate limit, clock, odd body) says nothing about the key: saved, with a "could not verify" warning.
        else if (rejectsKey(outcome.error.code)) return { ok: false, error: outcome.error };
        else notices.push({ kind: 'verify-failed', error: outcome.error });
      }
    }
    const keyHealth = verified && this.#inspect !== undefined ? await safeInspect(this.#inspect, credentials) : null;
    if (keyHealth !== null && keyHealth.writePermissions.length > 0 && input.allowWriteKey !== true) {
      return { ok: false, error: appError('KEY_CAN_WRITE', { permissions: keyHealth.writePermissions.join(',') }) };
    }
    const stored = await this.#store.set(credentials);
    if (!stored.ok) return stored;
    this.#remember({ credentials });
    const status = statusOf(credentials);
    this.#state = { ...status, checking: false };
    this.#onChange?.(status);
    return ok({ status, notices, verified, keyHealth });
  }

  /** Deletes the stored pair (a no-op when none is stored). Fails only when the keychain cannot be changed. */
  async clear(): Promise<Result<CredentialsStatus>> {
    const cleared = await this.#store.clear();
    if (!cleared.ok) return cleared;
    this.#remember({ credentials: null });
    this.#state = { ...EMPTY_CREDENTIALS_STATUS, checking: false };
    this.#onChange?.(EMPTY_CREDENTIALS_STATUS);
    return ok(EMPTY_CREDENTIALS_STATUS);
  }

  #remember(known: KnownPair): void {
    this.#writes += 1;
    this.#known = known;
    this.#failure = null;
  }

  #read(): Promise<Result<Credentials | null>> {
    this.#reading ??= this.#readOnce().finally(() => {
      this.#reading = null;
    });
    return this.#reading;
  }

  async #readOnce(): Promise<Result<Credentials | null>> {
    this.#lastReadAt = this.#clock.now();
    const writes = this.#writes;
    const got = await this.#store.get();
    // A save or clear here finished meanwhile: what it wrote is newer than what this read saw.
    if (writes !== this.#writes) return this.#known !== null ? ok(this.#known.credentials) : got;
    if (got.ok) {
      this.#known = { credentials: got.value };
      this.#failure = null;
    } else {
      const count = (this.#failure?.count ?? 0) + 1;
      const backoff = KEYCHAIN_RETRY_MS[Math.min(count, KEYCHAIN_RETRY_MS.length) - 1] ?? 0;
      this.#known = null;
      this.#failure = { error: got.error, count, retryAt: this.#clock.now() + backoff };
    }
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
