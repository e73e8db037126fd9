/**
 * The `holdings:get` answer: one account's holdings view from the HoldingsService and the
 * balance snapshot the popover shows (whose figure for the account the coins are shared out
 * against, so they add up to exactly its pie slice). Accounts Gate has no per-coin endpoint for
 * answer their total only; a failure is a value for the holdings view alone. The view is as old as
 * the oldest answer its figures come from: the coins and prices, and the snapshot whose figure the
 * values are shared out against (read after it, the coins alone would give a later time than the
 * total the view adds up to).
 */
import type { BalanceSnapshot } from '../../../shared/balance.js';
import type { Result } from '../../../shared/errors.js';
import { ok } from '../../../shared/errors.js';
import type { HoldingsView } from '../../../shared/holdings.js';
import { holdingsView, isHoldingsAccount } from '../../../shared/holdings.js';
import type { HoldingsRequest } from '../../../shared/ipc.js';
import type { HoldingsService } from './holdings-service.js';

/** Reads one account's holdings; `snapshot` is the balance shown now (null before the first one). */
export async function readHoldingsView(
  service: HoldingsService,
  request: HoldingsRequest,
  snapshot: BalanceSnapshot | null,
): Promise<Result<HoldingsView>> {
  const { account, currency } = request;
  const shown = snapshot !== null && snapshot.currency === currency ? snapshot : null;
  const amount = shown?.accounts.find((a) => a.name === account)?.amount ?? null;
  if (!isHoldingsAccount(account)) return ok(holdingsView(account, currency, amount, null, null));
  const read = await service.breakdown(account, currency, amount);
  if (!read.ok) return read;
  const fetchedAt = amount !== null && shown !== null ? Math.min(read.value.fetchedAt, shown.fetchedAt) : read.value.fetchedAt;
  return ok(holdingsView(account, currency, amount, read.value.breakdown, fetchedAt));
}
