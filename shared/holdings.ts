/**
 * Holdings: what one account is made of, coin by coin. Gate's per-account endpoints give
 * quantities; public spot tickers give USDT prices; Gate's own `total_balance` figure for the
 * account is shared out over the coins by their USDT values. Everything is exact decimal
 * strings (quantity × price is never a float), and every rounding is a largest-remainder
 * rounding so the parts add up to exactly the whole people already see in the pie.
 */
import type { Currency, DecimalString } from './balance.js';
import {
  apportionDecimal,
  canonicalDecimal,
  compareDecimals,
  displayDigits,
  isDecimalString,
  multiplyDecimals,
  sharesOfPositive,
  signOfDecimal,
  sumDecimals,
} from './decimal.js';

/** Accounts Gate answers per coin for (each through its own endpoint). */
export const HOLDINGS_ACCOUNTS = ['spot', 'futures', 'finance', 'unified'] as const;

/** An account with per-coin detail. */
export type HoldingsAccount = (typeof HOLDINGS_ACCOUNTS)[number];

/** Narrows a Gate account name (`spot`, `margin`, …) to one with per-coin detail. */
export function isHoldingsAccount(value: unknown): value is HoldingsAccount {
  return typeof value === 'string' && (HOLDINGS_ACCOUNTS as readonly string[]).includes(value);
}

/** One coin of an account as Gate reports it (futures: one entry per settle currency). */
export interface CoinBalance {
  /** Gate's currency code, e.g. `BTC`. */
  readonly coin: string;
  /** Spot: available + locked; futures: Gate's `total`; earn: the lending `amount`; unified: `equity`. */
  readonly quantity: DecimalString;
  readonly available: DecimalString | null;
  readonly locked: DecimalString | null;
  /** Futures only: Gate's `unrealised_pnl` for that settle account. */
  readonly unrealisedPnl?: DecimalString | null;
}

/** Spot `last` prices by Gate's pair name (`BTC_USDT` → `"95000.1"`); Gate's strings, unchecked. */
export type TickerPrices = Readonly<Record<string, string>>;

/** A coin with its price, values and share of the account. */
export interface HoldingRow extends CoinBalance {
  /** One coin in USDT: `COIN_USDT` last, 1 for USDT, else `COIN_BTC` × `BTC_USDT`; null = no price. */
  readonly priceUsdt: DecimalString | null;
  /** quantity × priceUsdt, exact; null without a price. */
  readonly valueUsdt: DecimalString | null;
  /**
   * Gate's figure for the account in the chosen currency shared out by USDT value, rounded to
   * the currency's display unit; null without a price, for a negative value, or when Gate gives
   * no figure for the account.
   */
  readonly value: DecimalString | null;
  /** Percent (two decimals) of the positive priced coins' USDT total; "0.00" when unpriced or negative. */
  readonly share: DecimalString;
}

/** One account's coins, sorted and shared out. */
export interface HoldingsBreakdown {
  readonly account: HoldingsAccount;
  readonly currency: Currency;
  /** Gate's `total_balance` figure for the account in `currency`; null where Gate gives none (unified). */
  readonly amount: DecimalString | null;
  /** Priced coins by USDT value descending (ties by coin), then unpriced coins by coin. Zero quantities left out. */
  readonly rows: readonly HoldingRow[];
  /** Exact sum of the positive USDT values: the whole the shares are of. */
  readonly positiveValueUsdt: DecimalString;
}

function usableLast(value: string | undefined): DecimalString | null {
  if (value === undefined || !isDecimalString(value) || signOfDecimal(value) <= 0) return null;
  return canonicalDecimal(value);
}

/** A coin's USDT price from spot tickers: USDT is 1, then `COIN_USDT`, then `COIN_BTC × BTC_USDT`; an empty or zero `last` is no price. */
export function priceInUsdt(coin: string, tickers: TickerPrices): DecimalString | null {
  if (coin === 'USDT') return '1';
  const direct = usableLast(tickers[`${coin}_USDT`]);
  if (direct !== null) return direct;
  const inBtc = usableLast(tickers[`${coin}_BTC`]);
  const btc = coin === 'BTC' ? null : usableLast(tickers['BTC_USDT']);
  return inBtc !== null && btc !== null ? multiplyDecimals(inBtc, btc) : null;
}

/** The ticker pairs that can price these coins (a caller may keep only these of a large answer). */
export function pricingPairs(coins: readonly string[]): Set<string> {
  const pairs = new Set<string>(['BTC_USDT']);
  for (const coin of coins) {
    pairs.add(`${coin}_USDT`);
    pairs.add(`${coin}_BTC`);
  }
  return pairs;
}

/** What `computeHoldings` works from. */
export interface HoldingsInput {
  readonly account: HoldingsAccount;
  readonly currency: Currency;
  readonly amount: DecimalString | null;
  readonly coins: readonly CoinBalance[];
  readonly tickers: TickerPrices;
}

function byCoin(a: { coin: string }, b: { coin: string }): number {
  return a.coin < b.coin ? -1 : a.coin > b.coin ? 1 : 0;
}

