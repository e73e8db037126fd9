// Gate's 503 as the client words it, shown by the popover with and without kept data:
// every sentence must be true in both cases, and no phrase may be said twice.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appError, type AppError } from '../../shared/errors.js';
import { makeState, T0 } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

// What the client makes of Gate's 503 TOO_BUSY (electron/core/gate/errors.test.ts checks the
// client produces this error); the popover must make every sentence true with and without data.
const TOO_BUSY: AppError = appError('SERVER_ERROR', { status: 503 }, 'TOO_BUSY: Server is too busy');

/** The view's sentences (title, reason, hint), split at full stops. */
function sentences(el: HTMLElement): string[] {
  return [...el.querySelectorAll('.panel-title, .panel-reason, .panel-hint')]
    .flatMap((e) => (e.textContent ?? '').split(/(?<=\.)\s+/))
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter((s) => s !== '');
}

describe("Gate's 503", () => {
  it('with no data: the error view promises no kept data and says "Gate is having trouble" once', async () => {
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
    const { user } = await renderApp(makeState({ status: 'stale', error: TOO_BUSY }), { now: T0 + 125_000 });
    await user.click(screen.getByTestId('status-line-toggle'));
    const banner = screen.getByTestId('stale-banner');
    expect(banner.textContent).toContain('Data is 2 min old');
    expect(banner.querySelector('.panel-kept')?.textContent).toBe('Until a refresh succeeds, the last good data is kept on screen.');
    // Named once: by the status line over the banner, not again in the banner's reason.
    expect(screen.getByTestId('status-line').textContent?.match(/Gate is having trouble/g)).toHaveLength(1);
    expect(screen.getByTestId('total-amount').textContent).toBe('633,967,350,312,281,193.07');
    const said = sentences(banner);
    expect(new Set(said).size).toBe(said.length);
  });
});
