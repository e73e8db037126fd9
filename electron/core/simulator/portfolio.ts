/**
 * The simulator's money: ONE per-coin portfolio from which every endpoint is derived, so
 * `total_balance`, `/spot/accounts`, `/futures/{settle}/accounts`, `/earn/uni/lends`,
 * `/unified/accounts` and `/spot/tickers` always agree. Coins are valued in USDT at the
 * portfolio's own tickers (the app's pricing rule: USDT 1, `COIN_USDT`, else `COIN_BTC ×
 * BTC_USDT`, else nothing), and USDT values are converted exactly (big.js, no floats) into BTC,
 * CNY, USD at fixed rates. An account without coins holds its `amount` in USDT (spot, earn) or
 * in the USDT-settled futures account, so even Gate's 40-digit example comes back digit for digit.
 */
import type { Currency } from '../../../shared/balance.js';
import { multiplyDecimals, subtractDecimals, sumDecimals } from '../../../shared/decimal.js';
import { priceInUsdt } from '../../../shared/holdings.js';

/** One account of the portfolio, valued in USDT. Amounts are decimal strings (any length, any sign). */
interface SimAccount {
  readonly amount: string;
  readonly unrealisedPnl?: string;
  readonly borrowed?: string;
  /** False lists the account in `details` but leaves it out of `total`, as Gate documents for `payment`. Default true. */
  readonly inTotal?: boolean;
}

/** A spot balance as `GET /spot/accounts` lists it. */
export interface SimSpotCoin {
  readonly currency: string;
  readonly available: string;
  readonly locked: string;
}

/** One settle currency's perpetual futures account, in that currency (`GET /futures/{settle}/accounts`). */
export interface SimFuturesAccount {
  readonly total: string;
  readonly unrealisedPnl: string;
  readonly available: string;
}

/** One currency lent through Earn (`GET /earn/uni/lends`); `amount` is Gate's "Total Lending Amount". */
export interface SimLend {
  readonly currency: string;
  readonly amount: string;
}

/** One currency of a unified account (`GET /unified/accounts` `balances`). */
interface SimUnifiedBalance {
  readonly currency: string;
  readonly equity: string;
  readonly available: string;
  readonly freeze: string;
}

/** One coin of a cross margin account (`CrossMarginBalance`): its net is available + freeze − borrowed − interest. */
interface SimCrossMarginCoin {
  readonly currency: string;
  readonly available: string;
  readonly freeze: string;
  readonly borrowed: string;
  readonly interest: string;
}

/** One side of an isolated margin pair (`MarginAccountCurrency`): Gate's `available` already includes what was borrowed. */
interface SimMarginSide {
  readonly currency: string;
  readonly available: string;
  readonly locked: string;
  readonly borrowed: string;
  readonly interest: string;
}

/** One isolated margin market (`MarginAccount`). */
interface SimMarginPair {
  readonly currencyPair: string;
  readonly base: SimMarginSide;
  readonly quote: SimMarginSide;
}

/** The settle currencies of Gate's perpetual futures. */
export const FUTURES_SETTLES = ['usdt', 'btc'] as const;
/** A futures settle currency as the path spells it. */
export type FuturesSettle = (typeof FUTURES_SETTLES)[number];

/**
 * A whole portfolio. `accounts` holds the accounts Gate gives no per-coin detail for (and any
 * unknown name); `spot`, `futures` and `lends`, when given, ARE the spot, futures and finance
 * accounts (their `total_balance` figures are derived from the coins, and an entry of the same
 * name in `accounts` is ignored). `unified` set means the key's account is in unified mode.
 */
export interface SimPortfolio {
  /**
   * In Gate's order. Every own key is served, `__proto__` included: build such a portfolio
   * with `Object.fromEntries` or `JSON.parse`, since a `__proto__:` literal sets the prototype.
   */
  readonly accounts: Readonly<Record<string, SimAccount>>;
  /** USDT value Gate counts in `total` but lists in no account (TradFi assets). Default none. */
  readonly unlisted?: string;
  readonly spot?: readonly SimSpotCoin[];
  /** A settle currency left out was never opened: Gate answers USER_NOT_FOUND. */
  readonly futures?: Readonly<Partial<Record<FuturesSettle, SimFuturesAccount>>>;
  readonly lends?: readonly SimLend[];
  /** Given: the cross_margin account is derived from these coins (net of borrowing and interest). */
  readonly crossMargin?: readonly SimCrossMarginCoin[];
  /** Given: the margin account is derived from these isolated markets (net of borrowing and interest). */
  readonly margin?: readonly SimMarginPair[];
  readonly unified?: { readonly mode: 'multi_currency' | 'single_currency' | 'portfolio'; readonly balances: readonly SimUnifiedBalance[] };
  /** Spot `last` by pair; default SIM_TICKERS. An empty string is a pair without a trade. */
  readonly tickers?: Readonly<Record<string, string>>;
}

