/**
 * One account's holdings: coin, quantity, value and share of the account, by value, with the
 * coins under 0.1 % folded into "Small balances". It asks main only while it is open (on open,
 * on a currency change, then once a minute: main caches each endpoint for 60 s anyway). A
 * failure is shown here, with the key action where a permission is missing, and never touches
 * the total. Privacy mode masks quantities, values and shares alike and lists every coin
 * alphabetically, unfolded, so neither ranking nor folding tells which coin is large.
 * Loaded lazily: the first view's JavaScript does not carry it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Currency } from '../../../shared/balance.js';
import { formatAmount } from '../../../shared/decimal.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { isKeyError } from '../../../shared/errors.js';
import type { HoldingRow, HoldingsView } from '../../../shared/holdings.js';
import type { HoldingsRequest } from '../../../shared/ipc.js';
import { displayAmount, displayMoney, displayShare, exactMoney, PRIVACY_MASK } from '../../../shared/present/amounts.js';
import { asOfTime } from '../../../shared/present/dates.js';
import { errorWords } from '../../../shared/present/error-words.js';
import type { Words } from '../../../shared/present/words.js';
import { useFocusOnOpen } from '../lib/use-focus-on-open.js';
import { useWords } from '../lib/words.js';
import { Breakable } from './Breakable.js';

/** Reloads while open, at Gate's cache period. */
const RELOAD_MS = 60_000;

/** What the panel shows and how it reaches main. */
export interface HoldingsPanelProps {
  readonly account: string;
  readonly label: string;
  readonly currency: Currency;
  readonly privacy: boolean;
  readonly now: number;
  readonly load: (request: HoldingsRequest) => Promise<Result<HoldingsView>>;
  readonly onBack: () => void;
  readonly onFixKey: () => void;
  /** The portfolio source the account belongs to (`key:family`, `sub:default:123`); absent: the first key's. */
  readonly source?: string;
}

type Loaded = { readonly view: HoldingsView | null; readonly error: AppError | null };

function quantityText(words: Words, value: string, privacy: boolean): string {
  return privacy
    ? PRIVACY_MASK
    : formatAmount(value, { currency: 'USDT', precision: 'full', ...(words.numberLocale ? { locale: words.numberLocale } : {}) });
}

function valueCell(words: Words, row: HoldingRow, currency: Currency, privacy: boolean): string {
  if (privacy) return PRIVACY_MASK;
  if (row.priceUsdt === null) return words.t('holdings.no-price');
  if (row.value !== null) return displayAmount(words, row.value, currency, { privacy: false });
  return row.valueUsdt !== null && row.valueUsdt.startsWith('-') ? words.t('breakdown.table-below-zero') : words.t('cli.table.no-share');
}

function shareCell(words: Words, row: HoldingRow, privacy: boolean): string {
  if (privacy) return PRIVACY_MASK;
  // Only positive priced coins are shared out; the rest are listed without a share.
  const positive = row.valueUsdt !== null && !row.valueUsdt.startsWith('-') && /[1-9]/.test(row.valueUsdt);
  return positive ? displayShare(words, row.share, false) : words.t('cli.table.no-share');
}

