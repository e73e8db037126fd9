// The change over 24 hours next to the total: exact, signed, localised, coloured by the user's
// rule and locale, "since 09:14" when the history is shorter, nothing without an earlier point,
// masked in privacy mode; and the sparkline of the last 24 hours beside it.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../shared/balance.js';
import type { Change24h, ChangeColourRule } from '../../shared/change.js';
import { clockMinutes } from '../../shared/present/dates.js';
import { ENGLISH } from '../../shared/present/words.js';
import { DEFAULT_PREFERENCES } from '../../shared/prefs.js';
import { makeState, snapshotOf, T0 } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

const HOUR = 3_600_000;

function change(overrides: Partial<Change24h> = {}): Change24h {
  return { from: T0 - 24 * HOUR, fromTotal: '100000', amount: '1234.565', percent: '+1.23', partial: false, direction: 1, ...overrides };
}

function stateWith(c: Change24h | null, colours: ChangeColourRule = 'auto', language: 'en' | 'zh-CN' | 'zh-TW' = 'en') {
  return makeState({
    change24h: c,
    prefs: { ...DEFAULT_PREFERENCES, changeColours: colours },
    locale: { language, formatLocale: language === 'en' ? 'en-US' : language },
  });
}

const text = (id: string) => screen.getByTestId(id).textContent;

describe('the 24-hour change', () => {
  it('a rise: signed amount at the currency digits and percent, over 24 h, green where a rise is green', async () => {
    await renderApp(stateWith(change()));
    expect(text('change-amount')).toBe('+1,234.57');
    expect(text('change-percent')).toBe('+1.23 %');
    expect(text('change-span')).toBe('24 h');
    expect(screen.getByTestId('change').dataset.colour).toBe('green');
    expect(screen.getByTestId('change').textContent).toContain('Change over 24 hours:');
  });

  it('a fall: a minus, red', async () => {
    await renderApp(stateWith(change({ amount: '-0.004', percent: '-0.00', direction: -1 })));
    // Rounds to zero at two digits: no sign is printed for it.
    expect(text('change-amount')).toBe('0.00');
    expect(screen.getByTestId('change').dataset.colour).toBe('red');
  });

  it('keeps every digit exact from the strings (no float on the way)', async () => {
    await renderApp(stateWith(change({ amount: '-591702859674467879.6488202650892478553852', percent: '-93.33', direction: -1 })));
    expect(text('change-amount')).toBe('-591,702,859,674,467,879.65');
    expect(text('change-percent')).toBe('-93.33 %');
  });

  it.each([
    ['auto', 'zh-CN', 1, 'red'],
    ['auto', 'zh-CN', -1, 'green'],
    ['auto', 'zh-TW', 1, 'red'],
    ['auto', 'en', 1, 'green'],
    ['red-up', 'en', 1, 'red'],
    ['red-up', 'en', -1, 'green'],
    ['green-up', 'zh-CN', 1, 'green'],
  ] as const)('colours %s in %s, direction %d: %s', async (rule, language, direction, colour) => {
    await renderApp(stateWith(change({ direction, amount: direction > 0 ? '5' : '-5' }), rule, language));
    expect(screen.getByTestId('change').dataset.colour).toBe(colour);
  });

  it("formats with the state's locale (the words' numbers follow it once the language provider is in)", async () => {
    await renderApp(stateWith(change({ amount: '0', percent: '0.00', direction: 0 })));
    expect(text('change-amount')).toBe('0.00');
    expect(text('change-percent')).toBe('0.00 %');
    expect(screen.getByTestId('change').dataset.colour).toBe('neutral');
  });

  it('with a shorter history, says since when', async () => {
    const from = T0 - 5 * HOUR - 14 * 60_000;
    await renderApp(stateWith(change({ from, partial: true })));
    expect(text('change-span')).toBe(`since ${clockMinutes(ENGLISH, from)}`);
    expect(text('change-span')).toMatch(/^since \d\d:\d\d$/);
  });

  it('shows no percent when the earlier total was zero or below, and nothing at all without an earlier point', async () => {
    const { fake } = await renderApp(stateWith(change({ percent: null, fromTotal: '0' })));
    expect(text('change-amount')).toBe('+1,234.57');
    expect(screen.queryByTestId('change-percent')).toBeNull();
    fake.push(stateWith(null));
    expect(screen.queryByTestId('change')).toBeNull();
  });

  it("privacy mode hides the amount, the percent, the direction and the sparkline's shape", async () => {
    const history: HistoryPoint[] = [
      { at: T0 - 2 * HOUR, currency: 'USDT', total: '100' },
      { at: T0 - HOUR, currency: 'USDT', total: '180' },
      { at: T0, currency: 'USDT', total: '120' },
    ];
    const state = makeState({ change24h: change(), prefs: { ...DEFAULT_PREFERENCES, privacy: true } });
    await renderApp(state, { history });
    expect(text('change-amount')).toBe('•••');
    expect(text('change-percent')).toBe('•••');
    const row = screen.getByTestId('change');
    expect(row.dataset.colour).toBe('neutral');
    expect(row.dataset.direction).toBe('');
    expect(row.querySelector('.change-arrow')).toBeNull();
    const line = await screen.findByTestId('sparkline');
    expect(line.getAttribute('aria-label')).toBe('History hidden (privacy mode)');
    // A flat placeholder: nothing of the history's values reaches the geometry.
    expect(line.querySelector('path')?.getAttribute('d')).toBe('M0,12 L96,12');
  });
});

