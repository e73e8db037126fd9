/**
 * The data folder under attack or neglect, on real files in a throw-away folder: symlinks in
 * place of the folder, of prefs.json, of history.jsonl and of a would-be temp file; files far
 * larger than they can be; modes an earlier version left loose. Nothing is ever written
 * through a link, nothing huge is read whole, and every refusal says what is wrong.
 */
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../shared/prefs.js';
import { HISTORY_MAX_READ_BYTES, HistoryStore } from '../balance/history-store.js';
import { UnsafeFileError, createNodeFileSystem, folderProblem, writeFileAtomic } from './private-files.js';
import { PREFS_MAX_BYTES, PrefsStore } from '../prefs/prefs-store.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';

const NOW = 1_767_225_600_000;
let root = '';
let dir = '';

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'glance-hostile-io-'));
  dir = join(root, 'data');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function prefsStore(warnings: string[] = []): PrefsStore {
  return new PrefsStore({ dir, fs: createNodeFileSystem(), now: () => NOW, warn: (w) => warnings.push(w) });
}

/** One stored history line, as the store writes them. */
const formatHistoryLine = (p: { at: number; currency: string; total: string }): string => `${JSON.stringify(p)}\n`;
const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('a symlinked data folder (a synced drive)', () => {
  it('is refused with a message that names it and says what to do; nothing is written into its target', async () => {
    const synced = join(root, 'Dropbox', 'gate-glance');
    await mkdir(synced, { recursive: true });
    await writeFile(join(synced, 'prefs.json'), JSON.stringify({ currency: 'BTC' }));
    await symlink(synced, dir);
    const warnings: string[] = [];
    const store = prefsStore(warnings);
    const loaded = await store.load();
    expect(loaded.prefs).toEqual(DEFAULT_PREFERENCES);
    expect(warnings.join(' ')).toContain(`the data folder ${dir} is a symbolic link (to a synced drive?)`);
    expect(warnings.join(' ')).toMatch(/replace the link with a folder, or point GATE_GLANCE_DATA_DIR at one/);
    const saved = await store.update({ privacy: true });
    expect(saved).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!saved.ok && errorWords(ENGLISH, saved.error).message).toContain('is a symbolic link');
    const history = new HistoryStore({ dir, fs: createNodeFileSystem() });
    await expect(history.append({ at: NOW, currency: 'USDT', total: '1' })).rejects.toBeInstanceOf(UnsafeFileError);
    expect((await readdir(synced)).sort()).toEqual(['prefs.json']);
    expect(await readFile(join(synced, 'prefs.json'), 'utf8')).toBe(JSON.stringify({ currency: 'BTC' }));
  });
});

describe('symlinked files', () => {
  it('prefs.json as a link is not read through, and the next save replaces the link, not its target', async () => {
    await mkdir(dir, { mode: 0o700 });
    const elsewhere = join(root, 'elsewhere.json');
    await writeFile(elsewhere, JSON.stringify({ currency: 'CNY' }));
    await symlink(elsewhere, join(dir, 'prefs.json'));
    const warnings: string[] = [];
    const store = prefsStore(warnings);
    expect((await store.load()).prefs).toEqual(DEFAULT_PREFERENCES);
    expect(warnings.join(' ')).toMatch(/prefs\.json is a symbolic link, which is never followed/);
    expect((await store.update({ currency: 'USD' })).ok).toBe(true);
    expect((await lstat(join(dir, 'prefs.json'))).isSymbolicLink()).toBe(false);
    expect(await readFile(elsewhere, 'utf8')).toBe(JSON.stringify({ currency: 'CNY' }));
  });

  it('history.jsonl as a link is neither appended through nor read through', async () => {
    await mkdir(dir, { mode: 0o700 });
    const elsewhere = join(root, 'bashrc');
    await writeFile(elsewhere, 'echo hi\n');
    await symlink(elsewhere, join(dir, 'history.jsonl'));
    const history = new HistoryStore({ dir, fs: createNodeFileSystem() });
    await expect(history.append({ at: NOW, currency: 'USDT', total: '1' })).rejects.toMatchObject({ code: 'FILE_SYMLINK' });
    await expect(history.read()).rejects.toMatchObject({ code: 'FILE_SYMLINK' });
    expect(await readFile(elsewhere, 'utf8')).toBe('echo hi\n');
  });

  it('a link planted where a temp file would go is never written through (exclusive create)', async () => {
    await mkdir(dir, { mode: 0o700 });
    const victim = join(root, 'victim');
    await writeFile(victim, 'original');
    const planted = join(dir, 'prefs.json.0123456789abcdef.tmp');
    await symlink(victim, planted);
    await expect(createNodeFileSystem().writeText(planted, 'attack')).rejects.toMatchObject({
      code: expect.stringMatching(/^(EEXIST|FILE_SYMLINK)$/),
    });
    expect(await readFile(victim, 'utf8')).toBe('original');
    // And the next start removes a crash's leftovers of that shape (the link itself, not its target).
    await prefsStore().load();
    expect(await readdir(dir)).toEqual([]);
    expect(await readFile(victim, 'utf8')).toBe('original');
  });
});

