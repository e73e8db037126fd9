/**
 * The last line of defence: a render error anywhere below shows a small panel with a reload
 * action instead of a blank popover. Only a class component can catch render errors in React.
 */
import { Component, type ContextType, type ReactNode } from 'react';
import { lastShownWords } from '../lib/use-locale-words.js';
import { WordsContext } from '../lib/words.js';

export interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** How to start over; `window.location.reload()` by default. */
  readonly onReload?: () => void;
}

interface ErrorBoundaryState {
  readonly failed: boolean;
}

/** Wraps the popover; after a render error it shows the reload panel until reloaded. */
// No class fields here: Electronegativity's parser cannot read them in the built bundle.
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  constructor(props: ErrorBoundaryProps) {
    super(props);
    this.state = { failed: false };
  }

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // The name only: a message could quote the data being drawn (an account name, an amount).
    console.error(`[popover] a render error was caught (${error instanceof Error ? error.name : typeof error})`);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { onReload } = this.props;
    const reload = (): void => (onReload ? onReload() : window.location.reload());
    // The provider's words inside App; outside it (main.tsx wraps App), the words last shown.
    const words = (this.context as ContextType<typeof WordsContext>) ?? lastShownWords();
    if (words === null) {
      // Nothing was ever drawn, so no catalogue arrived: a reload is all there is to offer.
      return (
        <main className="app">
          <button type="button" className="button primary" data-testid="render-error" onClick={reload}>
            ↻
          </button>
        </main>
      );
    }
    return (
      <main className="app">
        <div className="panel panel-error" role="alert" data-testid="render-error">
          <div className="panel-title">{words.t('boundary.title')}</div>
          <div className="panel-reason">{words.t('boundary.reason')}</div>
          <div className="panel-hint">{words.t('boundary.hint')}</div>
          <div className="panel-actions">
            <button type="button" className="button primary" onClick={reload}>
              {words.t('boundary.reload')}
            </button>
          </div>
        </div>
      </main>
    );
  }
}

// Assigned, not a static class field: Electronegativity's parser cannot read class fields.
ErrorBoundary.contextType = WordsContext;
