import { describe, expect, it } from 'vitest';
import { ManualTrayHost, TRAY_HOST_GRACE_MS, desktopTrayHost, fixedTrayHost, trayHostPlan } from './tray-host.js';

describe('trayHostPlan', () => {
  it('creates the tray at once where a host is present or the platform always has one', () => {
    expect(trayHostPlan('present', 0)).toBe('tray');
    expect(trayHostPlan('not-applicable', 0)).toBe('tray');
  });

  it('waits for an absent or unknown host during the grace period, then shows the window', () => {
    for (const status of ['absent', 'unknown'] as const) {
      expect(trayHostPlan(status, 0)).toBe('wait');
      expect(trayHostPlan(status, TRAY_HOST_GRACE_MS - 1)).toBe('wait');
      expect(trayHostPlan(status, TRAY_HOST_GRACE_MS)).toBe('window');
    }
  });

  it('gives a host that appears after the grace period the tray', () => {
    expect(trayHostPlan('present', TRAY_HOST_GRACE_MS * 10)).toBe('tray');
  });
});

describe('desktopTrayHost', () => {
  it('reports unknown as absent, the others as they are', () => {
    expect(['present', 'absent', 'unknown', 'not-applicable'].map((s) => desktopTrayHost(s as never))).toEqual([
      'present',
      'absent',
      'absent',
      'not-applicable',
    ]);
  });
});

describe('monitors', () => {
  it('a fixed monitor never reports a change', () => {
    const m = fixedTrayHost('not-applicable');
    expect(m.status).toBe('not-applicable');
    const seen: string[] = [];
    m.onDidChange((s) => seen.push(s)).dispose();
    m.dispose();
    expect(seen).toEqual([]);
  });

  it('a manual monitor reports each change once, and not after its listener is disposed', () => {
    const m = new ManualTrayHost('absent');
    const seen: string[] = [];
    const sub = m.onDidChange((s) => seen.push(s));
    m.set('absent');
    m.set('present');
    m.set('present');
    sub.dispose();
    m.set('absent');
    expect(seen).toEqual(['present']);
    expect(m.status).toBe('absent');
  });
});