describe('oversized files', () => {
  it(`a prefs.json past ${PREFS_MAX_BYTES / 1024} KiB is set aside unread, like a damaged one`, async () => {
    await mkdir(dir, { mode: 0o700 });
    const huge = `{"currency":"BTC","pad":"${'x'.repeat(PREFS_MAX_BYTES)}"}`;
    await writeFile(join(dir, 'prefs.json'), huge);
    const loaded = await prefsStore().load();
    expect(loaded.prefs).toEqual(DEFAULT_PREFERENCES);
    expect(loaded.warnings[0]).toBe('The preferences file is larger than 64 KiB, so it is not ours; defaults are used.');
    expect(loaded.movedAsideTo).toBe(join(dir, `prefs.json.corrupt-${NOW}`));
    expect(await readFile(join(dir, `prefs.json.corrupt-${NOW}`), 'utf8')).toBe(huge);
    expect(JSON.parse(await readFile(join(dir, 'prefs.json'), 'utf8'))).toMatchObject({ currency: DEFAULT_PREFERENCES.currency });
  });

  it('a history.jsonl past its read cap is read from its tail: the newest points, whole lines only', async () => {
    await mkdir(dir, { mode: 0o700 });
    const total = (i: number): string => `${String(i).padStart(7, '0')}.5`; // fixed width: every line the same length
    const line = (i: number): string => formatHistoryLine({ at: NOW + i, currency: 'USDT', total: total(i) });
    const count = Math.ceil((HISTORY_MAX_READ_BYTES * 1.5) / line(0).length);
    await writeFile(join(dir, 'history.jsonl'), Array.from({ length: count }, (_, i) => line(i)).join(''));
    // Keeping every point it reads, the store shows what was read: only the last 8 MiB, cut at a line.
    const history = new HistoryStore({ dir, fs: createNodeFileSystem() });
    const points = await history.read();
    const fit = Math.floor(HISTORY_MAX_READ_BYTES / line(0).length);
    expect(points.length).toBeGreaterThan(fit - 10);
    expect(points.length).toBeLessThanOrEqual(fit);
    expect(points[0]?.at).toBe(NOW + count - points.length);
    expect(points.at(-1)).toEqual({ at: NOW + count - 1, currency: 'USDT', total: total(count - 1) });
  });

  it('readText refuses past the cap with a named error when asked to', async () => {
    await mkdir(dir, { mode: 0o700 });
    await writeFile(join(dir, 'x'), 'y'.repeat(100));
    await expect(createNodeFileSystem().readText(join(dir, 'x'), { maxBytes: 99, overflow: 'refuse' })).rejects.toMatchObject({
      name: 'UnsafeFileError',
      code: 'FILE_TOO_LARGE',
    });
    expect(await createNodeFileSystem().readText(join(dir, 'x'), { maxBytes: 100, overflow: 'refuse' })).toBe('y'.repeat(100));
  });
});

