// The global shortcut a first run gets, per OS: never Ctrl+Alt on Windows (AltGr there), always one
// the preferences' own schema takes and Settings would not refuse; a saved choice stays.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOBAL_SHORTCUT, DEFAULT_PREFERENCES, defaultGlobalShortcut, defaultPreferences } from '../../../shared/prefs.js';
import { shortcutConflict } from '../../../shared/shortcut-conflict.js';
import { globalShortcutSchema } from '../app/accelerator.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { PrefsStore } from './prefs-store.js';

const PLATFORMS = ['win32', 'darwin', 'linux'] as const;

/** The modifiers an accelerator holds, with Electron's aliases folded (CommandOrControl is Ctrl off macOS). */
function modifiersOn(accelerator: string, platform: string): Set<string> {
  const parts = accelerator.split('+').slice(0, -1);
  return new Set(
    parts.map((m) => {
      const name = m.toLowerCase();
      if (name === 'commandorcontrol' || name === 'cmdorctrl') return platform === 'darwin' ? 'command' : 'control';
      return name === 'ctrl' ? 'control' : name === 'option' ? 'alt' : name;
    }),
  );
}

describe('defaultGlobalShortcut', () => {
  it('on Windows holds no Ctrl+Alt, which Windows reads as AltGr (AltGr+G types "]" on Czech, Hungarian, … keyboards)', () => {
    const mods = modifiersOn(defaultGlobalShortcut('win32'), 'win32');
    expect(mods.has('control') && mods.has('alt')).toBe(false);
    // Nor the Windows key, which Windows keeps for itself.
    expect(mods.has('super') || mods.has('meta')).toBe(false);
    expect(defaultGlobalShortcut('win32')).toBe('Alt+Shift+G');
  });

  it('is Cmd+Option+G on macOS and Ctrl+Alt+G on Linux (where AltGr is its own key)', () => {
    expect(defaultGlobalShortcut('darwin')).toBe(DEFAULT_GLOBAL_SHORTCUT);
    expect(defaultGlobalShortcut('linux')).toBe(DEFAULT_GLOBAL_SHORTCUT);
    expect(modifiersOn(DEFAULT_GLOBAL_SHORTCUT, 'darwin')).toEqual(new Set(['command', 'alt']));
  });

  it.each(PLATFORMS)('on %s is one the preferences take and Settings does not refuse', (platform) => {
    const accelerator = defaultGlobalShortcut(platform);
    expect(globalShortcutSchema.safeParse(accelerator).success).toBe(true);
    expect(shortcutConflict(accelerator)).toBeNull();
    expect(defaultPreferences(platform)).toEqual({ ...DEFAULT_PREFERENCES, globalShortcut: accelerator });
  });
});

describe('PrefsStore with a platform’s defaults', () => {
  const store = (fs: MemoryFileSystem) =>
    new PrefsStore({ dir: '/data', fs, warn: () => undefined, defaults: defaultPreferences('win32') });

  it('a first run on Windows gets Alt+Shift+G, and so does a file that never named a shortcut', async () => {
    expect((await store(new MemoryFileSystem()).load()).prefs.globalShortcut).toBe('Alt+Shift+G');
    const older = new MemoryFileSystem();
    older.files.set('/data/prefs.json', JSON.stringify({ currency: 'BTC' }));
    expect((await store(older).load()).prefs).toMatchObject({ currency: 'BTC', globalShortcut: 'Alt+Shift+G' });
  });

  it('keeps a shortcut the user saved, Ctrl+Alt or not, and a damaged one falls back to the platform’s', async () => {
    const saved = new MemoryFileSystem();
    saved.files.set('/data/prefs.json', JSON.stringify({ globalShortcut: 'CommandOrControl+Alt+G' }));
    expect((await store(saved).load()).prefs.globalShortcut).toBe('CommandOrControl+Alt+G');
    const damaged = new MemoryFileSystem();
    damaged.files.set('/data/prefs.json', JSON.stringify({ globalShortcut: 'Ctrl+Alt+Nope' }));
    const loaded = await store(damaged).load();
    expect(loaded.prefs.globalShortcut).toBe('Alt+Shift+G');
    expect(loaded.warnings.join(' ')).toContain('the default (Alt+Shift+G) is used');
  });
});
