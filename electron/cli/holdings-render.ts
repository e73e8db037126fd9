/**
 * What `holdings` prints: the exact JSON shape scripts rely on and a readable table. Quantities
 * and prices keep every digit Gate sent; values are Gate's figure for the account shared out
 * and rounded to the currency's unit (shared/holdings), formatted from strings, never floats.
 */
import type { Currency } from '../../shared/balance.js';
import { accountLabel } from '../../shared/accounts.js';
import { formatAmount } from '../../shared/decimal.js';
import type { HoldingsAccount, HoldingsBreakdown } from '../../shared/holdings.js';
import { displayShare, PRIVACY_MASK } from '../../shared/present/amounts.js';
import { ENGLISH } from '../../shared/present/words.js';

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
  readonly locale?: string;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - [...text].length));
  return right ? fill + text : text + fill;
}

/** The readable table: coin, quantity, price, value, share (and PnL for futures). */
export function holdingsTable(breakdown: HoldingsBreakdown, fetchedAt: number, options: HoldingsTableOptions): string {
  const locale = options.locale ? { locale: options.locale } : {};
  const exact = (v: string): string => formatAmount(v, { currency: 'USDT', precision: 'full', ...locale });
  const money = (v: string): string => formatAmount(v, { currency: breakdown.currency, ...locale });
  const hide = (text: string): string => (options.privacy ? PRIVACY_MASK : text);
  const futures = breakdown.account === 'futures';
  const header = ['Coin', 'Quantity', 'Price (USDT)', `Value (${breakdown.currency})`, 'Share', ...(futures ? ['Unrealised PnL'] : [])];
  const rows = breakdown.rows.map((r) => [
    r.coin,
    hide(exact(r.quantity)),
    r.priceUsdt === null ? 'no price' : exact(r.priceUsdt),
    r.value === null ? '—' : hide(money(r.value)),
    r.valueUsdt === null || r.valueUsdt.startsWith('-') ? '—' : displayShare(ENGLISH, r.share, options.privacy),
    ...(futures ? [r.unrealisedPnl ? hide(exact(r.unrealisedPnl)) : '—'] : []),
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: readonly string[]): string => r.map((cell, i) => pad(cell, widths[i] ?? 0, i > 0)).join('  ').trimEnd();
  const stamp = `${new Date(fetchedAt).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  const out = [`Gate.io ${accountLabel(breakdown.account)} holdings${options.demo ? ' (DEMO portfolio, not your account)' : ''} — ${stamp}`, ''];
  if (breakdown.account === 'unified' && options.mode === 'classic') {
    out.push('This account is not in unified mode (Gate says "classic"): see the spot, futures and finance accounts instead.');
    return `${out.join('\n')}\n`;
  }
  if (rows.length === 0) {
    out.push('Gate lists no coins in this account.');
    return `${out.join('\n')}\n`;
  }
  out.push(line(header), ...rows.map(line), '─'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1)));
  out.push(breakdown.amount === null ? "Gate gives no estimate for this account in total_balance; values are not shown." : `${accountLabel(breakdown.account)} (Gate's estimate): ${hide(money(breakdown.amount))} ${breakdown.currency}`);
  out.push('', `Values are Gate's estimate for the account, shared out by each coin's USDT value at the last spot price.`);
  if (breakdown.rows.some((r) => r.valueUsdt !== null && r.valueUsdt.startsWith('-'))) out.push('Coins below zero are listed but not counted in the shares.');
  return `${out.join('\n')}\n`;
}
