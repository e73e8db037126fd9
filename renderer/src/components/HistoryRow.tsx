/**
 * The foot of the main view: the history chart (its own view, loaded when first opened) and the
 * CSV export of the whole local history.
 */
import { useWords } from '../lib/words.js';

/** Props: what the two buttons do. */
export interface HistoryRowProps {
  readonly onOpenChart: () => void;
  readonly onExport: () => void;
}

/** "History chart" and "Export CSV". */
export function HistoryRow({ onOpenChart, onExport }: HistoryRowProps) {
  const words = useWords();
  return (
    <section className="history" aria-label={words.t('history.label')} data-testid="history">
      <button type="button" className="link-button" data-testid="open-chart" onClick={onOpenChart}>
        {words.t('history.open-chart')}
      </button>
      <span className="spacer" />
      <button type="button" className="link-button" data-testid="export-csv" onClick={onExport}>
        {words.t('history.export')}
      </button>
    </section>
  );
}
