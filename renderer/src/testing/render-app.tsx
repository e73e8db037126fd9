// Renders the whole popover against a fake `window.glance` and a controllable clock.
import { act, render, screen, waitFor, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { HistoryPoint } from '../../../shared/balance.js';
import type { WidgetState } from '../../../shared/ipc.js';
import { App } from '../App.js';
import type { SettingsTab } from '../components/SettingsPanel.js';
import { createFakeGlance, type FakeGlance } from './fake-glance.js';
import { T0 } from './fixtures.js';

/** What a test gets back: the fake, the clock handle, user-event and the render result. */
export interface Rendered {
  readonly fake: FakeGlance;
  readonly user: UserEvent;
  readonly view: RenderResult;
  /** Moves the fake clock; the next tick (every 10 ms) re-renders. */
  readonly setNow: (ms: number) => void;
}

/** Renders `<App>` and waits until the first state is on screen. */
export async function renderApp(state: WidgetState, options: { history?: HistoryPoint[]; now?: number } = {}): Promise<Rendered> {
  const fake = createFakeGlance(state, options.history ?? []);
  let now = options.now ?? T0 + 1_000;
  const user = userEvent.setup();
  const view = render(<App glance={{ api: fake.api, now: () => now, tickMs: 10 }} />);
  // The first state has arrived once the loading skeleton of "no state yet" is replaced,
  // or the state itself is a loading one.
  await screen.findByRole('main');
  await waitForState(fake);
  return {
    fake,
    user,
    view,
    setNow: (ms) => {
      now = ms;
    },
  };
}

async function waitForState(fake: FakeGlance): Promise<void> {
  // getState resolves on the microtask queue; one awaited act flushes it.
  await act(async () => {
    await Promise.resolve();
  });
  if (fake.fns.getState.mock.calls.length === 0) throw new Error('useGlance never asked for the state');
  // A Chinese state draws once its catalogue has arrived (on demand); until then the popover is an empty, busy main.
  await waitFor(() => {
    if (document.querySelector('main.app[aria-busy="true"]') !== null) throw new Error('the catalogue of the state has not arrived');
  });
  // A state drawn by a view of its own (onboarding) has its chunk fetched on first use.
  await waitFor(() => {
    if (screen.queryByTestId('view-loading') !== null) throw new Error("the first view's chunk has not arrived");
  });
}

/** Opens Settings (its own chunk, loaded on first open), waits until it is on screen, and chooses `tab` when given. */
export async function openSettings(user: UserEvent, tab?: SettingsTab): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  const panel = await screen.findByTestId('settings-panel');
  if (tab !== undefined) await user.click(screen.getByTestId(`settings-tab-${tab}`));
  return panel;
}
