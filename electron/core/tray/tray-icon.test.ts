import { describe, expect, it } from 'vitest';
import { TRAY_PANEL_PREFERENCES } from '../../../shared/prefs.js';
import { TRAY_ICON_FILES, trayIconFileName, trayIconVariant } from './tray-icon.js';

describe('trayIconVariant', () => {
  it('macOS always uses template images, whatever the theme says', () => {
    for (const panel of TRAY_PANEL_PREFERENCES) {
      for (const darkSystemUI of [true, false]) expect(trayIconVariant('darwin', { darkSystemUI, panel })).toBe('template');
    }
  });

  it('Windows follows the taskbar theme (shouldUseDarkColorsForSystemIntegratedUI), not a Linux panel preference', () => {
    expect(trayIconVariant('win32', { darkSystemUI: true, panel: 'automatic' })).toBe('dark');
    expect(trayIconVariant('win32', { darkSystemUI: false, panel: 'automatic' })).toBe('light');
    expect(trayIconVariant('win32', { darkSystemUI: true, panel: 'light' })).toBe('dark');
    expect(trayIconVariant('win32', { darkSystemUI: false, panel: 'dark' })).toBe('light');
  });

  it('Linux defaults to the light-fill, dark-outline glyph and honours an explicit panel preference', () => {
    for (const darkSystemUI of [true, false]) {
      expect(trayIconVariant('linux', { darkSystemUI, panel: 'automatic' })).toBe('dark');
      expect(trayIconVariant('linux', { darkSystemUI, panel: 'light' })).toBe('light');
      expect(trayIconVariant('linux', { darkSystemUI, panel: 'dark' })).toBe('dark');
    }
    expect(trayIconVariant('freebsd', { darkSystemUI: false, panel: 'automatic' })).toBe('dark');
  });
});

describe('trayIconFileName', () => {
  it('names template images for macOS and the panel variants elsewhere', () => {
    expect(trayIconFileName('live', 'template')).toBe('tray-liveTemplate.png');
    expect(trayIconFileName('stale', 'dark')).toBe('tray-stale-dark.png');
    expect(trayIconFileName('error', 'light')).toBe('tray-error-light.png');
  });

  it('lists every file once: 4 states × 3 variants', () => {
    expect(TRAY_ICON_FILES).toHaveLength(12);
    expect(new Set(TRAY_ICON_FILES).size).toBe(12);
    expect(TRAY_ICON_FILES).toContain('tray-idle-dark.png');
  });
});
