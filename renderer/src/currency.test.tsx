// The currency selector: a keyboard-operable radiogroup; switching shows the choice at
// once, keeps showing the cached data honestly labelled, then the refreshed one.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appError } from '../../shared/errors.js';
import { makeState, snapshotOf, T0 } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

function checked(): string[] {
  return screen
    .getAllByRole('radio')
    .filter((r) => r.getAttribute('aria-checked') === 'true')
    .map((r) => r.textContent ?? '');
}

describe('currency selector', () => {
  it('is a radiogroup of the four currencies with one tab stop', async () => {
    await renderApp(makeState());
    const group = screen.getByRole('radiogroup', { name: 'Currency' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.textContent)).toEqual(['BTC', 'CNY', 'USD', 'USDT']);
    expect(radios.map((r) => r.tabIndex)).toEqual([-1, -1, -1, 0]);
    expect(checked()).toEqual(['USDT']);
  });

  it('switches at once, keeps the cached figure labelled with its own currency, then shows the new one', async () => {
    const { user, fake } = await renderApp(makeState());
    await user.click(screen.getByRole('radio', { name: 'BTC' }));
    expect(fake.fns.setCurrency).toHaveBeenCalledWith('BTC');
    expect(checked()).toEqual(['BTC']);
    expect(screen.getByTestId('switching').textContent).toBe('Showing USDT until BTC arrives…');
    expect(screen.getByTestId('total').textContent).toContain('USDT');

    // Main confirms, first with its cached BTC snapshot …
    const cached = snapshotOf([['spot', '1.123456789']], 'BTC', T0 - 600_000);
    fake.push(makeState({ currency: 'BTC', balance: cached, refreshing: true }));
    expect(screen.getByTestId('total-amount').textContent).toBe('1.12345679');
    expect(screen.getByTestId('total-amount').getAttribute('title')).toBe('1.123456789 BTC');
    expect(screen.queryByTestId('switching')).toBeNull();
    expect(screen.getByTestId('status-badge').textContent).toBe('Live · Updating…');

    // … then with the refreshed one.
    fake.push(makeState({ currency: 'BTC', balance: snapshotOf([['spot', '2.5']], 'BTC', T0), refreshing: false }));
    expect(screen.getByTestId('total-amount').textContent).toBe('2.50000000');
    expect(checked()).toEqual(['BTC']);
    // The day's history (the sparkline's) follows the shown currency.
    expect(fake.fns.getHistory).toHaveBeenLastCalledWith({ currency: 'BTC', range: '24h' });
  });

  it('moves and selects with the arrow keys, wraps, and jumps with Home/End', async () => {
    const { user, fake } = await renderApp(makeState());
    const usdt = screen.getByRole('radio', { name: 'USDT' });
    usdt.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.textContent).toBe('BTC');
    expect(fake.fns.setCurrency).toHaveBeenLastCalledWith('BTC');
    expect(checked()).toEqual(['BTC']);
    await user.keyboard('{ArrowDown}');
    expect(fake.fns.setCurrency).toHaveBeenLastCalledWith('CNY');
    await user.keyboard('{End}');
    expect(document.activeElement?.textContent).toBe('USDT');
    expect(fake.fns.setCurrency).toHaveBeenLastCalledWith('USDT');
    await user.keyboard('{Home}');
    expect(fake.fns.setCurrency).toHaveBeenLastCalledWith('BTC');
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement?.textContent).toBe('USDT');
    await user.keyboard('{ArrowUp}');
    expect(fake.fns.setCurrency).toHaveBeenLastCalledWith('USD');
    expect(checked()).toEqual(['USD']);
  });

  it('goes back to the confirmed currency and names the error when main refuses the switch', async () => {
    const { user, fake } = await renderApp(makeState());
    fake.fns.setCurrency.mockResolvedValueOnce({
      ok: false,
      error: appError('INVALID_CURRENCY', { reason: 'not-offered', currency: 'EUR', currencies: 'BTC, CNY, USD, USDT' }),
    });
    await user.click(screen.getByRole('radio', { name: 'CNY' }));
    const message = await screen.findByTestId('message');
    expect(message.textContent).toContain('INVALID_CURRENCY');
    expect(message.textContent).toContain('"EUR" is not one of BTC, CNY, USD, USDT.');
    expect(checked()).toEqual(['USDT']);
    await user.click(within(message).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('message')).toBeNull();
  });
});