// POSIX modes: the CI and the developer machines this runs on are Linux.
describe('modes', () => {
  it('creates the folder 0700 and every file 0600', async () => {
    await writeFileAtomic(createNodeFileSystem(), join(dir, 'prefs.json'), '{}');
    await new HistoryStore({ dir, fs: createNodeFileSystem() }).append({ at: NOW, currency: 'USDT', total: '1' });
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(join(dir, 'prefs.json'))).toBe(0o600);
    expect(await mode(join(dir, 'history.jsonl'))).toBe(0o600);
  });

  it('tightens our files an earlier version left readable by others, never a folder it did not create', async () => {
    await mkdir(dir);
    await chmod(dir, 0o755);
    await writeFile(join(dir, 'prefs.json'), JSON.stringify({ currency: 'USD' }));
    await chmod(join(dir, 'prefs.json'), 0o644);
    await writeFile(join(dir, 'history.jsonl'), formatHistoryLine({ at: NOW, currency: 'USDT', total: '1' }));
    await chmod(join(dir, 'history.jsonl'), 0o664);
    expect((await prefsStore().load()).prefs.currency).toBe('USD');
    expect(await mode(dir)).toBe(0o755); // readable by others is the user's choice; our files in it are private
    await writeFileAtomic(createNodeFileSystem(), join(dir, 'alerts.json'), '{}');
    expect(await mode(dir)).toBe(0o755);
    expect(await mode(join(dir, 'prefs.json'))).toBe(0o600);
    expect(await new HistoryStore({ dir, fs: createNodeFileSystem() }).read()).toHaveLength(1);
    expect(await mode(join(dir, 'history.jsonl'))).toBe(0o600);
  });
});

describe('a folder we did not create that others can change (GATE_GLANCE_DATA_DIR=/tmp, a shared folder)', () => {
  const fullMode = async (path: string): Promise<number> => (await stat(path)).mode & 0o7777;

  it('is refused with a code and the values its words need, and keeps its mode (a 1777 folder stays 1777)', async () => {
    await mkdir(dir);
    await chmod(dir, 0o1777);
    const refused = await createNodeFileSystem()
      .ensureDir(dir)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(UnsafeFileError);
    expect(refused).toMatchObject({ code: 'DIR_SHARED', params: { path: dir, mode: '1777', who: 'others' } });
    await expect(new HistoryStore({ dir }).append({ at: NOW, currency: 'USDT', total: '1' })).rejects.toMatchObject({ code: 'DIR_SHARED' });
    const warnings: string[] = [];
    expect((await prefsStore(warnings).load()).prefs).toEqual(DEFAULT_PREFERENCES);
    expect(warnings.join(' ')).toContain(`the data folder ${dir} can be changed by other users (its mode is 1777)`);
    expect(await fullMode(dir)).toBe(0o1777);
    expect(await readdir(dir)).toEqual([]);
  });

  it('group-writable or another user’s is refused too; one readable by others is used as it is', async () => {
    await mkdir(dir);
    await chmod(dir, 0o770);
    await expect(createNodeFileSystem().ensureDir(dir)).rejects.toMatchObject({ code: 'DIR_SHARED', params: { mode: '770' } });
    expect(await fullMode(dir)).toBe(0o770);
    await chmod(dir, 0o750);
    await createNodeFileSystem().ensureDir(dir);
    expect(await fullMode(dir)).toBe(0o750);
    // Another user's 0700 folder (what lstat answers for it; only root could make one here).
    const theirs = { mode: 0o40700, uid: process.getuid!() + 1, isSymbolicLink: () => false, isDirectory: () => true };
    expect(folderProblem(theirs, dir)).toMatchObject({ code: 'DIR_SHARED', params: { path: dir, mode: '700', who: 'owner' } });
    expect(folderProblem({ ...theirs, uid: process.getuid!() }, dir)).toBeNull();
  });
});