describe('the 24-hour sparkline', () => {
  it('asks for the last 24 hours of the shown currency and again with every new balance', async () => {
    const { fake } = await renderApp(stateWith(change()));
    expect(fake.fns.getHistory).toHaveBeenLastCalledWith({ currency: 'USDT', range: '24h' });
    const calls = fake.fns.getHistory.mock.calls.length;
    fake.push(makeState({ change24h: change(), balance: snapshotOf([['spot', '42']], 'USDT', T0 + 60_000) }));
    await screen.findByTestId('change');
    expect(fake.fns.getHistory.mock.calls.length).toBe(calls + 1);
  });

  it('breaks the line where the app was not running instead of drawing across', async () => {
    const history: HistoryPoint[] = [
      { at: T0 - 20 * HOUR, currency: 'USDT', total: '100' },
      { at: T0 - 20 * HOUR + 60_000, currency: 'USDT', total: '101' },
      // Eight hours without a point: a gap.
      { at: T0 - 12 * HOUR, currency: 'USDT', total: '140' },
      { at: T0 - 12 * HOUR + 60_000, currency: 'USDT', total: '141' },
    ];
    // Measured since the oldest point: the line is the whole history.
    await renderApp(stateWith(change({ from: T0 - 20 * HOUR, fromTotal: '100', partial: true })), { history });
    const d = (await screen.findByTestId('sparkline')).querySelector('path')?.getAttribute('d') ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.split(' ').map((s) => s[0])).toEqual(['M', 'L', 'M', 'L']);
    expect(screen.queryByTestId('sparkline-dot')).toBeNull();
  });

  it('draws a point alone after a gap as a dot, so the refresh after a night away shows', async () => {
    const history: HistoryPoint[] = [
      { at: T0 - 20 * HOUR, currency: 'USDT', total: '100' },
      { at: T0 - 20 * HOUR + 60_000, currency: 'USDT', total: '120' },
      // The computer slept: the newest point has no neighbour within reach.
      { at: T0, currency: 'USDT', total: '110' },
    ];
    await renderApp(stateWith(change({ from: T0 - 20 * HOUR, fromTotal: '100', partial: true })), { history });
    const line = await screen.findByTestId('sparkline');
    expect(line.querySelector('path')?.getAttribute('d')).toBe('M0.0,22.0 L0.1,2.0 M96.0,12.0');
    const dots = screen.getAllByTestId('sparkline-dot');
    expect(dots.map((c) => [c.getAttribute('cx'), c.getAttribute('cy')])).toEqual([['96', '12']]);
  });

  it('covers the window of the change: from the point it is measured against, which the 24-hour view may not hold', async () => {
    const history: HistoryPoint[] = [
      { at: T0 - 24 * HOUR + 2 * 60_000, currency: 'USDT', total: '120' },
      { at: T0 - 12 * HOUR, currency: 'USDT', total: '140' },
      { at: T0, currency: 'USDT', total: '110' },
    ];
    // The change is measured against a point a minute before the 24 hours: the line starts there (x 0, the low's y).
    await renderApp(stateWith(change({ from: T0 - 24 * HOUR - 60_000, fromTotal: '100' })), { history });
    const d = (await screen.findByTestId('sparkline')).querySelector('path')?.getAttribute('d') ?? '';
    expect(d.split(' ')).toHaveLength(4);
    expect(d.startsWith('M0.0,22.0 L')).toBe(true);
    expect(screen.getByTestId('sparkline').getAttribute('aria-label')).toContain('4 points');
  });

  it('leaves out what is older than a partial change measured since a later point', async () => {
    const history: HistoryPoint[] = [
      { at: T0 - 3 * HOUR, currency: 'USDT', total: '500' },
      { at: T0 - 2 * HOUR, currency: 'USDT', total: '100' },
      { at: T0 - 2 * HOUR + 60_000, currency: 'USDT', total: '110' },
      { at: T0, currency: 'USDT', total: '120' },
    ];
    await renderApp(stateWith(change({ from: T0 - 2 * HOUR, fromTotal: '100', partial: true })), { history });
    expect((await screen.findByTestId('sparkline')).getAttribute('aria-label')).toContain('3 points');
  });

  it.each([
    ['en', 1, 'green'],
    ['zh-CN', 1, 'red'],
    ['zh-TW', 1, 'red'],
    ['zh-TW', -1, 'green'],
  ] as const)('in %s, direction %d, the line sits in the change, which wears %s', async (language, direction, colour) => {
    const history: HistoryPoint[] = [
      { at: T0 - 2 * HOUR, currency: 'USDT', total: '100' },
      { at: T0, currency: 'USDT', total: '120' },
    ];
    const c = change({ from: T0 - 2 * HOUR, fromTotal: '100', partial: true, direction, amount: direction > 0 ? '20' : '-20' });
    await renderApp(stateWith(c, 'auto', language), { history });
    const line = await screen.findByTestId('sparkline');
    // styles.css colours `.change-<colour> .sparkline` as the figure.
    expect(line.closest('[data-testid="change"]')?.classList.contains(`change-${colour}`)).toBe(true);
  });
});
