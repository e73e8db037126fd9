// The history chart view: opened from the main view under the total, one currency's history per
// range, high/low/last labelled, a readout on hover and keyboard focus, a table of the same
// points, gaps drawn as breaks, nothing in privacy mode, a failure shown with Retry.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../shared/balance.js';
import { appError } from '../../shared/errors.js';
import { shortDateTime } from '../../shared/present/dates.js';
import { ENGLISH } from '../../shared/present/words.js';
import { DEFAULT_PREFERENCES } from '../../shared/prefs.js';
import { makeState, T0 } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const HISTORY: HistoryPoint[] = [
  { at: T0 - 20 * DAY, currency: 'USDT', total: '90.5' },
  { at: T0 - 3 * DAY, currency: 'USDT', total: '300' },
  { at: T0 - 10 * HOUR, currency: 'USDT', total: '100.25' },
  { at: T0 - 10 * HOUR + 60_000, currency: 'USDT', total: '150.125' },
  // Nine hours without a point (the app was closed): a gap, not a line.
  { at: T0 - 120_000, currency: 'USDT', total: '120' },
  { at: T0, currency: 'USDT', total: '130.5' },
  { at: T0, currency: 'BTC', total: '0.002' },
];

const at = (ms: number) => shortDateTime(ENGLISH, ms);

async function openChart(options: { privacy?: boolean } = {}) {
  const rendered = await renderApp(makeState({ prefs: { ...DEFAULT_PREFERENCES, privacy: options.privacy ?? false } }), {
    history: HISTORY,
  });
  // The main view's sparkline has asked for 24 h already; the chart's own request comes after.
  const asked = rendered.fake.fns.getHistory.mock.calls.length;
  await rendered.user.click(screen.getByRole('button', { name: 'History chart' }));
  await screen.findByTestId('chart-view');
  // The chart's chunk loads lazily, so its mount (and the effect that asks main) can land outside
  // the click's act(): wait for the request itself rather than assume it.
  await waitFor(() => expect(rendered.fake.fns.getHistory.mock.calls.length).toBeGreaterThan(asked));
  return rendered;
}

