import { useWords } from '../lib/words.js';

/** Props: what is on its way: the first answer (the default), or the code of a view opened for the first time. */
export interface LoadingSkeletonProps {
  readonly what?: 'balance' | 'view';
  /**
   * Before the first state: the header and the currency row are placeholders too (afterwards the
   * popover draws the real ones above the skeleton, in the same places).
   */
  readonly header?: boolean;
}

/**
 * Placeholder shapes while the first answer (or a view's chunk) is on its way. The balance's
 * skeleton is the loaded view's layout, built from the same boxes (the total's card, the line
 * under it, the breakdown's heading, pie and legend, the action row), so nothing jumps when the
 * data arrives.
 */
export function LoadingSkeleton({ what = 'balance', header = false }: LoadingSkeletonProps) {
  const words = useWords();
  const label = words.t(what === 'view' ? 'popover.view-loading' : 'popover.loading');
  if (what === 'view') {
    return (
      <div className="skeleton" role="status" aria-busy="true" aria-label={label} data-testid="view-loading">
        <div className="sk sk-line short" />
        <div className="sk sk-line" />
        <div className="sk sk-line" />
      </div>
    );
  }
  return (
    <div className="skeleton skeleton-main" role="status" aria-busy="true" aria-label={label} data-testid="loading">
      {header ? (
        <>
          <div className="topbar sk-topbar">
            <div className="sk sk-line sk-name" />
          </div>
          <div className="segmented sk-segmented" />
        </>
      ) : null}
      <div className="total sk-total">
        <div className="total-head">
          <div className="sk sk-line sk-eyebrow" />
        </div>
        <div className="total-row">
          <div className="sk sk-line sk-amount" />
        </div>
        <div className="change change-empty">
          <div className="sk sk-line sk-change" />
        </div>
        {/* Gate's PnL and borrowed, which most accounts have. */}
        <div className="sk sk-line sk-extra" />
      </div>
      <div className="total-foot">
        <div className="sk sk-line sk-as-of" />
      </div>
      <div className="breakdown">
        <div className="section-head">
          <div className="sk sk-line sk-heading" />
        </div>
        <div className="chart-block">
          <div className="sk sk-circle" />
          <div className="sk-col">
            <div className="sk sk-line" />
            <div className="sk sk-line" />
            <div className="sk sk-line" />
            <div className="sk sk-line" />
          </div>
        </div>
      </div>
    </div>
  );
}
