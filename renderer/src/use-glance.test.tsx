// The hook's contract with window.glance: subscribe before asking, let a push win over an
// older initial answer, and let go of the subscription on unmount.
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appError, type Result } from '../../shared/errors.js';
import type { WidgetState } from '../../shared/ipc.js';
import { App } from './App.js';
import { createFakeGlance } from './testing/fake-glance.js';
import { makeState, snapshotOf, T0 } from './testing/fixtures.js';

describe('useGlance', () => {
  it('keeps a push that arrives before the (older) getState answer', async () => {
    const fake = createFakeGlance(makeState());
    let answer: (r: Result<WidgetState>) => void = () => undefined;
    fake.fns.getState.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    render(<App glance={{ api: fake.api, now: () => T0 }} />);
    expect(screen.getByTestId('loading')).toBeTruthy();
    fake.push(makeState({ balance: snapshotOf([['spot', '42']]) }));
    await act(async () => {
      answer({ ok: true, value: makeState({ balance: snapshotOf([['spot', '1']]) }) });
      await Promise.resolve();
    });
    expect(screen.getByTestId('total-amount').textContent).toBe('42.00');
  });

  it('subscribes once and unsubscribes on unmount', async () => {
    const fake = createFakeGlance(makeState());
    const view = render(<App glance={{ api: fake.api, now: () => T0 }} />);
    await screen.findByTestId('total');
    expect(fake.listenerCount()).toBe(1);
    view.unmount();
    expect(fake.listenerCount()).toBe(0);
  });

  it('shows a failed first getState as a named error', async () => {
    const fake = createFakeGlance(makeState());
    fake.fns.getState.mockResolvedValueOnce({
      ok: false,
      error: appError('UNTRUSTED_SENDER'),
    });
    render(<App glance={{ api: fake.api, now: () => T0 }} />);
    const view = await screen.findByTestId('error-view');
    expect(view.dataset.code).toBe('UNTRUSTED_SENDER');
    expect(view.textContent).toContain('This request did not come from Gate Glance’s own window.');
  });
});
