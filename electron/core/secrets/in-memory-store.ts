/**
 * A SecretStore in memory, for unit tests of everything above the keychain (CredentialsService,
 * CLI commands, IPC handlers). It keeps the same entry format and size limit as the keytar
 * store, and can simulate each keychain failure, so tests of the fail-closed paths need no
 * real keyring. The app uses it only when the Electron e2e tier asks for it in an unpackaged
 * build (app-secret-store.ts); the CLI never.
 */
import { ok, type AppError, type Result } from '../../../shared/errors.js';
import type { Credentials } from '../gate/types.js';
import { decodeEntry, encodeEntry } from './keychain-entry.js';
import type { SecretStore } from './secret-store.js';

/** A SecretStore method name, to aim a simulated failure at. */
export type SecretStoreOperation = 'get' | 'set' | 'clear' | 'health';

/** A test double with the keytar store's semantics. */
export class InMemorySecretStore implements SecretStore {
  #entry: string | null = null;
  readonly #failures = new Map<SecretStoreOperation, AppError>();
  /** Every call in order, so tests can assert what was (not) touched. */
  readonly calls: SecretStoreOperation[] = [];

  constructor(initial: Credentials | null = null) {
    if (initial) {
      const encoded = encodeEntry(initial);
      if (!encoded.ok) throw new Error(`cannot store this pair (${encoded.error.code})`);
      this.#entry = encoded.value;
    }
  }

  /**
   * Makes an operation fail with `error` until `failWith(op, null)`. A failing 'health'
   * also fails `get`/`clear` when nothing is stored, as a locked Linux keyring does.
   */
  failWith(operation: SecretStoreOperation, error: AppError | null): void {
    if (error) this.#failures.set(operation, error);
    else this.#failures.delete(operation);
  }

  /** Puts raw text in the entry, e.g. to simulate an entry some other program wrote. */
  setRawEntry(raw: string | null): void {
    this.#entry = raw;
  }

  /** The raw entry as the keychain would hold it (tests check the format). */
  rawEntry(): string | null {
    return this.#entry;
  }

  async get(): Promise<Result<Credentials | null>> {
    this.calls.push('get');
    const failure = this.#failures.get('get');
    if (failure) return { ok: false, error: failure };
    if (this.#entry === null) return this.#healthResult();
    return decodeEntry(this.#entry);
  }

  async set(credentials: Credentials): Promise<Result<null>> {
    this.calls.push('set');
    const encoded = encodeEntry(credentials);
    if (!encoded.ok) return encoded;
    const failure = this.#failures.get('set');
    if (failure) return { ok: false, error: failure };
    this.#entry = encoded.value;
    return ok(null);
  }

  async clear(): Promise<Result<null>> {
    this.calls.push('clear');
    const failure = this.#failures.get('clear');
    if (failure) return { ok: false, error: failure };
    if (this.#entry === null) return this.#healthResult();
    this.#entry = null;
    return ok(null);
  }

  async health(): Promise<Result<null>> {
    this.calls.push('health');
    return this.#healthResult();
  }

  #healthResult(): Result<null> {
    const failure = this.#failures.get('health');
    return failure ? { ok: false, error: failure } : ok(null);
  }
}
