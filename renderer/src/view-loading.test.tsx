// A view opened for the first time is a chunk of its own: while it is on its way the popover says
// so ("Opening…", not the balance's "Loading balance"), and the view then takes its place.
import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeState } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

// The Settings chunk arrives only when the test lets it (vi.mock's factory runs at the dynamic import).
const arrival = vi.hoisted(() => {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  return { arrived, release: () => release() };
});
vi.mock('./components/SettingsPanel.js', async (importOriginal) => {
  await arrival.arrived;
  return importOriginal();
});

describe('a view on its way', () => {
  it('shows "Opening…" in the view\'s place until its chunk arrives, then the view with the focus on its heading', async () => {
    const { user } = await renderApp(makeState());
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const waiting = screen.getByRole('status', { name: 'Opening…' });
    expect(waiting.dataset.testid).toBe('view-loading');
    expect(screen.queryByRole('status', { name: 'Loading balance' })).toBeNull();
    expect(screen.queryByTestId('settings-panel')).toBeNull();
    await act(async () => {
      arrival.release();
      await arrival.arrived;
    });
    // The chunk is compiled on its first import: on a loaded machine that alone can take seconds.
    const panel = await screen.findByTestId('settings-panel', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('view-loading')).toBeNull();
    expect(document.activeElement).toBe(panel.querySelector('h1'));
  });
});
