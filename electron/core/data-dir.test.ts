/**
 * Where the files live, per platform, with explicit environments (never the real home: every
 * case passes HOME/APPDATA, and the moves run in a throw-away folder).
 */
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptLegacyFiles, dataDir, legacyDataDirs } from './data-dir.js';

describe('dataDir', () => {
  it('Linux and other Unix-likes: $XDG_CONFIG_HOME/gate-glance, else ~/.config/gate-glance', () => {
    expect(dataDir({ HOME: '/home/ada' }, 'linux')).toBe('/home/ada/.config/gate-glance');
    expect(dataDir({ HOME: '/home/ada', XDG_CONFIG_HOME: '/home/ada/.cfg' }, 'linux')).toBe('/home/ada/.cfg/gate-glance');
    expect(dataDir({ HOME: '/home/ada', XDG_CONFIG_HOME: '' }, 'freebsd')).toBe('/home/ada/.config/gate-glance');
    // The XDG spec: a relative path is invalid and ignored.
    expect(dataDir({ HOME: '/home/ada', XDG_CONFIG_HOME: 'relative/cfg' }, 'linux')).toBe('/home/ada/.config/gate-glance');
  });

  it('macOS: ~/Library/Application Support/Gate Glance (XDG does not apply)', () => {
    expect(dataDir({ HOME: '/Users/ada', XDG_CONFIG_HOME: '/Users/ada/.cfg' }, 'darwin')).toBe('/Users/ada/Library/Application Support/Gate Glance');
  });

  it('Windows: %APPDATA%\\Gate Glance, else the profile folder’s AppData\\Roaming', () => {
    expect(dataDir({ APPDATA: 'C:\\Users\\Ada\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\Ada\\AppData\\Roaming\\Gate Glance');
    expect(dataDir({ USERPROFILE: 'C:\\Users\\Ada' }, 'win32')).toBe('C:\\Users\\Ada\\AppData\\Roaming\\Gate Glance');
  });

  it('GATE_GLANCE_DATA_DIR overrides every platform (made absolute); a blank one is ignored', () => {
    expect(dataDir({ HOME: '/home/ada', GATE_GLANCE_DATA_DIR: '/srv/glance' }, 'linux')).toBe('/srv/glance');
    expect(dataDir({ HOME: '/Users/ada', GATE_GLANCE_DATA_DIR: '/Volumes/x/glance/' }, 'darwin')).toBe('/Volumes/x/glance');
    expect(dataDir({ APPDATA: 'C:\\R', GATE_GLANCE_DATA_DIR: 'D:\\glance' }, 'win32')).toBe('D:\\glance');
    expect(dataDir({ HOME: '/home/ada', GATE_GLANCE_DATA_DIR: '  ' }, 'linux')).toBe('/home/ada/.config/gate-glance');
    expect(dataDir({ HOME: '/home/ada', GATE_GLANCE_DATA_DIR: 'rel' }, 'linux')).toBe(join(process.cwd(), 'rel'));
  });
});

describe('legacyDataDirs', () => {
  it("is Electron's default userData under both names the app had, minus the current folder", () => {
    expect(legacyDataDirs('/home/ada/.config', '/home/ada/.config/gate-glance')).toEqual(['/home/ada/.config/Gate Glance']);
    expect(legacyDataDirs('/Users/ada/Library/Application Support', '/Users/ada/Library/Application Support/Gate Glance')).toEqual([
      '/Users/ada/Library/Application Support/gate-glance',
    ]);
    expect(legacyDataDirs('/x', '/srv/glance')).toEqual(['/x/Gate Glance', '/x/gate-glance']);
  });
});

describe('adoptLegacyFiles', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'glance-data-dir-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('moves prefs and history over once, leaving Chromium’s files behind; a second run has nothing to do', async () => {
    const old = join(root, 'Gate Glance');
    const now = join(root, 'new', 'gate-glance');
    await mkdir(join(old, 'Local Storage'), { recursive: true });
    await writeFile(join(old, 'prefs.json'), '{"currency":"BTC"}');
    await writeFile(join(old, 'history.jsonl'), '{"at":1,"currency":"BTC","total":"1"}\n');
    expect(adoptLegacyFiles([old], now)).toEqual([`moved prefs.json from ${old} to ${now}`, `moved history.jsonl from ${old} to ${now}`]);
    expect(await readFile(join(now, 'prefs.json'), 'utf8')).toBe('{"currency":"BTC"}');
    expect((await readdir(now)).sort()).toEqual(['history.jsonl', 'prefs.json']);
    expect(await readdir(old)).toEqual(['Local Storage']);
    expect(((await lstat(now)).mode & 0o777).toString(8)).toBe('700');
    expect(adoptLegacyFiles([old], now)).toEqual([]);
  });

  it('never replaces a file already in the new folder, and never moves a symlink', async () => {
    const old = join(root, 'old');
    const now = join(root, 'now');
    await mkdir(old);
    await mkdir(now);
    await writeFile(join(old, 'prefs.json'), '{"currency":"BTC"}');
    await writeFile(join(now, 'prefs.json'), '{"currency":"USD"}');
    await writeFile(join(root, 'secret.txt'), 'not ours');
    await symlink(join(root, 'secret.txt'), join(old, 'history.jsonl'));
    expect(adoptLegacyFiles([old], now)).toEqual([`prefs.json exists in both ${old} and ${now}; the one in ${now} is used`]);
    expect(await readFile(join(now, 'prefs.json'), 'utf8')).toBe('{"currency":"USD"}');
    expect(await readFile(join(old, 'prefs.json'), 'utf8')).toBe('{"currency":"BTC"}');
    expect(await readdir(now)).toEqual(['prefs.json']);
  });

  it('takes each file from the first legacy folder that has it, and a missing folder is nothing', () => {
    expect(adoptLegacyFiles([join(root, 'absent')], join(root, 'now'))).toEqual([]);
  });
});