/** Prices, values, sorts and shares out one account's coins with exact arithmetic. */
export function computeHoldings(input: HoldingsInput): HoldingsBreakdown {
  const held = input.coins.filter((c) => signOfDecimal(c.quantity) !== 0);
  const priced: { coin: CoinBalance; price: DecimalString; valueUsdt: DecimalString }[] = [];
  const unpriced: CoinBalance[] = [];
  for (const coin of held) {
    const price = priceInUsdt(coin.coin, input.tickers);
    if (price === null) unpriced.push(coin);
    else priced.push({ coin, price, valueUsdt: multiplyDecimals(coin.quantity, price) });
  }
  priced.sort((a, b) => compareDecimals(b.valueUsdt, a.valueUsdt) || byCoin(a.coin, b.coin));
  unpriced.sort(byCoin);
  const values = priced.map((p) => p.valueUsdt);
  const shares = sharesOfPositive(values);
  const apportioned =
    input.amount === null ? values.map(() => null) : apportionDecimal(input.amount, values, displayDigits(input.currency));
  const rows: HoldingRow[] = [
    ...priced.map((p, i) => ({
      ...p.coin,
      priceUsdt: p.price,
      valueUsdt: p.valueUsdt,
      value: apportioned[i] ?? null,
      share: shares[i] ?? '0.00',
    })),
    ...unpriced.map((coin) => ({ ...coin, priceUsdt: null, valueUsdt: null, value: null, share: '0.00' })),
  ];
  return {
    account: input.account,
    currency: input.currency,
    amount: input.amount,
    rows,
    positiveValueUsdt: sumDecimals(values.filter((v) => signOfDecimal(v) > 0)),
  };
}

/** Coins worth less than this percent of the account are folded into "small balances" in the popover. */
const SMALL_HOLDING_PERCENT = '0.1';

/** The folded small coins, summed. */
export interface SmallBalances {
  readonly coins: readonly string[];
  readonly valueUsdt: DecimalString;
  /** Sum of the folded coins' values; null when none of them has one. */
  readonly value: DecimalString | null;
  readonly share: DecimalString;
}

/**
 * Folds positive priced coins worth less than `percent` of the account's positive USDT total
 * into one "small balances" entry; unpriced and negative coins stay listed (their size is unknown
 * or they are not shared out).
 */
export function foldSmallHoldings(
  breakdown: HoldingsBreakdown,
  percent: DecimalString = SMALL_HOLDING_PERCENT,
): { rows: HoldingRow[]; small: SmallBalances | null } {
  const whole = breakdown.positiveValueUsdt;
  const threshold = multiplyDecimals(whole, multiplyDecimals(percent, '0.01'));
  const rows: HoldingRow[] = [];
  const folded: HoldingRow[] = [];
  for (const row of breakdown.rows) {
    const small = row.valueUsdt !== null && signOfDecimal(row.valueUsdt) > 0 && compareDecimals(row.valueUsdt, threshold) < 0;
    (small ? folded : rows).push(row);
  }
  if (folded.length === 0) return { rows, small: null };
  const digits = displayDigits(breakdown.currency);
  const values = folded.map((r) => r.value).filter((v): v is DecimalString => v !== null);
  return {
    rows,
    small: {
      coins: folded.map((r) => r.coin),
      valueUsdt: sumDecimals(folded.map((r) => r.valueUsdt ?? '0')),
      value: values.length === 0 ? null : padFraction(sumDecimals(values), digits),
      share: padFraction(sumDecimals(folded.map((r) => r.share)), 2),
    },
  };
}

// Sums of values that each have exactly `digits` fraction digits, written with that many again.
function padFraction(value: DecimalString, digits: number): DecimalString {
  const [whole, fraction = ''] = value.split('.') as [string, string?];
  return `${whole}.${fraction.padEnd(digits, '0')}`;
}

/** What the popover's holdings view draws (the `holdings:get` answer). */
export interface HoldingsView {
  /** Gate's account name as in the breakdown (`spot`, `margin`, …). */
  readonly account: string;
  readonly currency: Currency;
  /** The account's figure in `currency` (what its pie slice shows); null where Gate gives none. */
  readonly amount: DecimalString | null;
  /** False: Gate gives no per-coin detail for this account, only `amount`. */
  readonly detail: boolean;
  /** Coins after folding, sorted as in `computeHoldings`. */
  readonly rows: readonly HoldingRow[];
  readonly small: SmallBalances | null;
  /** Epoch ms of the oldest answer the coins come from; null without detail. */
  readonly fetchedAt: number | null;
}

/** The view for one account: folded coins with detail, or just the total without. */
export function holdingsView(
  account: string,
  currency: Currency,
  amount: DecimalString | null,
  breakdown: HoldingsBreakdown | null,
  fetchedAt: number | null,
): HoldingsView {
  if (breakdown === null) return { account, currency, amount, detail: false, rows: [], small: null, fetchedAt: null };
  const { rows, small } = foldSmallHoldings(breakdown);
  return { account, currency, amount, detail: true, rows, small, fetchedAt };
}
