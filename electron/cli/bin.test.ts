/**
 * The built `gate-glance` as users run it: `node bin/gate-glance.cjs …` in a fresh process
 * (no TypeScript loader), against the simulator started by `scripts/simulator.mjs`, plus the
 * launcher's message when the bundle is missing. Builds out/cli first.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestProxy } from '../core/testing/simulator.js';
import { PROJECT_ROOT } from '../core/testing/project-root.js';
import { historyFileName } from '../core/balance/history-store.js';
import { startTestProxy } from '../core/testing/simulator.js';
import { expectNoSecret } from '../core/testing/secret-leak.js';
import { columns } from './columns.js';

const root = PROJECT_ROOT;
const bin = join(root, 'bin', 'gate-glance.cjs');
const KEY = 'bin-key-0f0e0d0c0b0a09080706050403020100';
const SECRET = 'bin-s3kr1t-NEVER-PRINT-a1b2c3d4e5f6a7b8';

// The history of these runs lands here, never in the real home.
const DATA_DIR = mkdtempSync(join(tmpdir(), 'glance-bin-data-'));

// A clean environment: nothing from the developer's shell (no real key, proxy or D-Bus).
function env(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LANG: 'C.UTF-8', GATE_GLANCE_DATA_DIR: DATA_DIR, ...extra };
}

function cli(args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: env(extra), encoding: 'utf8', timeout: 15_000 });
  expectNoSecret(r.stdout + r.stderr, SECRET);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('node bin/gate-glance.cjs (built bundle, real processes)', () => {
  let sim: ChildProcessWithoutNullStreams;
  let url = '';

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build:cli failed: ${built.stderr}`);
    sim = spawn(process.execPath, [join(root, 'scripts', 'simulator.mjs'), '--port', '0', '--key', KEY, '--secret', SECRET], {
      cwd: root,
      env: env(),
    });
    const first = await new Promise<string>((resolve, reject) => {
      let buf = '';
      sim.stdout.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        if (buf.includes('\n')) resolve(buf.split('\n')[0]!);
      });
      sim.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
      setTimeout(() => reject(new Error('simulator did not start')), 10_000).unref();
    });
    expect(first).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    url = `${first.replace('listening on ', '')}/api/v4`;
  });
  afterAll(() => {
    sim.kill('SIGTERM');
    rmSync(DATA_DIR, { recursive: true, force: true });
  });

  it('balance --demo works with no key and no TypeScript loader', () => {
    const r = cli(['balance', '--demo']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/demo portfolio/);
    expect(r.out).toMatch(/^Total\s+38,522\.03$/m);
  });

  it('balance --json with env credentials prints the exact shape (exit 0)', () => {
    const r = cli(['balance', '--json', '--currency', 'BTC', '--base-url', url], { GATE_API_KEY: KEY, GATE_API_SECRET: SECRET });
    expect([r.code, r.err]).toEqual([0, '']);
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['currency', 'total', 'accounts', 'unaccounted', 'fetchedAt', 'change24h']);
    expect(doc['unaccounted']).toBeNull(); // the simulator's accounts add up to its total
    expect(doc['currency']).toBe('BTC');
    expect((doc['accounts'] as unknown[]).length).toBe(8);
  });

  it('records each balance in the history that `history` prints; a read-only data folder costs one warning line, never the balance', () => {
    const data = mkdtempSync(join(tmpdir(), 'glance-bin-history-'));
    try {
      const creds = { GATE_API_KEY: KEY, GATE_API_SECRET: SECRET, GATE_GLANCE_DATA_DIR: data };
      const first = cli(['balance', '--json', '--base-url', url], creds);
      expect([first.code, first.err, JSON.parse(first.out).change24h]).toEqual([0, '', null]);
      const second = cli(['balance', '--json', '--base-url', url], creds);
      const change = JSON.parse(second.out).change24h as Record<string, unknown>;
      expect(Object.keys(change)).toEqual(['from', 'amount', 'percent', 'partial']);
      expect(change).toMatchObject({ from: JSON.parse(first.out).fetchedAt, amount: '0', percent: '0.00', partial: true });
      const listed = cli(['history', '--json', '--base-url', url], { GATE_GLANCE_DATA_DIR: data });
      expect(listed.code).toBe(0);
      expect((JSON.parse(listed.out) as Array<{ at: string }>).map((p) => p.at)).toEqual([
        JSON.parse(first.out).fetchedAt,
        JSON.parse(second.out).fetchedAt,
      ]);
      // Gate's own endpoint has no history here: another endpoint's points are its own.
      expect(cli(['history', '--json'], { GATE_GLANCE_DATA_DIR: data }).out).toBe('[]\n');
      // A data folder that cannot be created (a file is in the way, as in a read-only or sandboxed home).
      const blocked = join(data, 'not-a-folder');
      writeFileSync(blocked, '');
      const r = cli(['balance', '--short', '--base-url', url], { ...creds, GATE_GLANCE_DATA_DIR: join(blocked, 'gate-glance') });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^38,522\.03 USDT\n$/);
      expect(r.err).toMatch(
        /^warning: could not (read the history|record this balance in the history) \((ENOTDIR|EEXIST)\); the balance itself is not affected\.\n$/,
      );
      // --no-history records nothing.
      expect(cli(['balance', '--short', '--no-history', '--base-url', url], creds).code).toBe(0);
      expect(JSON.parse(cli(['history', '--json', '--base-url', url], { GATE_GLANCE_DATA_DIR: data }).out)).toHaveLength(2);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it("--short and waybar carry the 24-hour change (waybar's class a list); history --csv, --range and the table read the same file", () => {
    const data = mkdtempSync(join(tmpdir(), 'glance-bin-change-'));
    const H = 3_600_000;
    const now = Date.now();
    const seed = (dayAgo: string): void =>
      writeFileSync(
        join(data, historyFileName(url)),
        [
          { at: now - 26 * H, currency: 'USDT', total: dayAgo },
          { at: now - 2 * H, currency: 'USDT', total: '38100.5' },
          { at: now - 2 * H, currency: 'BTC', total: '1' },
        ]
          .map((p) => `${JSON.stringify(p)}\n`)
          .join(''),
      );
    try {
      const creds = { GATE_API_KEY: KEY, GATE_API_SECRET: SECRET, GATE_GLANCE_DATA_DIR: data };
      // Gate's total is 38522.03252045: +522.03252045 against 38000, +1.37 %.
      seed('38000');
      const short = cli(['balance', '--short', '--no-history', '--base-url', url], creds);
      expect([short.code, short.err]).toEqual([0, '']);
      expect(short.out).toMatch(/^38,522\.03 USDT \+1\.37\s?%\n$/);
      const up = JSON.parse(cli(['balance', '--format', 'waybar', '--no-history', '--base-url', url], creds).out) as {
        text: string;
        class: unknown;
      };
      expect(up.class).toEqual(['live', 'up']);
      expect(up.text).toBe(short.out.trim());
      seed('39000');
      const down = JSON.parse(cli(['balance', '--format', 'waybar', '--no-history', '--base-url', url], creds).out) as {
        text: string;
        class: unknown;
      };
      expect(down.class).toEqual(['live', 'down']);
      expect(down.text).toMatch(/-1\.23\s?%$/);
      expect(JSON.parse(cli(['balance', '--json', '--no-history', '--base-url', url], creds).out).change24h).toEqual({
        from: new Date(now - 26 * H).toISOString(),
        amount: '-477.96747955',
        percent: '-1.23',
        partial: false,
      });
      // The history command reads the same file: oldest first, one currency, the range's points only.
      const csv = cli(['history', '--csv', '--base-url', url], { GATE_GLANCE_DATA_DIR: data });
      expect(csv.code).toBe(0);
      expect(csv.out).toBe(
        `timestamp,currency,total\n${new Date(now - 26 * H).toISOString()},USDT,39000\n${new Date(now - 2 * H).toISOString()},USDT,38100.5\n`,
      );
      const day = JSON.parse(
        cli(['history', '--json', '--range', '24h', '--base-url', url], { GATE_GLANCE_DATA_DIR: data }).out,
      ) as unknown[];
      expect(day).toEqual([{ at: new Date(now - 2 * H).toISOString(), currency: 'USDT', total: '38100.5' }]);
      expect(JSON.parse(cli(['history', '--json', '--currency', 'BTC', '--base-url', url], { GATE_GLANCE_DATA_DIR: data }).out)).toEqual([
        { at: new Date(now - 2 * H).toISOString(), currency: 'BTC', total: '1' },
      ]);
      const table = cli(['history', '--base-url', url], { GATE_GLANCE_DATA_DIR: data });
      expect(table.code).toBe(0);
      expect(table.out.indexOf('39,000.00')).toBeLessThan(table.out.indexOf('38,100.50'));
      expect(table.out.indexOf('39,000.00')).toBeGreaterThan(-1);
      // --no-history recorded none of the runs above.
      expect(JSON.parse(cli(['history', '--json', '--base-url', url], { GATE_GLANCE_DATA_DIR: data }).out)).toHaveLength(2);
      expect(cli(['history', '--range', 'week'], { GATE_GLANCE_DATA_DIR: data }).code).toBe(2);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('a wrong secret: exit 3, one line on stderr', () => {
    const r = cli(['balance', '--base-url', url], { GATE_API_KEY: KEY, GATE_API_SECRET: 'wrong-s3kr1t-123' });
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: INVALID_SIGNATURE: [^\n]+ — [^\n]+\n$/);
  });

  it('no credentials anywhere: exit 3 (missing key, or no keychain to ask)', () => {
    const r = cli(['balance', '--base-url', url]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^error: (MISSING_CREDENTIALS|KEYCHAIN_[A-Z]+): [^\n]+\n$/);
  });

  it('usage errors exit 2; nothing listening exits 4', () => {
    expect(cli(['balance', '--currency', 'EUR']).code).toBe(2);
    expect(cli(['nope']).code).toBe(2);
    const r = cli(['balance', '--base-url', 'http://127.0.0.1:9/api/v4', '--timeout', '2000'], {
      GATE_API_KEY: KEY,
      GATE_API_SECRET: SECRET,
    });
    expect(r.code).toBe(4);
    expect(r.err).toBe(
      'error: NETWORK: Could not reach Gate: the connection was refused (127.0.0.1:9). — Check the internet connection and, if you use one, the proxy (HTTPS_PROXY / system proxy settings).\n',
    );
    // The cause in the reader's language too, not only the title and the hint.
    const zh = cli(['balance', '--base-url', 'http://127.0.0.1:9/api/v4', '--timeout', '2000'], {
      GATE_API_KEY: KEY,
      GATE_API_SECRET: SECRET,
      LANG: 'zh_CN.UTF-8',
    });
    expect(zh.code).toBe(4);
    expect(zh.err).toMatch(/^错误：NETWORK：无法连接到 Gate：连接被拒绝（127\.0\.0\.1:9）。请检查网络连接/);
  });

  it('never sends plain http:// (this computer) through HTTP_PROXY: the key would cross it in clear text', async () => {
    const proxy: TestProxy = await startTestProxy();
    try {
      const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, 'balance', '--short', '--base-url', url], {
          cwd: root,
          env: env({ GATE_API_KEY: KEY, GATE_API_SECRET: SECRET, HTTP_PROXY: proxy.url }),
        });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
        child.on('close', (code) => resolve({ code, out }));
      });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^[\d,]+\.\d\d USDT\n$/);
      expect(proxy.log).toEqual([]);
      expect(proxy.received()).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  describe('in the language of the environment', () => {
    const zhCN = { LANG: 'zh_CN.UTF-8' };

    it('LANG=zh_CN.UTF-8: a Simplified Chinese table with ¥ amounts and Gate’s account names, lined up in columns', () => {
      const r = cli(['balance', '--demo', '--currency', 'CNY'], { ...zhCN, COLUMNS: '100', TZ: 'Asia/Shanghai' });
      expect([r.code, r.err]).toEqual([0, '']);
      // Local time, its zone said once.
      expect(r.out).toMatch(
        /^Gate\.io 总余额（演示组合，并非您的账户） — 按 Gate 的汇率以 CNY 估\n?算，\d{4}年\d\d月\d\d日\s\d\d:\d\d:\d\d（UTC\+08:00）\n/,
      );
      expect(r.out).toMatch(/^账户\s+金额（CNY）\s+占比$/m);
      expect(r.out).toMatch(/^现货\s+¥[\d,]+\.\d\d\s+[\d.]+%$/m);
      expect(r.out).toMatch(/^合计\s+¥[\d,]+\.\d\d$/m);
      for (const name of ['理财', '永续合约', '逐仓杠杆']) expect(r.out).toContain(name);
      expect(r.out).not.toMatch(/\b(Spot|Futures|Total|Account)\b/);
      // Every share row ends in the same terminal column: a Chinese character takes two.
      const rows = r.out.split('\n').filter((l) => /%$/.test(l));
      const width = (l: string) => [...l].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(c) ? 2 : 1), 0);
      expect(rows.length).toBeGreaterThan(3);
      expect(new Set(rows.map(width)).size).toBe(1);
    });

    it('LANG=zh_TW.UTF-8 (and LANGUAGE before LANG) is Traditional', () => {
      for (const extra of [{ LANG: 'zh_TW.UTF-8' }, { LANG: 'en_US.UTF-8', LANGUAGE: 'zh_TW:zh_CN' }] as Record<string, string>[]) {
        const r = cli(['balance', '--demo'], extra);
        expect(r.code).toBe(0);
        expect(r.out).toMatch(/^帳戶\s+金額（USDT）\s+佔比$/m);
        expect(r.out).toMatch(/^現貨\s+[\d,]+\.\d\d\s+[\d.]+%$/m);
        expect(r.out).toMatch(/^合計\s+[\d,]+\.\d\d$/m);
        expect(r.out).not.toMatch(/[账户现货计约]/);
      }
    });

    it('--locale en forces English, and LANG=C is English', () => {
      for (const [args, extra] of [
        [['--locale', 'en'], zhCN],
        [['--locale=en'], { LC_ALL: 'zh_TW.UTF-8' }],
        [[], { LANG: 'C' }],
        [[], {}],
      ] as const) {
        const r = cli(['balance', '--demo', ...args], extra);
        expect(r.code).toBe(0);
        expect(r.out).toMatch(/^Total\s+[\d,]+\.\d\d$/m);
        expect(r.out).toMatch(/^Spot\s+[\d,]+\.\d\d\s+[\d.]+ %$/m);
        expect(r.out).not.toMatch(/\p{Script=Han}/u);
      }
    });

    it('--locale zh-CN works whatever the environment says; another value is a usage error listing the choices', () => {
      expect(cli(['balance', '--demo', '--locale', 'zh-CN'], { LANG: 'C' }).out).toMatch(/^合计\s+[\d,]+\.\d\d$/m);
      const bad = cli(['balance', '--demo', '--locale', 'fr']);
      expect(bad.code).toBe(2);
      expect(bad.out).toBe('');
      expect(bad.err).toBe('error: unknown language "fr"; use en, zh-CN or zh-TW (see `gate-glance --help`)\n');
      expect(cli(['--locale', 'zh'], zhCN).err).toBe('错误：未知语言“zh”；请使用 en、zh-CN 或 zh-TW（参见 `gate-glance --help`）\n');
    });

    it('--short and waybar’s text use 万 in Chinese; --full still prints every digit', () => {
      const english = cli(['balance', '--demo', '--short', '--full']).out;
      expect(english).toMatch(/^demo [\d,]+\.\d+ USDT\n$/);
      expect(cli(['balance', '--demo', '--short'], zhCN).out).toMatch(/^演示 \d+(\.\d{1,2})?万 USDT\n$/);
      expect(cli(['balance', '--demo', '--short', '--currency', 'CNY'], zhCN).out).toMatch(/^演示 ¥\d+(\.\d{1,2})?万\n$/);
      expect(cli(['balance', '--demo', '--short'], { LANG: 'zh_TW.UTF-8' }).out).toMatch(/^示範 \d+(\.\d{1,2})?萬 USDT\n$/);
      expect(cli(['balance', '--demo', '--short', '--full'], zhCN).out).toBe(english.replace('demo ', '演示 '));
      const waybar = JSON.parse(cli(['balance', '--demo', '--format', 'waybar'], zhCN).out) as Record<string, string>;
      expect(Object.keys(waybar)).toEqual(['text', 'tooltip', 'class']);
      expect(waybar['text']).toMatch(/^演示 \d+(\.\d{1,2})?万 USDT$/);
      expect(waybar['tooltip']).toMatch(/^现货：[\d,]+\.\d\d（[\d.]+%）$/m);
      expect(waybar['class']).toBe('demo');
    });

    it('help and errors speak the language; --json is byte for byte the same in every one', () => {
      expect(cli(['balance', '--help'], zhCN).out).toMatch(/^用法：gate-glance balance \[选项\]/);
      expect(cli(['--help'], { LANG: 'zh_TW.UTF-8' }).out).toContain('顯示總餘額');
      expect(cli(['history', '--help'], zhCN).out).toMatch(/^用法：gate-glance history \[选项\]/);
      const wrong = cli(['balance', '--base-url', url], { ...zhCN, GATE_API_KEY: KEY, GATE_API_SECRET: 'wrong-s3kr1t-123' });
      expect(wrong.code).toBe(3);
      expect(wrong.err).toMatch(/^错误：INVALID_SIGNATURE：[^\n—]*\p{Script=Han}[^\n—]*（Gate：[^\n]*）。[^\n—]*\p{Script=Han}[^\n—]*\n$/u);
      // A data folder of its own with no history: the change is null in every run, only the time differs.
      const creds = { GATE_API_KEY: KEY, GATE_API_SECRET: SECRET, GATE_GLANCE_DATA_DIR: mkdtempSync(join(tmpdir(), 'glance-bin-lang-')) };
      const outputs = [{ LANG: 'C' }, zhCN, { LANG: 'zh_TW.UTF-8' }, { LANG: 'de_DE.UTF-8' }].map(
        (extra) => cli(['balance', '--json', '--no-history', '--currency', 'CNY', '--base-url', url], { ...extra, ...creds }).out,
      );
      const withoutTime = outputs.map((o) => o.replace(/"fetchedAt":"[^"]+"/, '"fetchedAt":""'));
      expect(new Set(withoutTime).size).toBe(1);
      expect(Object.keys(JSON.parse(outputs[1]!) as object)).toEqual([
        'currency',
        'total',
        'accounts',
        'unaccounted',
        'fetchedAt',
        'change24h',
      ]);
      const errors = [{ LANG: 'C' }, zhCN].map(
        (extra) => cli(['balance', '--json', '--base-url', url], { ...extra, GATE_API_KEY: KEY, GATE_API_SECRET: 'wrong-s3kr1t-123' }).out,
      );
      expect(errors[1]).toBe(errors[0]);
      expect(errors[0]).toMatch(/^\{"error":\{"code":"INVALID_SIGNATURE","message":"Gate rejected/);
    });
  });

  describe('in a terminal of any width (issue 23 §5)', () => {
    const widest = (text: string): number => Math.max(...text.split('\n').map(columns));

    for (const width of [40, 60, 80, 120]) {
      for (const locale of ['en', 'zh-CN'] as const) {
        it(`${width} columns, ${locale}: prose, help and tables fit, whole words and whole numbers`, () => {
          const run = (args: string[]) => cli([...args, '--locale', locale], { COLUMNS: String(width), TZ: 'Asia/Shanghai' });
          const balance = run(['balance', '--demo']);
          const spot = run(['holdings', '--demo']);
          const help = run(['help', 'balance']);
          const top = cli(['--help'], { COLUMNS: String(width), LANG: locale === 'en' ? 'C' : 'zh_CN.UTF-8' });
          for (const r of [balance, spot, help, top]) {
            expect([r.code, r.err]).toEqual([0, '']);
            // Prose and help stop at 100 columns on a wide terminal; tables may use it all.
            expect(widest(r.out)).toBeLessThanOrEqual(r === help || r === top ? Math.min(width, 100) : width);
          }
          // Amounts are never cut or wrapped: each is whole on its line, the total's line among them.
          for (const amount of ['18,452.73', '9,870.12', '38,522.03', '-113.88']) expect(balance.out).toContain(amount);
          for (const amount of ['11,400.00', '1,162.52120045', '18,452.73']) expect(spot.out).toContain(amount);
          // Words are whole: no "e/stimated"; the time and its zone stay together.
          if (locale === 'en') {
            expect(balance.out).toContain('estimated');
            for (const option of ['--currency CUR', '--no-history', '--format FORMAT']) expect(help.out).toContain(option);
          }
          expect(balance.out).toMatch(/\d\d:\d\d:\d\d[\u00a0（]+UTC\+08:00/);
          // A table that cannot fit loses its share column first, never its amounts.
          const share = locale === 'en' ? /^Spot\s+18,452\.73\s+47\.89 %$/m : /^现货\s+18,452\.73\s+47\.89%$/m;
          if (width >= 60) expect(balance.out).toMatch(share);
          if (width === 40 && locale === 'en') expect(balance.out).toMatch(/^Spot\s+18,452\.73$/m);
        });
      }
    }

    it('a real terminal: stdout.columns decides (a 50-column pty)', () => {
      const r = spawnSync(
        'script',
        ['-q', '-e', '-c', `stty cols 50 rows 40; "${process.execPath}" "${bin}" balance --demo`, '/dev/null'],
        {
          cwd: root,
          env: env({ TERM: 'dumb' }),
          encoding: 'utf8',
          timeout: 15_000,
        },
      );
      expect(r.status).toBe(0);
      const out = r.stdout.replace(/\r\n/g, '\n');
      expect(out).toMatch(/^Spot\s+18,452\.73\s+47\.89 %$/m);
      expect(widest(out)).toBeLessThanOrEqual(50);
      expect(out).toContain('estimated');
    });

    it('one time zone per output: local time with the offset once, in one form for balance, holdings and history; UTC in --json', () => {
      const zh = { LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai', COLUMNS: '120' };
      const stamp = /\d{4}年\d\d月\d\d日\u00a0\d\d:\d\d:\d\d（UTC\+08:00）/u;
      const balance = cli(['balance', '--demo'], zh).out;
      const holdings = cli(['holdings', '--demo'], zh).out;
      for (const out of [balance, holdings]) {
        expect(out).toMatch(stamp);
        expect(out.match(/UTC/g)).toHaveLength(1);
        expect(out).not.toMatch(/\d{4}-\d\d-\d\d/);
      }
      const english = cli(['holdings', '--demo'], { TZ: 'America/New_York', COLUMNS: '120' }).out;
      expect(english).toMatch(
        /^Gate\.io Spot holdings \(demo portfolio, not your account\) — \d{4}-\d\d-\d\d\u00a0\d\d:\d\d:\d\d\u00a0UTC-0[45]:00$/m,
      );
      // Scripts read UTC: --json keeps ISO-8601 with Z whatever the zone.
      const json = JSON.parse(cli(['balance', '--demo', '--json'], zh).out) as { fetchedAt: string };
      expect(json.fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('one percent style per language across balance and holdings; "demo" one way', () => {
      const en = cli(['balance', '--demo']).out + cli(['holdings', '--demo']).out;
      expect(en.match(/\d %/g)?.length).toBeGreaterThan(10);
      expect(en).not.toMatch(/\d%/);
      expect(en).not.toMatch(/DEMO/);
      const zh = cli(['balance', '--demo'], { LANG: 'zh_CN.UTF-8' }).out + cli(['holdings', '--demo'], { LANG: 'zh_CN.UTF-8' }).out;
      expect(zh.match(/\d%/g)?.length).toBeGreaterThan(10);
      expect(zh).not.toMatch(/\d %/);
      expect(cli(['holdings', '--demo', '--account', 'unified']).out).toMatch(/^Gate\.io Unified account holdings \(demo portfolio/);
    });
  });

  it('the build kept a code cache that a start uses for the bundle and the chunks of `balance`', () => {
    const out = join(root, 'out', 'cli');
    const script = `
      const { requireWithCodeCache } = require(${JSON.stringify(join(root, 'bin', 'code-cache.cjs'))});
      const r = requireWithCodeCache(${JSON.stringify(join(out, 'gate-glance.cjs'))}, { root: ${JSON.stringify(out)}, cacheDir: ${JSON.stringify(join(out, 'code-cache'))} });
      process.on('exit', () => process.stderr.write(JSON.stringify(r.report)));
      r.exports.main(['balance', '--short', '--no-history', '--base-url', ${JSON.stringify(url)}]);`;
    const r = spawnSync(process.execPath, ['-e', script], {
      env: env({ GATE_API_KEY: KEY, GATE_API_SECRET: SECRET }),
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ USDT/);
    const report = JSON.parse(r.stderr) as Array<{ file: string; used: boolean }>;
    expect(report.length).toBeGreaterThan(1);
    expect(report.filter((f) => !f.used)).toEqual([]);
  });

  it('says how to build when the bundle is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glance-bin-'));
    try {
      cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
      const r = spawnSync(process.execPath, [join(dir, 'bin', 'gate-glance.cjs'), 'balance'], { env: env(), encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^gate-glance is not built yet: run `npm run build:cli` in .+\.\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
