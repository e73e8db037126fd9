/**
 * When the app looks for an update, what it offers and what it says, without Electron: one state
 * machine (shared/updates.ts) over the part of electron-updater's `AppUpdater` it drives. Main
 * builds the real updater (AppImage, NSIS or macOS) and passes it in; tests pass a fake and a
 * virtual clock.
 *
 * The user stays in control: a check 5 s after start and every 12 hours only while checks are on
 * (off means no request at all), a download only when asked or when "download automatically" is
 * on, and never a restart the user did not ask for: a downloaded update installs on the next quit
 * (`autoInstallOnAppQuit`) unless "Restart to update" installs it now.
 */
import type { UpdateFailure, UpdateMode, UpdatePhase, UpdateState } from '../../../shared/updates.js';
import type { Clock, TimerHandle } from '../clock.js';

/** The first check waits for the app to settle, so it never competes with the first balance. */
export const FIRST_CHECK_DELAY_MS = 5_000;
/** Then twice a day: Electron's security releases come every few weeks. */
export const CHECK_INTERVAL_MS = 12 * 60 * 60 * 1000;

/** What a check answered (electron-updater's `UpdateCheckResult`, the fields we read). */
export interface UpdateCheckAnswer {
  readonly isUpdateAvailable: boolean;
  readonly updateInfo: { readonly version: string };
}

/** The part of electron-updater's `AppUpdater` we drive (its own names, so the real one fits as is). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  checkForUpdates(): Promise<UpdateCheckAnswer | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (progress: { readonly percent: number }) => void): unknown;
}

export interface UpdateServiceOptions {
  /** Null where the app cannot update itself at all (`mode` is then `none` or `notify` without a feed). */
  readonly updater: Updater | null;
  readonly mode: UpdateMode;
  readonly currentVersion: string;
  /** The release page of a version, for `notify` installs (deb, rpm, ad-hoc macOS). */
  readonly releaseUrl: (version: string) => string | null;
  readonly clock: Clock;
  /** Operational messages: versions and failure codes, never a URL's query or a path. */
  readonly log?: (message: string) => void;
}

/** How a failure of electron-updater reads as ours: a checksum that does not match is named apart. */
function failureOf(error: unknown, step: 'check' | 'download'): UpdateFailure {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  if (code === 'ERR_CHECKSUM_MISMATCH') return 'integrity';
  return step === 'check' ? 'check-failed' : 'download-failed';
}

export class UpdateService {
  readonly #options: UpdateServiceOptions;
  readonly #listeners = new Set<(state: UpdateState) => void>();
  #phase: UpdatePhase = { kind: 'idle' };
  #lastCheckAt: number | null = null;
  #enabled = false;
  #autoDownload = false;
  #timer: TimerHandle | null = null;
  #checking: Promise<void> | null = null;
  #disposed = false;

