import { describe, expect, it } from 'vitest';
import type { CredentialsState } from '../../../shared/ipc.js';
import { keychainErrorFromMessage } from '../secrets/keychain-errors.js';
import { LOGIN_ARG, TOGGLE_ARG, secondInstanceAction, shouldGreet, startedAtLogin } from './launch-intent.js';

const credentials = (patch: Partial<CredentialsState>): { credentials: CredentialsState } => ({
  credentials: { stored: false, keyHint: null, keychainError: null, checking: false, ...patch },
});

describe('launch intent', () => {
  it('tells a login start from a user start by our argument or by macOS', () => {
    expect(startedAtLogin({ argv: ['/opt/gate-glance', LOGIN_ARG, '--ozone-platform=x11'], wasOpenedAtLogin: false })).toBe(true);
    expect(startedAtLogin({ argv: ['/Applications/Gate Glance.app/Contents/MacOS/Gate Glance'], wasOpenedAtLogin: true })).toBe(true);
    expect(startedAtLogin({ argv: ['/opt/gate-glance'], wasOpenedAtLogin: false })).toBe(false);
  });

  it('toggles the running instance on --toggle and shows it on any other second launch', () => {
    expect(secondInstanceAction(['/usr/bin/gate-glance', TOGGLE_ARG])).toBe('toggle');
    expect(secondInstanceAction(['/usr/bin/gate-glance'])).toBe('show');
    expect(secondInstanceAction(['/usr/bin/gate-glance', '--toggled'])).toBe('show');
  });

  it('greets once the keychain says no key is stored, never while it is still checking or at login', () => {
    expect(shouldGreet(credentials({}), false)).toBe(true);
    expect(shouldGreet(credentials({}), true)).toBe(false);
    expect(shouldGreet(credentials({ checking: true }), false)).toBe(false);
    expect(shouldGreet(credentials({ stored: true, keyHint: '…a1b2' }), false)).toBe(false);
  });

  it('does not greet when the keychain failed: the tray and Settings name that error instead', () => {
    const keychainError = keychainErrorFromMessage('Cannot create an item in a locked collection', 'linux');
    expect(keychainError.code).toBe('KEYCHAIN_LOCKED');
    expect(shouldGreet(credentials({ keychainError }), false)).toBe(false);
  });
});
