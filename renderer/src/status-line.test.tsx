// The total is always first: in every state with data it sits right under the top bar, and a
// stale or failed refresh is one compact line under it whose explanation and action are one
// click away.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appError, type AppError } from '../../shared/errors.js';
import type { WidgetState } from '../../shared/ipc.js';
import { makeState, T0 } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

// As core words it: the cause by name (worded in the reader's language), the raw text for logs.
const NETWORK: AppError = appError('NETWORK', { cause: 'refused', where: 'api.gateio.ws:443' }, 'ECONNREFUSED api.gateio.ws:443');
const FORBIDDEN: AppError = appError('FORBIDDEN');
const LIMITED: AppError = appError('RATE_LIMITED', { reason: 'http-429', waitMs: 6_000 }, null, 6_000);

/** The popover's top-level blocks, in order, by what they are. */
function blocks(): string[] {
  const main = document.querySelector('main.app');
  return [...(main?.children ?? [])].map((el) => (el as HTMLElement).dataset.testid ?? el.tagName.toLowerCase());
}

/** The status line is the one line under the total's card, where "as of" is when the data is live. */
function expectLineUnderTotal(): void {
  expect(blocks().slice(0, 4)).toEqual(['header', 'currency-selector', 'total', 'total-foot']);
  const foot = screen.getByTestId('total-foot');
  expect(within(foot).getByTestId('status-line')).toBeTruthy();
  expect(within(foot).queryByTestId('as-of')).toBeNull();
}

interface Case {
  readonly name: string;
  readonly state: WidgetState;
  readonly now: number;
  readonly title: string;
  readonly age: string | null;
  /** What the explanation offers. */
  readonly action: 'Retry' | 'Fix key' | 'wait';
  readonly hint: string;
}

const CASES: readonly Case[] = [
  {
    name: 'stale after a network failure',
    state: makeState({ status: 'stale', error: NETWORK, nextRefreshAt: null }),
    now: T0 + 125_000,
    title: 'Cannot reach Gate',
    age: '2 min old',
    action: 'Retry',
    hint: 'Check the internet connection',
  },
  {
    name: 'rate limited',
    state: makeState({ status: 'stale', error: LIMITED, nextRefreshAt: T0 + 7_000, rateLimitedUntil: T0 + 7_000 }),
    now: T0 + 1_000,
    title: 'Rate limited, retrying in 6 s',
    age: null,
    action: 'wait',
    hint: '80 balance requests per 10 seconds',
  },
  {
    name: 'a key that lost its wallet permission, data kept',
    state: makeState({ status: 'stale', error: FORBIDDEN, nextRefreshAt: null }),
    now: T0 + 3_600_000,
    title: 'Key lacks wallet permission',
    age: '1 h old',
    action: 'Fix key',
    hint: 'enable the "Wallet" permission',
  },
  {
    name: 'an error state that still has data',
    state: makeState({ status: 'error', error: NETWORK, nextRefreshAt: null }),
    now: T0 + 30_000,
    title: 'Cannot reach Gate',
    age: '30 s old',
    action: 'Retry',
    hint: 'Check the internet connection',
  },
  {
    name: 'live data gone overdue (nothing failed)',
    state: makeState({ staleAt: T0 + 180_000, nextRefreshAt: null }),
    now: T0 + 240_000,
    title: 'Not refreshed',
    age: '4 min old',
    action: 'Retry',
    hint: '',
  },
];

describe('the total is always first', () => {
  it('live: the total right under the top bar and no status line', async () => {
    await renderApp(makeState());
    // The selector sits above everything that changes height; the line under the card says "as of".
    expect(blocks().slice(0, 4)).toEqual(['header', 'currency-selector', 'total', 'total-foot']);
    expect(screen.queryByTestId('status-line')).toBeNull();
    expect(within(screen.getByTestId('total-foot')).getByTestId('as-of')).toBeTruthy();
  });

  it.each(CASES)('$name: the total in the same place, one compact line under it, the explanation one click away', async (c) => {
    const { user, fake } = await renderApp(c.state, { now: c.now });
    expectLineUnderTotal();
    expect(screen.getByTestId('total-amount').textContent).toBe('633,967,350,312,281,193.07');

    const line = screen.getByTestId('status-line');
    expect(screen.getByTestId('status-line-title').textContent).toBe(c.title);
    expect(screen.queryByTestId('status-line-age')?.textContent ?? null).toBe(c.age);
    // Closed, the line holds nothing but its gist: no hint, no action buttons.
    const toggle = screen.getByTestId('status-line-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(line).getAllByRole('button')).toEqual([toggle]);
    expect(screen.queryByTestId('stale-banner')).toBeNull();

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = screen.getByTestId('stale-banner');
    expect(line.contains(details)).toBe(true);
    expect(details.textContent).toContain(c.hint);
    // The explanation opens below the line: the total has not moved.
    expectLineUnderTotal();

    if (c.action === 'wait') {
      expect((within(details).getByTestId('rate-limit-wait') as HTMLButtonElement).disabled).toBe(true);
    } else if (c.action === 'Retry') {
      await user.click(within(details).getByRole('button', { name: 'Retry' }));
      expect(fake.fns.refresh).toHaveBeenCalledTimes(1);
    } else {
      await user.click(within(details).getByRole('button', { name: 'Fix key' }));
      expect(await screen.findByRole('heading', { name: 'Replace the API key' })).toBeTruthy();
    }
  });

  it('the explanation names the error only where the line gave a shorter title', async () => {
    const { user, fake } = await renderApp(
      makeState({ status: 'stale', error: LIMITED, nextRefreshAt: T0 + 7_000, rateLimitedUntil: T0 + 7_000 }),
      { now: T0 + 1_000 },
    );
    await user.click(screen.getByTestId('status-line-toggle'));
    expect(screen.getByTestId('status-line-title').textContent).toBe('Rate limited, retrying in 6 s');
    expect(screen.getByTestId('stale-banner').querySelector('.panel-reason')?.textContent).toMatch(/^Gate asked us to slow down: /);
    fake.push(makeState({ status: 'stale', error: NETWORK, nextRefreshAt: null }));
    expect(screen.getByTestId('status-line-title').textContent).toBe('Cannot reach Gate');
    expect(screen.getByTestId('stale-banner').querySelector('.panel-reason')?.textContent).toBe(
      'Could not reach Gate: the connection was refused (api.gateio.ws:443).',
    );
  });

  it('closes again, and a new push keeps the line where it is with the new words', async () => {
    const { user, fake } = await renderApp(makeState({ status: 'stale', error: NETWORK, nextRefreshAt: null }), { now: T0 + 10_000 });
    const toggle = screen.getByTestId('status-line-toggle');
    await user.click(toggle);
    await user.click(toggle);
    expect(screen.queryByTestId('stale-banner')).toBeNull();
    fake.push(makeState({ status: 'stale', error: FORBIDDEN, nextRefreshAt: null }));
    expect(screen.getByTestId('status-line-title').textContent).toBe('Key lacks wallet permission');
    expect(screen.getByTestId('status-line').dataset.code).toBe('FORBIDDEN');
    expectLineUnderTotal();
  });

  it('with no data to keep, the error is still shown in full (there is no total to protect)', async () => {
    await renderApp(makeState({ status: 'error', balance: null, error: NETWORK }));
    expect(screen.queryByTestId('status-line')).toBeNull();
    expect(screen.getByTestId('error-view').textContent).toContain('Check the internet connection');
  });
});
