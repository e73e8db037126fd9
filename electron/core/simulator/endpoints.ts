/**
 * What each simulated endpoint is and answers: its path, the key permission it needs (null =
 * public), Gate's rate limit for it, and its 200 body built from the one portfolio (field names
 * as in Gate's APIv4 docs and its SDK models: SpotAccount, FuturesAccount, UniLend,
 * UnifiedAccount/UnifiedBalance, AccountDetail, Ticker). The handler adds signing, faults and
 * limits around these.
 */
import type { Currency } from '../../../shared/balance.js';
import type { FuturesSettle, SimPortfolio, SimSubAccount } from './portfolio.js';
import { FUTURES_SETTLES, futuresAccount, lends, portfolioTickers, spotCoins, totalBalanceBody } from './portfolio.js';

/** The permission a key needs per part, named after Gate's API key permissions (all read-only). */
export type SimPermission = 'wallet' | 'spot' | 'futures' | 'earn' | 'unified' | 'account' | 'sub_account';

/** A key the simulator accepts, with what it may do. */
export interface SimKey {
  readonly key: string;
  readonly secret: string;
  /** Wallet read permission; false answers 403 FORBIDDEN. Default true. */
  readonly walletRead?: boolean;
  /** Read permissions by part (wallet, spot, futures, earn, unified, account); a false one answers 403 FORBIDDEN. Default all true. */
  readonly permissions?: Readonly<Partial<Record<SimPermission, boolean>>>;
  /** When set, only these caller IPs are allowed; others get 403 IP_FORBIDDEN. It is also the key's `ip_whitelist`. */
  readonly allowedIps?: readonly string[];
  /** Gate's names of the permissions that can write (`read_only: false` in main_keys). Default none: a read-only key. */
  readonly writePermissions?: readonly string[];
  /**
   * Epoch ms the key was created. A key with a creation time and no IP whitelist is refused
   * KEY_LIFETIME_DAYS after the later of this and `updatedAt` (see `expiredKey`); without one it
   * never expires here (main_keys then says it was created when the simulator started).
   */
  readonly createdAt?: number;
  /** Epoch ms of the key's last edit; default its creation. */
  readonly updatedAt?: number;
  /** Gate's `state`: 1 normal (default), 2 locked, 3 frozen. Reads are still answered (see the handler's tests). */
  readonly state?: 1 | 2 | 3;
  /**
   * The Gate account the key belongs to. Unset: the simulator's main account (user 10001, the
   * simulator's portfolio and sub-accounts). A sub-account's user id: that sub-account's own key
   * (its portfolio; the sub-account endpoints refuse it). Any other id: another Gate account,
   * holding `portfolio` and `subAccounts`.
   */
  readonly userId?: number;
  readonly portfolio?: SimPortfolio;
  readonly subAccounts?: readonly SimSubAccount[];
}

/** Every endpoint the simulator answers. */
export type SimEndpoint =
  | 'spot_time'
  | 'total_balance'
  | 'spot_accounts'
  | 'futures_usdt_accounts'
  | 'futures_btc_accounts'
  | 'earn_uni_lends'
  | 'unified_accounts'
  | 'account_detail'
  | 'account_main_keys'
  | 'spot_tickers'
  | 'sub_accounts'
  | 'sub_account_balances'
  | 'sub_account_futures_balances'
  | 'sub_account_cross_margin_balances'
  | 'sub_account_margin_balances';

interface EndpointSpec {
  readonly path: string;
  readonly permission: SimPermission | null;
  readonly rateLimit: { readonly limit: number; readonly windowMs: number };
}

// Gate's limits (APIv4 docs, "Frequency limit rule"): total_balance 80 / 10 s, other private
// endpoints 150 / 10 s per account per endpoint, public ones 200 / 10 s per IP per endpoint.
const PRIVATE = { limit: 150, windowMs: 10_000 } as const;
const PUBLIC = { limit: 200, windowMs: 10_000 } as const;
// DESIGN.md's rule for wallet endpoints other than total_balance: 200 / 10 s each.
const WALLET = { limit: 200, windowMs: 10_000 } as const;

