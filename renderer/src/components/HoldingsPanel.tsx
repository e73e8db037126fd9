/**
 * One account's holdings: coin, quantity, value and share of the account, by value, with the
 * coins under 0.1 % folded into "Small balances". It asks main only while it is open (on open,
 * on a currency change, then once a minute: main caches each endpoint for 60 s anyway). A
 * failure is shown here, with the key action where a permission is missing, and never touches
 * the total. Privacy mode masks quantities, values and shares alike and lists every coin
 * alphabetically, unfolded, so neither ranking nor folding tells which coin is large.
 * Loaded lazily: the first view's JavaScript does not carry it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Currency } from '../../../shared/balance.js';
import { formatAmount } from '../../../shared/decimal.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { isKeyError } from '../../../shared/errors.js';
import type { HoldingRow, HoldingsView } from '../../../shared/holdings.js';
import type { HoldingsRequest } from '../../../shared/ipc.js';
import { displayAmount as amountIn, displayShare as shareIn, exactMoney, PRIVACY_MASK } from '../../../shared/present/amounts.js';
import { asOfTime as asOfIn } from '../../../shared/present/dates.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import { Breakable } from './Breakable.js';

// The presentation layer's words, in English until this panel takes them from useWords().
const displayAmount = (amount: string, currency: Currency, privacy: boolean): string => amountIn(ENGLISH, amount, currency, { privacy });
const displayShare = (share: string, privacy: boolean): string => shareIn(ENGLISH, share, privacy);
const fullAmount = (amount: string, currency: Currency, privacy: boolean): string => exactMoney(ENGLISH, amount, currency, privacy);
const asOfTime = (at: number, now: number): string => asOfIn(ENGLISH, at, now);

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
}

type Loaded = { readonly view: HoldingsView | null; readonly error: AppError | null };

function quantityText(value: string, privacy: boolean): string {
  return privacy ? PRIVACY_MASK : formatAmount(value, { currency: 'USDT', precision: 'full' });
}

function valueCell(row: HoldingRow, currency: Currency, privacy: boolean): string {
  if (privacy) return PRIVACY_MASK;
  if (row.priceUsdt === null) return 'no price';
  if (row.value !== null) return displayAmount(row.value, currency, false);
  return row.valueUsdt !== null && row.valueUsdt.startsWith('-') ? 'below zero' : '—';
}

function shareCell(row: HoldingRow, privacy: boolean): string {
  if (privacy) return PRIVACY_MASK;
  // Only positive priced coins are shared out; the rest are listed without a share.
  const positive = row.valueUsdt !== null && !row.valueUsdt.startsWith('-') && /[1-9]/.test(row.valueUsdt);
  return positive ? displayShare(row.share, false) : '—';
}

/** The holdings view of one account. */
export function HoldingsPanel({ account, label, currency, privacy, now, load, onBack, onFixKey }: HoldingsPanelProps) {
  const [loaded, setLoaded] = useState<Loaded>({ view: null, error: null });
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(() => {
    let alive = true;
    void load({ account, currency }).then((r) => {
      if (!alive) return;
      // A failed reload keeps the coins already shown (marked by the error above them).
      setLoaded((l) => (r.ok ? { view: r.value, error: null } : { view: l.view?.currency === currency ? l.view : null, error: r.error }));
    });
    return () => {
      alive = false;
    };
  }, [account, currency, load]);

  useEffect(() => {
    const stop = reload();
    const id = setInterval(reload, RELOAD_MS);
    return () => {
      stop();
      clearInterval(id);
    };
  }, [reload]);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const { view, error } = loaded;
  const rows = view === null ? [] : privacy ? [...view.rows].sort((a, b) => (a.coin < b.coin ? -1 : a.coin > b.coin ? 1 : 0)) : view.rows;
  const privateSmall = privacy && view?.small ? [...view.small.coins].sort() : [];

  return (
    <section className="holdings" aria-labelledby="holdings-title" data-testid="holdings">
      <div className="section-head">
        <button type="button" className="link-button" data-testid="holdings-back" onClick={onBack}>
          ← Accounts
        </button>
      </div>
      <h2 id="holdings-title" tabIndex={-1} ref={heading}>
        {label}
      </h2>
      {error !== null ? (
        <div className="holdings-error" role="alert" data-testid="holdings-error">
          <p>
            <code>{error.code}</code> {errorWords(ENGLISH, error).message}
          </p>
          <p className="hint">{errorWords(ENGLISH, error).hint}</p>
          {isKeyError(error.code) ? (
            <button type="button" className="button" data-testid="holdings-fix-key" onClick={onFixKey}>
              Fix key
            </button>
          ) : (
            <button type="button" className="button" data-testid="holdings-retry" onClick={() => reload()}>
              Try again
            </button>
          )}
          <p className="muted">The total above is not affected.</p>
        </div>
      ) : null}
      {view === null ? (
        error === null ? (
          <p className="muted" role="status" data-testid="holdings-loading">
            Reading this account’s coins…
          </p>
        ) : null
      ) : !view.detail ? (
        <div data-testid="holdings-no-detail">
          <p>Gate gives no per-coin detail for this account.</p>
          {view.amount !== null ? (
            <p>
              Its total (estimated):{' '}
              <span className="num" title={fullAmount(view.amount, currency, privacy)}>
                <Breakable text={`${displayAmount(view.amount, currency, privacy)} ${currency}`} />
              </span>
            </p>
          ) : null}
        </div>
      ) : rows.length === 0 && view.small === null ? (
        <p className="muted" data-testid="holdings-empty">
          Gate lists no coins in this account.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="breakdown-table holdings-table" data-testid="holdings-table">
            <caption>
              Coins in {label}, values in {currency} (estimated{view.fetchedAt !== null ? `, as of ${asOfTime(view.fetchedAt, now)}` : ''})
            </caption>
            <thead>
              <tr>
                <th scope="col">Coin</th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col" className="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.coin} data-testid={`coin-${row.coin}`}>
                  <th scope="row">{row.coin}</th>
                  <td className="num" data-testid="coin-quantity">
                    <Breakable text={quantityText(row.quantity, privacy)} />
                  </td>
                  <td className="num nowrap" data-testid="coin-value" title={row.value !== null ? fullAmount(row.value, currency, privacy) : undefined}>
                    {valueCell(row, currency, privacy)}
                  </td>
                  <td className="num nowrap" data-testid="coin-share">
                    {shareCell(row, privacy)}
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
                  <th scope="row">
                    Small balances ({view.small.coins.length} {view.small.coins.length === 1 ? 'coin' : 'coins'})
                  </th>
                  <td className="num" />
                  <td className="num">{view.small.value !== null ? displayAmount(view.small.value, currency, false) : '—'}</td>
                  <td className="num">{displayShare(view.small.share, false)}</td>
                </tr>
              ) : null}
            </tbody>
            {view.amount !== null ? (
              <tfoot>
                <tr>
                  <th scope="row">{label}</th>
                  <td className="num" />
                  <td className="num" title={fullAmount(view.amount, currency, privacy)}>
                    <Breakable text={displayAmount(view.amount, currency, privacy)} />
                  </td>
                  <td className="num">{privacy ? PRIVACY_MASK : ''}</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
          <p className="note">
            Values are Gate’s estimate for the account, shared out by each coin’s value at the last spot price; coins under
            0.1 % are folded into small balances.
          </p>
        </div>
      )}
    </section>
  );
}