describe('the history chart', () => {
  it('opens under the total (which stays first), on 24 h of the shown currency', async () => {
    const { fake } = await openChart();
    const main = document.querySelector('main.app')!;
    expect((main.children[2] as HTMLElement).dataset.testid).toBe('total');
    expect(screen.getByRole('heading', { name: 'History · USDT' })).toBe(document.activeElement);
    expect(fake.fns.getHistory).toHaveBeenLastCalledWith({ currency: 'USDT', range: '24h' });
    expect(screen.getByTestId('range-24h').getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByTestId('chart-plot')).toBeTruthy();
    expect(screen.queryByTestId('table-toggle')).toBeNull();
  });

  it.each([
    ['7d', '7 d', 5],
    ['30d', '30 d', 6],
    ['all', 'All', 6],
    ['24h', '24 h', 4],
  ] as const)('range %s: asks main for it and charts its points', async (range, label, count) => {
    const { user, fake } = await openChart();
    if (range !== '24h') await user.click(screen.getByRole('button', { name: label }));
    expect(fake.fns.getHistory).toHaveBeenLastCalledWith({ currency: 'USDT', range });
    expect(screen.getByTestId(`range-${range}`).getAttribute('aria-pressed')).toBe('true');
    const table = await screen.findByTestId('chart-table');
    expect(within(table).getAllByRole('row')).toHaveLength(count + 1);
    expect(table.querySelector('summary')?.textContent).toBe(`${count} points as a table`);
  });

  it("labels the range's high, low and last with Gate's exact figures", async () => {
    await openChart();
    await screen.findByTestId('chart-plot');
    expect(screen.getByTestId('chart-high').textContent).toBe(`High150.13 USDT ${at(T0 - 10 * HOUR + 60_000)}`);
    expect(screen.getByTestId('chart-low').textContent).toBe(`Low100.25 USDT ${at(T0 - 10 * HOUR)}`);
    expect(screen.getByTestId('chart-last').textContent).toBe(`Last130.50 USDT ${at(T0)}`);
    expect(document.querySelectorAll('.chart-mark')).toHaveLength(3);
  });

  it('labels its y-axis with the high, the middle and the low, and puts the how-to sentence under high, low and last', async () => {
    await openChart();
    await screen.findByTestId('chart-plot');
    const ticks = screen.getAllByTestId('chart-y-tick');
    expect(ticks.map((t) => t.textContent)).toEqual(['150.13', '125.19', '100.25']);
    // Each sits where the line draws its value: the high near the top, the low near the bottom.
    const tops = ticks.map((t) => parseFloat(t.style.top));
    expect(tops[0]).toBeLessThan(tops[1]!);
    expect(tops[1]).toBeCloseTo(50, 5);
    expect(tops[2]).toBeGreaterThan(tops[1]!);
    const readout = screen.getByTestId('chart-readout');
    expect(screen.getByTestId('chart-last').compareDocumentPosition(readout) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('breaks the line over a gap', async () => {
    await openChart();
    const d = (await screen.findByTestId('chart-line')).getAttribute('d') ?? '';
    expect(d.split(' ').map((s) => s[0])).toEqual(['M', 'L', 'M', 'L']);
    expect(screen.getByTestId('chart-table').querySelectorAll('tr.after-gap')).toHaveLength(1);
    expect(screen.queryAllByTestId('chart-dot')).toHaveLength(0);
  });

  it('draws a point with a gap on both sides as a dot, since no line reaches it', async () => {
    const { user } = await openChart();
    await user.click(screen.getByRole('button', { name: '7 d' }));
    await screen.findByTestId('chart-plot');
    const d = screen.getByTestId('chart-line').getAttribute('d') ?? '';
    expect(d.split(' ').map((s) => s[0])).toEqual(['M', 'M', 'L', 'M', 'L']);
    expect(screen.getAllByTestId('chart-dot')).toHaveLength(1);
  });

  it('reads a value out on keyboard focus and the arrow keys, and on hover', async () => {
    const { user } = await openChart();
    const plot = await screen.findByTestId('chart-plot');
    expect(screen.getByTestId('chart-readout').textContent).toContain('arrow keys');
    act(() => plot.focus());
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByTestId('chart-readout').textContent).toBe(`${at(T0 - 120_000)}: 120.00 USDT`);
    expect(plot.getAttribute('aria-valuenow')).toBe('2');
    expect(plot.getAttribute('aria-valuetext')).toBe(`${at(T0 - 120_000)}: 120.00 USDT`);
    await user.keyboard('{Home}');
    expect(screen.getByTestId('chart-readout').textContent).toBe(`${at(T0 - 10 * HOUR)}: 100.25 USDT`);
    expect(screen.getByTestId('chart-cursor')).toBeTruthy();
    await user.keyboard('{End}');
    expect(screen.getByTestId('chart-readout').textContent).toBe(`${at(T0)}: 130.50 USDT`);
    act(() => plot.blur());
    expect(screen.queryByTestId('chart-cursor')).toBeNull();
    // jsdom lays nothing out (a zero-width box): the pointer is at the first point.
    fireEvent.pointerMove(plot.querySelector('svg')!, { clientX: 0 });
    expect(screen.getByTestId('chart-readout').textContent).toBe(`${at(T0 - 10 * HOUR)}: 100.25 USDT`);
  });

  it('is per currency: another currency charts its own history', async () => {
    const { fake } = await renderApp(makeState({ currency: 'BTC', balance: { ...makeState().balance!, currency: 'BTC' } }), {
      history: HISTORY,
    });
    fake.fns.getHistory.mockClear();
    await screen.findByTestId('history');
    fireEvent.click(screen.getByRole('button', { name: 'History chart' }));
    await screen.findByTestId('chart-plot');
    expect(fake.fns.getHistory).toHaveBeenLastCalledWith({ currency: 'BTC', range: '24h' });
    expect(screen.getByTestId('chart-last').textContent).toContain('0.00200000 BTC');
  });

  it('shows nothing of the history in privacy mode', async () => {
    await openChart({ privacy: true });
    expect(screen.getByTestId('chart-hidden').textContent).toBe('History hidden (privacy mode)');
    expect(screen.queryByTestId('chart-plot')).toBeNull();
    expect(screen.queryByTestId('chart-table')).toBeNull();
  });

  it('says when a range has no points yet', async () => {
    const { fake, user } = await openChart();
    fake.fns.getHistory.mockResolvedValueOnce({
      ok: true,
      value: { range: '7d', points: [], gaps: [], high: null, low: null, last: null, total: 0 },
    });
    await user.click(screen.getByRole('button', { name: '7 d' }));
    expect((await screen.findByTestId('chart-empty')).textContent).toContain('No history in this range yet');
  });

  it('tells the demo that it records no history, rather than to wait for refreshes', async () => {
    const { fake, user } = await renderApp(makeState({ demo: true }), { history: HISTORY });
    fake.fns.getHistory.mockResolvedValue({
      ok: true,
      value: { range: '24h', points: [], gaps: [], high: null, low: null, last: null, total: 0 },
    });
    await user.click(screen.getByRole('button', { name: 'History chart' }));
    const empty = await screen.findByTestId('chart-empty');
    expect(empty.textContent).toContain('No history is recorded for the demo');
    expect(empty.textContent).not.toContain('No history in this range yet');
  });

  it('shows a failure in the view with Retry, and goes back with Back and Escape', async () => {
    const { fake, user } = await renderApp(makeState(), { history: HISTORY });
    fake.fns.getHistory.mockResolvedValueOnce({ ok: false, error: appError('INTERNAL', { reason: 'thrown' }, 'disk gone') });
    await user.click(screen.getByRole('button', { name: 'History chart' }));
    const error = await screen.findByTestId('chart-error');
    expect(error.dataset.code).toBe('INTERNAL');
    await user.click(within(error).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('chart-plot')).toBeTruthy();
    await user.click(screen.getByTestId('chart-back'));
    expect(screen.getByTestId('table-toggle')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'History chart' }));
    await screen.findByTestId('chart-view');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('chart-view')).toBeNull();
  });
});
