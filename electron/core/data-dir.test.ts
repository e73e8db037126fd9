/**
 * Where the files live, per platform, with explicit environments (never the real home: every
 * case passes HOME/APPDATA, and the moves run in a throw-away folder).
 */
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, stat } from 'node:fs/promises';
import { historyFileName } from './balance/history-store.js';
import { dataDir, legacyDataDirs, prepareDataDir } from './data-dir.js';

describe('dataDir', () => {
  it('Linux and other Unix-likes: $XDG_CONFIG_HOME/gate-glance, else ~/.config/gate-glance', () => {
    expect(dataDir({ HOME: '/home/ada' }, 'linux')).toBe('/home/ada/.config/gate-glance');
    expect(dataDir({ HOME: '/home/ada', XDG_CONFIG_HOME: '/home/ada/.cfg' }, 'linux')).toBe('/home/ada/.cfg/gate-glance');
    expect(dataDir({ HOME: '/home/ada', XDG_CONFIG_HOME: '' }, 'freebsd')).toBe('/home/ada/.config/gate-glance');
    // The XDG spec: a relative path is invalid and ignored.
    expect(dataDir({ HOME: '/home/ada', XDG_CONFIG_HOME: 'relative/cfg' }, 'linux')).toBe('/home/ada/.config/gate-glance');
  });

  it('macOS: ~/Library/Application Support/Gate Glance (XDG does not apply)', () => {
    expect(dataDir({ HOME: '/Users/ada', XDG_CONFIG_HOME: '/Users/ada/.cfg' }, 'darwin')).toBe(
      '/Users/ada/Library/Application Support/Gate Glance',
    );
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

describe('prepareDataDir', () => {
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
    expect(prepareDataDir(now, [old])).toEqual([
      `moved prefs.json from ${old} to ${now}`,
      `moved history.jsonl from ${old} to ${now}`,
      // They keep the old version's 0644 through the move; at their new home they become private.
      'made prefs.json private (0600)',
      'made history.jsonl private (0600)',
    ]);
    expect(await readFile(join(now, 'prefs.json'), 'utf8')).toBe('{"currency":"BTC"}');
    expect((await readdir(now)).sort()).toEqual(['history.jsonl', 'prefs.json']);
    expect(await readdir(old)).toEqual(['Local Storage']);
    expect(((await lstat(now)).mode & 0o777).toString(8)).toBe('700');
    expect(prepareDataDir(now, [old])).toEqual([]);
  });

  it("moves each endpoint's history (history-<hash>.jsonl) and the alerts' fired state too, and makes them private; a look-alike name stays", async () => {
    const old = join(root, 'Gate Glance');
    const now = join(root, 'gate-glance');
    await mkdir(old);
    const testnet = historyFileName('https://api-testnet.gateapi.io/api/v4');
    expect(testnet).toMatch(/^history-[0-9a-f]{16}\.jsonl$/);
    await writeFile(join(old, testnet), '{"at":1,"currency":"USDT","total":"2"}\n');
    await writeFile(join(old, 'alerts.json'), '{"version":1,"memory":{},"lastSuccessAt":null}\n');
    await writeFile(join(old, 'history-notahash.jsonl'), 'x');
    await writeFile(join(old, `${testnet}.lock`), '');
    expect(prepareDataDir(now, [old])).toEqual([
      `moved alerts.json from ${old} to ${now}`,
      `moved ${testnet} from ${old} to ${now}`,
      'made alerts.json private (0600)',
      `made ${testnet} private (0600)`,
    ]);
    expect(await readFile(join(now, testnet), 'utf8')).toBe('{"at":1,"currency":"USDT","total":"2"}\n');
    expect((await readdir(old)).sort()).toEqual([`${testnet}.lock`, 'history-notahash.jsonl'].sort());
    expect(prepareDataDir(now, [old])).toEqual([]);
  });

  it('never replaces a file already in the new folder, and never moves a symlink', async () => {
    const old = join(root, 'old');
    const now = join(root, 'now');
    await mkdir(old);
    await mkdir(now, { mode: 0o700 });
    await writeFile(join(old, 'prefs.json'), '{"currency":"BTC"}');
    await writeFile(join(now, 'prefs.json'), '{"currency":"USD"}', { mode: 0o600 });
    await writeFile(join(root, 'secret.txt'), 'not ours');
    await symlink(join(root, 'secret.txt'), join(old, 'history.jsonl'));
    expect(prepareDataDir(now, [old])).toEqual([`prefs.json exists in both ${old} and ${now}; the one in ${now} is used`]);
    expect(await readFile(join(now, 'prefs.json'), 'utf8')).toBe('{"currency":"USD"}');
    expect(await readFile(join(old, 'prefs.json'), 'utf8')).toBe('{"currency":"BTC"}');
    expect(await readdir(now)).toEqual(['prefs.json']);
  });

  it('takes each file from the first legacy folder that has it, and a missing folder is nothing', () => {
    expect(prepareDataDir(join(root, 'now'), [join(root, 'absent')])).toEqual([]);
  });

  it('tightens our files an earlier version left open to others, and says so; never a folder it did not create', async () => {
    const now = join(root, 'now');
    await mkdir(now);
    await chmod(now, 0o755);
    await writeFile(join(now, 'prefs.json'), '{}');
    await chmod(join(now, 'prefs.json'), 0o644);
    await writeFile(join(now, 'history.jsonl'), '');
    await chmod(join(now, 'history.jsonl'), 0o600);
    expect(prepareDataDir(now, [])).toEqual(['made prefs.json private (0600)']);
    expect((await stat(now)).mode & 0o777).toBe(0o755);
    expect((await stat(join(now, 'prefs.json'))).mode & 0o777).toBe(0o600);
    expect(prepareDataDir(now, [])).toEqual([]);
  });

  it('a symlinked folder gets a clear message at start, and nothing in its target changes', async () => {
    const synced = join(root, 'Dropbox');
    await mkdir(synced);
    await writeFile(join(synced, 'prefs.json'), '{}');
    await chmod(join(synced, 'prefs.json'), 0o644);
    await symlink(synced, join(root, 'now'));
    expect(prepareDataDir(join(root, 'now'), [])).toEqual([
      `the data folder ${join(root, 'now')} is a symbolic link (to a synced drive?); Gate Glance keeps its files only in a real folder: replace the link with a folder, or point GATE_GLANCE_DATA_DIR at one; nothing was moved into it or changed`,
    ]);
    expect((await stat(join(synced, 'prefs.json'))).mode & 0o777).toBe(0o644);
  });

  it('checks for a symbolic link in place of the new folder before it moves anything: an earlier version’s files stay where they are', async () => {
    const old = join(root, 'Gate Glance');
    const elsewhere = join(root, 'elsewhere');
    const now = join(root, 'gate-glance');
    await mkdir(old);
    await mkdir(elsewhere, { mode: 0o700 });
    await writeFile(join(old, 'prefs.json'), '{"currency":"BTC"}', { mode: 0o644 });
    await writeFile(join(old, 'history.jsonl'), '{"at":1,"currency":"BTC","total":"1"}\n', { mode: 0o644 });
    await symlink(elsewhere, now);
    expect(prepareDataDir(now, [old])).toEqual([expect.stringContaining(`the data folder ${now} is a symbolic link`)]);
    expect(await readdir(elsewhere)).toEqual([]);
    expect((await readdir(old)).sort()).toEqual(['history.jsonl', 'prefs.json']);
  });

  it('refuses an existing folder others can change (GATE_GLANCE_DATA_DIR=/tmp): its mode stays, nothing moves in', async () => {
    const old = join(root, 'Gate Glance');
    const shared = join(root, 'shared');
    await mkdir(old);
    await writeFile(join(old, 'prefs.json'), '{"currency":"BTC"}');
    await mkdir(shared);
    await chmod(shared, 0o1777);
    expect(prepareDataDir(shared, [old])).toEqual([
      `the data folder ${shared} can be changed by other users (its mode is 1777); Gate Glance keeps its files only in a folder of your own and does not change a folder it did not create: point GATE_GLANCE_DATA_DIR at a new folder of yours, or make this one yours alone (chmod go-w); nothing was moved into it or changed`,
    ]);
    expect((await stat(shared)).mode & 0o7777).toBe(0o1777);
    expect(await readdir(shared)).toEqual([]);
    expect(await readdir(old)).toEqual(['prefs.json']);
    // A folder it creates is 0700, parents included.
    expect(prepareDataDir(join(root, 'a', 'b'), [])).toEqual([]);
    expect([(await stat(join(root, 'a'))).mode & 0o777, (await stat(join(root, 'a', 'b'))).mode & 0o777]).toEqual([0o700, 0o700]);
  });
});
