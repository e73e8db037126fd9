import { describe, expect, it } from 'vitest';
import { columns } from './columns.js';
import { reflow, terminalWidth, wrapLine } from './wrap.js';

const io = (stdout: { isTTY?: boolean; columns?: number }, env: Record<string, string> = {}) =>
  ({ stdout, env }) as unknown as Parameters<typeof terminalWidth>[0];

describe('terminalWidth', () => {
  it('is the terminal’s columns, else COLUMNS (as ls reads it), else 80; never below 20', () => {
    expect(terminalWidth(io({ isTTY: true, columns: 60 }, { COLUMNS: '120' }))).toBe(60);
    expect(terminalWidth(io({}, { COLUMNS: '120' }))).toBe(120);
    expect(terminalWidth(io({}))).toBe(80);
    expect(terminalWidth(io({}, { COLUMNS: 'wide' }))).toBe(80);
    expect(terminalWidth(io({ isTTY: true, columns: 0 }))).toBe(80);
    expect(terminalWidth(io({ isTTY: true, columns: 8 }))).toBe(20);
  });
});

describe('wrapLine', () => {
  it('breaks English at spaces, never inside a word or a number', () => {
    const text = "Gate.io total balance (demo portfolio, not your account) — estimated in USDT at Gate's rates, 38,522.03";
    const lines = wrapLine(text, 30);
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(30);
    expect(lines.join(' ')).toBe(text);
    expect(lines).toContain("estimated in USDT at Gate's");
    expect(lines[lines.length - 1]).toMatch(/38,522\.03$/);
  });

  it('keeps an em dash off the start of a line, and a word longer than the line whole on its own', () => {
    expect(wrapLine('one two —', 7)).toEqual(['one', 'two —']);
    expect(wrapLine('see https://www.gate.io/myaccount/api_key_manage now', 20)).toEqual([
      'see',
      'https://www.gate.io/myaccount/api_key_manage',
      'now',
    ]);
  });

  it('breaks Chinese between characters (two columns each), never inside a number, a Latin word, or before closing punctuation', () => {
    const text = '估值为 Gate 对该账户的估算，按每个币种以最新现货价格计算的 USDT 价值分摊，截至 2026年12月07日。';
    // 16: the date and its characters are one piece ("2026年12月07日。" takes 16 columns).
    for (const width of [16, 20, 30]) {
      const lines = wrapLine(text, width);
      for (const line of lines) {
        expect(columns(line)).toBeLessThanOrEqual(width);
        expect(line).not.toMatch(/^[，。）]/);
      }
      const joined = lines.join('');
      expect(joined.replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      for (const whole of ['Gate', 'USDT', '2026年', '12月', '07日']) expect(lines.some((l) => l.includes(whole))).toBe(true);
    }
  });

  it('indents the lines after the first, and never splits across a no-break space', () => {
    expect(wrapLine('→ Add the widget to a panel', 14, '  ')).toEqual(['→ Add the', '  widget to a', '  panel']);
    expect(wrapLine('as of 2026-12-07\u00a001:10:14\u00a0UTC', 24)).toEqual(['as of', '2026-12-07\u00a001:10:14\u00a0UTC']);
  });
});

const HELP = `Usage: gate-glance demo [options]

Shows your Gate.io total balance (Gate's estimate, converted at its rates) and how it is
spread over your accounts.

Options:
      --format FORMAT    table (default), json, short (one line for status bars: polybar,
                         tmux, conky, i3blocks) or waybar (JSON with text, tooltip, class)
  -h, --help             show this help

  printf '%s\\n%s\\n' "$KEY" "$SECRET" | gate-glance login
Exit codes: 0 ok.
`;

describe('reflow', () => {
  it('refills a paragraph broken to fit, keeps the description column of an option list, and keeps commands to type', () => {
    const out = reflow(HELP, 60);
    for (const line of out.split('\n')) expect(columns(line)).toBeLessThanOrEqual(60);
    expect(out).toContain(
      "Shows your Gate.io total balance (Gate's estimate, converted\nat its rates) and how it is spread over your accounts.\n",
    );
    expect(out).toContain(
      '      --format FORMAT    table (default), json, short (one\n' +
        '                         line for status bars: polybar,\n' +
        '                         tmux, conky, i3blocks) or waybar\n' +
        '                         (JSON with text, tooltip, class)\n',
    );
    expect(out).toContain('  -h, --help             show this help\n');
    expect(out).toContain(`  printf '%s\\n%s\\n' "$KEY" "$SECRET" | gate-glance login\nExit codes: 0 ok.\n`);
  });

  it('puts a description under its option when the column leaves too little room', () => {
    const out = reflow(HELP, 40);
    expect(out).toContain('      --format FORMAT\n        table (default), json, short\n        (one line for status bars:\n');
    for (const line of out.split('\n')) if (!line.includes('printf')) expect(columns(line)).toBeLessThanOrEqual(40);
  });

  it('stops at 100 columns on a wide terminal, and joins Chinese lines without a space', () => {
    const wide = reflow(`${'word '.repeat(40).trim()}\n`, 200);
    expect(Math.max(...wide.split('\n').map(columns))).toBeLessThanOrEqual(100);
    const zh = '把您的 API Key 和 Secret 保存到系统钥匙串（macOS、Windows 凭据管理器，或 Linux 上的\n钥匙串）。\n';
    expect(reflow(zh, 200)).toBe('把您的 API Key 和 Secret 保存到系统钥匙串（macOS、Windows 凭据管理器，或 Linux 上的钥匙串）。\n');
  });
});
