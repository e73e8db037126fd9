/**
 * The doctor's decisions, as one pure function over facts gathered elsewhere (gather.ts for the
 * CLI, GlanceApp.getDiagnostics for the app): which status each part has and which hint code
 * names the remedy. Wording lives in the catalogues; nothing here touches the system.
 */
import { CLOCK_SKEW_WARN_MS, type DiagnosticHint, type Diagnostics } from '../../../shared/diagnostics.js';
import type { AppError } from '../../../shared/errors.js';
import { isKeyError } from '../../../shared/errors.js';

/** What the data folder looked like (`missing`: not created yet, which is fine: the first write creates it 0700). */
export type DataDirFact = 'ok' | 'missing' | 'symlink' | 'not-folder' | 'loose-modes' | 'unwritable';

export interface DiagnosticFacts {
  /** `process.platform`. */
  readonly platform: string;
  /** `XDG_CURRENT_DESKTOP` (Linux), e.g. `ubuntu:GNOME`, `KDE`, `sway`. */
  readonly desktop: string | undefined;
  /** Whether a StatusNotifierWatcher owns its bus name; `unknown` when the session bus could not be asked. */
  readonly trayHost: 'present' | 'absent' | 'unknown' | 'not-applicable';
  /** What the keychain answered: whether a pair is stored, or its error. */
  readonly keychain: { readonly stored: boolean; readonly error: AppError | null };
  readonly dataDir: { readonly path: string; readonly fact: DataDirFact };
  /** Gate's answers: the time (skew, or the error), and a signed call when a key was at hand (null: none made). */
  readonly gate: {
    readonly clockSkewMs: number | null;
    readonly timeError: AppError | null;
    readonly signedError: AppError | null;
  };
  /** The proxy in use for Gate, credentials removed; null for a direct connection. */
  readonly proxyUrl: string | null;
}

function trayHint(desktop: string | undefined): DiagnosticHint {
  const names = (desktop ?? '').toUpperCase().split(':');
  if (names.includes('GNOME') || names.includes('UNITY')) return 'tray-host-gnome';
  if (names.includes('KDE')) return 'tray-host-kde';
  return 'tray-host-other';
}

/**
 * The tray host part, with its remedy for the desktop: the doctor's line, and the popover's notice
 * while it shows as a window (GlanceApp puts the hint in `WidgetState.desktop`).
 */
export function diagnoseTrayHost(facts: Pick<DiagnosticFacts, 'platform' | 'desktop' | 'trayHost'>): Diagnostics['trayHost'] {
  if (facts.platform !== 'linux' || facts.trayHost === 'not-applicable') return { status: 'not-applicable', hint: null };
  // A bus that could not be asked is reported as absent: the icon cannot be promised either way.
  if (facts.trayHost === 'present') return { status: 'present', hint: null };
  return { status: 'absent', hint: trayHint(facts.desktop) };
}

function keychain({ stored, error }: DiagnosticFacts['keychain']): Diagnostics['keychain'] {
  if (error === null) return stored ? { status: 'ok', hint: null } : { status: 'empty', hint: 'keychain-empty' };
  if (error.code === 'KEYCHAIN_LOCKED' || error.code === 'KEYCHAIN_DENIED') return { status: 'locked', hint: 'keychain-locked' };
  return { status: 'unavailable', hint: 'keychain-unavailable' };
}

const DATA_DIR_HINTS: Readonly<Record<Exclude<DataDirFact, 'ok' | 'missing'>, DiagnosticHint>> = {
  symlink: 'data-dir-symlink',
  'not-folder': 'data-dir-not-folder',
  'loose-modes': 'data-dir-modes',
  unwritable: 'data-dir-unwritable',
};

function gate(facts: DiagnosticFacts): Diagnostics['gate'] {
  const { clockSkewMs, timeError, signedError } = facts.gate;
  if (signedError !== null && isKeyError(signedError.code) && signedError.code !== 'MISSING_CREDENTIALS') {
    return { status: 'rejected', clockSkewMs, hint: 'gate-rejected' };
  }
  if (timeError !== null || clockSkewMs === null) {
    return { status: 'unreachable', clockSkewMs: null, hint: facts.proxyUrl !== null ? 'gate-unreachable-proxy' : 'gate-unreachable' };
  }
  // Gate refused the time as expired, or it answered with our clock far off: the clock is the remedy.
  if (signedError?.code === 'CLOCK_SKEW' || Math.abs(clockSkewMs) >= CLOCK_SKEW_WARN_MS)
    return { status: 'ok', clockSkewMs, hint: 'clock-skew' };
  return { status: 'ok', clockSkewMs, hint: null };
}

/** The diagnosis of what was found. */
export function diagnose(facts: DiagnosticFacts): Diagnostics {
  const dir = facts.dataDir.fact;
  return {
    trayHost: diagnoseTrayHost(facts),
    keychain: keychain(facts.keychain),
    dataDir:
      dir === 'ok' || dir === 'missing'
        ? { path: facts.dataDir.path, status: 'ok', hint: null }
        : { path: facts.dataDir.path, status: 'problem', hint: DATA_DIR_HINTS[dir] },
    gate: gate(facts),
    proxy: { url: facts.proxyUrl },
  };
}
