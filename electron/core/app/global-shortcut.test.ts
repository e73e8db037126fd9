import { describe, expect, it } from 'vitest';
import type { ShortcutStatus } from '../../../shared/ipc.js';
import type { ShortcutReach } from './global-shortcut.js';
import { GlobalShortcut, shortcutReach } from './global-shortcut.js';

function harness(refuse: (accelerator: string) => boolean | 'throw' = () => false, reach: ShortcutReach = 'global') {
  const held = new Map<string, () => void>();
  const statuses: ShortcutStatus[] = [];
  let presses = 0;
  const binder = new GlobalShortcut({
    register: (accelerator, onPress) => {
      const r = refuse(accelerator);
      if (r === 'throw') throw new TypeError('bad accelerator');
      if (r || held.has(accelerator)) return false;
      held.set(accelerator, onPress);
      return true;
    },
    unregister: (accelerator) => held.delete(accelerator),
    onPress: () => {
      presses += 1;
    },
    onStatus: (s) => statuses.push(s),
    reach,
    log: () => undefined,
  });
  return { binder, held, statuses, presses: () => presses };
}

describe('GlobalShortcut', () => {
  it('registers the preferred accelerator, and a press toggles through onPress', () => {
    const h = harness();
    h.binder.apply('CommandOrControl+Alt+G');
    expect([...h.held.keys()]).toEqual(['CommandOrControl+Alt+G']);
    expect(h.statuses).toEqual(['registered']);
    h.held.get('CommandOrControl+Alt+G')?.();
    expect(h.presses()).toBe(1);
  });

  it('a repeat of the same preference does nothing; a change swaps; null releases', () => {
    const h = harness();
    h.binder.apply('Ctrl+Alt+G');
    h.binder.apply('Ctrl+Alt+G');
    expect(h.statuses).toEqual(['registered']);
    h.binder.apply('Ctrl+Alt+B');
    expect([...h.held.keys()]).toEqual(['Ctrl+Alt+B']);
    h.binder.apply(null);
    expect(h.held.size).toBe(0);
    expect(h.statuses).toEqual(['registered', 'registered', 'none']);
  });

  it('says failed when another app holds the keys or Electron throws, and holds nothing', () => {
    const h = harness((a) => (a === 'Ctrl+Alt+T' ? 'throw' : a === 'Ctrl+Alt+G'));
    h.binder.apply('Ctrl+Alt+G');
    expect(h.statuses).toEqual(['failed']);
    h.binder.apply('Ctrl+Alt+T');
    expect(h.statuses).toEqual(['failed', 'failed']);
    expect(h.held.size).toBe(0);
    h.binder.apply('Ctrl+Alt+B');
    expect(h.statuses.at(-1)).toBe('registered');
  });

  it('dispose releases the shortcut for good: a state published during teardown does not take it again', () => {
    const h = harness();
    h.binder.apply('Ctrl+Alt+G');
    h.binder.dispose();
    expect(h.held.size).toBe(0);
    h.binder.apply('Ctrl+Alt+B');
    expect(h.held.size).toBe(0);
  });
});

describe('how far a shortcut reaches', () => {
  it('under XWayland in a Wayland session a granted shortcut is focus-only, and says so', () => {
    const h = harness(() => false, 'focus-only');
    h.binder.apply('CommandOrControl+Alt+G');
    expect(h.statuses).toEqual(['focus-only']);
  });

  it('is global on macOS, Windows, an X11 session and native Wayland (the portal); focus-only under XWayland', () => {
    expect(shortcutReach({ platform: 'darwin', sessionType: undefined, nativeWayland: false })).toBe('global');
    expect(shortcutReach({ platform: 'win32', sessionType: undefined, nativeWayland: false })).toBe('global');
    expect(shortcutReach({ platform: 'linux', sessionType: 'x11', nativeWayland: false })).toBe('global');
    expect(shortcutReach({ platform: 'linux', sessionType: 'wayland', nativeWayland: true })).toBe('global');
    expect(shortcutReach({ platform: 'linux', sessionType: 'wayland', nativeWayland: false })).toBe('focus-only');
  });
});
