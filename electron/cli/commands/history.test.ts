/**
 * The history from the terminal: `history` in every format, what `balance` adds to it and
 * reads from it (change24h, --short, waybar), and `logout --forget-history`. In-process with
 * fake streams, real files in a temp data folder, and the simulator over real HTTP.
 */
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsService } from '../../core/secrets/credentials-service.js';
import { InMemorySecretStore } from '../../core/secrets/in-memory-store.js';
import type { SimulatorServer } from '../../core/simulator/server.js';
import { startSimulatorServer } from '../../core/simulator/server.js';
import { historyFileName } from '../../core/balance/history-store.js';
import { EXIT } from '../io.js';
import { runCli } from '../main.js';
import { captureIo } from '../test-io.js';
import { createBalanceCommand } from './balance.js';
import { createLogoutCommand } from './credentials.js';
import { createHistoryCommand } from './history.js';
import { expectNoSecret } from '../../core/testing/secret-leak.js';

const CREDS = { key: 'hist-key-00112233445566778899aabbccdd', secret: 'hist-s3kr1t-NEVER-PRINT-9988776655' };
const ENV = { GATE_API_KEY: CREDS.key, GATE_API_SECRET: CREDS.secret };
const H = 3600_000;
const SIM_TOTAL = '633967350312281193.068368815439797304437';