/** Path, permission and rate limit of each endpoint. */
export const SIM_ENDPOINTS: Readonly<Record<SimEndpoint, EndpointSpec>> = {
  spot_time: { path: '/api/v4/spot/time', permission: null, rateLimit: PUBLIC },
  total_balance: { path: '/api/v4/wallet/total_balance', permission: 'wallet', rateLimit: { limit: 80, windowMs: 10_000 } },
  spot_accounts: { path: '/api/v4/spot/accounts', permission: 'spot', rateLimit: PRIVATE },
  futures_usdt_accounts: { path: '/api/v4/futures/usdt/accounts', permission: 'futures', rateLimit: PRIVATE },
  futures_btc_accounts: { path: '/api/v4/futures/btc/accounts', permission: 'futures', rateLimit: PRIVATE },
  earn_uni_lends: { path: '/api/v4/earn/uni/lends', permission: 'earn', rateLimit: PRIVATE },
  unified_accounts: { path: '/api/v4/unified/accounts', permission: 'unified', rateLimit: PRIVATE },
  account_detail: { path: '/api/v4/account/detail', permission: 'account', rateLimit: PRIVATE },
  account_main_keys: { path: '/api/v4/account/main_keys', permission: 'account', rateLimit: PRIVATE },
  spot_tickers: { path: '/api/v4/spot/tickers', permission: null, rateLimit: PUBLIC },
  // ASSUMPTION: listing sub-accounts needs the key's Sub-account ("Sa") read permission, Gate's
  // name for sub-account management in API Management; the balances are Wallet endpoints.
  sub_accounts: { path: '/api/v4/sub_accounts', permission: 'sub_account', rateLimit: PRIVATE },
  sub_account_balances: { path: '/api/v4/wallet/sub_account_balances', permission: 'wallet', rateLimit: WALLET },
  sub_account_futures_balances: { path: '/api/v4/wallet/sub_account_futures_balances', permission: 'wallet', rateLimit: WALLET },
  sub_account_cross_margin_balances: { path: '/api/v4/wallet/sub_account_cross_margin_balances', permission: 'wallet', rateLimit: WALLET },
  sub_account_margin_balances: { path: '/api/v4/wallet/sub_account_margin_balances', permission: 'wallet', rateLimit: WALLET },
};

/** Endpoint by request path. */
export const ENDPOINT_PATHS: ReadonlyMap<string, SimEndpoint> = new Map(
  (Object.entries(SIM_ENDPOINTS) as [SimEndpoint, EndpointSpec][]).map(([name, spec]) => [spec.path, name]),
);

/** Gate's page size bound for `/earn/uni/lends` (`limit`, default 100). */
const UNI_LENDS_MAX_LIMIT = 100;

/**
 * `/wallet/sub_account_balances` pages (`page`, `limit`: gate-api 7.2.144's listSubAccountBalances
 * takes both). ASSUMPTION: Gate's usual 100 as default and largest page; the client never
 * depends on the default, it always asks for this size.
 */
const SUB_ACCOUNT_BALANCES_MAX_LIMIT = 100;

/** A 200 body, or Gate's refusal. */
export type EndpointAnswer =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly status: number; readonly label: string; readonly message: string };

function invalid(message: string): EndpointAnswer {
  return { ok: false, status: 400, label: 'INVALID_PARAM_VALUE', message };
}

function futuresBody(portfolio: SimPortfolio, settle: FuturesSettle): EndpointAnswer {
  const account = futuresAccount(portfolio, settle);
  // Gate's answer for a futures account that was never funded.
  if (account === null)
    return { ok: false, status: 400, label: 'USER_NOT_FOUND', message: 'please transfer funds first to create futures account' };
  return {
    ok: true,
    body: {
      total: account.total,
      unrealised_pnl: account.unrealisedPnl,
      position_margin: '0',
      order_margin: '0',
      available: account.available,
      point: '0',
      currency: settle.toUpperCase(),
      in_dual_mode: false,
      enable_credit: false,
      position_initial_margin: '0',
      maintenance_margin: '0',
      bonus: '0',
    },
  };
}

function pageParam(params: URLSearchParams, name: string, fallback: number, max: number): number | null {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) return null;
  return Number(raw);
}

