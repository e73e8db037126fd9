/**
 * The `holdings:get` answer: one account's holdings view from the HoldingsService and the
 * balance snapshot the popover shows (whose figure for the account the coins are shared out
 * against, so they add up to exactly its pie slice). Accounts Gate has no per-coin endpoint for
 * answer their total only; a failure is a value for the holdings view alone.
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
  const amount =
    snapshot !== null && snapshot.currency === currency ? (snapshot.accounts.find((a) => a.name === account)?.amount ?? null) : null;
  if (!isHoldingsAccount(account)) return ok(holdingsView(account, currency, amount, null, null));
  const read = await service.breakdown(account, currency, amount);
  if (!read.ok) return read;
  return ok(holdingsView(account, currency, amount, read.value.breakdown, read.value.fetchedAt));
}
