// Gate's real 503 answer, mapped by the real client code (electron/core/gate/errors.ts, the
// same words the CLI and the tray use), shown by the popover with and without kept data:
// every sentence must be true in both cases, and no phrase may be said twice.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
// Renderer tests may read electron/core (only app code is held to window.glance); the
// 'electron/*' pattern that flags this is meant for the Electron module itself.
// eslint-disable-next-line no-restricted-imports -- Electron-free core code, imported for its real texts
import { mapErrorResponse } from '../../electron/core/gate/errors.js';
import { makeState, T0 } from './test/fixtures.js';
import { renderApp } from './test/render-app.js';

const TOO_BUSY = mapErrorResponse(
  { status: 503, headers: {}, body: JSON.stringify({ label: 'TOO_BUSY', message: 'Server is too busy' }) },
  T0,
  0,
);

/** The view's sentences (title, reason, hint), split at full stops. */
function sentences(el: HTMLElement): string[] {
  return [...el.querySelectorAll('.panel-title, .panel-reason, .panel-hint')]
    .flatMap((e) => (e.textContent ?? '').split(/(?<=\.)\s+/))
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter((s) => s !== '');
}

describe("Gate's 503", () => {
  it('with no data: the error view promises no kept data and says "Gate is having trouble" once', async () => {
    expect(TOO_BUSY.code).toBe('SERVER_ERROR');
    await renderApp(makeState({ status: 'error', balance: null, error: TOO_BUSY }));
    const view = screen.getByTestId('error-view');
    const text = view.textContent ?? '';
    expect(text.match(/Gate is having trouble/g)).toHaveLength(1);
    expect(text).not.toMatch(/kept|last good data/i);
    const said = sentences(view);
    expect(new Set(said).size).toBe(said.length);
    expect(view.querySelector('.panel-hint')?.textContent).toMatch(/try again/i);
  });

  it('with kept data: the banner shows the data and its age, and the same hint reads true', async () => {
    await renderApp(makeState({ status: 'stale', error: TOO_BUSY }), { now: T0 + 125_000 });
    const banner = screen.getByTestId('stale-banner');
    expect(banner.textContent).toContain('Data is 2 min old');
    expect(banner.querySelector('.panel-kept')?.textContent).toBe('Until a refresh succeeds, the last good data is kept below.');
    expect(banner.textContent?.match(/Gate is having trouble/g)).toHaveLength(1);
    expect(screen.getByTestId('total-amount').textContent).toBe('633,967,350,312,281,193.07');
    const said = sentences(banner);
    expect(new Set(said).size).toBe(said.length);
  });
});
