import { describe, expect, it } from 'vitest';
import { shortcutConflict } from './shortcut-conflict.js';

describe('shortcutConflict', () => {
  it('refuses the editing keys with Ctrl or Cmd, with or without Shift', () => {
    for (const a of ['CommandOrControl+C', 'Ctrl+V', 'Cmd+X', 'CmdOrCtrl+Z', 'CommandOrControl+Shift+Z', 'Control+A', 'Ctrl+Y'])
      expect(shortcutConflict(a), a).toBe('edit');
  });

  it('refuses keys the system and window manager own', () => {
    for (const a of ['CommandOrControl+Q', 'Ctrl+W', 'Alt+F4', 'Alt+Tab', 'Option+Space', 'Cmd+Tab', 'Command+Space', 'Cmd+H'])
      expect(shortcutConflict(a), a).toBe('system');
  });

  it('leaves the app’s own choices free', () => {
    for (const a of ['CommandOrControl+Alt+G', 'CommandOrControl+Shift+G', 'Alt+Shift+G', 'Ctrl+Alt+C', 'Super+G', 'Alt+F5'])
      expect(shortcutConflict(a), a).toBeNull();
  });
});
