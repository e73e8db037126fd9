import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AUTOSTART_FILE_NAME, autostartDesktopEntry, createLaunchAtLogin, quoteExecArg } from './launch-at-login.js';

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
