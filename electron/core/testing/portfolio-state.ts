/** PortfolioStates for the readers' tests (the combined history, the tray, alerts), built from sources through shared/portfolio.ts. */
import type { Currency } from '../../../shared/balance.js';
import type { Change24h } from '../../../shared/change.js';
import { appError } from '../../../shared/errors.js';
import { combineSources, keySourceId, subAccountSourceId, type PortfolioState, type Source } from '../../../shared/portfolio.js';

/** A key's own account with `amount` (null: never read, in error). */
export function keySourceOf(profile: string, amount: string | null, extra: Partial<Source> = {}): Source {
  return {
    id: keySourceId(profile),
    kind: 'key',
    profile,
    uid: null,
    name: profile,
    total: amount === null ? null : { currency: 'USDT', amount },
    estimated: false,
    partial: false,
    covers: amount === null ? [] : ['spot'],
    unpriced: [],
    status: amount === null ? 'error' : 'ok',
    error: amount === null ? appError('NETWORK') : null,
    fetchedAt: amount === null ? null : 1000,
    rate: null,
    accounts: amount === null ? [] : [{ name: 'spot', amount }],
    ...extra,
  };
}

/** A sub-account read through the `default` key, valued from its spot balances (estimated, partial). */
export function subSourceOf(uid: string, amount: string | null, extra: Partial<Source> = {}): Source {
  return {
    ...keySourceOf('default', amount),
    id: subAccountSourceId('default', uid),
    kind: 'sub-account',
    uid,
    name: `bot${uid}`,
    estimated: true,
    partial: true,
    rate: amount === null ? null : 'identity',
    ...extra,
  };
}

/** The portfolio of `sources` in `currency` (USDT by default), combined as the app combines it. */
export function portfolioOf(sources: readonly Source[], extra: { currency?: Currency; change24h?: Change24h | null } = {}): PortfolioState {
  const currency = extra.currency ?? 'USDT';
  return { currency, sources, combined: combineSources(sources, currency), change24h: extra.change24h ?? null };
}
