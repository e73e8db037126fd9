/**
 * A key press as an Electron accelerator, for recording the global shortcut in Settings. Keys
 * are read from `code` (the physical key), so a layout or Shift does not change what is
 * recorded. The primary modifier is saved as CommandOrControl (Cmd on macOS, Ctrl elsewhere),
 * so the preference means the same on every machine. Main checks the result again.
 */

/** What a keydown says, as the DOM reports it. */
export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}

/** A finished accelerator, Escape (stop recording), or a press to wait past (a modifier alone, a plain key). */
export type RecordedKey =
  { readonly kind: 'accelerator'; readonly value: string } | { readonly kind: 'cancel' } | { readonly kind: 'incomplete' };

const NAMED: Readonly<Record<string, string>> = {
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Enter: 'Return',
  NumpadEnter: 'Return',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
};

function keyOf(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1]!;
  const pad = /^Numpad([0-9])$/.exec(code);
  if (pad) return `num${pad[1]!}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return NAMED[code] ?? null;
}

export function recordAccelerator(press: KeyPress, mac: boolean): RecordedKey {
  const anyModifier = press.ctrlKey || press.altKey || press.shiftKey || press.metaKey;
  if (press.code === 'Escape' && !anyModifier) return { kind: 'cancel' };
  const key = keyOf(press.code);
  if (key === null) return { kind: 'incomplete' };
  const primary = mac ? press.metaKey : press.ctrlKey;
  const modifiers = [
    primary ? 'CommandOrControl' : null,
    mac && press.ctrlKey ? 'Control' : null,
    press.altKey ? 'Alt' : null,
    press.shiftKey ? 'Shift' : null,
    !mac && press.metaKey ? 'Super' : null,
  ].filter((m): m is string => m !== null);
  // A global shortcut without a modifier other than Shift would swallow plain typing everywhere.
  if (!modifiers.some((m) => m !== 'Shift')) return { kind: 'incomplete' };
  return { kind: 'accelerator', value: [...modifiers, key].join('+') };
}
