/**
 * The last line of defence: a render error anywhere below shows a small panel with a reload
 * action instead of a blank popover. Only a class component can catch render errors in React.
 */
import { Component, type ReactNode } from 'react';

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
    return (
      <main className="app">
        <div className="panel panel-error" role="alert" data-testid="render-error">
          <div className="panel-title">Something went wrong</div>
          <div className="panel-reason">The popover could not be drawn.</div>
          <div className="panel-hint">Reload it; your data and settings are kept in the app. If this keeps happening, restart Gate Glance.</div>
          <div className="panel-actions">
            <button type="button" className="button primary" onClick={reload}>
              Reload
            </button>
          </div>
        </div>
      </main>
    );
  }
}
