/**
 * KeyHealthService: what Gate says of the stored key, read after a key is saved, on each app
 * start when the last check is a day old, and once a day while the app runs — never on the
 * refresh path, so it costs at most one request a day beyond a save or a "Check now". The last
 * check (its time, the key's hint and the facts; never the secret) is kept in key-health.json,
 * so a restart does not ask again within the day. Failures are values in the state; a key
 * without the Account read permission is a health with every fact unknown, and the rest of the
 * app carries on as before.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { AppError, Result } from '../../../shared/errors.js';
import { isPermanentError, ok } from '../../../shared/errors.js';
import type { KeyHealth, KeyHealthState } from '../../../shared/key-health.js';
import type { Clock, TimerHandle } from '../clock.js';
import { KEY_HEALTH_FILE_NAME } from '../data-dir.js';
import type { AccountDetailInfo, KeyInfo } from '../gate/key-schema.js';
import type { FileSystem } from '../files/private-files.js';
import { createNodeFileSystem, writeFileAtomic } from '../files/private-files.js';
import { accountPermissionMissing, keyHealthFrom, needsAccountDetail } from './key-health.js';

/** One check a day (ms). */
export const KEY_HEALTH_INTERVAL_MS = 86_400_000;
/**
 * After a failure that passes (offline at login, a 429, a 5xx, a clock Gate refused before the
 * client learnt its offset), the next tries come sooner than a day (ms): 5 min, 15 min, 1 h, 4 h.
 * A failure that names the key (INVALID_KEY, FORBIDDEN, …) waits the day: asking again changes nothing.
 */
export const KEY_HEALTH_RETRY_MS: readonly number[] = [300_000, 900_000, 3_600_000, 14_400_000];
const MAX_FILE_BYTES = 64 * 1024;

/** What a check needs of a Gate client (GateClient). */
export interface KeyHealthClient {
  getKeyInfo(): Promise<Result<KeyInfo>>;
  getAccountDetail(): Promise<Result<AccountDetailInfo>>;
}

/**
 * One check: main_keys, and /account/detail only when main_keys listed no whitelist. A key
 * without the Account permission (FORBIDDEN) answers a health that says so; other failures are errors.
 */
export async function readKeyHealth(client: KeyHealthClient, now: () => number): Promise<Result<KeyHealth>> {
  const info = await client.getKeyInfo();
  if (!info.ok) return info.error.code === 'FORBIDDEN' ? ok(accountPermissionMissing(now())) : info;
  const detail = needsAccountDetail(info.value) ? await client.getAccountDetail() : null;
  return ok(keyHealthFrom(info.value, detail?.ok ? detail.value : null, now()));
}

export interface KeyHealthServiceOptions {
  readonly client: KeyHealthClient;
  readonly clock: Clock;
  /** Where key-health.json lives; none keeps nothing (the demo). */
  readonly dataDir?: string;
  readonly fs?: FileSystem;
  /** Called after every change of `state`. */
  readonly onChange: () => void;
  readonly log?: (message: string) => void;
}

const healthSchema = z.strictObject({
  checkedAt: z.number().int().nonnegative(),
  readOnly: z.boolean().nullable(),
  writePermissions: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/)).max(64),
  ipBound: z.boolean().nullable(),
  expiresAt: z.number().int().nonnegative().nullable(),
  state: z.enum(['normal', 'locked', 'frozen']).nullable(),
  warnings: z.array(z.enum(['WRITE_PERMISSIONS', 'EXPIRES_SOON', 'NO_IP_WHITELIST', 'KEY_LOCKED', 'ACCOUNT_PERMISSION_MISSING'])).max(5),
});
const fileSchema = z.strictObject({
  version: z.literal(1),
  keyHint: z.string().max(16),
  /** When the last check was made, whatever its outcome (the daily limit counts attempts). */
  attemptedAt: z.number().int().nonnegative(),
  /** When the next check is due; absent in files written before retries (a day after the attempt). */
  nextAt: z.number().int().nonnegative().optional(),
  /** Failures that passed, in a row, since the last answer (picks the next retry's wait). */
  failures: z.number().int().nonnegative().max(1000).optional(),
  health: healthSchema.nullable(),
});

