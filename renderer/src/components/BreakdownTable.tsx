/**
 * The same breakdown as a real table: readable by screen readers, selectable and copyable.
 * Every account is listed (zero and negative too); shares of the positive ones add to 100.00.
 * In privacy mode every amount and share cell is the same mask and the rows are in
 * alphabetical order, so neither the words "empty"/"below zero" nor the ranking give anything away.
 */
import type { BalanceSummary } from '../../../shared/accounts.js';
import type { BalanceSnapshot } from '../../../shared/balance.js';
import { displayAmount, displayShare, exactMoney } from '../../../shared/present/amounts.js';
import { unaccountedView } from '../../../shared/present/unaccounted.js';
import { privateSlices } from '../lib/slices.js';
import { useWords } from '../lib/words.js';
import { Breakable } from './Breakable.js';

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
  const words = useWords();
  const { currency } = balance;
  const rows = privacy ? privateSlices(summary.accounts).flatMap((s) => s.members) : summary.accounts;
  // Last row of the body, so the amounts column adds up to the total below it.
  const unaccounted = unaccountedView(words, summary.unaccounted, currency, { privacy });
  return (
    <div className="table-wrap">
      <table className="breakdown-table" data-testid="breakdown-table">
        <caption>{words.t('breakdown.table-caption', { currency })}</caption>
        <thead>
          <tr>
            <th scope="col">{words.t('breakdown.table-account')}</th>
            <th scope="col" className="num">
              {words.t('breakdown.table-amount')}
            </th>
            <th scope="col" className="num">
              {words.t('breakdown.table-share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.name} data-testid={`row-${a.name}`}>
              <th scope="row">
                {onOpenAccount ? (
                  <button
                    type="button"
                    className="link-button row-open"
                    data-testid={`open-${a.name}`}
                    onClick={() => onOpenAccount(a.name)}
                  >
                    {a.label}
                  </button>
                ) : (
                  a.label
                )}
              </th>
              <td className="num" title={exactMoney(words, a.amount, currency, privacy)}>
                <Breakable text={displayAmount(words, a.amount, currency, { privacy })} />
              </td>
              <td className="num" data-testid="row-share">
                {privacy || a.sign > 0
                  ? displayShare(words, a.share, privacy)
                  : words.t(a.sign < 0 ? 'breakdown.table-below-zero' : 'breakdown.table-empty')}
              </td>
            </tr>
          ))}
          {unaccounted ? (
            <tr className="unaccounted" data-testid="row-unaccounted">
              <th scope="row">{unaccounted.label}</th>
              <td className="num" title={unaccounted.note}>
                <Breakable text={unaccounted.amount} />
              </td>
              <td className="num" />
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{words.t('breakdown.table-total')}</th>
            <td className="num" title={exactMoney(words, balance.total.amount, currency, privacy)}>
              <Breakable text={displayAmount(words, balance.total.amount, currency, { privacy })} />
            </td>
            <td className="num">{privacy || summary.positive.length > 0 ? displayShare(words, '100.00', privacy) : ''}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
