/**
 * The same breakdown as a real table: readable by screen readers, selectable and copyable.
 * Every account is listed (zero and negative too); shares of the positive ones add to 100.00.
 */
import type { BalanceSummary } from '../../../shared/accounts.js';
import type { BalanceSnapshot } from '../../../shared/balance.js';
import { Breakable } from './Breakable.js';
import { displayAmount, displayShare, fullAmount } from '../lib/format.js';

/** Props: the snapshot, its summary, and privacy. */
export interface BreakdownTableProps {
  readonly balance: BalanceSnapshot;
  readonly summary: BalanceSummary;
  readonly privacy: boolean;
}

/** `<table>` with caption, column headers, one row header per account and a total row. */
export function BreakdownTable({ balance, summary, privacy }: BreakdownTableProps) {
  const { currency } = balance;
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
          {summary.accounts.map((a) => (
            <tr key={a.name} data-testid={`row-${a.name}`}>
              <th scope="row">{a.label}</th>
              <td className="num" title={fullAmount(a.amount, currency, privacy)}>
                <Breakable text={displayAmount(a.amount, currency, privacy)} />
              </td>
              <td className="num" data-testid="row-share">
                {a.sign > 0 ? displayShare(a.share, privacy) : a.sign < 0 ? 'below zero' : 'empty'}
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
            <td className="num">{summary.positive.length > 0 ? displayShare('100.00', privacy) : ''}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
