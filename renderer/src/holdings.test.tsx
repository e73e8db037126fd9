// The holdings view: opened from a legend entry, a table row or the keyboard; coins by value
// with small balances folded; the total-only answer; privacy; errors with the right action.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appError, type AppError, type Result } from '../../shared/errors.js';
import type { CoinBalance, HoldingsView } from '../../shared/holdings.js';
import { computeHoldings, holdingsView } from '../../shared/holdings.js';
import type { HoldingsRequest } from '../../shared/ipc.js';
import { DEFAULT_PREFERENCES } from '../../shared/prefs.js';
import { makeState, snapshotOf, T0 } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

const SPOT = '18452.73120045';
const balance = snapshotOf([
  ['spot', SPOT],
  ['futures', '6210.4471'],
  ['margin', '1204.5'],
  ['quant', '30'],
  ['options', '20'],
]);
const TICKERS = { BTC_USDT: '95000', ETH_USDT: '3400', DOGE_USDT: '0.32', PEPE_USDT: '0.00001' };

function coin(c: string, quantity: string): CoinBalance {
  return { coin: c, quantity, available: quantity, locked: '0' };
}

function spotView(currency: 'USDT' | 'BTC' = 'USDT'): HoldingsView {
  const coins = [
    coin('ETH', '1.5'),
    coin('BTC', '0.12'),
    coin('USDT', '1936.72120045'),
    coin('DOGE', '50'),
    coin('PEPE', '1000'),
    coin('POINT', '12'),
  ];
  const b = computeHoldings({ account: 'spot', currency, amount: SPOT, coins, tickers: TICKERS });
  return holdingsView('spot', currency, SPOT, b, T0);
}

function answer(view: HoldingsView | ((r: HoldingsRequest) => Result<HoldingsView>)) {
  return (r: HoldingsRequest): Promise<Result<HoldingsView>> =>
    Promise.resolve(typeof view === 'function' ? view(r) : { ok: true, value: view });
}

