// The legend beside the pie: every slice keeps its amount (up to eight, one line each: name,
// amount, share); amounts too long for one line go under their names; accounts below zero are
// one legend-style row each under the chart.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeState, snapshotOf } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

function legendItems(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem');
}

const EIGHT: readonly (readonly [string, string])[] = [
  ['spot', '30000'],
  ['futures', '25000'],
  ['margin', '15000'],
  ['finance', '12000'],
  ['quant', '10000'],
  ['delivery', '8000'],
  ['options', '6000'],
  ['warrant', '4000'],
];

describe('the legend', () => {
  it('shows the amount of each of eight slices beside its name and share, on one line', async () => {
    await renderApp(makeState({ balance: snapshotOf(EIGHT) }));
    const items = legendItems();
    expect(items).toHaveLength(8);
    expect(items.map((li) => li.querySelector('[data-testid="legend-amount"]')?.textContent)).toEqual([
      '30,000.00',
      '25,000.00',
      '15,000.00',
      '12,000.00',
      '10,000.00',
      '8,000.00',
      '6,000.00',
      '4,000.00',
    ]);
    // Nothing read out only: every amount is on screen.
    for (const li of items) expect(li.querySelector('.visually-hidden')).toBeNull();
    expect(screen.getByTestId('legend').classList.contains('legend-stacked')).toBe(false);
    // In the grid's order: name, amount, share.
    expect([...items[0]!.children].map((c) => c.className)).toEqual(['swatch', 'legend-label', 'legend-amount', 'legend-share']);
  });

  it('puts amounts under the names when one is too long to sit beside them (Gate sends up to 40 digits)', async () => {
    await renderApp(
      makeState({
        balance: snapshotOf([
          ['quant', '591702859674467879.6488202650892478553852'],
          ['spot', '42264489969935775.5160259954878034182418'],
        ]),
      }),
    );
    expect(screen.getByTestId('legend').classList.contains('legend-stacked')).toBe(true);
    expect(legendItems()[0]!.querySelector('[data-testid="legend-amount"]')?.textContent).toBe('591,702,859,674,467,879.65');
  });

  it('lists each account below zero as one row under the chart, with its amount', async () => {
    await renderApp(
      makeState({
        balance: snapshotOf([
          ['spot', '100'],
          ['cross_margin', '-12.85'],
          ['margin', '-3'],
        ]),
      }),
    );
    const rows = within(screen.getByTestId('negative-accounts')).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('[data-testid="below-zero-amount"]')?.textContent)).toEqual(['-3.00', '-12.85']);
    expect(rows.map((r) => r.querySelectorAll('summary').length)).toEqual([1, 1]);
    expect(legendItems()).toHaveLength(1);
  });
});
