// The live popover with Gate's documented example: exact total, hover/copy digits, the
// breakdown, shares adding to 100.00, and the ticking clock turning live into stale.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GATE_EXAMPLE_TOTAL } from '../../shared/testing/gate-example.js';
import { asOfTime as asOfIn, clockTime as clockIn } from '../../shared/present/dates.js';
import { ENGLISH } from '../../shared/present/words.js';
import { shareToHundredths } from './lib/slices.js';
import { makeState, T0 } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

const clockTime = (at: number) => clockIn(ENGLISH, at);
const asOfTime = (at: number, now: number) => asOfIn(ENGLISH, at, now);

/** Adds displayed shares in hundredths; "< 0.01 %" is shown for a share that is exactly 0.00. */
function sumShares(texts: readonly string[]): number {
  return texts.reduce((acc, t) => acc + (t === '< 0.01 %' ? 0 : shareToHundredths(t.replace(/\s*%$/, ''))), 0);
}

describe('live state with Gate’s documented example', () => {
  it('shows the estimated total rounded to 2 digits, every digit on hover, and copies the exact string', async () => {
    const { user } = await renderApp(makeState());
    const total = screen.getByTestId('total-amount');
    expect(total.textContent).toBe('633,967,350,312,281,193.07');
    expect(total.getAttribute('title')).toBe('633,967,350,312,281,193.068368815439797304437 USDT');
    expect(screen.getByText('Estimated net worth')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Copy exact total' }));
    expect(await navigator.clipboard.readText()).toBe(GATE_EXAMPLE_TOTAL);
    expect(screen.getByTestId('copy-feedback').textContent).toBe('Copied');
  });

  it('shows PnL and borrowed because Gate sent them, the time of the data and a Live badge', async () => {
    await renderApp(makeState());
    expect(screen.getByTestId('total-pnl').textContent).toBe('0.00');
    expect(screen.getByTestId('total-borrowed').textContent).toBe('0.00');
    expect(screen.getByTestId('as-of').textContent).toContain(`as of ${clockTime(T0)}`);
    expect(clockTime(T0)).toMatch(/^\d\d:\d\d:\d\d$/);
    const badge = screen.getByTestId('status-badge');
    expect(badge.dataset.status).toBe('live');
    expect(badge.textContent).toBe('Live');
  });

  it('draws the six positive accounts with human names, hides three empty ones, and the shares add to 100.00', async () => {
    await renderApp(makeState());
    const legend = screen.getByRole('list', { name: 'Legend' });
    const labels = within(legend)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.legend-label')?.textContent);
    // Default threshold 2 %: the four accounts far below it are grouped into "Other".
    expect(labels).toEqual(['Quant', 'Spot', 'Other (4)']);
    const shares = within(legend)
      .getAllByTestId('legend-share')
      .map((e) => e.textContent ?? '');
    expect(shares).toEqual(['93.33 %', '6.67 %', '< 0.01 %']);
    expect(sumShares(shares)).toBe(10_000);
    expect(screen.getByTestId('empty-accounts').querySelector('summary')?.textContent).toBe('3 empty accounts');
    expect(screen.getByRole('img', { name: /^Breakdown: Quant 93.33 %, Spot 6.67 %, Other \(4\) < 0.01 %$/ })).toBeTruthy();
    expect(document.querySelectorAll('.recharts-pie-sector').length).toBe(3);
  });

  it('toggles to a real table with caption, headers, every account and shares adding to 100.00', async () => {
    const { user } = await renderApp(makeState());
    const toggle = screen.getByRole('button', { name: 'Table view' });
    await user.click(toggle);
    // The control says what it will do next.
    expect(toggle.textContent).toBe('Chart view');
    const table = screen.getByRole('table', { name: 'Accounts in USDT (estimated)' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Account', 'Amount', 'Share']);
    const rowHeaders = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(rowHeaders).toEqual([
      'Quant',
      'Spot',
      'Earn/finance',
      'Perpetual futures',
      'Delivery futures',
      'Margin',
      'CBBC',
      'Cross margin',
      'Warrant',
      'Total',
    ]);
    const shares = within(table)
      .getAllByTestId('row-share')
      .map((c) => c.textContent ?? '')
      .filter((t) => t.endsWith('%'));
    expect(shares).toHaveLength(6);
    expect(shares.slice(2)).toEqual(['< 0.01 %', '< 0.01 %', '< 0.01 %', '< 0.01 %']);
    expect(sumShares(shares)).toBe(10_000);
    const quant = screen.getByTestId('row-quant');
    expect(within(quant).getAllByRole('cell')[0]?.getAttribute('title')).toBe('591,702,859,674,467,879.6488202650892478553852 USDT');
    await user.click(toggle);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('turns Live into Stale on its own clock once staleAt passes, without any push', async () => {
    const { setNow, user } = await renderApp(makeState({ staleAt: T0 + 180_000 }));
    expect(screen.getByTestId('status-badge').dataset.status).toBe('live');
    expect(screen.queryByTestId('status-line')).toBeNull();
    setNow(T0 + 181_000);
    const line = await screen.findByTestId('status-line');
    expect(line.textContent).toContain('Not refreshed');
    expect(line.textContent).toContain('3 min old');
    await user.click(screen.getByTestId('status-line-toggle'));
    const banner = screen.getByTestId('stale-banner');
    expect(screen.getByTestId('status-badge').dataset.status).toBe('stale');
    expect(banner.textContent).toContain('Data is 3 min old');
    expect(banner.textContent).toContain('No refresh has succeeded since.');
  });

  it('highlights a slice when its legend row is focused', async () => {
    await renderApp(makeState());
    const spot = screen.getByTestId('legend-spot');
    expect(spot.tabIndex).toBe(0);
    act(() => spot.focus());
    expect(spot.className).toContain('active');
    expect(document.querySelector('.chart-centre')?.textContent).toBe('6.67 %Spot');
    const sectors = [...document.querySelectorAll('.recharts-pie-sector path')];
    expect(sectors.map((p) => p.getAttribute('opacity'))).toEqual(['0.3', '1', '0.3']);
    act(() => spot.blur());
    expect(spot.className).not.toContain('active');
    expect(document.querySelector('.chart-centre')?.textContent).toBe('6accounts');
  });
});

describe('as of', () => {
  it('adds the date when the data is from another day', async () => {
    const yesterday = T0 - 24 * 3600_000;
    // Live data (stale data has the status line in this place, with its age instead).
    await renderApp(makeState({ status: 'live', staleAt: T0 + 60_000, balance: { ...makeState().balance!, fetchedAt: yesterday } }));
    const text = screen.getByTestId('as-of').textContent ?? '';
    expect(text).toContain(`as of ${asOfTime(yesterday, T0)}`);
    expect(asOfTime(yesterday, T0)).toMatch(/^\w{3} \d{1,2}, \d\d:\d\d:\d\d$/);
    expect(asOfTime(T0, T0)).toBe(clockTime(T0));
  });
});
