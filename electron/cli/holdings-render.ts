/**
 * What `holdings` prints: the exact JSON shape scripts rely on and a readable table. Quantities
 * and prices keep every digit Gate sent; values are Gate's figure for the account shared out
 * and rounded to the currency's unit (shared/holdings), formatted from strings, never floats.
 */
import type { Currency } from '../../shared/balance.js';
import { accountLabel } from '../../shared/accounts.js';
import { formatAmount } from '../../shared/decimal.js';
import type { HoldingsAccount, HoldingsBreakdown } from '../../shared/holdings.js';
import { accountText, displayShare, moneyText, PRIVACY_MASK } from '../../shared/present/amounts.js';
import { CLI_ENGLISH, type CliWords } from '../../shared/present/cli-words.js';
import { zonedStamp } from './render.js';
import { fitTable } from './table.js';
import { DEFAULT_WIDTH, wrapLine } from './wrap.js';

/** One coin of the `--json` document. */
interface HoldingsJsonCoin {
  readonly coin: string;
  readonly quantity: string;
  readonly available: string | null;
  readonly locked: string | null;
  /** Futures entries only: Gate's string. */
  readonly unrealisedPnl?: string | null;
  readonly priceUsdt: string | null;
  readonly valueUsdt: string | null;
  readonly value: string | null;
  readonly share: string;
}

/** The `--json` document of `holdings`. */
export interface HoldingsJson {
  readonly account: HoldingsAccount;
  readonly currency: Currency;
  readonly amount: string | null;
  readonly coins: readonly HoldingsJsonCoin[];
  readonly fetchedAt: string;
}

/** Builds the `--json` document (key order fixed, as documented). */
export function holdingsJson(breakdown: HoldingsBreakdown, fetchedAt: number): HoldingsJson {
  return {
    account: breakdown.account,
    currency: breakdown.currency,
    amount: breakdown.amount,
    coins: breakdown.rows.map((r) => ({
      coin: r.coin,
      quantity: r.quantity,
      available: r.available,
      locked: r.locked,
      ...(breakdown.account === 'futures' ? { unrealisedPnl: r.unrealisedPnl ?? null } : {}),
      priceUsdt: r.priceUsdt,
      valueUsdt: r.valueUsdt,
      value: r.value,
      share: r.share,
    })),
    fetchedAt: new Date(fetchedAt).toISOString(),
  };
}

/** Options of the table. */
export interface HoldingsTableOptions {
  readonly privacy: boolean;
  readonly demo: boolean;
  /** Gate's `mode` for the unified account. */
  readonly mode?: string;
  /** Overrides the words' number locale (tests). */
  readonly locale?: string;
  /** The language to write in; English by default. */
  readonly words?: CliWords;
  /** The zone the time is shown in; the system's by default. */
  readonly timeZone?: string;
  /** Terminal columns (80 by default). */
  readonly width?: number;
}

/** The readable table: coin, quantity, price, value, share (and PnL for futures). */
export function holdingsTable(breakdown: HoldingsBreakdown, fetchedAt: number, options: HoldingsTableOptions): string {
  const words = options.words ?? CLI_ENGLISH;
  const localeName = options.locale ?? words.numberLocale;
  const locale = localeName ? { locale: localeName } : {};
  const exact = (v: string): string => formatAmount(v, { currency: 'USDT', precision: 'full', ...locale });
  const money = (v: string): string => formatAmount(v, { currency: breakdown.currency, ...locale });
  const hide = (text: string): string => (options.privacy ? PRIVACY_MASK : text);
  const futures = breakdown.account === 'futures';
  const header = [
    words.cli('cli.holdings.coin'),
    words.cli('cli.holdings.quantity'),
    words.cli('cli.holdings.price'),
    words.cli('cli.holdings.value', { currency: breakdown.currency }),
    words.cli('cli.holdings.share'),
    ...(futures ? [words.cli('cli.holdings.pnl')] : []),
  ];
  const rows = breakdown.rows.map((r) => [
    r.coin,
    hide(exact(r.quantity)),
    r.priceUsdt === null ? words.cli('cli.holdings.no-price') : exact(r.priceUsdt),
    r.value === null ? '—' : hide(money(r.value)),
    r.valueUsdt === null || r.valueUsdt.startsWith('-') ? '—' : displayShare(words, r.share, options.privacy),
    ...(futures ? [r.unrealisedPnl ? hide(exact(r.unrealisedPnl)) : '—'] : []),
  ]);
  const width = options.width ?? DEFAULT_WIDTH;
  const prose = (text: string): string[] => wrapLine(text, width);
  // Too narrow: the price goes first, then the PnL, the share and the quantity; the coin and its value stay.
  const table = fitTable(
    [
      { cut: true },
      { right: true, drop: 4 },
      { right: true, drop: 1 },
      { right: true },
      { right: true, drop: 3 },
      { right: true, drop: 2 },
    ].slice(0, header.length),
    [header, ...rows],
    width,
  );
  const name = accountText(words, { name: breakdown.account, label: accountLabel(breakdown.account) });
  const heading = words.cli('cli.holdings.heading', {
    account: name,
    demo: options.demo ? 'yes' : 'no',
    at: zonedStamp(words, fetchedAt, options.timeZone),
  });
  const out = [...prose(heading), ''];
  if (breakdown.account === 'unified' && options.mode === 'classic') {
    out.push(...prose(words.cli('cli.holdings.classic')));
    return `${out.join('\n')}\n`;
  }
  if (rows.length === 0) {
    out.push(...prose(words.cli('cli.holdings.no-coins')));
    return `${out.join('\n')}\n`;
  }
  out.push(table.line(header), ...rows.map(table.line), '─'.repeat(table.width));
  out.push(
    ...prose(
      breakdown.amount === null
        ? words.cli('cli.holdings.no-estimate')
        : words.cli('cli.holdings.estimate', { account: name, money: moneyText(words, hide(money(breakdown.amount)), breakdown.currency) }),
    ),
  );
  out.push('', ...prose(words.cli('cli.holdings.values-note')));
  if (breakdown.rows.some((r) => r.valueUsdt !== null && r.valueUsdt.startsWith('-')))
    out.push(...prose(words.cli('cli.holdings.negative-note')));
  return `${out.join('\n')}\n`;
}