function uniLendsBody(portfolio: SimPortfolio, params: URLSearchParams, serverNow: number): EndpointAnswer {
  const page = pageParam(params, 'page', 1, 100_000);
  const limit = pageParam(params, 'limit', UNI_LENDS_MAX_LIMIT, UNI_LENDS_MAX_LIMIT);
  if (page === null) return invalid('Invalid page');
  if (limit === null) return invalid(`Invalid limit, must be 1-${UNI_LENDS_MAX_LIMIT}`);
  const currency = params.get('currency');
  const all = lends(portfolio).filter((l) => currency === null || l.currency === currency);
  const seconds = Math.floor(serverNow / 1000);
  return {
    ok: true,
    body: all.slice((page - 1) * limit, page * limit).map((l) => ({
      currency: l.currency,
      current_amount: l.amount,
      amount: l.amount,
      lent_amount: l.amount,
      frozen_amount: '0',
      min_rate: '0.0001',
      interest_status: 'interest_dividend',
      reinvest_left_amount: '0',
      create_time: seconds - 86_400 * 30,
      update_time: seconds - 3_600,
    })),
  };
}

function unifiedBody(portfolio: SimPortfolio, serverNow: number): EndpointAnswer {
  const unified = portfolio.unified;
  const balances: Record<string, Record<string, string | boolean>> = {};
  for (const b of unified?.balances ?? []) {
    balances[b.currency] = {
      available: b.available,
      freeze: b.freeze,
      borrowed: '0',
      negative_liab: '0',
      futures_pos_liab: '0',
      equity: b.equity,
      total_freeze: b.freeze,
      total_liab: '0',
      spot_in_use: '0',
      funding: '0',
      enabled_collateral: true,
    };
  }
  return {
    ok: true,
    body: {
      user_id: 10001,
      refresh_time: serverNow,
      locked: false,
      balances,
      total: '0',
      borrowed: '0',
      unified_account_total: '0',
      unified_account_total_liab: '0',
      unified_account_total_equity: '0',
      leverage: '3',
      spot_order_loss: '0',
      // A classic account answers with mode "classic" and no balances.
      mode: unified?.mode ?? 'classic',
    },
  };
}

function tickersBody(portfolio: SimPortfolio, params: URLSearchParams): EndpointAnswer {
  const tickers = portfolioTickers(portfolio);
  const pair = params.get('currency_pair');
  const pairs = pair === null ? Object.keys(tickers) : [pair];
  if (pair !== null && !Object.hasOwn(tickers, pair))
    return { ok: false, status: 400, label: 'INVALID_CURRENCY_PAIR', message: `Invalid currency pair ${pair.slice(0, 24)}` };
  return {
    ok: true,
    body: pairs.map((p) => {
      const last = tickers[p] ?? '';
      return {
        currency_pair: p,
        last,
        lowest_ask: last,
        lowest_size: '1',
        highest_bid: last,
        highest_size: '1',
        change_percentage: '0',
        change_utc0: '0',
        change_utc8: '0',
        base_volume: '1000',
        quote_volume: '1000',
        high_24h: last,
        low_24h: last,
      };
    }),
  };
}

