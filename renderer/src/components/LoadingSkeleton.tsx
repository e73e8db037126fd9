import { useWords } from '../lib/words.js';

/** Props: what is on its way: the first answer (the default), or the code of a view opened for the first time. */
export interface LoadingSkeletonProps {
  readonly what?: 'balance' | 'view';
}

/** Placeholder shapes while the first answer (or a view's chunk) is on its way, so the layout does not jump. */
export function LoadingSkeleton({ what = 'balance' }: LoadingSkeletonProps) {
  const words = useWords();
  return (
    <div
      className="skeleton"
      role="status"
      aria-busy="true"
      aria-label={words.t(what === 'view' ? 'popover.view-loading' : 'popover.loading')}
      data-testid={what === 'view' ? 'view-loading' : 'loading'}
    >
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