/** How many units of each currency one USDT is worth. Multiplication only, so conversion is exact. */
export const SIM_RATES: Readonly<Record<Currency, string>> = {
  USDT: '1',
  USD: '0.9996',
  CNY: '7.2431',
  BTC: '0.0000105263',
};

/**
 * The simulator's spot market. NMR trades against BTC only (priced through BTC_USDT), FTT has
 * no trade (`last` empty), POINT has no market at all.
 */
export const SIM_TICKERS: Readonly<Record<string, string>> = {
  BTC_USDT: '95000',
  ETH_USDT: '3400',
  ETH_BTC: '0.0357894',
  GT_USDT: '18.5',
  DOGE_USDT: '0.32',
  PEPE_USDT: '0.00001',
  SOL_USDT: '190',
  NMR_BTC: '0.00018',
  FTT_USDT: '',
};

/** The portfolio's tickers. */
export function portfolioTickers(portfolio: SimPortfolio): Readonly<Record<string, string>> {
  return portfolio.tickers ?? SIM_TICKERS;
}

/** A coin quantity's USDT value at the portfolio's tickers; an unpriced coin counts 0 (Gate cannot value it either). */
function usdtValue(portfolio: SimPortfolio, coin: string, quantity: string): string {
  const price = priceInUsdt(coin, portfolioTickers(portfolio));
  return price === null ? '0' : multiplyDecimals(quantity, price);
}

/** The spot balances the endpoint lists: the coins, or the account's USDT amount as one USDT balance. */
export function spotCoins(portfolio: SimPortfolio): readonly SimSpotCoin[] {
  if (portfolio.spot) return portfolio.spot;
  const spot = portfolio.accounts['spot'];
  return spot ? [{ currency: 'USDT', available: spot.amount, locked: '0' }] : [];
}

/** The futures account of one settle currency, or null when it was never opened. */
export function futuresAccount(portfolio: SimPortfolio, settle: FuturesSettle): SimFuturesAccount | null {
  if (portfolio.futures) return portfolio.futures[settle] ?? null;
  const futures = portfolio.accounts['futures'];
  if (!futures || settle !== 'usdt') return null;
  return { total: futures.amount, unrealisedPnl: futures.unrealisedPnl ?? '0', available: futures.amount };
}

/** The Earn lends the endpoint lists: the lends, or the finance account's USDT amount as one USDT lend. */
export function lends(portfolio: SimPortfolio): readonly SimLend[] {
  if (portfolio.lends) return portfolio.lends;
  const finance = portfolio.accounts['finance'];
  return finance ? [{ currency: 'USDT', amount: finance.amount }] : [];
}

/** Every account `total_balance` lists, valued in USDT, in Gate's order (the derived ones first). */
export function portfolioAccounts(portfolio: SimPortfolio): [string, SimAccount][] {
  const derived: [string, SimAccount][] = [];
  if (portfolio.spot) {
    derived.push([
      'spot',
      { amount: sumDecimals(portfolio.spot.map((c) => usdtValue(portfolio, c.currency, sumDecimals([c.available, c.locked])))) },
    ]);
  }
  if (portfolio.futures) {
    const settles = FUTURES_SETTLES.flatMap((s) => {
      const account = portfolio.futures?.[s];
      return account ? [{ coin: s.toUpperCase(), account }] : [];
    });
    derived.push([
      'futures',
      {
        amount: sumDecimals(settles.map(({ coin, account }) => usdtValue(portfolio, coin, account.total))),
        unrealisedPnl: sumDecimals(settles.map(({ coin, account }) => usdtValue(portfolio, coin, account.unrealisedPnl))),
      },
    ]);
  }
  if (portfolio.lends)
    derived.push(['finance', { amount: sumDecimals(portfolio.lends.map((l) => usdtValue(portfolio, l.currency, l.amount))) }]);
  if (portfolio.margin) {
    const sides = portfolio.margin.flatMap((p) => [p.base, p.quote]);
    derived.push([
      'margin',
      netAccount(
        portfolio,
        sides.map((c) => ({ ...c, freeze: c.locked })),
      ),
    ]);
  }
  if (portfolio.crossMargin) derived.push(['cross_margin', netAccount(portfolio, portfolio.crossMargin)]);
  const names = new Set(derived.map(([name]) => name));
  return [...derived, ...Object.entries(portfolio.accounts).filter(([name]) => !names.has(name))];
}

