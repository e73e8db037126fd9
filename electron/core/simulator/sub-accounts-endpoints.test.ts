/**
 * The sub-account endpoints of the simulator, against what Gate documents. Read for this (gate-api
 * 7.2.144 as installed: dist/api/walletApi.js, subAccountApi.js, dist/model/*; gateapi-nodejs and
 * gateapi-python docs/*.md of 2025-07-31):
 *
 * - `GET /sub_accounts?type=` → [SubAccount {remark, login_name, state 1 normal | 2 locked,
 *   type 1 regular | 3 cross margin, user_id, create_time}]. `type=0` lists every type; without
 *   `type` only regular sub-accounts are listed (docs/SubAccountApi.md), so the client sends `type=0`.
 *   No paging parameters.
 * - `GET /wallet/sub_account_balances?sub_uid=a,b&page=&limit=` → [{uid, available: {COIN: amount},
 *   locking: {COIN: amount}}]. `sub_uid`: "you can query multiple records separated by `,`. If not
 *   specified, it will return records of all sub-accounts". 7.2.144 adds `page`, `limit` and
 *   `locking`: so `available` does NOT include locked amounts; a sub-account's spot holding is
 *   available + locking. ASSUMPTION: `limit` ≤ 100 (Gate's usual page).
 * - `GET /wallet/sub_account_futures_balances?sub_uid=&settle=` → [{uid, available: {settle:
 *   FuturesAccount {total, unrealised_pnl, currency, …}}}]. No paging parameters.
 *   ASSUMPTION: the map's key is the settle as asked (`usdt`); the client reads `currency` first.
 * - `GET /wallet/sub_account_cross_margin_balances?sub_uid=` → [{uid, available: SubCrossMarginAccount
 *   {user_id (0: never opened), balances: {COIN: {available, freeze, borrowed, interest}}, total,
 *   borrowed, net}}]. Gate's `total` is Σ (available+freeze) × price × *discount*: a collateral
 *   value, not a market value, so the client values the coins itself.
 * - `GET /wallet/sub_account_margin_balances?sub_uid=` → [{uid, available: [MarginAccount
 *   {currency_pair, base, quote: {currency, available (= margin + borrowed), locked, borrowed, interest}}]}].
 * - `GET /account/detail` → {user_id, …}: the account a key belongs to.
 * - Permissions: not documented per endpoint. ASSUMPTION: `/sub_accounts` needs the key's
 *   Sub-account read permission, the `/wallet/sub_account_*` reads need Wallet; a sub-account's
 *   own key is refused (403 FORBIDDEN) on all of them. Rate limits: 150 / 10 s for
 *   `/sub_accounts` (private), 200 / 10 s each for the wallet ones (DESIGN.md).
 */
import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../gate/signing.js';
import type { SimKey, SimRequest } from './handler.js';
import { createGateSimulator } from './handler.js';
import type { SimSubAccount } from './portfolio.js';
import { DEMO_PORTFOLIO, DEMO_SUB_ACCOUNTS, totalBalanceBody } from './portfolio.js';

const MAIN: SimKey = { key: 'main', secret: 's-main' };
const NOW = 1_764_080_000_000;
const clock = { now: () => NOW };

function signed(target: string, key: SimKey = MAIN): SimRequest {
  const [path, query = ''] = target.split('?') as [string, string?];
  const h = signedHeaders(key.key, key.secret, { method: 'GET', path, query, body: '', timestamp: String(Math.floor(NOW / 1000)) });
  return { method: 'GET', target, headers: { key: h['KEY'], sign: h['SIGN'], timestamp: h['Timestamp'] }, remoteAddress: '127.0.0.1' };
}

async function get(
  sim: ReturnType<typeof createGateSimulator>,
  target: string,
  key: SimKey = MAIN,
): Promise<{ status: number; json: unknown }> {
  const r = await sim.handle(signed(target, key));
  if (r.kind !== 'reply') throw new Error('dropped');
  return { status: r.status, json: JSON.parse(r.body) as unknown };
}

/** n sub-accounts with one USDT coin each (the i-th holds i USDT). */
function manySubs(n: number): SimSubAccount[] {
  return Array.from({ length: n }, (_, i) => ({
    userId: 30000 + i,
    loginName: `bot_${i}`,
    portfolio: { accounts: {}, spot: [{ currency: 'USDT', available: String(i), locked: '0' }] },
  }));
}

