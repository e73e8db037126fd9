/**
 * Updates as both sides see them: where the app's own updater stands, as a value the popover,
 * the tray menu and Settings word in the reader's language. Main decides; nothing here fetches.
 */

/**
 * How this install is updated. `self`: the updater downloads and installs it (AppImage, NSIS,
 * a signed macOS build). `notify`: a package manager owns the files (deb, rpm) or Squirrel.Mac
 * would refuse an ad-hoc signature, so a new version is announced with a link to its release.
 * `none`: no updates (an unpackaged build, a portable copy).
 */
export type UpdateMode = 'self' | 'notify' | 'none';

/** Why a step failed, as a code the words layer renders (`update.failure.<code>`). */
export type UpdateFailure = 'check-failed' | 'download-failed' | 'integrity';

/** The updater's state machine: idle → checking → available → downloading → ready, or up-to-date / failed. */
export type UpdatePhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'up-to-date' }
  /** `releaseUrl`: the version's release page, null where the feed does not say. */
  | { readonly kind: 'available'; readonly version: string; readonly releaseUrl: string | null }
  /** `percent` 0–100, whole numbers (the popover's progress bar). */
  | { readonly kind: 'downloading'; readonly version: string; readonly percent: number }
  | { readonly kind: 'ready'; readonly version: string }
  | { readonly kind: 'failed'; readonly failure: UpdateFailure };

export interface UpdateState {
  readonly mode: UpdateMode;
  readonly currentVersion: string;
  readonly phase: UpdatePhase;
  /** Epoch ms of the last check that finished (found something, nothing, or failed); null before the first. */
  readonly lastCheckAt: number | null;
}