/** What the portfolio answers for one endpoint (after signing, permission and rate checks passed). */
export function endpointAnswer(
  endpoint: SimEndpoint,
  params: URLSearchParams,
  context: {
    readonly portfolio: SimPortfolio;
    readonly serverNow: number;
    readonly currencyValid: (c: string) => c is Currency;
    /** The signed request's key (null for public endpoints). */
    readonly key?: SimKey | null;
    /** Epoch ms the simulator started: the creation time of a key that names none. */
    readonly startedAt?: number;
    /** The signed key's account: its Gate user id, and its sub-accounts (null: the key is a sub-account's own). */
    readonly account?: { readonly userId: number; readonly subAccounts: readonly SimSubAccount[] | null };
  },
): EndpointAnswer {
  const { portfolio, serverNow } = context;
  switch (endpoint) {
    case 'spot_time':
      return { ok: true, body: { server_time: serverNow } };
    case 'total_balance': {
      const currency = params.get('currency') ?? 'USDT';
      if (!context.currencyValid(currency)) return invalid(`Invalid currency ${currency.slice(0, 16)}`);
      return { ok: true, body: totalBalanceBody(portfolio, currency) };
    }
    case 'spot_accounts': {
      const currency = params.get('currency');
      return {
        ok: true,
        body: spotCoins(portfolio)
          .map((c, i) => ({ currency: c.currency, available: c.available, locked: c.locked, update_id: 1000 + i }))
          .filter((c) => currency === null || c.currency === currency),
      };
    }
    case 'futures_usdt_accounts':
      return futuresBody(portfolio, 'usdt');
    case 'futures_btc_accounts':
      return futuresBody(portfolio, 'btc');
    case 'earn_uni_lends':
      return uniLendsBody(portfolio, params, serverNow);
    case 'unified_accounts':
      return unifiedBody(portfolio, serverNow);
    case 'account_detail':
      return {
        ok: true,
        body: {
          ip_whitelist: [...(context.key?.allowedIps ?? [])],
          currency_pairs: [],
          user_id: context.account?.userId ?? 10001,
          tier: 1,
          key: { mode: portfolio.unified ? 2 : 1 },
          copy_trading_role: 0,
        },
      };
    case 'account_main_keys':
      return {
        ok: true,
        body: mainKeysBody(context.key ?? null, portfolio, context.startedAt ?? serverNow, context.account?.userId ?? 10001),
      };
    case 'spot_tickers':
      return tickersBody(portfolio, params);
    case 'sub_accounts':
    case 'sub_account_balances':
    case 'sub_account_futures_balances':
    case 'sub_account_cross_margin_balances':
    case 'sub_account_margin_balances':
      return subAccountAnswer(endpoint, params, context.account?.subAccounts ?? []);
  }
}

/**
 * The main account's sub-accounts endpoints. A sub-account's own key gets 403 FORBIDDEN here
 * (the handler refuses it before this): ASSUMPTION, Gate documents these as main-account calls.
 */
function subAccountAnswer(
  endpoint: 'sub_accounts' | `sub_account_${'balances' | 'futures_balances' | 'cross_margin_balances' | 'margin_balances'}`,
  params: URLSearchParams,
  all: readonly SimSubAccount[],
): EndpointAnswer {
  if (endpoint === 'sub_accounts') {
    // Gate: `type=0` lists every type (regular and cross margin); no `type` lists regular ones only.
    const type = params.get('type');
    if (type !== null && type !== '0' && type !== '1') return invalid('Invalid type');
    return {
      ok: true,
      body: all
        .filter((s) => type === '0' || (s.type ?? 1) === 1)
        .map((s) => ({
          remark: s.remark ?? '',
          login_name: s.loginName,
          password: '',
          email: '',
          state: s.state ?? 1,
          type: s.type ?? 1,
          user_id: s.userId,
          create_time: 1_700_000_000,
        })),
    };
  }
  const raw = params.get('sub_uid');
  if (raw !== null && !/^\d{1,12}(,\d{1,12})*$/.test(raw)) return invalid('Invalid sub_uid');
  const wanted = raw === null ? null : new Set(raw.split(','));
  // A uid that is not one of this account's sub-accounts is left out, not an error (ASSUMPTION).
  let subs = all.filter((s) => wanted === null || wanted.has(String(s.userId)));
  switch (endpoint) {
    case 'sub_account_balances': {
      const page = pageParam(params, 'page', 1, 100_000);
      const limit = pageParam(params, 'limit', SUB_ACCOUNT_BALANCES_MAX_LIMIT, SUB_ACCOUNT_BALANCES_MAX_LIMIT);
      if (page === null) return invalid('Invalid page');
      if (limit === null) return invalid(`Invalid limit, must be 1-${SUB_ACCOUNT_BALANCES_MAX_LIMIT}`);
      subs = subs.slice((page - 1) * limit, page * limit);
      return {
        ok: true,
        body: subs.map((s) => {
          const coins = spotCoins(s.portfolio);
          return {
            uid: String(s.userId),
            available: Object.fromEntries(coins.map((c) => [c.currency, c.available])),
            locking: Object.fromEntries(coins.map((c) => [c.currency, c.locked])),
          };
        }),
      };
    }
    case 'sub_account_futures_balances': {
      const settle = params.get('settle') ?? 'usdt';
      if (!(FUTURES_SETTLES as readonly string[]).includes(settle)) return invalid('Invalid settle');
      return {
        ok: true,
        body: subs.map((s) => {
          const body = futuresBody(s.portfolio, settle as FuturesSettle);
          return { uid: String(s.userId), available: body.ok ? { [settle]: body.body } : {} };
        }),
      };
    }
    case 'sub_account_cross_margin_balances':
      return {
        ok: true,
        body: subs.map((s) => ({
          uid: String(s.userId),
          available: {
            // Gate: user_id 0 means the sub-account has not opened a cross margin account.
            user_id: s.portfolio.crossMargin ? s.userId : 0,
            locked: false,
            balances: Object.fromEntries(
              (s.portfolio.crossMargin ?? []).map((c) => [
                c.currency,
                { available: c.available, freeze: c.freeze, borrowed: c.borrowed, interest: c.interest },
              ]),
            ),
            // Gate's own USDT figures are discounted collateral values: the client never values from them.
            total: '0',
            borrowed: '0',
            net: '0',
          },
        })),
      };
    case 'sub_account_margin_balances':
      return {
        ok: true,
        body: subs.map((s) => ({
          uid: String(s.userId),
          available: (s.portfolio.margin ?? []).map((p) => ({
            currency_pair: p.currencyPair,
            account_type: 'risk',
            leverage: '3',
            locked: false,
            base: { ...p.base },
            quote: { ...p.quote },
          })),
        })),
      };
  }
}