describe('simulator sub-account endpoints', () => {
  it('lists regular sub-accounts by default and every type with type=0', async () => {
    const sim = createGateSimulator({ keys: [MAIN], clock, portfolio: DEMO_PORTFOLIO, subAccounts: DEMO_SUB_ACCOUNTS });
    expect(((await get(sim, '/api/v4/sub_accounts')).json as { user_id: number }[]).map((s) => s.user_id)).toEqual([20001]);
    const all = (await get(sim, '/api/v4/sub_accounts?type=0')).json as Record<string, unknown>[];
    expect(all.map((s) => [s['user_id'], s['login_name'], s['type'], s['state']])).toEqual([
      [20001, 'grid_bot', 1, 1],
      [20002, 'hedge_cm', 3, 1],
    ]);
  });

  it('answers spot balances per uid with available and locking apart, for a comma list of uids', async () => {
    const sim = createGateSimulator({ keys: [MAIN], clock, subAccounts: DEMO_SUB_ACCOUNTS });
    const r = await get(sim, '/api/v4/wallet/sub_account_balances?sub_uid=20001,20002');
    expect(r.json).toEqual([
      { uid: '20001', available: { USDT: '812.5', ETH: '0.25', POINT: '5' }, locking: { USDT: '187.5', ETH: '0.25', POINT: '0' } },
      { uid: '20002', available: { BTC: '0.01' }, locking: { BTC: '0' } },
    ]);
    expect((await get(sim, '/api/v4/wallet/sub_account_balances?sub_uid=20002,99999')).json).toHaveLength(1);
    expect((await get(sim, '/api/v4/wallet/sub_account_balances?sub_uid=20002;1')).json).toMatchObject({ label: 'INVALID_PARAM_VALUE' });
  });

  it('pages spot balances at 100 a page', async () => {
    const sim = createGateSimulator({ keys: [MAIN], clock, subAccounts: manySubs(230) });
    const sizes = [];
    for (const page of [1, 2, 3, 4])
      sizes.push(((await get(sim, `/api/v4/wallet/sub_account_balances?page=${page}&limit=100`)).json as unknown[]).length);
    expect(sizes).toEqual([100, 100, 30, 0]);
    expect((await get(sim, '/api/v4/wallet/sub_account_balances?limit=101')).json).toMatchObject({ label: 'INVALID_PARAM_VALUE' });
  });

  it('answers futures per settle (an unopened one is an empty map), cross margin and isolated margin coins', async () => {
    const subs: SimSubAccount[] = [
      ...DEMO_SUB_ACCOUNTS,
      {
        userId: 20003,
        loginName: 'margin',
        portfolio: {
          accounts: {},
          margin: [
            {
              currencyPair: 'ETH_USDT',
              base: { currency: 'ETH', available: '1', locked: '0', borrowed: '0.5', interest: '0.001' },
              quote: { currency: 'USDT', available: '100', locked: '0', borrowed: '0', interest: '0' },
            },
          ],
        },
      },
    ];
    const sim = createGateSimulator({ keys: [MAIN], clock, subAccounts: subs });
    const btc = (await get(sim, '/api/v4/wallet/sub_account_futures_balances?sub_uid=20001,20002&settle=btc')).json;
    expect(btc).toMatchObject([
      { uid: '20001', available: { btc: { total: '0.002', unrealised_pnl: '0.0001', currency: 'BTC' } } },
      { uid: '20002', available: {} },
    ]);
    const cross = (await get(sim, '/api/v4/wallet/sub_account_cross_margin_balances?sub_uid=20001,20002')).json;
    expect(cross).toMatchObject([
      { uid: '20001', available: { user_id: 0, balances: {} } },
      {
        uid: '20002',
        available: { user_id: 20002, balances: { USDT: { available: '500', freeze: '0', borrowed: '200', interest: '0.5' } } },
      },
    ]);
    const margin = (await get(sim, '/api/v4/wallet/sub_account_margin_balances?sub_uid=20003')).json;
    expect(margin).toMatchObject([
      { uid: '20003', available: [{ currency_pair: 'ETH_USDT', base: { currency: 'ETH', borrowed: '0.5' } }] },
    ]);
    // The sub-account's own total_balance agrees: margin is net of borrowing and interest (1 − 0.5 − 0.001) × 3400 + 100.
    const own: SimKey = { key: 'sub3', secret: 's3', userId: 20003 };
    sim.setKeys([MAIN, own]);
    const total = (await get(sim, '/api/v4/wallet/total_balance?currency=USDT', own)).json as {
      details: Record<string, { amount: string }>;
    };
    expect(total.details['margin']?.amount).toBe('1796.6');
  });

  it("serves a sub-account's own key its own portfolio and user id, and refuses it the sub-account endpoints", async () => {
    const own: SimKey = { key: 'grid', secret: 's-grid', userId: 20001 };
    const sim = createGateSimulator({ keys: [MAIN, own], clock, portfolio: DEMO_PORTFOLIO, subAccounts: DEMO_SUB_ACCOUNTS });
    expect((await get(sim, '/api/v4/account/detail', own)).json).toMatchObject({ user_id: 20001 });
    expect((await get(sim, '/api/v4/account/detail')).json).toMatchObject({ user_id: 10001 });
    const total = (await get(sim, '/api/v4/wallet/total_balance?currency=USDT', own)).json as { total: { amount: string } };
    expect(total.total.amount).toBe(
      (totalBalanceBody(DEMO_SUB_ACCOUNTS[0]!.portfolio, 'USDT') as { total: { amount: string } }).total.amount,
    );
    const refused = await get(sim, '/api/v4/wallet/sub_account_balances', own);
    expect([refused.status, (refused.json as { label: string }).label]).toEqual([403, 'FORBIDDEN']);
  });

  it('keeps another key its own account, and refuses a key without the permission per endpoint', async () => {
    const family: SimKey = { key: 'fam', secret: 's-fam', userId: 40001, portfolio: { accounts: { spot: { amount: '123.45' } } } };
    const noSub: SimKey = { key: 'nosub', secret: 's-nosub', permissions: { sub_account: false } };
    const noWallet: SimKey = { key: 'nowal', secret: 's-nowal', permissions: { wallet: false } };
    const sim = createGateSimulator({ keys: [MAIN, family, noSub, noWallet], clock, subAccounts: DEMO_SUB_ACCOUNTS });
    expect((await get(sim, '/api/v4/wallet/total_balance', family)).json).toMatchObject({ total: { amount: '123.45' } });
    expect((await get(sim, '/api/v4/sub_accounts?type=0', family)).json).toEqual([]);
    expect((await get(sim, '/api/v4/sub_accounts?type=0', noSub)).json).toMatchObject({ label: 'FORBIDDEN' });
    expect((await get(sim, '/api/v4/wallet/sub_account_balances', noSub)).status).toBe(200);
    expect((await get(sim, '/api/v4/wallet/sub_account_balances', noWallet)).json).toMatchObject({ label: 'FORBIDDEN' });
    expect((await get(sim, '/api/v4/sub_accounts?type=0', noWallet)).status).toBe(200);
  });

  it('rate-limits each wallet endpoint per key at 200 / 10 s, and faults one endpoint alone', async () => {
    const other: SimKey = { key: 'other', secret: 's-other' };
    const sim = createGateSimulator({ keys: [MAIN, other], clock, subAccounts: DEMO_SUB_ACCOUNTS });
    for (let i = 0; i < 200; i += 1) await sim.handle(signed('/api/v4/wallet/sub_account_balances'));
    expect((await get(sim, '/api/v4/wallet/sub_account_balances')).json).toMatchObject({ label: 'TOO_MANY_REQUESTS' });
    expect((await get(sim, '/api/v4/wallet/sub_account_balances', other)).status).toBe(200);
    expect((await get(sim, '/api/v4/wallet/sub_account_futures_balances?settle=usdt')).status).toBe(200);
    sim.setFault({ kind: 'rate-limit' }, 1, 'sub_account_futures_balances');
    expect((await get(sim, '/api/v4/wallet/sub_account_futures_balances?settle=usdt')).status).toBe(429);
    expect((await get(sim, '/api/v4/wallet/sub_account_futures_balances?settle=usdt')).status).toBe(200);
  });
});
