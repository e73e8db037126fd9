/**
 * One key's sources in one read: its own account (Gate's total) and, when its sub-accounts are
 * included, each sub-account valued from its balances. A failure is always some source's state:
 * the key's total failing makes the key's source an error, a sub-account list the key may not
 * read is one sub-account source in error ("this key cannot list sub-accounts"), a product the
 * key may not read leaves the sub-accounts partial with that error. Never a failure of the read.
 */
import type { Currency, DecimalString } from '../../../shared/balance.js';
import type { Result } from '../../../shared/errors.js';
import type { Source } from '../../../shared/portfolio.js';
import { failedSource, keySource, keySourceId, subAccountSourceId, usdtRate } from '../../../shared/portfolio.js';
import type { AccountDetailInfo } from '../gate/key-schema.js';
import type { BalanceResult } from '../gate/types.js';
import type { SubAccountReader } from './sub-account-reader.js';
import { valueSubAccount } from './sub-account-value.js';

/** What a profile's read needs of the Gate client (GateClient). */
interface ProfileClient {
  getTotalBalance(currency: Currency, options?: { readonly signal?: AbortSignal }): Promise<BalanceResult>;
  getAccountDetail(options?: { readonly signal?: AbortSignal }): Promise<Result<AccountDetailInfo>>;
}

export interface ProfileReadOptions {
  readonly profile: string;
  readonly client: ProfileClient;
  readonly currency: Currency;
  /** Set: the key's sub-accounts are included (read through this reader). */
  readonly subAccounts?: SubAccountReader;
  /** Also ask Gate whose account the key is (`/account/detail`), to count a sub-account with its own key once. */
  readonly identify?: boolean;
  readonly signal?: AbortSignal;
}

/** The key's own answer (what `balance` shows today) and every source it reads. */
export interface ProfileRead {
  readonly total: BalanceResult;
  readonly sources: readonly Source[];
}

/** Reads one profile: its total in `currency` (and in USDT for Gate's rate), its user id, its sub-accounts, all at once. */
export async function readProfileSources(options: ProfileReadOptions): Promise<ProfileRead> {
  const { profile, client, currency, subAccounts } = options;
  const call = options.signal ? { signal: options.signal } : {};
  const needsUsdt = subAccounts !== undefined && currency !== 'USDT';
  const [total, usdt, detail, list] = await Promise.all([
    client.getTotalBalance(currency, call),
    needsUsdt ? client.getTotalBalance('USDT', call) : Promise.resolve(null),
    options.identify ? client.getAccountDetail(call) : Promise.resolve(null),
    subAccounts ? subAccounts.list(call) : Promise.resolve(null),
  ]);
  const uid = detail?.ok ? (detail.value.userId ?? null) : null;
  const keyBase = { id: keySourceId(profile), kind: 'key' as const, profile, uid, name: profile };
  const sources: Source[] = [total.ok ? keySource(profile, uid, total.balance) : failedSource(keyBase, total.error)];
  if (subAccounts === undefined || list === null) return { total, sources };
  if (!list.ok) {
    sources.push(
      failedSource({ id: subAccountSourceId(profile, '*'), kind: 'sub-account', profile, uid: null, name: profile }, list.error),
    );
    return { total, sources };
  }
  if (list.value.length === 0) return { total, sources };
  const read = await subAccounts.balances(
    list.value.map((s) => s.uid),
    call,
  );
  const mainUsdt: DecimalString | null =
    currency === 'USDT' ? (total.ok ? total.balance.total.amount : null) : usdt?.ok ? usdt.balance.total.amount : null;
  const rate = usdtRate(
    currency,
    { usdt: mainUsdt, inCurrency: total.ok ? total.balance.total.amount : null },
    read.tickers.ok ? read.tickers.value : {},
  );
  for (const record of list.value) sources.push(valueSubAccount(profile, record, read, rate, currency));
  return { total, sources };
}
