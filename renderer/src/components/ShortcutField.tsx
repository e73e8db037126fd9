/**
 * The global shortcut in Settings: a preset, one recorded from the keyboard, or none; says so
 * when the system refused it. Main validates whatever is chosen (electron/core/app/accelerator.ts).
 */
import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { PreferencesPatch, ShortcutStatus } from '../../../shared/ipc.js';
import { DEFAULT_GLOBAL_SHORTCUT, type Preferences } from '../../../shared/prefs.js';
import { recordAccelerator } from '../../../shared/record-accelerator.js';
import { shortcutConflict, type ShortcutConflict } from '../../../shared/shortcut-conflict.js';
import { useWords } from '../lib/words.js';

/** Shortcuts offered in Settings; all fit Electron's accelerator grammar (main checks again). */
const SHORTCUTS = [DEFAULT_GLOBAL_SHORTCUT, 'CommandOrControl+Shift+G', 'CommandOrControl+Alt+B', 'Alt+Shift+G'];

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac/.test(navigator.userAgent);
}

/** "CommandOrControl+Alt+G" as this platform's keys: Ctrl+Alt+G, or Cmd+Option+G on macOS. */
export function shortcutLabel(accelerator: string, mac = isMac()): string {
  const names: Readonly<Record<string, string>> = mac
    ? {
        commandorcontrol: 'Cmd',
        cmdorctrl: 'Cmd',
        command: 'Cmd',
        cmd: 'Cmd',
        alt: 'Option',
        option: 'Option',
        control: 'Ctrl',
        ctrl: 'Ctrl',
      }
    : { commandorcontrol: 'Ctrl', cmdorctrl: 'Ctrl', control: 'Ctrl', ctrl: 'Ctrl', option: 'Alt' };
  return accelerator
    .split('+')
    .map((part) => names[part.toLowerCase()] ?? part)
    .join('+');
}

export interface ShortcutFieldProps {
  readonly prefs: Preferences;
  readonly shortcut: ShortcutStatus;
  readonly onChange: (patch: PreferencesPatch) => void;
}

export function ShortcutField({ prefs, shortcut, onChange }: ShortcutFieldProps) {
  const words = useWords();
  const labelId = useId();
  const [recording, setRecording] = useState(false);
  const [refused, setRefused] = useState<{ readonly keys: string; readonly conflict: ShortcutConflict } | null>(null);
  const current = prefs.globalShortcut;
  const options = current === null || SHORTCUTS.includes(current) ? SHORTCUTS : [...SHORTCUTS, current];
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    // While recording every key is the shortcut's, not the page's (Tab, Space, Enter included).
    e.preventDefault();
    e.stopPropagation();
    const r = recordAccelerator(e, isMac());
    if (r.kind === 'incomplete') return;
    setRecording(false);
    if (r.kind !== 'accelerator') return;
    // A key every app edits with, or one the system owns, is refused here with the reason (main refuses it too).
    const conflict = shortcutConflict(r.value);
    setRefused(conflict === null ? null : { keys: r.value, conflict });
    if (conflict === null) onChange({ globalShortcut: r.value });
  };
  return (
    <div className="field">
      <span id={labelId}>{words.t('settings.shortcut')}</span>
      <div className="shortcut-row">
        <select
          aria-labelledby={labelId}
          value={current ?? ''}
          data-testid="shortcut-select"
          onChange={(e) => onChange({ globalShortcut: e.target.value === '' ? null : e.target.value })}
        >
          {options.map((a) => (
            <option key={a} value={a}>
              {shortcutLabel(a)}
            </option>
          ))}
          <option value="">{words.t('settings.shortcut-off')}</option>
        </select>
        <button
          type="button"
          className={recording ? 'button recording' : 'button'}
          data-testid="shortcut-record"
          aria-pressed={recording}
          onClick={() => setRecording((r) => !r)}
          onKeyDown={onKeyDown}
          onBlur={() => setRecording(false)}
        >
          {words.t(recording ? 'settings.shortcut-recording' : 'settings.shortcut-record')}
        </button>
      </div>
      {refused !== null ? (
        <small className="warn" role="status" data-testid="shortcut-refused">
          {words.t(refused.conflict === 'edit' ? 'settings.shortcut-refused-edit' : 'settings.shortcut-refused-system', {
            keys: shortcutLabel(refused.keys),
          })}
        </small>
      ) : shortcut === 'failed' && current !== null ? (
        <small className="warn" role="status" data-testid="shortcut-failed">
          {words.t('settings.shortcut-failed', { keys: shortcutLabel(current) })}
        </small>
      ) : shortcut === 'focus-only' && current !== null ? (
        <small className="warn" role="status" data-testid="shortcut-focus-only">
          {words.t('settings.shortcut-focus-only', { keys: shortcutLabel(current) })}
        </small>
      ) : (
        <small className="muted">{words.t('settings.shortcut-note')}</small>
      )}
    </div>
  );
}
