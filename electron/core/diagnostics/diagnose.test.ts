import { describe, expect, it } from 'vitest';
import { appError } from '../../../shared/errors.js';
import { diagnose, type DiagnosticFacts } from './diagnose.js';

const WELL: DiagnosticFacts = {
  platform: 'linux',
  desktop: 'sway',
  trayHost: 'present',
  keychain: { stored: true, error: null },
  dataDir: { path: '/home/u/.config/gate-glance', fact: 'ok' },
  gate: { clockSkewMs: 120, timeError: null, signedError: null },
  proxyUrl: null,
};

describe('diagnose', () => {
  it('nothing to do: every hint null', () => {
    const d = diagnose(WELL);
    expect([d.trayHost.hint, d.keychain.hint, d.dataDir.hint, d.gate.hint]).toEqual([null, null, null, null]);
  });

  it('a bus that could not be asked reads as absent (the icon cannot be promised), with the remedy for the desktop', () => {
    expect(diagnose({ ...WELL, trayHost: 'unknown' }).trayHost).toEqual({ status: 'absent', hint: 'tray-host-other' });
    expect(diagnose({ ...WELL, trayHost: 'absent', desktop: 'ubuntu:GNOME' }).trayHost.hint).toBe('tray-host-gnome');
    expect(diagnose({ ...WELL, trayHost: 'absent', desktop: 'KDE' }).trayHost.hint).toBe('tray-host-kde');
    expect(diagnose({ ...WELL, platform: 'win32', trayHost: 'absent' }).trayHost).toEqual({ status: 'not-applicable', hint: null });
  });

  it('keychain: denied reads as locked; anything else broken as unavailable', () => {
    const k = (code: 'KEYCHAIN_DENIED' | 'KEYCHAIN_UNAVAILABLE' | 'KEYCHAIN_ERROR') =>
      diagnose({ ...WELL, keychain: { stored: false, error: appError(code, { platform: 'linux' }) } }).keychain;
    expect(k('KEYCHAIN_DENIED')).toEqual({ status: 'locked', hint: 'keychain-locked' });
    expect(k('KEYCHAIN_UNAVAILABLE')).toEqual({ status: 'unavailable', hint: 'keychain-unavailable' });
    expect(k('KEYCHAIN_ERROR').status).toBe('unavailable');
  });

  it('a data folder not created yet is fine (the first write creates it 0700)', () => {
    expect(diagnose({ ...WELL, dataDir: { path: '/x', fact: 'missing' } }).dataDir).toEqual({ path: '/x', status: 'ok', hint: null });
    expect(diagnose({ ...WELL, dataDir: { path: '/x', fact: 'unwritable' } }).dataDir.hint).toBe('data-dir-unwritable');
  });

  it('Gate: the clock named from 30 s off or when Gate refused the time; a refused key before all; no time, unreachable', () => {
    expect(diagnose({ ...WELL, gate: { clockSkewMs: -45_000, timeError: null, signedError: null } }).gate).toEqual({
      status: 'ok',
      clockSkewMs: -45_000,
      hint: 'clock-skew',
    });
    const expired = { clockSkewMs: 2_000, timeError: null, signedError: appError('CLOCK_SKEW', {}) };
    expect(diagnose({ ...WELL, gate: expired }).gate.hint).toBe('clock-skew');
    const refused = { clockSkewMs: 0, timeError: null, signedError: appError('IP_FORBIDDEN', {}) };
    expect(diagnose({ ...WELL, gate: refused }).gate.status).toBe('rejected');
    const down = { clockSkewMs: null, timeError: appError('NETWORK', {}), signedError: null };
    expect(diagnose({ ...WELL, gate: down }).gate).toEqual({ status: 'unreachable', clockSkewMs: null, hint: 'gate-unreachable' });
    // A server error on the signed call with the time known says nothing about the key.
    const busy = { clockSkewMs: 0, timeError: null, signedError: appError('SERVER_ERROR', {}) };
    expect(diagnose({ ...WELL, gate: busy }).gate).toEqual({ status: 'ok', clockSkewMs: 0, hint: null });
  });
});
