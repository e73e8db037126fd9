import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOBAL_SHORTCUT } from '../../../shared/prefs.js';
import { globalShortcutSchema, isGlobalAccelerator } from './accelerator.js';

describe('isGlobalAccelerator', () => {
  it.each([DEFAULT_GLOBAL_SHORTCUT, 'Ctrl+Alt+G', 'Cmd+Option+G', 'CmdOrCtrl+Shift+F12', 'Super+Space', 'Alt+Plus', 'Control+num5', 'AltGr+/', 'Meta+MediaPlayPause'])(
    'accepts %s',
    (text) => expect(isGlobalAccelerator(text)).toBe(true),
  );

  it.each([
    ['', 'empty'],
    ['G', 'no modifier: would swallow typing'],
    ['Shift+G', 'Shift alone is typing'],
    ['Ctrl+Alt', 'no key'],
    ['Ctrl+Ctrl+G', 'a repeated modifier'],
    ['Hyper+G', 'an unknown modifier'],
    ['Ctrl+GG', 'an unknown key'],
    ['Ctrl+F25', 'beyond F24'],
    ['Ctrl+G+H', 'two keys'],
    ['Ctrl++', 'ambiguous plus'],
    [`Ctrl+${'A'.repeat(70)}`, 'too long'],
  ])('refuses %j (%s)', (text) => expect(isGlobalAccelerator(text)).toBe(false));

  it('the preference schema takes null for off and refuses a non-accelerator', () => {
    expect(globalShortcutSchema.safeParse(null).success).toBe(true);
    expect(globalShortcutSchema.safeParse('Ctrl+Alt+G').success).toBe(true);
    expect(globalShortcutSchema.safeParse('G').success).toBe(false);
    expect(globalShortcutSchema.safeParse(7).success).toBe(false);
  });
});
