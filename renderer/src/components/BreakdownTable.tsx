/**
 * The same breakdown as a real table: readable by screen readers, selectable and copyable.
 * Every account is listed (zero and negative too); shares of the positive ones add to 100.00.
 * In privacy mode every amount and share cell is the same mask and the rows are in
 * alphabetical order, so neither the words "empty"/"below zero" nor the ranking give anything away.
 */
import type { BalanceSummary } from '../../../shared/accounts.js';
import type { BalanceSnapshot } from '../../../shared/balance.js';
import { Breakable } from './Breakable.js';
import { PRIVACY_MASK } from '../../../shared/widget-state.js';
import { displayAmount, displayShare, fullAmount } from '../lib/format.js';
import { privateSlices } from '../lib/slices.js';

/** Props: the snapshot, its summary, and privacy. */
export interface BreakdownTableProps {
  readonly balance: BalanceSnapshot;
  readonly summary: BalanceSummary;
  readonly privacy: boolean;
  /** Activating an account's name opens its holdings. */
  readonly onOpenAccount?: (account: string) => void;
}

/** `<table>` with caption, column headers, one row header per account and a total row. */
export function BreakdownTable({ balance, summary, privacy, onOpenAccount }: BreakdownTableProps) {
  const { currency } = balance;
  const rows = privacy ? privateSlices(summary.accounts).flatMap((s) => s.members) : summary.accounts;
  return (
    <div className="table-wrap">
      <table className="breakdown-table" data-testid="breakdown-table">
        <caption>Accounts in {currency} (estimated)</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.name} data-testid={`row-${a.name}`}>
              <th scope="row">
                {onOpenAccount ? (
                  <button type="button" className="link-button row-open" data-testid={`open-${a.name}`} onClick={() => onOpenAccount(a.name)}>
                    {a.label}
                  </button>
                ) : (
                  a.label
                )}
              </th>
              <td className="num" title={fullAmount(a.amount, currency, privacy)}>
                <Breakable text={displayAmount(a.amount, currency, privacy)} />
              </td>
              <td className="num" data-testid="row-share">
                {privacy ? PRIVACY_MASK : a.sign > 0 ? displayShare(a.share, false) : a.sign < 0 ? 'below zero' : 'empty'}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num" title={fullAmount(balance.total.amount, currency, privacy)}>
              <Breakable text={displayAmount(balance.total.amount, currency, privacy)} />
            </td>
            <td className="num">{privacy ? PRIVACY_MASK : summary.positive.length > 0 ? displayShare('100.00', false) : ''}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
