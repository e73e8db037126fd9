/**
 * The headline: Gate's estimated total in the shown currency, rounded to the currency's
 * usual digits, with every digit Gate sent on hover and on the copy button.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { BalanceSnapshot } from '../../../shared/balance.js';
import { displayAmount, exactMoney } from '../../../shared/present/amounts.js';
import { asOfTime } from '../../../shared/present/dates.js';
import { useWords } from '../lib/words.js';
import { Breakable } from './Breakable.js';

/** Props: the snapshot to show and whether amounts are masked. */
export interface TotalHeaderProps {
  readonly balance: BalanceSnapshot;
  readonly privacy: boolean;
  /** The ticking clock: data from another day gets its date, not just a time. */
  readonly now: number;
  /** What sits right under the figure: the 24-hour change. */
  readonly children?: ReactNode;
  /**
   * The one line under the card, in place of "as of": a stale refresh's status line, or the
   * currency switch on its way. The line keeps its height in every state, so nothing moves.
   */
  readonly foot?: ReactNode;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** "Estimated net worth", the total, PnL/borrowed when Gate sent them, and "as of" (or the foot) under the card. */
export function TotalHeader({ balance, privacy, now, children, foot = null }: TotalHeaderProps) {
  const words = useWords();
  const [copy, setCopy] = useState<CopyState>('idle');
  const { total, currency } = balance;
  const shown = displayAmount(words, total.amount, currency, { privacy });
  const full = (amount: string): string => exactMoney(words, amount, currency, privacy);
  // Long figures step down in size instead of wrapping across three lines.
  const size = shown.length > 22 ? ' size-s' : shown.length > 15 ? ' size-m' : '';

  useEffect(() => {
    if (copy === 'idle') return undefined;
    const id = setTimeout(() => setCopy('idle'), 2500);
    return () => clearTimeout(id);
  }, [copy]);

  const onCopy = async () => {
    try {
      // The exact string Gate sent: no grouping, no rounding, pastes into any spreadsheet.
      await navigator.clipboard.writeText(total.amount);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <>
      <section className="total" aria-labelledby="total-label" data-testid="total">
        <div className="total-head">
          <span id="total-label" className="eyebrow">
            {words.t('total.label')}
          </span>
          <span className="spacer" />
          <span className="copy-feedback" role="status" data-testid="copy-feedback">
            {copy === 'copied' ? words.t('total.copied') : copy === 'failed' ? words.t('total.copy-failed') : ''}
          </span>
          <button
            type="button"
            className="icon-button"
            data-testid="copy-total"
            aria-label={words.t('total.copy')}
            title={words.t(privacy ? 'total.copy-private' : 'total.copy-title')}
            disabled={privacy}
            onClick={() => void onCopy()}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
              <path d="M3 11V3.5A1.5 1.5 0 0 1 4.5 2H11" fill="none" stroke="currentColor" strokeWidth="1.4" />
            </svg>
          </button>
        </div>
        <div className="total-row">
          <span
            className={`total-amount${size}${privacy ? ' masked' : ''}`}
            data-testid="total-amount"
            title={privacy ? undefined : full(total.amount)}
          >
            <Breakable text={shown} />
          </span>
          <span className="total-code">{currency}</span>
        </div>
        {children}
        {total.unrealisedPnl !== null || total.borrowed !== null ? (
          <dl className="total-extra">
            {total.unrealisedPnl !== null ? (
              <div>
                <dt>{words.t('total.unrealised-pnl')}</dt>
                <dd data-testid="total-pnl" title={full(total.unrealisedPnl)}>
                  {displayAmount(words, total.unrealisedPnl, currency, { privacy })}
                </dd>
              </div>
            ) : null}
            {total.borrowed !== null ? (
              <div>
                <dt>{words.t('total.borrowed')}</dt>
                <dd data-testid="total-borrowed" title={full(total.borrowed)}>
                  {displayAmount(words, total.borrowed, currency, { privacy })}
                </dd>
              </div>
            ) : null}
          </dl>
        ) : null}
      </section>
      <div className="total-foot" data-testid="total-foot">
        {foot ?? (
          <div className="as-of" data-testid="as-of">
            {words.t('total.as-of', { time: asOfTime(words, balance.fetchedAt, now) })}
          </div>
        )}
      </div>
    </>
  );
}
