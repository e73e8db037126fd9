/**
 * A sub-account's value from its balances, by the holdings rules (shared/holdings.ts
 * `priceInUsdt`: USDT 1, COIN_USDT last, else COIN_BTC × BTC_USDT, else unpriced): Σ quantity ×
 * price over the products that could be read, in USDT, exactly; then into the shown currency at
 * the rate `usdtRate` chose. Always an estimate and always partial: Gate gives a main key no
 * sub-account balance for earn, unified, options and the rest.
 */
import type { Currency } from '../../../shared/balance.js';
import { multiplyDecimals, signOfDecimal, sumDecimals } from '../../../shared/decimal.js';
import type { AppError } from '../../../shared/errors.js';
import { appError } from '../../../shared/errors.js';
import { priceInUsdt } from '../../../shared/holdings.js';
import type { Source, UsdtRate } from '../../../shared/portfolio.js';
import { convertUsdt, failedSource, SUB_ACCOUNT_PRODUCTS, subAccountSourceId } from '../../../shared/portfolio.js';
import type { SubAccountBalances } from './sub-account-reader.js';
import type { SubAccountRecord } from './sub-account-schema.js';

/** The name a sub-account is shown by: its login name, else its remark, else its uid. */
function subAccountName(record: SubAccountRecord): string {
  return record.loginName || record.remark || record.uid;
}

/** One sub-account as a source of the portfolio in `currency`. */
export function valueSubAccount(
  profile: string,
  record: SubAccountRecord,
  read: SubAccountBalances,
  rate: UsdtRate,
  currency: Currency,
): Source {
  const base = {
    id: subAccountSourceId(profile, record.uid),
    kind: 'sub-account' as const,
    profile,
    uid: record.uid,
    name: subAccountName(record),
  };
  if (!read.tickers.ok) return failedSource(base, read.tickers.error);
  const tickers = read.tickers.value;
  const covers: string[] = [];
  const values: string[] = [];
  const byProduct: { readonly name: string; readonly usdt: string[] }[] = [];
  const unpriced = new Set<string>();
  let firstError: AppError | null = null;
  for (const product of SUB_ACCOUNT_PRODUCTS) {
    const coins = read.products[product];
    if (!coins.ok) {
      firstError ??= coins.error;
      continue;
    }
    covers.push(product);
    const productValues: string[] = [];
    byProduct.push({ name: product, usdt: productValues });
    for (const coin of coins.value.get(record.uid) ?? []) {
      if (signOfDecimal(coin.quantity) === 0) continue;
      const price = priceInUsdt(coin.coin, tickers);
      if (price === null) unpriced.add(coin.coin);
      else {
        const value = multiplyDecimals(coin.quantity, price);
        values.push(value);
        productValues.push(value);
      }
    }
  }
  if (covers.length === 0) return failedSource(base, firstError ?? appError('INTERNAL', { reason: 'unexpected' }));
  const amount = convertUsdt(sumDecimals(values), rate);
  if (amount === null) return failedSource(base, appError('INVALID_CURRENCY', { reason: 'no-rate', currency }));
  return {
    ...base,
    total: { currency, amount },
    estimated: true,
    partial: true,
    covers,
    unpriced: [...unpriced].sort(),
    status: 'ok',
    error: firstError,
    fetchedAt: read.fetchedAt,
    rate: rate.basis,
    // Each product converted on its own: with a truncating rate the parts may differ from the total in the 40th digit.
    accounts: byProduct
      .filter((p) => p.usdt.length > 0)
      .map((p) => ({ name: p.name, amount: convertUsdt(sumDecimals(p.usdt), rate) ?? '0' })),
  };
}
