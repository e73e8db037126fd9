import { useWords } from '../lib/words.js';

/** Placeholder shapes while the first answer is on its way, so the layout does not jump. */
export function LoadingSkeleton() {
  const words = useWords();
  return (
    <div className="skeleton" role="status" aria-busy="true" aria-label={words.t('popover.loading')} data-testid="loading">
      <div className="sk sk-line short" />
      <div className="sk sk-line big" />
      <div className="sk sk-line" />
      <div className="sk-row">
        <div className="sk sk-circle" />
        <div className="sk-col">
          <div className="sk sk-line" />
          <div className="sk sk-line" />
          <div className="sk sk-line" />
        </div>
      </div>
    </div>
  );
}