/** The holdings view of one account. */
export function HoldingsPanel({ account, label, currency, privacy, now, load, onBack, onFixKey, source }: HoldingsPanelProps) {
  const words = useWords();
  const [loaded, setLoaded] = useState<Loaded>({ view: null, error: null });
  const heading = useFocusOnOpen<HTMLHeadingElement>();

  const reload = useCallback(() => {
    let alive = true;
    void load({ account, currency, ...(source !== undefined ? { source } : {}) }).then((r) => {
      if (!alive) return;
      // A failed reload keeps the coins already shown (marked by the error above them).
      setLoaded((l) => (r.ok ? { view: r.value, error: null } : { view: l.view?.currency === currency ? l.view : null, error: r.error }));
    });
    return () => {
      alive = false;
    };
  }, [account, currency, load, source]);

  useEffect(() => {
    const stop = reload();
    const id = setInterval(reload, RELOAD_MS);
    return () => {
      stop();
      clearInterval(id);
    };
  }, [reload]);

  const { view, error } = loaded;
  const rows = view === null ? [] : privacy ? [...view.rows].sort((a, b) => (a.coin < b.coin ? -1 : a.coin > b.coin ? 1 : 0)) : view.rows;
  const privateSmall = privacy && view?.small ? [...view.small.coins].sort() : [];

  return (
    <section className="holdings" aria-labelledby="holdings-title" data-testid="holdings">
      <div className="section-head">
        <h2 id="holdings-title" tabIndex={-1} ref={heading}>
          {label}
        </h2>
        <button type="button" className="link-button" data-testid="holdings-back" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {words.t('holdings.back')}
        </button>
      </div>
      {error !== null ? (
        <div className="holdings-error" role="alert" data-testid="holdings-error">
          <p>
            <code>{error.code}</code> {errorWords(words, error).message}
          </p>
          <p className="hint">{errorWords(words, error).hint}</p>
          {isKeyError(error.code) ? (
            <button type="button" className="button" data-testid="holdings-fix-key" onClick={onFixKey}>
              {words.t('panel.fix-key')}
            </button>
          ) : (
            <button type="button" className="button" data-testid="holdings-retry" onClick={() => reload()}>
              {words.t('holdings.try-again')}
            </button>
          )}
          <p className="muted">{words.t('holdings.total-unaffected')}</p>
        </div>
      ) : null}
      {view === null ? (
        error === null ? (
          <p className="muted" role="status" data-testid="holdings-loading">
            {words.t('holdings.loading')}
          </p>
        ) : null
      ) : !view.detail ? (
        <div data-testid="holdings-no-detail">
          <p>{words.t('holdings.no-detail')}</p>
          {view.amount !== null ? (
            <p>
              {words.t('holdings.its-total')}{' '}
              <span className="num" title={exactMoney(words, view.amount, currency, privacy)}>
                <Breakable text={displayMoney(words, view.amount, currency, { privacy })} />
              </span>
            </p>
          ) : null}
        </div>
      ) : rows.length === 0 && view.small === null ? (
        <p className="muted" data-testid="holdings-empty">
          {words.t('holdings.empty')}
        </p>
      ) : (
        // The coins scroll between the fixed head and total row, so the total stays on screen; huge quantities
        // can make the table scroll sideways too. The region takes the keyboard focus to scroll.
        <div className="table-wrap holdings-scroll" tabIndex={0} role="region" aria-labelledby="holdings-title">
          <table className="breakdown-table holdings-table" data-testid="holdings-table">
            <caption>
              {words.t('holdings.caption', {
                account: label,
                currency,
                asOf: view.fetchedAt !== null ? asOfTime(words, view.fetchedAt, now) : 'none',
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{words.t('holdings.coin')}</th>
                <th scope="col" className="num">
                  {words.t('holdings.quantity')}
                </th>
                <th scope="col" className="num" title={privacy ? undefined : words.t('holdings.note-values')}>
                  {words.t('holdings.value')}
                </th>
                <th scope="col" className="num">
                  {words.t('holdings.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.coin} data-testid={`coin-${row.coin}`}>
                  <th scope="row">{row.coin}</th>
                  {/* A quantity never wraps: a figure split across lines reads as two numbers. */}
                  <td className="num nowrap" data-testid="coin-quantity">
                    {quantityText(words, row.quantity, privacy)}
                  </td>
                  <td
                    className="num nowrap"
                    data-testid="coin-value"
                    title={row.value !== null ? exactMoney(words, row.value, currency, privacy) : undefined}
                  >
                    {valueCell(words, row, currency, privacy)}
                  </td>
                  <td className="num nowrap" data-testid="coin-share">
                    {shareCell(words, row, privacy)}
                  </td>
                </tr>
              ))}
              {privateSmall.map((coin) => (
                <tr key={coin} data-testid={`coin-${coin}`}>
                  <th scope="row">{coin}</th>
                  <td className="num">{PRIVACY_MASK}</td>
                  <td className="num">{PRIVACY_MASK}</td>
                  <td className="num">{PRIVACY_MASK}</td>
                </tr>
              ))}
              {!privacy && view.small !== null ? (
                <tr data-testid="coin-small" title={view.small.coins.join(', ')}>
                  {/* The label takes the empty quantity cell too, so it stays on one line. */}
                  <th scope="row" colSpan={2} className="nowrap">
                    {words.t('holdings.small', { count: view.small.coins.length })}
                  </th>
                  <td className="num nowrap">
                    {view.small.value !== null
                      ? displayAmount(words, view.small.value, currency, { privacy: false })
                      : words.t('cli.table.no-share')}
                  </td>
                  <td className="num">{displayShare(words, view.small.share, false)}</td>
                </tr>
              ) : null}
            </tbody>
            {view.amount !== null ? (
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {label}
                  </th>
                  {/* One line, as the total above it: a figure split across lines reads as two numbers. */}
                  <td className="num nowrap" data-testid="holdings-total-amount" title={exactMoney(words, view.amount, currency, privacy)}>
                    {displayAmount(words, view.amount, currency, { privacy })}
                  </td>
                  <td className="num">{privacy ? PRIVACY_MASK : ''}</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      )}
      {view !== null && view.detail && !privacy && view.small !== null ? (
        <p className="note" data-testid="holdings-folded-note">
          {words.t('holdings.note-folded')}
        </p>
      ) : null}
    </section>
  );
}
