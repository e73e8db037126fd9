/**
 * What `gate-glance doctor --json` prints and Settings' Diagnostics shows: one object, each part
 * with its status and a hint code (null when there is nothing to do). Hints are codes, worded by
 * the catalogues (`cli.doctor.hint.<code>` for the terminal, `diagnostics.hint.<code>` for the
 * popover). Nothing in it is ever a secret; the proxy URL carries no credentials.
 */

/** What the user can do about one part. */
export type DiagnosticHint =
  | 'tray-host-gnome' // GNOME: install and enable the AppIndicator extension
  | 'tray-host-kde' // KDE: the system tray widget was removed from the panel
  | 'tray-host-other' // another desktop: a StatusNotifier tray (waybar's tray module, snixembed, …)
  | 'keychain-empty' // no key stored: `gate-glance login` or the app's key form
  | 'keychain-locked' // unlock the keyring (log in again, or Seahorse / Keychain Access)
  | 'keychain-unavailable' // no Secret Service / keychain this process can reach
  | 'data-dir-symlink' // the data folder is a symbolic link: refused
  | 'data-dir-not-folder' // something else than a folder is there
  | 'data-dir-modes' // readable by others: was tightened, or cannot be
  | 'data-dir-unwritable' // cannot be created or written
  | 'gate-unreachable' // network, DNS, TLS, firewall
  | 'gate-unreachable-proxy' // the same, through a proxy: check the proxy
  | 'gate-rejected' // Gate refused the key (wrong, expired, missing permission, IP whitelist)
  | 'clock-skew'; // this computer's clock is more than CLOCK_SKEW_WARN_MS from Gate's

export interface Diagnostics {
  readonly trayHost: { readonly status: 'present' | 'absent' | 'not-applicable'; readonly hint: DiagnosticHint | null };
  readonly keychain: { readonly status: 'ok' | 'empty' | 'locked' | 'unavailable'; readonly hint: DiagnosticHint | null };
  readonly dataDir: { readonly path: string; readonly status: 'ok' | 'problem'; readonly hint: DiagnosticHint | null };
  readonly gate: {
    readonly status: 'ok' | 'unreachable' | 'rejected';
    /** Gate's clock minus ours (ms), when Gate answered the time. */
    readonly clockSkewMs: number | null;
    readonly hint: DiagnosticHint | null;
  };
  readonly proxy: { readonly url: string | null };
}

/** Gate refuses a signed request more than 60 s off; past half of that the doctor says so. */
export const CLOCK_SKEW_WARN_MS = 30_000;
