/**
 * Which tray icon file to show: the state's glyph in the variant that reads on the panel it
 * sits on. Pure, so each platform's rule is unit-tested without Electron.
 *
 * - macOS: template images (black + alpha); the menu bar tints them for light and dark.
 * - Windows: the taskbar's own theme, `nativeTheme.shouldUseDarkColorsForSystemIntegratedUI`.
 *   `shouldUseDarkColors` is the APP's theme, and Windows lets the two differ (light apps on a
 *   dark taskbar is the default of Windows 11's "custom" mode).
 * - Linux: no reliable signal tells a panel's colour (GNOME Shell's panel is dark in a light
 *   theme), so `automatic` picks the variant with a light fill and a dark outline, which reads
 *   on dark and light panels alike; the user may say `light` or `dark` instead.
 */
import type { TrayPanelPreference } from '../../../shared/prefs.js';
import type { TrayIconKind } from './tray-model.js';

/** The drawn variants: `light` is for light panels (dark fill, light outline), `dark` for dark panels (light fill, dark outline). */
export type TrayIconVariant = 'template' | 'light' | 'dark';

/** What the variant depends on: the system's taskbar theme and the user's panel preference. */
export interface TrayIconTheme {
  /** `nativeTheme.shouldUseDarkColorsForSystemIntegratedUI`: the taskbar's theme on Windows. */
  readonly darkSystemUI: boolean;
  /** The `trayPanel` preference. */
  readonly panel: TrayPanelPreference;
}

/** The variant for a platform and theme. */
export function trayIconVariant(platform: NodeJS.Platform, theme: TrayIconTheme): TrayIconVariant {
  if (platform === 'darwin') return 'template';
  if (platform === 'win32') return theme.darkSystemUI ? 'dark' : 'light';
  // Linux and the BSDs: the light-fill glyph unless the user said the panel is light.
  return theme.panel === 'light' ? 'light' : 'dark';
}

/** The file (under build/tray, 1x; Electron picks the @2x sibling itself) for a glyph in a variant. */
export function trayIconFileName(kind: TrayIconKind, variant: TrayIconVariant): string {
  return variant === 'template' ? `tray-${kind}Template.png` : `tray-${kind}-${variant}.png`;
}

const KINDS: readonly TrayIconKind[] = ['live', 'stale', 'error', 'idle'];
const VARIANTS: readonly TrayIconVariant[] = ['template', 'light', 'dark'];

/** Every icon file the packaged app must ship, for the build script and the packaging test. */
export const TRAY_ICON_FILES: readonly string[] = KINDS.flatMap((kind) => VARIANTS.map((variant) => trayIconFileName(kind, variant)));
