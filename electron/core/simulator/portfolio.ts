/**
 * The simulator's money: one portfolio held in USDT and converted exactly (big.js, no
 * floats) into BTC, CNY, USD and USDT at fixed rates. USDT amounts are returned verbatim, so a
 * 40-digit string in the portfolio comes back digit for digit.
 */
import type { Currency } from '../../../shared/balance.js';
import { multiplyDecimals, sumDecimals } from '../../../shared/decimal.js';

/** One account of the portfolio, valued in USDT. Amounts are decimal strings (any length, any sign). */
interface SimAccount {
  readonly amount: string;
  readonly unrealisedPnl?: string;
  readonly borrowed?: string;
  /** False lists the account in `details` but leaves it out of `total`, as Gate documents for `payment`. Default true. */
  readonly inTotal?: boolean;
}

/** A whole portfolio: Gate's account names (or any unknown name) → USDT values. */
export interface SimPortfolio {
  /**
   * In Gate's order. Every own key is served, `__proto__` included: build such a portfolio
   * with `Object.fromEntries` or `JSON.parse`, since a `__proto__:` literal sets the prototype.
   */
  readonly accounts: Readonly<Record<string, SimAccount>>;
  /** USDT value Gate counts in `total` but lists in no account (TradFi assets). Default none. */
  readonly unlisted?: string;
}

/** How many units of each currency one USDT is worth. Multiplication only, so conversion is exact. */
export const SIM_RATES: Readonly<Record<Currency, string>> = {
  USDT: '1',
  USD: '0.9996',
  CNY: '7.2431',
  BTC: '0.0000105263',
};

/** `amount` (USDT) in `currency`, exactly; USDT returns the very same string. */
export function convertAmount(amount: string, currency: Currency): string {
  if (currency === 'USDT') return amount;
  return multiplyDecimals(amount, SIM_RATES[currency]);
}

/** The JSON body Gate would send for this portfolio in this currency, with Gate's field names. */
export function totalBalanceBody(portfolio: SimPortfolio, currency: Currency): Record<string, unknown> {
  // Null prototype: assigning `details['__proto__']` then adds an account instead of a prototype.
  const details: Record<string, Record<string, string>> = Object.create(null) as Record<string, Record<string, string>>;
  const amounts: string[] = portfolio.unlisted === undefined ? [] : [convertAmount(portfolio.unlisted, currency)];
  const pnls: string[] = [];
  const borrowed: string[] = [];
  for (const [name, account] of Object.entries(portfolio.accounts)) {
    const inTotal = account.inTotal !== false;
    const entry: Record<string, string> = { currency, amount: convertAmount(account.amount, currency) };
    if (inTotal) amounts.push(entry['amount']!);
    if (account.unrealisedPnl !== undefined) {
      entry['unrealised_pnl'] = convertAmount(account.unrealisedPnl, currency);
      if (inTotal) pnls.push(entry['unrealised_pnl']);
    }
    if (account.borrowed !== undefined) {
      entry['borrowed'] = convertAmount(account.borrowed, currency);
      if (inTotal) borrowed.push(entry['borrowed']);
    }
    details[name] = entry;
  }
  return {
    details,
    total: { currency, amount: sumDecimals(amounts), unrealised_pnl: sumDecimals(pnls), borrowed: sumDecimals(borrowed) },
  };
}

/** The demo portfolio: a plausible retail account across Gate's usual accounts, one of them slightly negative. */
export const DEMO_PORTFOLIO: SimPortfolio = {
  accounts: {
    spot: { amount: '18452.73120045' },
    futures: { amount: '6210.4471', unrealisedPnl: '-132.0811' },
    finance: { amount: '9870.115' },
    margin: { amount: '1204.5', borrowed: '300' },
    delivery: { amount: '0', unrealisedPnl: '0' },
    quant: { amount: '2385.00912' },
    cross_margin: { amount: '-12.85', borrowed: '50' },
    options: { amount: '412.0801', unrealisedPnl: '18.2' },
  },
};

/** Gate's documented example portfolio (USDT), 40-digit amounts and all. */
export const GATE_EXAMPLE_PORTFOLIO: SimPortfolio = {
  accounts: {
    cross_margin: { amount: '0', borrowed: '0.00' },
    spot: { amount: '42264489969935775.5160259954878034182418' },
    finance: { amount: '662714381.70310327810191647181' },
    margin: { amount: '1259175.664137668554329559', borrowed: '0.00' },
    quant: { amount: '591702859674467879.6488202650892478553852' },
    futures: { amount: '2384175.5606114082065', unrealisedPnl: '0.00' },
    delivery: { amount: '1519804.9756702', unrealisedPnl: '0.00' },
    warrant: { amount: '0' },
    cbbc: { amount: '0' },
  },
};

/**
 * Names and figures that have broken readers of Gate's open `details` map: JavaScript object
 * members, terminal escapes and bidi controls, an empty name, a `payment` account Gate leaves
 * out of the total and TradFi value counted in the total but in no account.
 */
export const HOSTILE_PORTFOLIO: SimPortfolio = {
  accounts: Object.fromEntries<SimAccount>([
    ['spot', { amount: '1000' }],
    ['constructor', { amount: '400' }],
    ['toString', { amount: '300' }],
    ['hasOwnProperty', { amount: '200' }],
    ['valueOf', { amount: '100' }],
    ['__proto__', { amount: '50' }],
    ['evil\u001b[2J\u001b]0;owned\u0007', { amount: '25' }],
    ['\u202eredro\u2066tset\u2069', { amount: '10' }],
    ['', { amount: '5' }],
    ['payment', { amount: '120.5', inTotal: false }],
  ]),
  unlisted: '75.25',
};
