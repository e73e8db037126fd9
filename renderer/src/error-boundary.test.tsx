// A render error never leaves the popover blank: the boundary shows a small panel with Reload.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WidgetState } from '../../shared/ipc.js';
import { App } from './App.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { createFakeGlance } from './testing/fake-glance.js';
import { makeState, T0 } from './testing/fixtures.js';

function Thrower(): never {
  throw new Error('drawing failed for account "secret-ish name"');
}

describe('the error boundary', () => {
  let consoleError: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    // React reports every caught render error on console.error; keep the run readable.
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    consoleError.mockRestore();
  });

  it('shows a panel with a Reload action instead of a blank popover, and logs the error by name only', async () => {
    const onReload = vi.fn();
    render(
      <ErrorBoundary onReload={onReload}>
        <Thrower />
      </ErrorBoundary>,
    );
    const panel = screen.getByTestId('render-error');
    expect(panel.getAttribute('role')).toBe('alert');
    expect(panel.textContent).toContain('Something went wrong');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    const logged = consoleError.mock.calls.map((c: unknown[]) => c.map(String).join(' ')).join('\n');
    expect(logged).toContain('[popover] a render error was caught (Error)');
    expect(
      consoleError.mock.calls.some((c: unknown[]) => String(c[0]).startsWith('[popover]') && String(c[0]).includes('secret-ish')),
    ).toBe(false);
  });

  it('renders its children untouched when nothing throws', () => {
    render(
      <ErrorBoundary>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
    expect(screen.queryByTestId('render-error')).toBeNull();
  });

  it('catches a state the popover cannot draw (a malformed push), so the popover is never blank', async () => {
    const broken = { ...makeState(), balance: { ...makeState().balance, accounts: null } } as unknown as WidgetState;
    const fake = createFakeGlance(broken);
    render(
      <ErrorBoundary onReload={() => undefined}>
        <App glance={{ api: fake.api, now: () => T0 + 1_000, tickMs: 10 }} />
      </ErrorBoundary>,
    );
    expect(await screen.findByTestId('render-error')).toBeTruthy();
    expect(document.body.textContent).toContain('Reload');
  });
});
