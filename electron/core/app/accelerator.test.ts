import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOBAL_SHORTCUT } from '../../../shared/prefs.js';
import { recordAccelerator } from '../../../shared/record-accelerator.js';
import { globalShortcutSchema, isGlobalAccelerator } from './accelerator.js';

describe('isGlobalAccelerator', () => {
  it.each([
    DEFAULT_GLOBAL_SHORTCUT,
    'Ctrl+Alt+G',
    'Cmd+Option+G',
    'CmdOrCtrl+Shift+F12',
    'Super+Space',
    'Alt+Plus',
    'Control+num5',
    'AltGr+/',
    'Meta+MediaPlayPause',
  ])('accepts %s', (text) => expect(isGlobalAccelerator(text)).toBe(true));

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
    ['CommandOrControl+C', 'copy in every app'],
    ['CommandOrControl+Shift+Z', 'redo in every app'],
    ['CommandOrControl+Q', 'quit'],
    ['Alt+F4', 'close the window'],
    ['Alt+Tab', 'switch windows'],
  ])('refuses %j (%s)', (text) => expect(isGlobalAccelerator(text)).toBe(false));

  it('the preference schema takes null for off and refuses a non-accelerator', () => {
    expect(globalShortcutSchema.safeParse(null).success).toBe(true);
    expect(globalShortcutSchema.safeParse('Ctrl+Alt+G').success).toBe(true);
    expect(globalShortcutSchema.safeParse('G').success).toBe(false);
    expect(globalShortcutSchema.safeParse(7).success).toBe(false);
  });

  describe('what Settings records', () => {
    const press = (code: string, mac: boolean) =>
      recordAccelerator({ key: code, code, ctrlKey: true, altKey: true, shiftKey: true, metaKey: true }, mac);
    it('records only what main accepts as a global accelerator', () => {
      const codes = [
        'KeyA',
        'KeyZ',
        'Digit0',
        'F1',
        'F24',
        'Space',
        'Tab',
        'Enter',
        'Backspace',
        'Delete',
        'Insert',
        'Home',
        'End',
        'PageUp',
        'PageDown',
        'ArrowLeft',
        'Minus',
        'Equal',
        'BracketLeft',
        'BracketRight',
        'Backslash',
        'Semicolon',
        'Quote',
        'Comma',
        'Period',
        'Slash',
        'Backquote',
        'Numpad0',
        'NumpadAdd',
        'NumpadSubtract',
        'NumpadMultiply',
        'NumpadDivide',
        'NumpadDecimal',
      ];
      for (const mac of [false, true]) {
        for (const code of codes) {
          const r = press(code, mac);
          expect(r.kind, code).toBe('accelerator');
          if (r.kind === 'accelerator') expect(isGlobalAccelerator(r.value), r.value).toBe(true);
        }
      }
    });
  });
});
