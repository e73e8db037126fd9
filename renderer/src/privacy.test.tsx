// Privacy mode: no amount and no share may reach the DOM — not in text, not in a title,
// not in an aria-label — and nothing can be copied.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { summarizeBalance } from '../../shared/accounts.js';
import { formatAmount } from '../../shared/decimal.js';
import { DEFAULT_PREFERENCES } from '../../shared/prefs.js';
import { gateExampleSnapshot, makeState, snapshotOf } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

/** Every piece of text a user or a screen reader could get: text nodes and attribute values. */
function everythingShown(): string {
  const parts: string[] = [document.body.textContent ?? ''];
  for (const el of document.body.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      // Geometry of icons (stroke-width="1.3", viewBox …) is not data; names and labels are.
      const readable = ['title', 'aria-label', 'aria-valuetext', 'alt', 'value', 'placeholder'].includes(attr.name);
      if (readable || !(el instanceof SVGElement)) {
        if (attr.name !== 'class' && attr.name !== 'style' && !attr.name.startsWith('data-')) parts.push(attr.value);
      }
    }
  }
  return parts.join('\n');
}

const privateState = (balance = gateExampleSnapshot()) => makeState({ balance, prefs: { ...DEFAULT_PREFERENCES, privacy: true } });

describe('privacy mode', () => {
  it('masks the total, PnL, borrowed, legend amounts and shares, and hides the pie geometry', async () => {
    const balance = gateExampleSnapshot();
    await renderApp(privateState(balance));
    const shown = everythingShown();
    const summary = summarizeBalance(balance);
    const secrets = [
      balance.total.amount,
      formatAmount(balance.total.amount, { currency: 'USDT' }),
      formatAmount(balance.total.amount, { currency: 'USDT', precision: 'full' }),
      ...summary.positive.flatMap((a) => [a.amount, a.share, formatAmount(a.amount, { currency: 'USDT' })]),
    ];
    for (const s of secrets) expect(shown).not.toContain(s);
    // No decimal number and no run of three digits anywhere (times are "14:05:09").
    expect(shown).not.toMatch(/\d[.,]\d/);
    expect(shown).not.toMatch(/\d{3}/);
    expect(screen.getByTestId('total-amount').textContent).toBe('•••');
    expect(screen.getByTestId('chart-masked')).toBeTruthy();
    expect(document.querySelector('.recharts-pie-sector')).toBeNull();
    expect((screen.getByRole('button', { name: 'Copy exact total' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Hide amounts' }).getAttribute('aria-pressed')).toBe('true');
  });

  it("masks the table and the chart view alike; the chart keeps the normal view's accounts, never calling one empty or below zero", async () => {
    const balance = snapshotOf([
      ['spot', '123.45'],
      ['futures', '-67.89'],
      ['quant', '0'],
      ['margin', '0.5'],
    ]);
    const { user } = await renderApp(privateState(balance));
    // Chart view: the accounts the normal view charts (its count), one masked row each, alphabetical,
    // with no colour for a slice the plain ring does not draw; no "below zero" row, no empty disclosure.
    expect(screen.queryByTestId('negative-accounts')).toBeNull();
    expect(screen.queryByTestId('empty-accounts')).toBeNull();
    const legend = within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem');
    expect(legend.map((li) => li.querySelector('.legend-label')?.textContent)).toEqual(['Margin', 'Spot']);
    for (const li of legend) {
      expect(li.querySelector('.legend-share')?.textContent).toBe('•••');
      expect(li.querySelector('.legend-amount')?.textContent).toBe('•••');
      expect((li.querySelector('.swatch') as HTMLElement).style.background).toBe('');
    }
    expect(screen.getByRole('img', { name: 'Breakdown of 2 accounts (shares hidden)' })).toBeTruthy();
    expect(screen.getByTestId('breakdown-chart').querySelector('.chart-centre strong')?.textContent).toBe('2');
    let shown = everythingShown();
    expect(shown).not.toMatch(/\d[.,]\d/);
    expect(shown).not.toMatch(/\d{3}/);
    expect(shown).not.toMatch(/below zero|negative|empty/i);

    await user.click(screen.getByRole('button', { name: 'Table view' }));
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['Margin', 'Perpetual futures', 'Quant', 'Spot', 'Total']);
    // Every amount and share cell, the total row's included, is the same mask.
    for (const r of rows) expect([...r.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['•••', '•••']);
    shown = everythingShown();
    expect(shown).not.toMatch(/\d[.,]\d/);
    expect(shown).not.toMatch(/\d{3}/);
    expect(shown).not.toMatch(/below zero|negative|empty/i);
  });

  it('does not say that nothing is positive when every account is empty', async () => {
    await renderApp(
      privateState(
        snapshotOf([
          ['spot', '0'],
          ['futures', '0'],
        ]),
      ),
    );
    expect(screen.queryByTestId('no-positive')).toBeNull();
    expect(screen.queryByTestId('empty-accounts')).toBeNull();
    expect(screen.getByTestId('chart-masked')).toBeTruthy();
    expect(everythingShown()).not.toMatch(/nothing to chart|empty/i);
  });

  it('the eye button asks main to switch privacy, and the amounts come back with the new state', async () => {
    const { user, fake } = await renderApp(privateState());
    await user.click(screen.getByRole('button', { name: 'Hide amounts' }));
    expect(fake.fns.setPrefs).toHaveBeenCalledWith({ privacy: false });
    fake.push(makeState());
    expect(screen.getByTestId('total-amount').textContent).toBe('633,967,350,312,281,193.07');
    expect(screen.getByRole('button', { name: 'Hide amounts' }).getAttribute('aria-pressed')).toBe('false');
  });
});
