import { describe, expect, it } from 'vitest';
import type { BalanceSnapshot } from './balance.js';
import { appError } from './errors.js';
import type { Source } from './portfolio.js';
import { combineSources, convertUsdt, countOnce, failedSource, keySource, nextSource, sumByAccountType, usdtRate } from './portfolio.js';

const SNAPSHOT: BalanceSnapshot = {
  currency: 'USDT',
  total: { amount: '591702859674467879.6488202650892478553852', unrealisedPnl: null, borrowed: null },
  accounts: [{ name: 'quant', amount: '591702859674467879.6488202650892478553852', unrealisedPnl: null, borrowed: null }],
  fetchedAt: 1000,
};

function sub(uid: string, amount: string | null, extra: Partial<Source> = {}): Source {
  return {
    id: `sub:default:${uid}`,
    kind: 'sub-account',
    profile: 'default',
    uid,
    name: `bot${uid}`,
    total: amount === null ? null : { currency: 'USDT', amount },
    estimated: true,
    partial: true,
    covers: ['spot'],
    unpriced: [],
    status: amount === null ? 'error' : 'ok',
    error: null,
    fetchedAt: 1000,
    rate: 'identity',
    accounts: amount === null ? [] : [{ name: 'spot', amount }],
    ...extra,
  };
}

describe('the portfolio of sources', () => {
  it("takes a key's total verbatim from Gate's answer, not estimated and not partial", () => {
    expect(keySource('default', '10001', SNAPSHOT)).toMatchObject({
      id: 'key:default',
      kind: 'key',
      uid: '10001',
      total: { currency: 'USDT', amount: '591702859674467879.6488202650892478553852' },
      estimated: false,
      partial: false,
      covers: ['quant'],
      status: 'ok',
    });
  });

  it('sums 40-digit totals exactly and says what the sum includes', () => {
    const sources = [keySource('default', null, SNAPSHOT), sub('1', '0.0000000000000000000000000000000000000001')];
    expect(combineSources(sources, 'USDT')).toEqual({
      currency: 'USDT',
      amount: '591702859674467879.6488202650892478553852000000000000000001',
      partial: true,
      estimated: true,
      stale: false,
    });
    expect(combineSources([keySource('default', null, SNAPSHOT)], 'USDT')).toMatchObject({ partial: false, estimated: false });
  });

  it('marks the sum partial when a source has no total, or one in another currency, and never adds it', () => {
    const failed = failedSource({ id: 'key:family', kind: 'key', profile: 'family', uid: null, name: 'family' }, appError('TIMEOUT'));
    expect(combineSources([keySource('default', null, SNAPSHOT), failed], 'USDT')).toMatchObject({
      amount: SNAPSHOT.total.amount,
      partial: true,
      estimated: false,
    });
    const other = sub('2', '5', { total: { currency: 'BTC', amount: '5' } });
    expect(combineSources([sub('1', '1'), other], 'USDT')).toMatchObject({ amount: '1', partial: true });
  });

  it('keeps the last good total after a failure, stale with the new error; a failure with nothing kept is an error', () => {
    const good = sub('1', '12.5');
    const failed = failedSource(
      { id: good.id, kind: 'sub-account', profile: 'default', uid: '1', name: 'renamed' },
      appError('RATE_LIMITED'),
    );
    const kept = nextSource(good, failed);
    expect(kept).toMatchObject({ status: 'stale', total: { amount: '12.5' }, name: 'renamed', error: { code: 'RATE_LIMITED' } });
    expect(combineSources([kept], 'USDT')).toMatchObject({ amount: '12.5', stale: true });
    expect(nextSource(null, failed)).toBe(failed);
    expect(nextSource(kept, sub('1', '13'))).toMatchObject({ status: 'ok', total: { amount: '13' } });
  });

  it('counts a sub-account that has its own key once, as the key', () => {
    const sources = [
      keySource('default', '10001', SNAPSHOT),
      sub('20001', '7'),
      keySource('grid', '20001', { ...SNAPSHOT, total: { ...SNAPSHOT.total, amount: '8' } }),
    ];
    expect(countOnce(sources).map((s) => s.id)).toEqual(['key:default', 'key:grid']);
    expect(combineSources(sources, 'USDT').amount).toBe('591702859674467887.6488202650892478553852');
  });

  it("converts USDT at Gate's own rate from the main totals, else says which rate it used", () => {
    const gate = usdtRate('CNY', { usdt: '100', inCurrency: '724.31' }, {});
    expect(gate.basis).toBe('gate-totals');
    expect(convertUsdt('3474', gate)).toBe('25162.5294');
    expect(convertUsdt('1', usdtRate('BTC', { usdt: '3', inCurrency: '1' }, {}))).toBe('0.3333333333333333333333333333333333333333');
    expect(usdtRate('BTC', { usdt: '0', inCurrency: '0' }, { BTC_USDT: '80000' })).toMatchObject({ basis: 'btc-ticker' });
    expect(convertUsdt('4000', usdtRate('BTC', { usdt: null, inCurrency: null }, { BTC_USDT: '80000' }))).toBe('0.05');
    expect(convertUsdt('12.5', usdtRate('USD', { usdt: null, inCurrency: null }, {}))).toBe('12.5');
    expect(usdtRate('USD', { usdt: null, inCurrency: null }, {}).basis).toBe('usd-par');
    const none = usdtRate('CNY', { usdt: '0', inCurrency: '0' }, {});
    expect([none.basis, convertUsdt('1', none)]).toEqual(['none', null]);
    expect(usdtRate('USDT', { usdt: null, inCurrency: null }, {}).basis).toBe('identity');
  });
});

describe('by account type', () => {
  it('sums each account name over the counted sources exactly, skipping a sub-account counted as its own key', () => {
    const key = keySource('default', '10001', {
      ...SNAPSHOT,
      accounts: [
        { name: 'spot', amount: '0.1', unrealisedPnl: null, borrowed: null },
        { name: 'futures', amount: '-2.5', unrealisedPnl: null, borrowed: null },
      ],
    });
    const own = keySource('family', '7', { ...SNAPSHOT, accounts: [{ name: 'spot', amount: '0.2', unrealisedPnl: null, borrowed: null }] });
    const sources = [
      key,
      sub('7', '1000'), // also read through its own key: counted once, as the key
      sub('8', '0.0000000000000000000000000000000000000001', {
        accounts: [
          { name: 'spot', amount: '0.0000000000000000000000000000000000000001' },
          { name: 'margin', amount: '3' },
        ],
      }),
      own,
      sub('9', null),
    ];
    expect(sumByAccountType(sources, 'USDT')).toEqual([
      { name: 'spot', amount: '0.3000000000000000000000000000000000000001' },
      { name: 'futures', amount: '-2.5' },
      { name: 'margin', amount: '3' },
    ]);
    expect(sumByAccountType(sources, 'BTC')).toEqual([]);
  });
});

describe('each account once', () => {
  it('keeps the first of two keys of the same Gate account, and keys whose account is unknown', () => {
    const first = keySource('default', '10001', SNAPSHOT);
    const again = keySource('family', '10001', SNAPSHOT);
    const unknown = keySource('work', null, SNAPSHOT);
    const unknownToo = keySource('work2', null, SNAPSHOT);
    expect(countOnce([first, again, unknown, unknownToo]).map((s) => s.id)).toEqual(['key:default', 'key:work', 'key:work2']);
    expect(combineSources([first, again], 'USDT').amount).toBe(SNAPSHOT.total.amount);
  });
});