/** Read permissions a key holds unless told otherwise (SimKey.permissions). */
const READ_PERMISSIONS: readonly SimPermission[] = ['wallet', 'spot', 'futures', 'earn', 'unified', 'account'];

/**
 * The key's own AccountKeyInfo, as the SDKs type main_keys' answer (one object, times as
 * strings of Unix seconds): its permissions with `read_only`, its whitelist, state and times.
 */
function mainKeysBody(key: SimKey | null, portfolio: SimPortfolio, startedAt: number, userId: number): Record<string, unknown> {
  const writes = new Set(key?.writePermissions ?? []);
  const held = READ_PERMISSIONS.filter((p) => (p === 'wallet' ? key?.walletRead !== false : true) && key?.permissions?.[p] !== false);
  const names = [...new Set<string>([...held, ...writes])];
  const created = key?.createdAt ?? startedAt;
  const seconds = (ms: number): string => String(Math.floor(ms / 1000));
  return {
    state: key?.state ?? 1,
    mode: portfolio.unified ? 2 : 1,
    name: 'gate-glance',
    currency_pairs: [],
    user_id: userId,
    ip_whitelist: [...(key?.allowedIps ?? [])],
    perms: names.map((name) => ({ name, read_only: !writes.has(name) })),
    key: { mode: portfolio.unified ? 2 : 1 },
    created_at: seconds(created),
    updated_at: seconds(key?.updatedAt ?? created),
    last_access: seconds(startedAt),
  };
}

/** The broken bodies of the `malformed-json` and `wrong-shape` faults, shaped after each endpoint. */
export function faultBody(endpoint: SimEndpoint, kind: 'malformed-json' | 'wrong-shape'): string {
  if (endpoint === 'total_balance') {
    return kind === 'malformed-json'
      ? '{"details": {"spot": {"amount": "12.5", "currency": "USDT"}, "total": '
      : JSON.stringify({ total: { amount: 12.5, currency: 'USDT' } });
  }
  if (kind === 'malformed-json') return '[{"currency": "BTC", "available": "0.5", ';
  // Numbers where Gate sends decimal strings: a client must refuse, not guess.
  return JSON.stringify(
    endpoint.startsWith('futures') || endpoint === 'unified_accounts'
      ? { total: 12.5, balances: [1] }
      : [{ currency: 'BTC', available: 0.5, amount: 0.5, last: 1 }],
  );
}