/** A borrowing account valued in USDT: Σ (available + freeze − borrowed − interest) × price, with what was borrowed. */
function netAccount(portfolio: SimPortfolio, coins: readonly SimCrossMarginCoin[]): SimAccount {
  return {
    amount: sumDecimals(
      coins.map((c) =>
        usdtValue(portfolio, c.currency, subtractDecimals(sumDecimals([c.available, c.freeze]), sumDecimals([c.borrowed, c.interest]))),
      ),
    ),
    borrowed: sumDecimals(coins.map((c) => usdtValue(portfolio, c.currency, c.borrowed))),
  };
}

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
  for (const [name, account] of portfolioAccounts(portfolio)) {
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

/**
 * The demo portfolio: a plausible retail account across Gate's usual accounts, one of them
 * slightly negative. Its account totals are the ones README, screenshots and tests show (spot
 * 18452.73120045, futures 6210.4471 with PnL -132.0811, finance 9870.115 USDT): the coins below
 * add up to exactly those at SIM_TICKERS, with USDT as the balancing coin.
 */
export const DEMO_PORTFOLIO: SimPortfolio = {
  accounts: {
    margin: { amount: '1204.5', borrowed: '300' },
    delivery: { amount: '0', unrealisedPnl: '0' },
    quant: { amount: '2385.00912' },
    cross_margin: { amount: '-12.85', borrowed: '50' },
    options: { amount: '412.0801', unrealisedPnl: '18.2' },
  },
  spot: [
    { currency: 'BTC', available: '0.1', locked: '0.02' }, // 11400
    { currency: 'ETH', available: '1.5', locked: '0' }, // 5100
    { currency: 'USDT', available: '1062.52120045', locked: '100' }, // 1162.52120045
    { currency: 'GT', available: '40', locked: '0' }, // 740
    { currency: 'NMR', available: '2', locked: '0' }, // 34.2, through NMR_BTC
    { currency: 'DOGE', available: '50', locked: '0' }, // 16: under 0.1 %, a small balance
    { currency: 'PEPE', available: '1000', locked: '0' }, // 0.01: a small balance
    { currency: 'POINT', available: '12', locked: '0' }, // no market: no price
    { currency: 'FTT', available: '3', locked: '0' }, // no trade: no price
    { currency: 'SOL', available: '0', locked: '0' }, // emptied: left out
  ],
  futures: {
    usdt: { total: '5260.4471', unrealisedPnl: '-141.5811', available: '4100.2' },
    btc: { total: '0.01', unrealisedPnl: '0.0001', available: '0.008' },
  },
  lends: [
    { currency: 'USDT', amount: '5135.115' },
    { currency: 'BTC', amount: '0.03' },
    { currency: 'ETH', amount: '0.5' },
    { currency: 'GT', amount: '10' },
  ],
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

/**
 * A sub-account of a main account (`GET /sub_accounts`: `user_id`, `login_name`, `remark`,
 * `state` 1 normal | 2 locked, `type` 1 regular | 3 cross margin) with its own portfolio, which
 * the main key reads through `/wallet/sub_account_*` and the sub-account's own key (a SimKey
 * whose `userId` is this one) reads like any account.
 */
export interface SimSubAccount {
  readonly userId: number;
  readonly loginName: string;
  readonly remark?: string;
  readonly state?: 1 | 2;
  readonly type?: 1 | 3;
  readonly portfolio: SimPortfolio;
}

/**
 * Two demo sub-accounts: a grid bot's spot and futures (one BTC-settled), and a cross margin
 * account with a loan. Their coins are priced at SIM_TICKERS; POINT has no market (unpriced).
 */
export const DEMO_SUB_ACCOUNTS: readonly SimSubAccount[] = [
  {
    userId: 20001,
    loginName: 'grid_bot',
    remark: 'Grid bot',
    portfolio: {
      accounts: {},
      spot: [
        { currency: 'USDT', available: '812.5', locked: '187.5' }, // 1000
        { currency: 'ETH', available: '0.25', locked: '0.25' }, // 1700
        { currency: 'POINT', available: '5', locked: '0' }, // no market
      ],
      futures: {
        usdt: { total: '600', unrealisedPnl: '-25.5', available: '400' }, // 574.5
        btc: { total: '0.002', unrealisedPnl: '0.0001', available: '0.001' }, // 0.0021 × 95000 = 199.5
      },
    },
  },
  {
    userId: 20002,
    loginName: 'hedge_cm',
    remark: 'Hedge',
    type: 3,
    portfolio: {
      accounts: {},
      spot: [{ currency: 'BTC', available: '0.01', locked: '0' }], // 950
      crossMargin: [
        { currency: 'USDT', available: '500', freeze: '0', borrowed: '200', interest: '0.5' }, // 299.5
        { currency: 'SOL', available: '2', freeze: '0', borrowed: '0', interest: '0' }, // 380
      ],
    },
  },
];
