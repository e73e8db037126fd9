import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../shared/prefs.js';
import type { FileSystem } from '../files/private-files.js';
import { createNodeFileSystem, writeFileAtomic } from '../files/private-files.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { PREFS_FILE_VERSION, PrefsStore, parsePreferencesText, validatePreferencesPatch } from './prefs-store.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const NOW = 1_767_225_600_000;
const DIR = '/data';
const PATH = '/data/prefs.json';

function memStore(fs = new MemoryFileSystem()): { fs: MemoryFileSystem; store: PrefsStore; warnings: string[] } {
  const warnings: string[] = [];
  const store = new PrefsStore({ dir: DIR, fs, now: () => NOW, warn: (w) => warnings.push(w) });
  return { fs, store, warnings };
}

describe('PrefsStore.load', () => {
  it('uses defaults, silently, when there is no file yet', async () => {
    const { store, fs, warnings } = memStore();
    expect(store.get()).toEqual(DEFAULT_PREFERENCES);
    const loaded = await store.load();
    expect(loaded).toEqual({ prefs: DEFAULT_PREFERENCES, warnings: [], movedAsideTo: null });
    expect(warnings).toEqual([]);
    expect(fs.files.size).toBe(0); // reading does not create files
  });

  it('reads back what update wrote (versioned JSON, every field)', async () => {
    const { store, fs } = memStore();
    const r = await store.update({
      currency: 'BTC',
      refreshIntervalSec: 120,
      privacy: true,
      smallSliceThresholdPercent: 0.5,
      launchAtLogin: true,
      locale: 'zh-TW',
      trayPanel: 'light',
      changeColours: 'red-up',
      trayShowsChange: true,
      alerts: [{ id: 'a1', kind: 'below', currency: 'BTC', threshold: '0.5' }],
      globalShortcut: null,
      checkForUpdates: false,
      downloadUpdatesAutomatically: true,
      gateAccounts: [{ profile: 'family', alias: 'Family', includeSubAccounts: true, excludedSubAccounts: ['42'] }],
      traySource: 'key:family',
    });
    expect(r.ok).toBe(true);
    const file = JSON.parse(fs.files.get(PATH) ?? 'null');
    expect(file).toEqual({
      version: PREFS_FILE_VERSION,
      currency: 'BTC',
      refreshIntervalSec: 120,
      privacy: true,
      smallSliceThresholdPercent: 0.5,
      launchAtLogin: true,
      locale: 'zh-TW',
      trayPanel: 'light',
      changeColours: 'red-up',
      trayShowsChange: true,
      alerts: [{ id: 'a1', kind: 'below', currency: 'BTC', threshold: '0.5' }],
      globalShortcut: null,
      checkForUpdates: false,
      downloadUpdatesAutomatically: true,
      gateAccounts: [{ profile: 'family', alias: 'Family', includeSubAccounts: true, excludedSubAccounts: ['42'] }],
      traySource: 'key:family',
    });
    const again = memStore(fs);
    const loaded = await again.store.load();
    expect(loaded.prefs).toEqual({
      currency: 'BTC',
      refreshIntervalSec: 120,
      privacy: true,
      smallSliceThresholdPercent: 0.5,
      launchAtLogin: true,
      locale: 'zh-TW',
      trayPanel: 'light',
      changeColours: 'red-up',
      trayShowsChange: true,
      alerts: [{ id: 'a1', kind: 'below', currency: 'BTC', threshold: '0.5' }],
      globalShortcut: null,
      checkForUpdates: false,
      downloadUpdatesAutomatically: true,
      gateAccounts: [{ profile: 'family', alias: 'Family', includeSubAccounts: true, excludedSubAccounts: ['42'] }],
      traySource: 'key:family',
    });
    expect(loaded.warnings).toEqual([]);
    expect(again.store.get()).toEqual(loaded.prefs);
  });

  it('validates alert rules: kinds, decimal thresholds, bounds, distinct ids; a bad list in the file falls back to none', async () => {
    const { store } = memStore();
    const good = [
      { id: 'up', kind: 'above', currency: 'USDT', threshold: '100000.5' },
      { id: 'move', kind: 'move', currency: 'CNY', percent: '5' },
      { id: 'gone', kind: 'unreadable', staleMinutes: 60 },
    ] as const;
    expect((await store.update({ alerts: good })).ok).toBe(true);
    expect(store.get().alerts).toEqual(good);
    const bad: unknown[] = [
      [{ id: 'x', kind: 'above', currency: 'USDT', threshold: 100 }],
      [{ id: 'x', kind: 'above', currency: 'EUR', threshold: '1' }],
      [{ id: 'x', kind: 'move', currency: 'USDT', percent: '0' }],
      [{ id: 'x', kind: 'unreadable', staleMinutes: 1 }],
      [{ id: 'x', kind: 'above', currency: 'USDT', threshold: '1', extra: true }],
      [good[0], { ...good[1], id: 'up' }],
      Array.from({ length: 11 }, (_, i) => ({ id: `a${i}`, kind: 'above', currency: 'USDT', threshold: '1' })),
    ];
    for (const alerts of bad) {
      const r = await store.update({ alerts } as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(said(r.error).message).toMatch(/alerts must be at most 10 alerts/);
    }
    expect(store.get().alerts).toEqual(good);
    const parsed = parsePreferencesText(JSON.stringify({ currency: 'BTC', alerts: [{ id: 1 }] }));
    expect([parsed.prefs.currency, parsed.prefs.alerts]).toEqual(['BTC', []]);
  });

  it('keeps a corrupt file aside as prefs.json.corrupt-<ts>, uses defaults, warns, never throws', async () => {
    const { store, fs, warnings } = memStore();
    fs.files.set(PATH, '{"currency": "BTC", "refreshIn');
    const loaded = await store.load();
    expect(loaded.prefs).toEqual(DEFAULT_PREFERENCES);
    expect(loaded.movedAsideTo).toBe(`${PATH}.corrupt-${NOW}`);
    expect(fs.files.get(`${PATH}.corrupt-${NOW}`)).toBe('{"currency": "BTC", "refreshIn'); // the user's file, byte for byte
    expect(loaded.warnings.join(' ')).toMatch(/not valid JSON/);
    expect(loaded.warnings.join(' ')).toContain('corrupt-');
    expect(warnings).toEqual(loaded.warnings);
    // A fresh, valid file replaces it, so the next start is clean.
    const next = await memStore(fs).store.load();
    expect(next).toEqual({ prefs: DEFAULT_PREFERENCES, warnings: [], movedAsideTo: null });
  });

  it.each([
    ['not an object', '[1,2,3]'],
    ['null', 'null'],
    ['empty', ''],
    ['binary junk', '\u0000\u0001\u00ff'],
  ])('treats a file that is %s as corrupt', async (_name, text) => {
    const { store, fs } = memStore();
    fs.files.set(PATH, text);
    const loaded = await store.load();
    expect(loaded.prefs).toEqual(DEFAULT_PREFERENCES);
    expect(loaded.movedAsideTo).not.toBeNull();
    expect(loaded.warnings.length).toBeGreaterThan(0);
  });

  it('keeps the valid fields of a partly invalid file and names the invalid ones', async () => {
    const { store, fs } = memStore();
    fs.files.set(
      PATH,
      JSON.stringify({ currency: 'EUR', refreshIntervalSec: 5, privacy: true, smallSliceThresholdPercent: 5, launchAtLogin: 'yes' }),
    );
    const loaded = await store.load();
    expect(loaded.prefs).toEqual({ ...DEFAULT_PREFERENCES, privacy: true, smallSliceThresholdPercent: 5 });
    const text = loaded.warnings.join('\n');
    expect(text).toMatch(/currency/);
    expect(text).toMatch(/refreshIntervalSec/);
    expect(text).toMatch(/launchAtLogin/);
    expect(text).not.toMatch(/privacy/);
    expect(text).not.toContain('EUR'); // values are described, not echoed
    expect(loaded.movedAsideTo).not.toBeNull();
    expect(JSON.parse(fs.files.get(PATH) ?? 'null').privacy).toBe(true);
  });

  it('fills fields an older version did not write, without warnings; ignores unknown fields', async () => {
    const { store, fs } = memStore();
    fs.files.set(PATH, JSON.stringify({ currency: 'CNY', futureSetting: { a: 1 } }));
    const loaded = await store.load();
    expect(loaded).toEqual({ prefs: { ...DEFAULT_PREFERENCES, currency: 'CNY' }, warnings: [], movedAsideTo: null });
    expect(fs.files.get(PATH)).toContain('futureSetting'); // not rewritten just for reading
  });

  it('survives an unreadable file (defaults and a warning, nothing moved)', async () => {
    const { store, fs } = memStore();
    fs.files.set(PATH, JSON.stringify({ currency: 'BTC' }));
    fs.inject({ op: 'readText' });
    const loaded = await store.load();
    expect(loaded.prefs).toEqual(DEFAULT_PREFERENCES);
    expect(loaded.movedAsideTo).toBeNull();
    expect(loaded.warnings[0]).toMatch(/Could not read.*EIO/);
  });
});

describe('PrefsStore.update', () => {
  it.each([
    [{ refreshIntervalSec: 59 }, 'refreshIntervalSec'],
    [{ refreshIntervalSec: 3601 }, 'refreshIntervalSec'],
    [{ refreshIntervalSec: 90.5 }, 'refreshIntervalSec'],
    [{ refreshIntervalSec: Number.NaN }, 'refreshIntervalSec'],
    [{ refreshIntervalSec: '60' }, 'refreshIntervalSec'],
    [{ currency: 'EUR' }, 'currency'],
    [{ currency: 'usdt' }, 'currency'],
    [{ privacy: 'yes' }, 'privacy'],
    [{ smallSliceThresholdPercent: -1 }, 'smallSliceThresholdPercent'],
    [{ smallSliceThresholdPercent: 21 }, 'smallSliceThresholdPercent'],
    [{ smallSliceThresholdPercent: Number.POSITIVE_INFINITY }, 'smallSliceThresholdPercent'],
    [{ launchAtLogin: 1 }, 'launchAtLogin'],
    [{ locale: 'zh' }, 'locale'],
    [{ locale: 'zh_CN' }, 'locale'],
    [{ locale: 'de' }, 'locale'],
    [{ trayPanel: 'auto' }, 'trayPanel'],
    [{ trayPanel: true }, 'trayPanel'],
    [{ globalShortcut: 'G' }, 'globalShortcut'],
    [{ globalShortcut: 'Ctrl+Alt+Nope' }, 'globalShortcut'],
    [{ secret: 'x' }, 'secret'],
  ])('rejects %j, naming %s, and changes nothing', async (patch, field) => {
    const { store, fs } = memStore();
    await store.update({ currency: 'USD' });
    const before = fs.files.get(PATH);
    const r = await store.update(patch as never);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_REQUEST');
      expect(said(r.error).message).toContain(field);
    }
    expect(fs.files.get(PATH)).toBe(before);
    expect(store.get().currency).toBe('USD');
  });

  it('accepts the boundaries', () => {
    for (const patch of [
      { refreshIntervalSec: 60 },
      { refreshIntervalSec: 3600 },
      { smallSliceThresholdPercent: 0 },
      { smallSliceThresholdPercent: 20 },
    ]) {
      expect(validatePreferencesPatch(patch).ok).toBe(true);
    }
    expect(validatePreferencesPatch(null).ok).toBe(false);
    expect(validatePreferencesPatch([]).ok).toBe(false);
  });

  it('writes via a new temp file with a random name and a rename, never the file itself', async () => {
    const { store, fs } = memStore();
    await store.update({ privacy: true });
    await store.update({ privacy: false });
    const [write1, rename1, write2] = fs.log;
    const temp1 = /^write (\/data\/prefs\.json\.[0-9a-f]{16}\.tmp)$/.exec(write1 ?? '')?.[1];
    expect(temp1).toBeDefined();
    expect(rename1).toBe(`rename ${temp1} -> ${PATH}`);
    expect(write2).not.toBe(write1); // a new name each time: nothing planted at a known name is written through
    expect(fs.log).toHaveLength(4);
  });

  it('a crash between write and rename leaves the previous file whole, and the next start reads it', async () => {
    const { store, fs } = memStore();
    await store.update({ currency: 'BTC', refreshIntervalSec: 300 });
    const before = fs.files.get(PATH);
    fs.inject({ op: 'rename', kind: 'crash' });
    const r = await store.update({ currency: 'CNY', privacy: true });
    expect(r.ok).toBe(false);
    expect(store.get().currency).toBe('BTC'); // not adopted
    expect(fs.files.get(PATH)).toBe(before);
    const temps = (): string[] => [...fs.files.keys()].filter((p) => p.endsWith('.tmp'));
    expect(temps()).toHaveLength(1); // the debris a real crash leaves
    fs.recover(); // "next process start"
    const next = memStore(fs);
    const loaded = await next.store.load();
    expect(loaded.prefs).toMatchObject({ currency: 'BTC', refreshIntervalSec: 300, privacy: false });
    expect(loaded.warnings).toEqual([]);
    // The next start clears the debris.
    expect(temps()).toEqual([]);
    expect((await next.store.update({ privacy: true })).ok).toBe(true);
    expect(temps()).toEqual([]);
  });

  it('reports a full disk as a value and keeps the previous preferences', async () => {
    const { store, fs } = memStore();
    await store.update({ currency: 'BTC' });
    fs.inject({ op: 'writeText', times: 1 });
    const r = await store.update({ currency: 'USD' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INTERNAL');
      expect(said(r.error).message).toContain('EIO');
    }
    expect(store.get().currency).toBe('BTC');
    expect([...fs.files.keys()].filter((p) => p.endsWith('.tmp'))).toEqual([]); // cleaned up after an ordinary error
    expect((await store.update({ currency: 'USD' })).ok).toBe(true);
  });

  it('an update before load() reads the file first and keeps the fields it does not change', async () => {
    const fs = new MemoryFileSystem();
    fs.files.set(PATH, JSON.stringify({ currency: 'CNY', refreshIntervalSec: 900, privacy: true }));
    const { store } = memStore(fs);
    expect((await store.update({ launchAtLogin: true })).ok).toBe(true);
    expect(JSON.parse(fs.files.get(PATH) ?? 'null')).toMatchObject({
      currency: 'CNY',
      refreshIntervalSec: 900,
      privacy: true,
      launchAtLogin: true,
    });
  });

  it('applies quick successive updates in order, none lost', async () => {
    const { store, fs } = memStore();
    const results = await Promise.all([
      store.update({ currency: 'BTC' }),
      store.update({ privacy: true }),
      store.update({ refreshIntervalSec: 120 }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(store.get()).toMatchObject({ currency: 'BTC', privacy: true, refreshIntervalSec: 120 });
    expect(JSON.parse(fs.files.get(PATH) ?? 'null')).toMatchObject({ currency: 'BTC', privacy: true, refreshIntervalSec: 120 });
  });
});

describe('parsePreferencesText', () => {
  it('is lenient about missing fields and strict about present ones', () => {
    expect(parsePreferencesText('{}')).toEqual({ prefs: DEFAULT_PREFERENCES, warnings: [], damaged: false });
    expect(parsePreferencesText('{"privacy":null}').damaged).toBe(true);
  });
});

describe('PrefsStore on real files', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = '';
  });

  it('round-trips, keeps a corrupt file aside, and survives a crash between write and rename', async () => {
    dir = await mkdtemp(join(tmpdir(), 'glance-prefs-'));
    const real = createNodeFileSystem();
    const store = new PrefsStore({ dir, fs: real, now: () => NOW, warn: () => undefined });
    expect((await store.load()).prefs).toEqual(DEFAULT_PREFERENCES);
    expect((await store.update({ currency: 'CNY', refreshIntervalSec: 600 })).ok).toBe(true);
    const good = await readFile(join(dir, 'prefs.json'), 'utf8');

    // Crash at the rename: the real file is untouched and parses.
    const crashing: FileSystem = { ...real, rename: async () => Promise.reject(Object.assign(new Error('killed'), { code: 'EINTR' })) };
    const crashStore = new PrefsStore({ dir, fs: crashing, now: () => NOW, warn: () => undefined });
    await crashStore.load();
    expect((await crashStore.update({ currency: 'BTC' })).ok).toBe(false);
    expect(await readFile(join(dir, 'prefs.json'), 'utf8')).toBe(good);
    expect((await new PrefsStore({ dir, fs: real, warn: () => undefined }).load()).prefs.currency).toBe('CNY');

    // Corrupt it by hand: kept aside, defaults used.
    await writeFile(join(dir, 'prefs.json'), 'not json at all');
    const loaded = await new PrefsStore({ dir, fs: real, now: () => NOW, warn: () => undefined }).load();
    expect(loaded.prefs).toEqual(DEFAULT_PREFERENCES);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['prefs.json', `prefs.json.corrupt-${NOW}`]);
    expect(await readFile(join(dir, `prefs.json.corrupt-${NOW}`), 'utf8')).toBe('not json at all');
  });

  it('writeFileAtomic creates the directory and leaves no temp file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'glance-prefs-'));
    const target = join(dir, 'nested', 'deeper', 'x.json');
    await writeFileAtomic(createNodeFileSystem(), target, 'hello');
    expect(await readFile(target, 'utf8')).toBe('hello');
    expect(await readdir(join(dir, 'nested', 'deeper'))).toEqual(['x.json']);
  });
});
