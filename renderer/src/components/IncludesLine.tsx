/**
 * The one line under the combined total saying what it counts ("Main + 3 sub-accounts
 * (estimated) + Family"), which source is unavailable and whether stale data is in it. One line
 * with an ellipsis; every source's state is in its title. It names sources, never amounts, so
 * privacy mode shows it as it is.
 */
import type { PortfolioState } from '../../../shared/portfolio.js';
import { includesLine } from '../lib/portfolio-view.js';
import { useWords } from '../lib/words.js';

/** Props: the portfolio the total shows. */
export interface IncludesLineProps {
  readonly portfolio: PortfolioState;
}

/** "Main + 3 sub-accounts (estimated) + Family · includes stale data". */
export function IncludesLine({ portfolio }: IncludesLineProps) {
  const words = useWords();
  const line = includesLine(words, portfolio);
  return (
    <p
      className={`includes${line.warn ? ' includes-warn' : ''}`}
      data-testid="portfolio-includes"
      aria-label={`${words.t('portfolio.includes-label')}: ${line.text}`}
      title={`${line.text}\n${line.title}`}
    >
      {line.text}
    </p>
  );
}
