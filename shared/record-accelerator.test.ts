import { describe, expect, it } from 'vitest';
import { recordAccelerator, type KeyPress } from './record-accelerator.js';

const press = (code: string, mods: Partial<Omit<KeyPress, 'code' | 'key'>> = {}, key = code): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('recordAccelerator', () => {
  it('saves the primary modifier as CommandOrControl: Ctrl off macOS, Cmd on it', () => {
    expect(recordAccelerator(press('KeyG', { ctrlKey: true, altKey: true }), false)).toEqual({
      kind: 'accelerator',
      value: 'CommandOrControl+Alt+G',
    });
    expect(recordAccelerator(press('KeyG', { metaKey: true, altKey: true }), true)).toEqual({
      kind: 'accelerator',
      value: 'CommandOrControl+Alt+G',
    });
    expect(recordAccelerator(press('KeyG', { ctrlKey: true, metaKey: true }), true)).toEqual({
      kind: 'accelerator',
      value: 'CommandOrControl+Control+G',
    });
    expect(recordAccelerator(press('KeyG', { metaKey: true, shiftKey: true }), false)).toEqual({
      kind: 'accelerator',
      value: 'Shift+Super+G',
    });
  });

  it('reads the physical key, not the character a layout or Shift makes of it', () => {
    expect(recordAccelerator(press('Digit1', { ctrlKey: true, shiftKey: true }, '!'), false)).toEqual({
      kind: 'accelerator',
      value: 'CommandOrControl+Shift+1',
    });
    expect(recordAccelerator(press('KeyQ', { altKey: true }, 'a'), false)).toEqual({ kind: 'accelerator', value: 'Alt+Q' });
    expect(recordAccelerator(press('F12', { altKey: true }), false)).toEqual({ kind: 'accelerator', value: 'Alt+F12' });
    expect(recordAccelerator(press('ArrowUp', { ctrlKey: true }), false)).toEqual({ kind: 'accelerator', value: 'CommandOrControl+Up' });
    expect(recordAccelerator(press('Numpad7', { altKey: true }), false)).toEqual({ kind: 'accelerator', value: 'Alt+num7' });
  });

  it('waits past a modifier alone, a plain key, Shift alone and keys Electron cannot name; Escape cancels', () => {
    expect(recordAccelerator(press('ControlLeft', { ctrlKey: true }, 'Control'), false)).toEqual({ kind: 'incomplete' });
    expect(recordAccelerator(press('KeyG'), false)).toEqual({ kind: 'incomplete' });
    expect(recordAccelerator(press('KeyG', { shiftKey: true }), false)).toEqual({ kind: 'incomplete' });
    expect(recordAccelerator(press('IntlRo', { ctrlKey: true }), false)).toEqual({ kind: 'incomplete' });
    expect(recordAccelerator(press('Escape'), false)).toEqual({ kind: 'cancel' });
    expect(recordAccelerator(press('Escape', { ctrlKey: true }), false)).toEqual({ kind: 'incomplete' });
  });
});
