// Edge data through the whole popover: one account, all zero, a negative account, twelve
// accounts, unknown names and 40-digit amounts.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../shared/prefs.js';
import { PALETTE } from './lib/colours.js';
import { shareToHundredths } from './lib/slices.js';
import { makeState, snapshotOf } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

function legendRows(): { label: string; share: string }[] {
  return within(screen.getByRole('list', { name: 'Legend' }))
    .getAllByRole('listitem')
    .map((li) => ({
      label: li.querySelector('.legend-label')?.textContent ?? '',
      share: li.querySelector('.legend-share')?.textContent ?? '',
    }));
}

function sum(rows: readonly { share: string }[]): number {
  return rows.reduce((acc, r) => acc + shareToHundredths(r.share.replace(' %', '')), 0);
}

describe('edge data', () => {
  it('one account is the whole pie', async () => {
    await renderApp(makeState({ balance: snapshotOf([['spot', '10']]) }));
    expect(legendRows()).toEqual([{ label: 'Spot', share: '100.00 %' }]);
    expect(document.querySelectorAll('.recharts-pie-sector')).toHaveLength(1);
    expect(screen.queryByTestId('empty-accounts')).toBeNull();
    expect(screen.queryByTestId('negative-accounts')).toBeNull();
  });

  it('all zero: nothing to chart, every account behind the disclosure, total 0.00', async () => {
    const { user } = await renderApp(
      makeState({
        balance: snapshotOf([
          ['spot', '0'],
          ['futures', '0.00'],
          ['margin', '0'],
        ]),
      }),
    );
    expect(screen.getByTestId('no-positive').textContent).toContain('nothing to chart');
    expect(screen.queryByRole('list', { name: 'Legend' })).toBeNull();
    expect(screen.getByTestId('total-amount').textContent).toBe('0.00');
    const details = screen.getByTestId('empty-accounts') as HTMLDetailsElement;
    expect(details.querySelector('summary')?.textContent).toBe('3 empty accounts');
    expect(details.open).toBe(false);
    await user.click(within(details).getByText('3 empty accounts'));
    expect(details.open).toBe(true);
    expect(
      within(details)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Perpetual futures', 'Margin', 'Spot']);
    await user.click(screen.getByRole('button', { name: 'Table view' }));
    expect(
      within(screen.getByRole('table'))
        .getAllByTestId('row-share')
        .map((c) => c.textContent),
    ).toEqual(['empty', 'empty', 'empty']);
  });

  it('a negative account is listed under the chart with a note, not drawn', async () => {
    await renderApp(
      makeState({
        balance: snapshotOf([
          ['spot', '100'],
          ['futures', '-20.5'],
          ['moon_vault', '300'],
        ]),
      }),
    );
    expect(legendRows()).toEqual([
      { label: 'moon_vault', share: '75.00 %' },
      { label: 'Spot', share: '25.00 %' },
    ]);
    // One legend-style row: name, amount, "not in the shares"; why is one click away (and on hover).
    const row = within(screen.getByTestId('negative-accounts')).getByTestId('below-zero-futures');
    const summary = row.querySelector('summary')!;
    expect(summary.textContent).toBe('Perpetual futures-20.50not in the shares');
    expect(summary.title).toMatch(/^A negative balance cannot be a pie slice/);
    expect((row as HTMLDetailsElement).open).toBe(false);
    expect(within(row).getByTestId('below-zero-note').textContent).toMatch(/^A negative balance cannot be a pie slice/);
    expect(screen.getByTestId('total-amount').textContent).toBe('379.50');
    expect(document.querySelectorAll('.recharts-pie-sector')).toHaveLength(2);
  });

  it('twelve accounts: small ones grouped into Other, shares still 100.00, known accounts keep distinct colours', async () => {
    const pairs = [
      ['spot', '5000'],
      ['futures', '2500'],
      ['finance', '1200'],
      ['quant', '600'],
      ['delivery', '300'],
      ['margin', '150'],
      ['cross_margin', '100'],
      ['options', '60'],
      ['warrant', '40'],
      ['cbbc', '25'],
      ['payment', '15'],
      ['meme_box', '10'],
    ] as const;
    const { user } = await renderApp(makeState({ balance: snapshotOf(pairs) }));
    const rows = legendRows();
    expect(rows.map((r) => r.label)).toEqual(['Spot', 'Perpetual futures', 'Earn/finance', 'Quant', 'Delivery futures', 'Other (7)']);
    expect(sum(rows)).toBe(10_000);
    const swatches = [...document.querySelectorAll<HTMLElement>('.legend .swatch')].map((s) => s.style.background);
    expect(new Set(swatches).size).toBe(swatches.length);
    await user.click(screen.getByRole('button', { name: 'Table view' }));
    const shares = within(screen.getByRole('table'))
      .getAllByTestId('row-share')
      .map((c) => ({ share: c.textContent ?? '' }));
    expect(shares).toHaveLength(12);
    expect(sum(shares)).toBe(10_000);
    expect(new Set(PALETTE).size).toBe(12);
  });

  it('a positive share that rounds to 0.00 reads "< 0.01 %", for a group and a lone account, in legend, label and table', async () => {
    const pairs = [
      ['spot', '1000000'],
      ['quant', '0.01'],
      ['margin', '0.02'],
      ['options', '0.03'],
      ['warrant', '0.04'],
      ['futures', '0'],
    ] as const;
    const { user } = await renderApp(makeState({ balance: snapshotOf(pairs) }));
    expect(legendRows()).toEqual([
      { label: 'Spot', share: '100.00 %' },
      { label: 'Other (4)', share: '< 0.01 %' },
    ]);
    expect(screen.getByRole('img', { name: 'Breakdown: Spot 100.00 %, Other (4) < 0.01 %' })).toBeTruthy();
    expect(screen.getByTestId('legend-__other__').getAttribute('title')).toBe(
      'Warrant < 0.01 %\nOptions < 0.01 %\nMargin < 0.01 %\nQuant < 0.01 %',
    );
    await user.click(screen.getByRole('button', { name: 'Table view' }));
    expect(
      within(screen.getByRole('table'))
        .getAllByTestId('row-share')
        .map((c) => c.textContent),
    ).toEqual(['100.00 %', '< 0.01 %', '< 0.01 %', '< 0.01 %', '< 0.01 %', 'empty']);
  });

  it('a lone tiny account (nothing to group it with) also reads "< 0.01 %"', async () => {
    await renderApp(
      makeState({
        balance: snapshotOf([
          ['spot', '1000000'],
          ['quant', '0.01'],
        ]),
      }),
    );
    expect(legendRows()).toEqual([
      { label: 'Spot', share: '100.00 %' },
      { label: 'Quant', share: '< 0.01 %' },
    ]);
  });

  it('threshold 0 never groups', async () => {
    const pairs = [
      ['spot', '1000'],
      ['futures', '1'],
      ['margin', '1'],
    ] as const;
    await renderApp(makeState({ balance: snapshotOf(pairs), prefs: { ...DEFAULT_PREFERENCES, smallSliceThresholdPercent: 0 } }));
    // Equal amounts sort by Gate's account key (futures < margin).
    expect(legendRows().map((r) => r.label)).toEqual(['Spot', 'Perpetual futures', 'Margin']);
    expect(sum(legendRows())).toBe(10_000);
  });

  it('unknown account names are shown as Gate sent them', async () => {
    const { user } = await renderApp(
      makeState({
        balance: snapshotOf([
          ['space_station', '7'],
          ['spot', '3'],
        ]),
      }),
    );
    expect(legendRows().map((r) => r.label)).toEqual(['space_station', 'Spot']);
    await user.click(screen.getByRole('button', { name: 'Table view' }));
    expect(screen.getByRole('rowheader', { name: 'space_station' })).toBeTruthy();
  });

  it('40-digit amounts keep every digit in the title and the copy', async () => {
    const big = '1234567890123456789012345678.901234567891'; // 40 digits
    const other = '9876543210987654321098765432.109876543219'; // 40 digits
    const base = snapshotOf([
      ['spot', big],
      ['quant', other],
    ]);
    // Gate's total string as sent, trailing zero and all (41 digits).
    const balance = { ...base, total: { ...base.total, amount: '11111111101111111110111111111.011111111110' } };
    const { user } = await renderApp(makeState({ balance }));
    const total = screen.getByTestId('total-amount');
    expect(total.textContent).toBe('11,111,111,101,111,111,110,111,111,111.01');
    // The title keeps every digit Gate sent, the trailing zero included …
    expect(total.getAttribute('title')).toBe('11,111,111,101,111,111,110,111,111,111.011111111110 USDT');
    // … and the copy button hands over Gate's string byte for byte.
    await user.click(screen.getByRole('button', { name: 'Copy exact total' }));
    expect(await navigator.clipboard.readText()).toBe('11111111101111111110111111111.011111111110');
    const spot = screen.getByTestId('legend-spot').querySelector('.legend-amount');
    expect(spot?.textContent).toBe('1,234,567,890,123,456,789,012,345,678.90');
    expect(spot?.getAttribute('title')).toBe('1,234,567,890,123,456,789,012,345,678.901234567891 USDT');
    const quant = screen.getByTestId('legend-quant').querySelector('.legend-amount');
    expect(quant?.getAttribute('title')).toBe('9,876,543,210,987,654,321,098,765,432.109876543219 USDT');
  });
});