let dir = '';
let server: SimulatorServer;
beforeAll(async () => {
  server = await startSimulatorServer({ keys: [CREDS] });
});
afterAll(() => server.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glance-cli-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const line = (at: number, total: string, currency = 'USDT'): string => `${JSON.stringify({ at, currency, total })}\n`;
const seed = (lines: string[], baseUrl?: string): Promise<void> => writeFile(join(dir, historyFileName(baseUrl)), lines.join(''));

async function run(
  command: 'balance' | 'history' | 'logout',
  argv: string[],
  options: { now?: number; store?: InMemorySecretStore; timeZone?: string } = {},
) {
  const io = captureIo(command === 'balance' ? ENV : {});
  const dataDir = () => dir;
  const cmd =
    command === 'balance'
      ? createBalanceCommand({ dataDir })
      : command === 'history'
        ? createHistoryCommand({
            dataDir,
            timeZone: options.timeZone ?? 'UTC',
            ...(options.now !== undefined ? { now: () => options.now! } : {}),
          })
        : createLogoutCommand({
            dataDir,
            createService: async () => new CredentialsService({ store: options.store ?? new InMemorySecretStore() }),
          });
  const code = await cmd(argv, io);
  expectNoSecret(io.out() + io.err(), CREDS.secret);
  return { code, out: io.out(), err: io.err() };
}

describe('gate-glance history', () => {
  const NOW = Date.UTC(2026, 2, 10, 12);
  const points = [
    line(NOW - 40 * 24 * H, '90.5'),
    line(NOW - 3 * 24 * H, '100'),
    line(NOW - 2 * H, '101.25'),
    line(NOW - H, '0.5', 'BTC'),
    line(NOW + H, '999'),
  ];

  it('--json: every point of the currency, oldest first, totals verbatim; [] when there is none', async () => {
    expect(await run('history', ['--json'], { now: NOW })).toEqual({ code: 0, out: '[]\n', err: '' });
    await seed([points[2]!, points[0]!, points[1]!, points[3]!, points[4]!]);
    const r = await run('history', ['--json'], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `${JSON.stringify([
        { at: new Date(NOW - 40 * 24 * H).toISOString(), currency: 'USDT', total: '90.5' },
        { at: new Date(NOW - 3 * 24 * H).toISOString(), currency: 'USDT', total: '100' },
        { at: new Date(NOW - 2 * H).toISOString(), currency: 'USDT', total: '101.25' },
      ])}\n`,
    );
    expect(JSON.parse((await run('history', ['--json', '--currency', 'btc'], { now: NOW })).out)).toEqual([
      { at: new Date(NOW - H).toISOString(), currency: 'BTC', total: '0.5' },
    ]);
  });

  it('--range keeps the range; --csv has the export header; the table is oldest first', async () => {
    await seed(points);
    expect(
      JSON.parse((await run('history', ['--json', '--range', '7d'], { now: NOW })).out).map((p: { total: string }) => p.total),
    ).toEqual(['100', '101.25']);
    expect(
      JSON.parse((await run('history', ['--json', '--range', '24h'], { now: NOW })).out).map((p: { total: string }) => p.total),
    ).toEqual(['101.25']);
    expect((await run('history', ['--csv', '--range', '30d'], { now: NOW })).out).toBe(
      `timestamp,currency,total\n${new Date(NOW - 3 * 24 * H).toISOString()},USDT,100\n${new Date(NOW - 2 * H).toISOString()},USDT,101.25\n`,
    );
    const table = (await run('history', [], { now: NOW })).out.split('\n');
    expect(table[0]).toBe('Gate.io net worth history (estimated), USDT, all time: 3 points, oldest first');
    expect(table.slice(2, 6)).toEqual([
      'Time (UTC)           Total (USDT)',
      '2026-01-29 12:00:00         90.50',
      '2026-03-07 12:00:00        100.00',
      '2026-03-10 10:00:00        101.25',
    ]);
    // Human output is in the reader's zone, said once in the header; --json and --csv above stay in UTC.
    expect((await run('history', [], { now: NOW, timeZone: 'Asia/Shanghai' })).out.split('\n').slice(2, 4)).toEqual([
      'Time (UTC+08:00)     Total (USDT)',
      '2026-01-29 20:00:00         90.50',
    ]);
    // A point from the other side of a daylight-saving change says its own offset; the header says the newest one's.
    expect((await run('history', [], { now: NOW, timeZone: 'America/New_York' })).out.split('\n').slice(2, 6)).toEqual([
      'Time (UTC-04:00)               Total (USDT)',
      '2026-01-29 07:00:00 UTC-05:00         90.50',
      '2026-03-07 07:00:00 UTC-05:00        100.00',
      '2026-03-10 06:00:00                  101.25',
    ]);
    expect((await run('history', ['--currency', 'CNY'], { now: NOW })).out).toMatch(/^No CNY history yet\./);
  });

  it('--base-url reads that endpoint’s own history', async () => {
    await seed([line(NOW - H, '1')]);
    await seed([line(NOW - H, '2')], 'https://api-testnet.gateapi.io/api/v4');
    expect(JSON.parse((await run('history', ['--json'], { now: NOW })).out)[0].total).toBe('1');
    expect(
      JSON.parse((await run('history', ['--json', '--base-url', 'https://api-testnet.gateapi.io/api/v4'], { now: NOW })).out)[0].total,
    ).toBe('2');
  });

  it('usage errors exit 2 with one line', async () => {
    for (const argv of [['--range', '1y'], ['--json', '--csv'], ['--currency', 'EUR'], ['--base-url', 'ftp://x'], ['extra']]) {
      const r = await run('history', argv);
      expect([r.code, r.out]).toEqual([2, '']);
      expect(r.err).toMatch(/^error: [^\n]+\(see `gate-glance help history`\)\n$/);
    }
  });
});

describe('gate-glance balance and the history', () => {
  it('--json: change24h after fetchedAt, against the newest point at or before 24 h ago; the new point is then recorded', async () => {
    const now = Date.now();
    await seed([line(now - 30 * H, '1'), line(now - 25 * H, '600000000000000000'), line(now - 2 * H, '5')], server.url);
    const r = await run('balance', ['--json', '--base-url', server.url]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out.slice(r.out.indexOf('"fetchedAt"'))).toMatch(
      /^"fetchedAt":"[^"]+","change24h":\{"from":"[^"]+","amount":"[^"]+","percent":"[^"]+","partial":false\}\}\n$/,
    );
    const doc = JSON.parse(r.out);
    expect(doc.change24h).toEqual({
      from: new Date(now - 25 * H).toISOString(),
      amount: '33967350312281193.068368815439797304437',
      percent: '+5.66',
      partial: false,
    });
    const stored = (await readFile(join(dir, historyFileName(server.url)), 'utf8')).trim().split('\n');
    expect(stored).toHaveLength(4);
    expect(JSON.parse(stored[3]!)).toEqual({ at: Date.parse(doc.fetchedAt), currency: 'USDT', total: SIM_TOTAL });
  });

  it('a history shorter than 24 h gives a partial change; with no earlier point change24h is null', async () => {
    const first = JSON.parse((await run('balance', ['--json', '--base-url', server.url])).out);
    expect(first.change24h).toBeNull();
    const now = Date.now();
    await seed([line(now - 3 * H, '700000000000000000')], server.url);
    const doc = JSON.parse((await run('balance', ['--json', '--base-url', server.url])).out);
    expect(doc.change24h).toEqual({
      from: new Date(now - 3 * H).toISOString(),
      amount: '-66032649687718806.931631184560202695563',
      percent: '-9.43',
      partial: true,
    });
  });

  it('--short and waybar show the change; waybar’s class lists "up" or "down"; --private hides it', async () => {
    const now = Date.now();
    await seed([line(now - 26 * H, '600000000000000000')], server.url);
    expect((await run('balance', ['--short', '--base-url', server.url, '--no-history'])).out).toBe(
      '633,967,350,312,281,193.07 USDT +5.66 %\n',
    );
    const up = JSON.parse((await run('balance', ['--format', 'waybar', '--base-url', server.url, '--no-history'])).out);
    expect(up.class).toEqual(['live', 'up']);
    expect(up.text).toBe('633,967,350,312,281,193.07 USDT +5.66 %');
    expect(up.tooltip.split('\n')[1]).toBe('Change (24 h): +33,967,350,312,281,193.07 USDT (+5.66 %)');
    await seed([line(now - 26 * H, '700000000000000000')], server.url);
    expect(JSON.parse((await run('balance', ['--format', 'waybar', '--base-url', server.url, '--no-history'])).out).class).toEqual([
      'live',
      'down',
    ]);
    const priv = JSON.parse((await run('balance', ['--format', 'waybar', '--private', '--base-url', server.url, '--no-history'])).out);
    expect(priv.class).toBe('live');
    expect(priv.text + priv.tooltip).not.toMatch(/%|Change/);
    expect((await run('balance', ['--short', '--private', '--base-url', server.url, '--no-history'])).out).toBe('••• USDT\n');
    // Partial: since when, in local time.
    await seed([line(now - 2 * H, '600000000000000000')], server.url);
    const since = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now - 2 * H);
    expect((await run('balance', ['--short', '--base-url', server.url, '--no-history'])).out).toBe(
      `633,967,350,312,281,193.07 USDT +5.66 % since ${since}\n`,
    );
    const table = (await run('balance', ['--base-url', server.url, '--no-history'])).out;
    expect(table).toMatch(new RegExp(`^Change \\(since ${since}\\)\\s+\\+33,967,350,312,281,193\\.07\\s+\\+5\\.66 %$`, 'm'));
    // --no-history recorded none of these.
    expect((await readFile(join(dir, historyFileName(server.url)), 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('--demo neither reads nor writes the history', async () => {
    await seed([line(Date.now() - 25 * H, '1')]);
    const r = await run('balance', ['--json', '--demo']);
    expect(JSON.parse(r.out).change24h).toBeNull();
    expect(await readdir(dir)).toEqual(['history.jsonl']);
    expect((await readFile(join(dir, 'history.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
  });
});

describe('gate-glance logout --forget-history', () => {
  it('removes the key and forgets that endpoint’s history; without the flag the history stays', async () => {
    await seed([line(1, '1')]);
    await seed([line(1, '2')], 'https://api-testnet.gateapi.io/api/v4');
    const store = new InMemorySecretStore({ key: '0123456789abcdef0123456789abcdef', secret: 'f'.repeat(64) });
    expect((await run('logout', [], { store })).code).toBe(0);
    expect((await readdir(dir)).sort()).toHaveLength(2);
    const r = await run('logout', ['--forget-history'], { store });
    expect(r).toEqual({
      code: 0,
      out: 'No API key was stored; nothing to remove.\nForgot the net-worth history recorded on this computer.\n',
      err: '',
    });
    expect(await readdir(dir)).toEqual([historyFileName('https://api-testnet.gateapi.io/api/v4')]);
    expect((await run('logout', ['--forget-history', '--base-url', 'https://api-testnet.gateapi.io/api/v4'], { store })).code).toBe(0);
    expect(await readdir(dir)).toEqual([]);
    expect((await run('logout', ['--base-url', 'https://api-testnet.gateapi.io/api/v4'], { store })).code).toBe(2);
  });
});

describe('a data folder others can change (GATE_GLANCE_DATA_DIR at a shared folder)', () => {
  it('is refused with words that say why and what to do, in each language; its mode stays; balance still answers', async () => {
    await chmod(dir, 0o1777);
    const history = async (lang: string) => {
      const io = captureIo({ GATE_GLANCE_DATA_DIR: dir, LANG: lang });
      return { code: await runCli(['history'], io), err: io.err() };
    };
    const en = await history('en_US.UTF-8');
    expect(en.code).toBe(EXIT.internal);
    expect(en.err).toBe(
      `error: could not read the history: the data folder ${dir} can be changed by other users (its mode is 1777); Gate Glance keeps its files only in a folder of your own and does not change a folder it did not create: point GATE_GLANCE_DATA_DIR at a new folder of yours, or make this one yours alone (chmod go-w ${dir}).\n`,
    );
    expect((await history('zh_CN.UTF-8')).err).toContain(`其他用户可以更改数据文件夹 ${dir}（其权限为 1777）`);
    expect((await history('zh_TW.UTF-8')).err).toContain(`其他使用者可以變更資料夾 ${dir}（其權限為 1777）`);
    const balance = await run('balance', ['--short', '--base-url', server.url]);
    expect(balance.code).toBe(0);
    expect(balance.err).toContain(`could not record this balance in the history (the data folder ${dir} can be changed by other users`);
    expect((await stat(dir)).mode & 0o7777).toBe(0o1777);
    expect(await readdir(dir)).toEqual([]);
  });
});
