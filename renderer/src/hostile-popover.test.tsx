// Hostile input through the popover (jsdom): accounts named like JavaScript object members, or
// with terminal escapes and bidi controls in their names, with privacy on and off, in the chart
// and the table view. Each used to blank a label or unmount the whole popover.
import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../shared/prefs.js';
import { makeState, snapshotOf } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', '__other__'];
const UNSAFE = /(?!\n)[\p{Cc}\p{Bidi_Control}]/u;

/** Every piece of text a user or a screen reader could get: text nodes and readable attributes. */
function everythingShown(): string {
  const parts: string[] = [document.body.textContent ?? ''];
  for (const el of document.body.querySelectorAll('*')) {
    for (const name of ['title', 'aria-label', 'alt']) {
      const value = el.getAttribute(name);
      if (value !== null) parts.push(value);
    }
  }
  return parts.join('\n');
}

const hostile = snapshotOf([
  ['spot', '500'],
  ...PROTOTYPE_NAMES.map((name, i): [string, string] => [name, String(100 - i * 10)]),
  ['evil\u001b[2J\u0007', '7'],
  ['\u202eredro\u2066tset\u2069', '3'],
  ['', '2'],
  ['valueOf\u200e', '0'],
]);
const LABELS = ['Spot', ...PROTOTYPE_NAMES, 'evil[2J', 'redrotset', '(unnamed account)', 'valueOf'];

describe('the popover with hostile account names', () => {
  for (const privacy of [false, true]) {
    it(`privacy ${privacy ? 'on' : 'off'}: every account is listed by its own name, in the legend and the table`, async () => {
      const { user } = await renderApp(
        makeState({ balance: hostile, prefs: { ...DEFAULT_PREFERENCES, privacy, smallSliceThresholdPercent: 0 } }),
      );
      expect(screen.getByRole('main')).toBeTruthy();
      const legend = within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem');
      const legendLabels = legend.map((li) => li.querySelector('.legend-label')?.textContent);
      // Privacy lists every account alike; otherwise the empty one is set apart from the pie.
      expect(new Set(legendLabels)).toEqual(new Set(privacy ? LABELS : LABELS.slice(0, -1)));
      expect(everythingShown()).not.toMatch(/function|native code|\[object/);
      expect(everythingShown()).not.toMatch(UNSAFE);

      await user.click(screen.getByRole('button', { name: 'Table view' }));
      const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1, -1);
      expect(new Set(rows.map((r) => r.querySelector('th')?.textContent))).toEqual(new Set(LABELS));
      expect(rows).toHaveLength(LABELS.length);
      expect(everythingShown()).not.toMatch(/function|native code|\[object/);
      expect(everythingShown()).not.toMatch(UNSAFE);
    });
  }

  it('an account called __other__ and the grouped "Other" slice stay two slices', async () => {
    const balance = snapshotOf([
      ['spot', '90'],
      ['__other__', '9'],
      ['futures', '0.5'],
      ['margin', '0.5'],
    ]);
    const { user } = await renderApp(makeState({ balance }));
    const legend = within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem');
    const byLabel = (label: string) => legend.find((li) => li.querySelector('.legend-label')?.textContent === label)!;
    expect(legend.map((li) => li.querySelector('.legend-label')?.textContent)).toEqual(['Spot', '__other__', 'Other (2)']);
    await user.hover(byLabel('__other__'));
    expect(byLabel('__other__').className).toContain('active');
    expect(byLabel('Other (2)').className).not.toContain('active');
  });

  describe('accounts that do not add up to the total', () => {
    // Gate's total 2,165.25 against 2,210.50 in the accounts (a payment account outside the total).
    const snapshot = {
      ...snapshotOf([
        ['spot', '2000'],
        ['payment', '210.5'],
      ]),
      total: { amount: '2165.25', unrealisedPnl: null, borrowed: null },
    };

    it('privacy off: a note says which way and by how much, and the table has the row that adds up', async () => {
      const { user } = await renderApp(makeState({ balance: snapshot }));
      expect(screen.getByTestId('unaccounted').textContent).toBe(
        "The accounts add up to 45.25 USDT more than Gate's total: Gate leaves some accounts (such as Payment) out of it.",
      );
      await user.click(screen.getByRole('button', { name: 'Table view' }));
      const row = screen.getByTestId('row-unaccounted');
      expect([...row.children].map((c) => c.textContent)).toEqual(['Unaccounted', '-45.25', '']);
      expect(screen.getByTestId('unaccounted').textContent).toMatch(/^The accounts add up to 45\.25 USDT more/);
    });

    it('value in no account reads as more in the total, with a plus sign', async () => {
      const { user } = await renderApp(
        makeState({ balance: { ...snapshotOf([['spot', '100']]), total: { amount: '175.25', unrealisedPnl: null, borrowed: null } } }),
      );
      expect(screen.getByTestId('unaccounted').textContent).toMatch(/^Gate's total is 75\.25 USDT more than its accounts add up to/);
      await user.click(screen.getByRole('button', { name: 'Table view' }));
      expect(screen.getByTestId('row-unaccounted').querySelector('td')?.textContent).toBe('+75.25');
    });

    it('privacy on: the difference is said to exist, but neither its amount nor its sign', async () => {
      const { user } = await renderApp(makeState({ balance: snapshot, prefs: { ...DEFAULT_PREFERENCES, privacy: true } }));
      expect(screen.getByTestId('unaccounted').textContent).toBe("Gate's total and the sum of its accounts differ.");
      await user.click(screen.getByRole('button', { name: 'Table view' }));
      expect(screen.getByTestId('row-unaccounted').querySelector('td')?.textContent).toBe('•••');
      expect(everythingShown()).not.toMatch(/45|\d[.,]\d/);
    });

    it('nothing is said when the accounts add up, or differ by less than the display unit', async () => {
      await renderApp(
        makeState({
          balance: snapshotOf([
            ['spot', '100'],
            ['futures', '0.5'],
          ]),
        }),
      );
      expect(screen.queryByTestId('unaccounted')).toBeNull();
      cleanup();
      await renderApp(
        makeState({
          balance: { ...snapshotOf([['spot', '1']], 'BTC'), total: { amount: '1.000000009', unrealisedPnl: null, borrowed: null } },
        }),
      );
      expect(screen.queryByTestId('unaccounted')).toBeNull();
    });
  });
});
