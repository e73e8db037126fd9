/**
 * Electron accelerators for the global shortcut ("CommandOrControl+Alt+G"), checked against
 * Electron's grammar (docs/api/accelerator.md) before anything is registered: modifiers, then
 * exactly one key code, joined by "+". A global shortcut must hold at least one modifier other
 * than Shift, or it would swallow plain typing in every app.
 */
import { z } from 'zod';
import { shortcutConflict } from '../../../shared/shortcut-conflict.js';

/** 64 characters hold every real accelerator ("CommandOrControl+Alt+Shift+MediaPreviousTrack" is 45). */
const MAX_ACCELERATOR_LENGTH = 64;

const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);

const NAMED_KEYS = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
]);

/** Single-character keys Electron names by themselves. */
const PUNCTUATION = new Set([...')!@#$%^&*(:;:+=<,_->.?/~`{][|\\}"\'']);

function isKeyCode(part: string): boolean {
  const lower = part.toLowerCase();
  if (/^[a-z0-9]$/.test(lower)) return true;
  if (PUNCTUATION.has(part)) return true;
  if (/^f([1-9]|1[0-9]|2[0-4])$/.test(lower)) return true;
  if (/^num[0-9]$/.test(lower)) return true;
  return NAMED_KEYS.has(lower);
}

/**
 * True when `text` is an accelerator Electron accepts and that is fit to be global: a modifier
 * other than Shift, and no key editing or the system owns (`shortcutConflict`).
 */
export function isGlobalAccelerator(text: string): boolean {
  if (text.length === 0 || text.length > MAX_ACCELERATOR_LENGTH) return false;
  // "+" itself is a key ("Ctrl+Plus" is the documented spelling, "Ctrl++" is ambiguous).
  const parts = text.split('+');
  const key = parts.pop() ?? '';
  if (!isKeyCode(key) || MODIFIERS.has(key.toLowerCase())) return false;
  const modifiers = parts.map((p) => p.toLowerCase());
  if (modifiers.some((m) => !MODIFIERS.has(m))) return false;
  if (new Set(modifiers).size !== modifiers.length) return false;
  return modifiers.some((m) => m !== 'shift') && shortcutConflict(text) === null;
}

/** The `globalShortcut` preference: an accelerator, or null for none. */
export const globalShortcutSchema = z.union([z.null(), z.string().max(MAX_ACCELERATOR_LENGTH).refine(isGlobalAccelerator)]);

/** What the preference accepts, in words. */
export const GLOBAL_SHORTCUT_RULE = 'null (off) or an Electron accelerator with a modifier, such as "CommandOrControl+Alt+G"';
