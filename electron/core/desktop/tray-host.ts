/**
 * Whether a tray host is there to show our icon, and what the shell does about it. On Linux a
 * StatusNotifierItem needs a StatusNotifierWatcher on the session bus, and Chromium checks for one
 * once, when the tray is created, falling back to an XEmbed icon forever (invisible on GNOME
 * Wayland): so the tray is created only once a host is present, and while none is, past a grace
 * period, the popover is shown as an ordinary window so the app is never invisible.
 *
 * The monitor is an interface: the D-Bus watcher implements it on Linux, `fixedTrayHost` stands
 * for platforms where the question does not arise. The decision (`trayHostPlan`) is pure.
 */

/** `unknown`: not found out yet (the first bus query is under way). `not-applicable`: macOS, Windows. */
export type TrayHostStatus = 'present' | 'absent' | 'unknown' | 'not-applicable';

/** A subscription; `dispose()` ends it. */
export interface Disposable {
  dispose(): void;
}

/** Watches for a tray host. `onDidChange` fires on every change of `status`, never for a repeat. */
export interface TrayHostMonitor {
  readonly status: TrayHostStatus;
  onDidChange(listener: (status: TrayHostStatus) => void): Disposable;
  dispose(): void;
}

/** How long after start an absent (or still unknown) host is waited for before the popover shows as a window. */
export const TRAY_HOST_GRACE_MS = 5_000;

/**
 * What the shell does now: `tray` creates the tray icon (a host is there, or the platform always has one);
 * `wait` keeps waiting (the grace period runs); `window` shows the popover as a normal window with a notice.
 */
export type TrayHostPlan = 'tray' | 'wait' | 'window';

/** The plan for a host status, `elapsedMs` after start. A host that appears later always gets the tray. */
export function trayHostPlan(status: TrayHostStatus, elapsedMs: number): TrayHostPlan {
  if (status === 'present' || status === 'not-applicable') return 'tray';
  return elapsedMs < TRAY_HOST_GRACE_MS ? 'wait' : 'window';
}

/** What `WidgetState.desktop.trayHost` says of a status (`unknown` counts as absent only once waiting is over). */
export function desktopTrayHost(status: TrayHostStatus): 'present' | 'absent' | 'not-applicable' {
  if (status === 'not-applicable' || status === 'present') return status;
  return 'absent';
}

/** A monitor whose status never changes: `not-applicable` off Linux. */
export function fixedTrayHost(status: TrayHostStatus): TrayHostMonitor {
  return { status, onDidChange: () => ({ dispose: () => undefined }), dispose: () => undefined };
}

/**
 * A monitor told its status from outside (the Electron e2e and smoke tiers of an unpackaged
 * build script a host that appears late through it). Repeats are not reported.
 */
export class ManualTrayHost implements TrayHostMonitor {
  #status: TrayHostStatus;
  readonly #listeners = new Set<(status: TrayHostStatus) => void>();

  constructor(initial: TrayHostStatus) {
    this.#status = initial;
  }

  get status(): TrayHostStatus {
    return this.#status;
  }

  set(status: TrayHostStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    for (const listener of [...this.#listeners]) listener(status);
  }

  onDidChange(listener: (status: TrayHostStatus) => void): Disposable {
    this.#listeners.add(listener);
    return { dispose: () => void this.#listeners.delete(listener) };
  }

  dispose(): void {
    this.#listeners.clear();
  }
}
