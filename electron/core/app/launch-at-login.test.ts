import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  AUTOSTART_FILE_NAME,
  autostartDesktopEntry,
  createLaunchAtLogin,
  launchAtLoginFromSystem,
  quoteExecArg,
  readLoginItem,
} from './launch-at-login.js';

const base = mkdtempSync(join(tmpdir(), 'glance-autostart-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('launch at login', () => {
  it('uses the login-item API on macOS and Windows', async () => {
    const expected = { darwin: { openAtLogin: true }, win32: { openAtLogin: true, args: ['--login'] } } as const;
    for (const platform of ['darwin', 'win32'] as const) {
      const set = vi.fn();
      const toggle = createLaunchAtLogin({ platform, setLoginItemSettings: set, autostartDir: join(base, 'never'), command: ['x'] });
      expect(await toggle(true)).toEqual({ ok: true, value: null });
      expect(set).toHaveBeenCalledWith(expected[platform]);
      expect(existsSync(join(base, 'never'))).toBe(false);
    }
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const dir = join(base, 'config', 'autostart');
    const set = vi.fn();
    const toggle = createLaunchAtLogin({
      platform: 'linux',
      setLoginItemSettings: set,
      autostartDir: dir,
      command: ['/opt/Gate Glance/gate-glance'],
    });
    expect(await toggle(true)).toEqual({ ok: true, value: null });
    const file = join(dir, AUTOSTART_FILE_NAME);
    const text = readFileSync(file, 'utf8');
    // Like the packaged desktop entry: under XWayland; --login keeps a login start quiet.
    expect(text).toContain('Exec="/opt/Gate Glance/gate-glance" --login --ozone-platform=x11\n');
    expect(text.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(await toggle(false)).toEqual({ ok: true, value: null });
    expect(existsSync(file)).toBe(false);
    expect(await toggle(false)).toEqual({ ok: true, value: null });
    expect(set).not.toHaveBeenCalled();
  });

  it('answers an error value when the folder cannot be written', async () => {
    const blocker = join(base, 'file-not-dir');
    await createLaunchAtLogin({ platform: 'linux', setLoginItemSettings: vi.fn(), autostartDir: join(base, 'x'), command: ['a'] })(true);
    rmSync(join(base, 'x'), { recursive: true });
    // A regular file where the directory should be.
    writeFileSync(blocker, '');
    const toggle = createLaunchAtLogin({
      platform: 'linux',
      setLoginItemSettings: vi.fn(),
      autostartDir: join(blocker, 'autostart'),
      command: ['a'],
    });
    expect(await toggle(true)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('quotes Exec arguments per the desktop entry spec', () => {
    expect(quoteExecArg('/usr/bin/gate-glance')).toBe('/usr/bin/gate-glance');
    expect(quoteExecArg('a b')).toBe('"a b"');
    expect(quoteExecArg('x"$`\\')).toBe('"x\\"\\$\\`\\\\"');
    expect(autostartDesktopEntry(['/a', '--flag'])).toContain('Exec=/a --flag\n');
  });
});

describe('reading the login item back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'glance-login-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('macOS 13+: enabled, waiting for approval, not registered or not found', async () => {
    const read = (status: string | undefined, openAtLogin = false) =>
      readLoginItem({ platform: 'darwin', getLoginItemSettings: () => ({ openAtLogin, status }), autostartDir: dir });
    expect(await read('enabled')).toBe('on');
    expect(await read('requires-approval')).toBe('requires-approval');
    expect(await read('not-registered', true)).toBe('off');
    expect(await read('not-found')).toBe('off');
    // Before macOS 13 (and on Windows) only openAtLogin is reported.
    expect(await read(undefined, true)).toBe('on');
  });

  it('Windows reads openAtLogin; a throwing read is unknown', async () => {
    expect(await readLoginItem({ platform: 'win32', getLoginItemSettings: () => ({ openAtLogin: true }), autostartDir: dir })).toBe('on');
    const broken = () => {
      throw new Error('no');
    };
    expect(await readLoginItem({ platform: 'win32', getLoginItemSettings: broken, autostartDir: dir })).toBe('unknown');
  });

  it('Linux: the autostart entry is there or not', async () => {
    const options = { platform: 'linux' as const, getLoginItemSettings: () => ({ openAtLogin: false }), autostartDir: dir };
    expect(await readLoginItem(options)).toBe('off');
    writeFileSync(join(dir, AUTOSTART_FILE_NAME), autostartDesktopEntry(['/usr/bin/gate-glance']));
    expect(await readLoginItem(options)).toBe('on');
  });

  it('the preference follows what the system has, but not while approval is pending or unknown', () => {
    expect(launchAtLoginFromSystem('on', false)).toBe(true);
    expect(launchAtLoginFromSystem('off', true)).toBe(false);
    expect(launchAtLoginFromSystem('requires-approval', true)).toBe(true);
    expect(launchAtLoginFromSystem('unknown', false)).toBe(false);
  });
});