const IDLE: KeyHealthState = { health: null, checking: false, error: null };

/** One per source of keys (the user's account; the demo has its own, without a file). */
export class KeyHealthService {
  readonly #options: KeyHealthServiceOptions;
  readonly #fs: FileSystem;
  readonly #path: string | null;
  readonly #log: (message: string) => void;
  #state: KeyHealthState = IDLE;
  #keyHint: string | null = null;
  #attemptedAt: number | null = null;
  /** When the next check is due (a day after an answer, sooner after a failure that passes). */
  #nextAt: number | null = null;
  #failures = 0;
  #timer: TimerHandle | null = null;
  #inFlight: Promise<KeyHealthState> | null = null;
  #writes: Promise<void> = Promise.resolve();
  /** Bumped when the key changes, so a check of the previous key never lands on the new one. */
  #generation = 0;
  #stopped = false;

  constructor(options: KeyHealthServiceOptions) {
    this.#options = options;
    this.#fs = options.fs ?? createNodeFileSystem();
    this.#path = options.dataDir === undefined ? null : join(options.dataDir, KEY_HEALTH_FILE_NAME);
    this.#log = options.log ?? ((message) => console.warn(`[key-health] ${message}`));
  }

  /** The last facts, whether a check runs, and why the last one failed. */
  get state(): KeyHealthState {
    return this.#state;
  }

