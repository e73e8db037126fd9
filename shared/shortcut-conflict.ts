/**
 * Shortcuts a global grab must not take: they belong to editing in every app (copy, paste, cut,
 * undo, redo, select all) or to the system and window manager (quit, close, switch, the menu).
 * A global shortcut on one of them breaks that key everywhere. Pure; main's schema refuses them
 * and Settings says why.
 */

/** Why a shortcut is refused: an editing key every app uses, or one the system or window manager owns. */
export type ShortcutConflict = 'edit' | 'system';

const PRIMARY = new Set(['commandorcontrol', 'cmdorctrl', 'control', 'ctrl', 'command', 'cmd']);
const EDIT_KEYS = new Set(['c', 'v', 'x', 'z', 'y', 'a']);
/** With the primary modifier alone: quit, close, and macOS hide, minimise, switch and Spotlight. */
const PRIMARY_SYSTEM_KEYS = new Set(['q', 'w', 'h', 'm', 'tab', 'space', 'esc', 'escape']);
/** With Alt alone: close window, switch, the window menu (Windows, GNOME, KDE). */
const ALT_SYSTEM_KEYS = new Set(['f4', 'tab', 'space', 'esc', 'escape']);

/** The conflict an Electron accelerator has, or null when it is free to take. */
export function shortcutConflict(accelerator: string): ShortcutConflict | null {
  const parts = accelerator.split('+').map((p) => p.toLowerCase());
  const key = parts.pop() ?? '';
  const modifiers = new Set(parts.map((m) => (m === 'option' ? 'alt' : m)));
  const primary = [...modifiers].filter((m) => PRIMARY.has(m));
  const others = [...modifiers].filter((m) => !PRIMARY.has(m));
  if (primary.length === 1 && others.every((m) => m === 'shift') && EDIT_KEYS.has(key)) return 'edit';
  if (primary.length === 1 && others.length === 0 && PRIMARY_SYSTEM_KEYS.has(key)) return 'system';
  if (primary.length === 0 && others.length === 1 && others[0] === 'alt' && ALT_SYSTEM_KEYS.has(key)) return 'system';
  return null;
}
