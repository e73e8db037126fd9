import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';
import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry, MAX_ENTRY_BYTES } from './keychain-entry.js';
import { classifyKeytarMessage, keychainErrorFromMessage } from './keychain-errors.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

describe('classifyKeytarMessage', () => {
  // The Linux strings were observed from keytar 7.9.0 on Debian 12 (see keytar-store.test.ts,
  // which reproduces them for real); the macOS and Windows ones are those OSes' documented texts.
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-dbus'],
    ['Unable to autolaunch a dbus-daemon without a $DISPLAY for X11', 'no-dbus'],
    ['Could not connect: No such file or directory', 'no-dbus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-provider'],
    [
      'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
      'no-provider',
    ],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'no-default-keyring'],
    ['Cannot create an item in a locked collection', 'locked'],
    [
      "Error calling StartServiceByName for org.freedesktop.secrets: Failed to activate service 'org.freedesktop.secrets': timed out (service_start_timeout=25000ms)",
      'timeout',
    ],
    ['Timeout was reached', 'timeout'],
    ['Error calling StartServiceByName for org.freedesktop.secrets: Process org.freedesktop.secrets exited with status 1', 'no-provider'],
    ['User interaction is not allowed.', 'locked'],
    ['User canceled the operation.', 'denied'],
    ['Operation was cancelled', 'denied'],
    ['The user name or passphrase you entered is not correct.', 'denied'],
    ['Access is denied.', 'denied'],
    ['A default keychain could not be found.', 'no-default-keyring'],
    ['A specified logon session does not exist. It may already have been terminated.', 'no-provider'],
    ['The stub received bad data.', 'other'],
  ])('%s → %s', (message, problem) => {
    expect(classifyKeytarMessage(message)).toBe(problem);
  });
});

describe('keychainErrorFromMessage', () => {
  it('maps to the named code with a hint for the platform', () => {
    const linux = keychainErrorFromMessage('Cannot create an item in a locked collection', 'linux');
    expect(linux.code).toBe('KEYCHAIN_LOCKED');
    expect(linux).toEqual({
      code: 'KEYCHAIN_LOCKED',
      params: { platform: 'linux' },
      detail: 'Cannot create an item in a locked collection',
    });
    expect(said(linux).message).toBe('The OS keychain is locked (Cannot create an item in a locked collection).');
    expect(said(linux).hint).toMatch(/Seahorse|KWallet/);
    expect(said(keychainErrorFromMessage('User interaction is not allowed.', 'darwin')).hint).toMatch(/Keychain Access/);
    const windows = keychainErrorFromMessage('Access is denied.', 'win32');
    expect(windows.code).toBe('KEYCHAIN_DENIED');
    expect(said(windows).hint).toMatch(/Credential Manager/);
    expect(keychainErrorFromMessage('something new', 'linux').code).toBe('KEYCHAIN_ERROR');
  });

  it('redacts strings the caller names and collapses whitespace', () => {
    const e = keychainErrorFromMessage('weird failure storing s3cr3t-value\n in collection', 'linux', ['s3cr3t-value']);
    expect(said(e).message).not.toContain('s3cr3t-value');
    expect(said(e).message).toContain('[redacted] in collection');
  });
});

describe('keychain entry format', () => {
  it('round-trips a pair as versioned JSON', () => {
    const pair = { key: 'k'.repeat(32), secret: 's'.repeat(64) };
    const raw = encodeEntry(pair);
    expect(raw).toEqual({ ok: true, value: JSON.stringify({ v: 1, ...pair }) });
    if (raw.ok) expect(decodeEntry(raw.value)).toEqual({ ok: true, value: pair });
  });

  it('counts bytes, not characters, against the 2560-byte limit', () => {
    const fits = encodeEntry({ key: 'k'.repeat(32), secret: 'x'.repeat(MAX_ENTRY_BYTES - 60) });
    expect(fits.ok).toBe(true);
    const multiByte = encodeEntry({ key: 'k'.repeat(32), secret: '€'.repeat(900) }); // 900 chars, 2700 bytes
    expect(multiByte).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_ERROR' } });
  });

  it.each(['', 'not json', 'null', '42', '[]', '{"key":"k"}', '{"key":"","secret":"s"}', '{"key":1,"secret":"s"}'])(
    'rejects %j as not ours',
    (raw) => {
      const r = decodeEntry(raw);
      expect(r).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_ERROR' } });
    },
  );
});