  /**
   * The app started with this key stored: the last check's facts come back from the file, and
   * Gate is asked only when that check is a day old (or was of another key). Then once a day.
   */
  async start(keyHint: string): Promise<void> {
    this.#stopped = false;
    this.#adopt(keyHint);
    const generation = this.#generation;
    const saved = await this.#read();
    if (generation !== this.#generation || this.#stopped) return;
    if (saved !== null && saved.keyHint === keyHint) {
      this.#attemptedAt = saved.attemptedAt;
      this.#nextAt = saved.nextAt ?? saved.attemptedAt + KEY_HEALTH_INTERVAL_MS;
      this.#failures = saved.failures ?? 0;
      if (saved.health !== null) this.#set({ health: saved.health, checking: false, error: null });
    }
    const now = this.#options.clock.now();
    // An attempt "in the future" means the clock was set back: ask rather than trust the file.
    const due = this.#attemptedAt === null || this.#nextAt === null || now >= this.#nextAt || this.#attemptedAt > now;
    if (due) void this.checkNow();
    else this.#schedule(this.#nextAt! - now);
  }

  /** A key was saved (here, or seen replaced elsewhere): its facts are read at once. */
  keySaved(keyHint: string): Promise<KeyHealthState> {
    this.#stopped = false;
    this.#adopt(keyHint, true);
    return this.checkNow();
  }

  /** A key was saved with its facts already read (the save's own inspection): no second request. */
  checked(keyHint: string, health: KeyHealth): void {
    this.#stopped = false;
    this.#adopt(keyHint, true);
    this.#attemptedAt = this.#options.clock.now();
    this.#failures = 0;
    this.#nextAt = this.#attemptedAt + KEY_HEALTH_INTERVAL_MS;
    this.#set({ health, checking: false, error: null });
    this.#persist(keyHint, health);
    this.#schedule(KEY_HEALTH_INTERVAL_MS);
  }

  /** Asks Gate now ("Check now", a save); joins a check already on its way. */
  checkNow(): Promise<KeyHealthState> {
    if (this.#keyHint === null || this.#stopped) return Promise.resolve(this.#state);
    this.#inFlight ??= this.#check().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** The key was removed: nothing is known any more, and the file goes. */
  clear(): void {
    this.#generation += 1;
    this.#keyHint = null;
    this.#attemptedAt = null;
    this.#nextAt = null;
    this.#failures = 0;
    this.#cancelTimer();
    this.#set(IDLE);
    if (this.#path !== null) {
      const path = this.#path;
      this.#writes = this.#writes.then(() => this.#fs.remove(path)).catch(() => this.#log(`could not remove ${KEY_HEALTH_FILE_NAME}`));
    }
  }

  /** No more checks or timers (a check under way still settles, unseen). */
  stop(): void {
    this.#stopped = true;
    this.#cancelTimer();
  }

  /** Resolves once no check is on its way and the file is written (tests, quitting). */
  async whenIdle(): Promise<void> {
    while (this.#inFlight !== null) await this.#inFlight;
    await this.#writes;
  }

  #adopt(keyHint: string, fresh = false): void {
    if (this.#keyHint === keyHint && !fresh) return;
    this.#generation += 1;
    this.#keyHint = keyHint;
    this.#attemptedAt = null;
    this.#nextAt = null;
    this.#failures = 0;
    this.#inFlight = null;
    this.#cancelTimer();
    this.#set(IDLE);
  }

  async #check(): Promise<KeyHealthState> {
    const generation = this.#generation;
    const keyHint = this.#keyHint;
    this.#cancelTimer();
    this.#set({ ...this.#state, checking: true });
    let result: Result<KeyHealth>;
    try {
      result = await readKeyHealth(this.#options.client, () => this.#options.clock.now());
    } catch {
      result = { ok: false, error: { code: 'INTERNAL', params: { reason: 'read' }, detail: null } };
    }
    if (generation !== this.#generation || keyHint === null) return this.#state;
    const now = this.#options.clock.now();
    this.#attemptedAt = now;
    // A failed check keeps the last facts: they were true a day ago and say more than nothing.
    this.#set(
      result.ok ? { health: result.value, checking: false, error: null } : { ...this.#state, checking: false, error: result.error },
    );
    if (!result.ok) this.#log(`check failed: ${result.error.code}`);
    this.#failures = result.ok || isPermanentError(result.error.code) ? 0 : this.#failures + 1;
    const wait = result.ok ? KEY_HEALTH_INTERVAL_MS : retryWait(result.error, this.#failures);
    this.#nextAt = now + wait;
    this.#persist(keyHint, this.#state.health);
    if (!this.#stopped) this.#schedule(wait);
    return this.#state;
  }

  #schedule(ms: number): void {
    this.#cancelTimer();
    this.#timer = this.#options.clock.setTimeout(
      () => {
        this.#timer = null;
        void this.checkNow();
      },
      Math.max(0, ms),
    );
  }

  #cancelTimer(): void {
    if (this.#timer !== null) this.#options.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #set(next: KeyHealthState): void {
    this.#state = next;
    this.#options.onChange();
  }

  async #read(): Promise<z.infer<typeof fileSchema> | null> {
    if (this.#path === null) return null;
    let text: string | null;
    try {
      text = await this.#fs.readText(this.#path, { maxBytes: MAX_FILE_BYTES, overflow: 'refuse' });
    } catch (error) {
      this.#log(`could not read ${KEY_HEALTH_FILE_NAME} (${error instanceof Error ? error.name : 'unknown'}); checking afresh`);
      return null;
    }
    if (text === null) return null;
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // damaged: read as absent below
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      this.#log(`${KEY_HEALTH_FILE_NAME} is damaged; checking afresh`);
      return null;
    }
    return parsed.data;
  }

  #persist(keyHint: string, health: KeyHealth | null): void {
    if (this.#path === null) return;
    const path = this.#path;
    const data = { version: 1, keyHint, attemptedAt: this.#attemptedAt, nextAt: this.#nextAt, failures: this.#failures, health };
    this.#writes = this.#writes
      .then(() => writeFileAtomic(this.#fs, path, `${JSON.stringify(data)}\n`))
      .catch((error: unknown) => this.#log(`could not save ${KEY_HEALTH_FILE_NAME} (${error instanceof Error ? error.name : 'unknown'})`));
  }
}

/** How long after a failed check the next one runs (ms): a day for the key's own fault, else the retry steps, never sooner than Gate asked. */
function retryWait(error: AppError, failures: number): number {
  if (isPermanentError(error.code) || failures === 0) return KEY_HEALTH_INTERVAL_MS;
  const step = KEY_HEALTH_RETRY_MS[Math.min(failures, KEY_HEALTH_RETRY_MS.length) - 1]!;
  return Math.min(KEY_HEALTH_INTERVAL_MS, Math.max(step, error.retryAfterMs ?? 0));
}