  constructor(options: UpdateServiceOptions) {
    this.#options = options;
    const updater = options.updater;
    if (updater !== null) {
      // Downloads and installs happen only as this service decides; a ready update still installs on quit.
      updater.autoDownload = false;
      updater.autoInstallOnAppQuit = options.mode === 'self';
      // A feed that offers an older version (a mistaken or malicious release) is never installed.
      updater.allowDowngrade = false;
      updater.on('download-progress', (progress) => {
        if (this.#phase.kind !== 'downloading') return;
        const percent = Math.max(0, Math.min(100, Math.floor(progress.percent)));
        if (percent !== this.#phase.percent) this.#set({ ...this.#phase, percent });
      });
    }
  }

  get state(): UpdateState {
    return { mode: this.#options.mode, currentVersion: this.#options.currentVersion, phase: this.#phase, lastCheckAt: this.#lastCheckAt };
  }

  /** Listens to every change; returns the unsubscribe function. */
  onDidChange(listener: (state: UpdateState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Follows the user's settings: with checks on, the first check is `FIRST_CHECK_DELAY_MS` after
   * they are first turned on (the app's start) and then every `CHECK_INTERVAL_MS`; off, nothing is
   * scheduled and no request is made.
   */
  configure(settings: { readonly checkAutomatically: boolean; readonly downloadAutomatically: boolean }): void {
    this.#autoDownload = settings.downloadAutomatically;
    if (this.#options.updater === null || settings.checkAutomatically === this.#enabled) return;
    this.#enabled = settings.checkAutomatically;
    this.#clearTimer();
    if (this.#enabled) this.#schedule(FIRST_CHECK_DELAY_MS);
  }

  /** "Check for updates" (tray menu, Settings): at once, whatever the automatic setting. */
  checkNow(): Promise<void> {
    return this.#check();
  }

  /** "Download" after an update was found (self-updating installs only). */
  async download(): Promise<void> {
    const updater = this.#options.updater;
    const phase = this.#phase;
    if (updater === null || this.#options.mode !== 'self' || phase.kind !== 'available') return;
    this.#set({ kind: 'downloading', version: phase.version, percent: 0 });
    try {
      await updater.downloadUpdate();
      if (this.#disposed) return;
      this.#set({ kind: 'ready', version: phase.version });
      this.#options.log?.(`update ${phase.version} downloaded; it installs on the next quit or restart`);
    } catch (error) {
      if (this.#disposed) return;
      const failure = failureOf(error, 'download');
      this.#options.log?.(`update ${phase.version} was not downloaded (${failure})`);
      this.#set({ kind: 'failed', failure });
    }
  }

  /** "Restart to update": only once an update is ready; the app quits and the installer starts it again. */
  restartToUpdate(): boolean {
    if (this.#phase.kind !== 'ready' || this.#options.updater === null) return false;
    this.#options.updater.quitAndInstall(false, true);
    return true;
  }

  dispose(): void {
    this.#disposed = true;
    this.#clearTimer();
    this.#listeners.clear();
  }

  #check(): Promise<void> {
    this.#checking ??= this.#runCheck().finally(() => {
      this.#checking = null;
    });
    return this.#checking;
  }

  async #runCheck(): Promise<void> {
    const updater = this.#options.updater;
    // A download under way or a ready update is not thrown away by a later check.
    if (updater === null || this.#phase.kind === 'downloading' || this.#phase.kind === 'ready') return;
    this.#set({ kind: 'checking' });
    let answer: UpdateCheckAnswer | null;
    try {
      answer = await updater.checkForUpdates();
    } catch (error) {
      if (this.#disposed) return;
      this.#lastCheckAt = this.#options.clock.now();
      const failure = failureOf(error, 'check');
      this.#options.log?.(`could not check for updates (${failure})`);
      this.#set({ kind: 'failed', failure });
      return;
    }
    if (this.#disposed) return;
    this.#lastCheckAt = this.#options.clock.now();
    // electron-updater answers no update when the feed's version needs a newer OS (minimumSystemVersion) or is older.
    if (answer === null || !answer.isUpdateAvailable) {
      this.#set({ kind: 'up-to-date' });
      return;
    }
    const version = answer.updateInfo.version;
    this.#options.log?.(`update ${version} is available`);
    this.#set({ kind: 'available', version, releaseUrl: this.#options.releaseUrl(version) });
    if (this.#autoDownload && this.#options.mode === 'self') await this.download();
  }

  #schedule(ms: number): void {
    this.#timer = this.#options.clock.setTimeout(() => {
      this.#timer = null;
      if (!this.#enabled || this.#disposed) return;
      void this.#check().finally(() => {
        if (this.#enabled && !this.#disposed && this.#timer === null) this.#schedule(CHECK_INTERVAL_MS);
      });
    }, ms);
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.#options.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #set(phase: UpdatePhase): void {
    this.#phase = phase;
    const state = this.state;
    for (const listener of this.#listeners) listener(state);
  }
}