describe('holdings view', () => {
  it('opens from a legend entry: coins by value, small balances folded, the account total, back to the chart', async () => {
    const { fake, user } = await renderApp(makeState({ balance }));
    fake.fns.getHoldings.mockImplementation(answer(spotView()));
    await user.click(screen.getByTestId('legend-spot'));
    const table = await screen.findByTestId('holdings-table');
    expect(fake.fns.getHoldings).toHaveBeenCalledWith({ account: 'spot', currency: 'USDT' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Spot' }));
    const coins = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(coins).toEqual(['BTC', 'ETH', 'USDT', 'POINT', 'Small balances (2 coins)', 'Spot']);
    const btc = screen.getByTestId('coin-BTC');
    expect(within(btc).getByTestId('coin-quantity').textContent).toBe('0.12');
    expect(within(btc).getByTestId('coin-value').textContent).toBe('11,400.00');
    expect(within(btc).getByTestId('coin-share').textContent).toBe('61.78 %');
    expect(within(screen.getByTestId('coin-POINT')).getByTestId('coin-value').textContent).toBe('no price');
    expect(screen.getByTestId('coin-small').textContent).toContain('16.01');
    expect(screen.queryByTestId('breakdown-chart')).toBeNull();
    await user.click(screen.getByTestId('holdings-back'));
    expect(await screen.findByTestId('breakdown-chart')).toBeTruthy();
  });

  it('opens from the keyboard (Enter on a legend entry) and from a table row; Escape goes back', async () => {
    const { fake, user } = await renderApp(makeState({ balance }));
    fake.fns.getHoldings.mockImplementation(answer(spotView()));
    screen.getByTestId('legend-spot').focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('holdings-table')).toBeTruthy();
    await user.keyboard('{Escape}');
    await user.click(await screen.findByTestId('table-toggle'));
    await user.click(screen.getByTestId('open-spot'));
    expect(await screen.findByTestId('holdings-table')).toBeTruthy();
    expect(fake.fns.getHoldings).toHaveBeenCalledTimes(2);
  });

  it('says coins were folded only when some were; the total is one unbroken figure in its own cell', async () => {
    const { fake, user } = await renderApp(makeState({ balance }));
    fake.fns.getHoldings.mockImplementation(answer(spotView()));
    await user.click(screen.getByTestId('legend-spot'));
    await screen.findByTestId('holdings-table');
    expect(screen.getByTestId('holdings-folded-note').textContent).toBe('Coins under 0.1 % are folded into small balances.');
    const total = screen.getByTestId('holdings-total-amount');
    // No <wbr> or other break point inside the figure.
    expect([total.textContent, total.children.length, total.className.includes('nowrap')]).toEqual(['18,452.73', 0, true]);
    await user.click(screen.getByTestId('holdings-back'));

    const big = { ...spotView(), small: null };
    fake.fns.getHoldings.mockImplementation(answer(big));
    await user.click(await screen.findByTestId('legend-spot'));
    await screen.findByTestId('holdings-table');
    expect(screen.queryByTestId('coin-small')).toBeNull();
    expect(screen.queryByTestId('holdings-folded-note')).toBeNull();
  });

  it('says Gate gives no per-coin detail for other accounts, with their total', async () => {
    const { fake, user } = await renderApp(makeState({ balance }));
    fake.fns.getHoldings.mockImplementation(answer(holdingsView('margin', 'USDT', '1204.5', null, null)));
    await user.click(screen.getByTestId('legend-margin'));
    const none = await screen.findByTestId('holdings-no-detail');
    expect(none.textContent).toContain('Gate gives no per-coin detail for this account.');
    expect(none.textContent).toContain('1,204.50 USDT');
  });

  it('privacy hides quantities, values and shares alike, and lists every coin alphabetically, unfolded', async () => {
    const { fake, user } = await renderApp(makeState({ balance, prefs: { ...DEFAULT_PREFERENCES, privacy: true } }));
    fake.fns.getHoldings.mockImplementation(answer(spotView()));
    await user.click(screen.getByTestId('legend-spot'));
    const table = await screen.findByTestId('holdings-table');
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['BTC', 'ETH', 'POINT', 'USDT', 'DOGE', 'PEPE', 'Spot']);
    const text = table.textContent ?? '';
    for (const shown of ['0.12', '11,400', '61.78', '1,936', '18,452', '18,452', 'no price', 'Small balances'])
      expect(text).not.toContain(shown);
    expect(table.querySelectorAll('[title]').length).toBe(
      [...table.querySelectorAll('[title]')].filter((e) => e.getAttribute('title') === '•••').length,
    );
  });

  it('shows a missing permission with Fix key, other failures with Try again, and keeps the total', async () => {
    const { fake, user } = await renderApp(makeState({ balance }));
    const forbidden: AppError = appError('FORBIDDEN', { reason: 'holdings-permission', account: 'spot' });
    fake.fns.getHoldings.mockImplementation(answer(() => ({ ok: false, error: forbidden })));
    await user.click(screen.getByTestId('legend-spot'));
    const alert = await screen.findByTestId('holdings-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('This key lacks the Spot (read) permission');
    expect(screen.getByTestId('total-amount')).toBeTruthy();
    await user.click(screen.getByTestId('holdings-fix-key'));
    expect(await screen.findByTestId('onboarding-form')).toBeTruthy();
    await user.keyboard('{Escape}');
    let calls = 0;
    fake.fns.getHoldings.mockImplementation(
      answer(() => (++calls === 1 ? { ok: false, error: appError('SERVER_ERROR', { status: 503 }) } : { ok: true, value: spotView() })),
    );
    await user.click(await screen.findByTestId('legend-spot'));
    await user.click(await screen.findByTestId('holdings-retry'));
    await waitFor(() => expect(screen.getByTestId('holdings-table')).toBeTruthy());
    expect(screen.queryByTestId('holdings-error')).toBeNull();
  });
});
