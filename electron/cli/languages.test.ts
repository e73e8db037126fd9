/**
 * Every command speaks the language runCli chose: history and holdings tables, status lines,
 * usage errors and the 24-hour change, in-process with fake streams; numbers keep the regional
 * locale where the words fall back to English.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyFileName } from '../core/balance/history-store.js';
import { CredentialsService } from '../core/secrets/credentials-service.js';
import { InMemorySecretStore } from '../core/secrets/in-memory-store.js';
import { createHistoryCommand } from './commands/history.js';
import { createStatusCommand } from './commands/credentials.js';
import { COMMANDS, runCli } from './main.js';
import { captureIo } from './test-io.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glance-cli-lang-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = async (argv: string[], env: Record<string, string>, commands = COMMANDS) => {
  const io = captureIo({ GATE_GLANCE_DATA_DIR: dir, ...env });
  const code = await runCli(argv, io, commands);
  return { code, out: io.out(), err: io.err() };
};

describe('the CLI in Chinese', () => {
  it('history: the table, its heading and the empty answer', async () => {
    const now = Date.UTC(2026, 11, 1, 12);
    const history = { ...COMMANDS, history: createHistoryCommand({ dataDir: () => dir, now: () => now }) };
    // Wrapped at 80 columns between two Han characters: joined again, it is the one sentence.
    expect((await run(['history'], { LANG: 'zh_CN.UTF-8' }, history)).out.replace(/\n(?!$)/g, '')).toBe(
      '还没有 USDT 的历史记录。应用和 `gate-glance balance` 每次成功刷新都会记录一个点。\n',
    );
    await writeFile(
      join(dir, historyFileName()),
      [1, 2].map((h) => `${JSON.stringify({ at: now - h * 3600_000, currency: 'USDT', total: '12345.5' })}\n`).join(''),
    );
    const table = (await run(['history', '--range', '24h'], { LANG: 'zh_TW.UTF-8' }, history)).out;
    // Local time in the same form as balance and holdings, the zone once in the column's header.
    const at = new Date(now - 2 * 3600_000);
    const p2 = (n: number): string => String(n).padStart(2, '0');
    const offset = -at.getTimezoneOffset();
    const zone =
      offset === 0 ? 'UTC' : `UTC${offset > 0 ? '\\+' : '-'}${p2(Math.floor(Math.abs(offset) / 60))}:${p2(Math.abs(offset) % 60)}`;
    expect(table).toMatch(
      new RegExp(`^Gate\\.io 淨資產歷史（估算，USDT，最近 24 小時）：共 2 筆，按時間先後排列\n\n時間（${zone}）\\s+總額（USDT）\n`),
    );
    const day = `${at.getFullYear()}年${p2(at.getMonth() + 1)}月${p2(at.getDate())}日`;
    expect(table).toMatch(new RegExp(`^${day} ${p2(at.getHours())}:00:00\\s+12,345\\.50$`, 'm'));
  });

  it('holdings: Gate’s account name, columns in the language, no English left', async () => {
    const r = await run(['holdings', '--demo'], { LANG: 'zh_TW.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Gate\.io 現貨持倉（示範組合，並非您的帳戶），截至 \d{4}年\d\d月\d\d日\s\d\d:\d\d:\d\d（UTC[+-\d:]*）\n/);
    expect(r.out).toMatch(/^幣種\s+數量\s+價格（USDT）\s+估值（USDT）\s+佔比$/m);
    expect(r.out).not.toMatch(/\b(Coin|Quantity|Share|Values)\b/);
  });

  it('status and usage errors', async () => {
    const service = new CredentialsService({ store: new InMemorySecretStore(null) });
    const status = { ...COMMANDS, status: createStatusCommand({ createService: () => Promise.resolve(service) }) };
    const r = await run(['status'], { LC_ALL: 'zh_CN.UTF-8' }, status);
    expect(r.out).toBe('API 密钥：未保存，请运行 `gate-glance login`\n钥匙串：  正常\n');
    const usage = await run(['balance', '--currency', 'EUR'], { LANG: 'zh_TW.UTF-8' });
    expect([usage.code, usage.err]).toEqual([2, '錯誤：未知幣別「EUR」；請使用 BTC、CNY、USD、USDT（參見 `gate-glance help balance`）\n']);
    expect((await run(['nope'], { LANG: 'zh_CN.UTF-8' })).err).toBe('错误：未知命令“nope”（参见 `gate-glance --help`）\n');
  });

  it('English words keep the regional numbers: de_DE groups 1.234,5; C is English in the runtime’s default', async () => {
    const de = await run(['balance', '--demo'], { LANG: 'de_DE.UTF-8' });
    expect(de.out).toMatch(/^Total\s+38\.522,03$/m);
    expect((await run(['balance', '--demo'], { LANG: 'C' })).out).toMatch(/^Total\s+38,522\.03$/m);
  });
});
