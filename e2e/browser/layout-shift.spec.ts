/**
 * Nothing moves under the pointer: the browser's own Layout Instability API (a buffered
 * `PerformanceObserver` of `layout-shift` entries, installed before the page's first script)
 * records every shift of a box that was already on screen, through load → live → a currency
 * switch (nothing cached: loading again) → back (cached) → a refresh → stale. The cumulative
 * shift is 0; even right after a click (which the metric forgives) no box moves up or down; and
 * the currency selector sits at the same y in every one of those states.
 */
import type { Page } from '@playwright/test';
import type { SimPortfolio } from '../../electron/core/simulator/portfolio.js';
import { test, expect } from './fixtures.js';
import { liveChartReady } from './journeys.js';

/** Seven accounts with PnL and borrowed (in every currency), one below zero, one empty. */
const PORTFOLIO: SimPortfolio = {
  accounts: {
    spot: { amount: '30512.12345678' },
    futures: { amount: '25004.5', unrealisedPnl: '-1234.56' },
    margin: { amount: '15000.75', borrowed: '2500' },
    finance: { amount: '12000' },
    quant: { amount: '10000.1' },
    cross_margin: { amount: '-12.85' },
    warrant: { amount: '0' },
  },
};

/** One box that moved: what it is, and its top before and after, px. */
interface MovedBox {
  readonly node: string;
  readonly fromY: number;
  readonly toY: number;
}

interface Shift {
  readonly value: number;
  readonly hadRecentInput: boolean;
  readonly sources: readonly MovedBox[];
}

declare global {
  interface Window {
    __layoutShifts?: Shift[];
  }
}

/** Where the currency selector's top is, px from the top of the popover. */
async function selectorY(page: Page): Promise<number> {
  const box = await page.getByTestId('currency-selector').boundingBox();
  if (box === null) throw new Error('the currency selector is not on screen');
  return box.y;
}

/** Every shift recorded so far, after two frames (the observer reports after the frame that shifted). */
async function shifts(page: Page): Promise<Shift[]> {
  return page.evaluate(async () => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    return window.__layoutShifts ?? [];
  });
}

test.use({ harnessOptions: { withKey: true, portfolio: PORTFOLIO, initialFault: { kind: 'slow', delayMs: 5_000 } } });

test('load, live, a currency switch, a refresh and stale shift nothing, and the selector never moves', async ({ world }) => {
  const { page, harness } = world;
  await page.addInitScript(() => {
    const seen: Shift[] = [];
    window.__layoutShifts = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      })[]) {
        const sources = (entry.sources ?? []).map((s) => {
          const el = s.node instanceof Element ? s.node : (s.node?.parentElement ?? null);
          const node =
            el === null ? '?' : `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${el.getAttribute('data-testid') ?? ''}]`;
          return { node, fromY: s.previousRect.y, toY: s.currentRect.y };
        });
        seen.push({ value: entry.value, hadRecentInput: entry.hadRecentInput, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });

  const ys: Record<string, number> = {};
  await world.open();
  // The first answer is slow: the skeleton, under the real header and selector.
  await expect(page.getByTestId('loading')).toBeVisible();
  ys.loading = await selectorY(page);
  harness.simulator.setFault(null);
  await liveChartReady(page);
  ys.live = await selectorY(page);

  // A second balance: the change and its sparkline appear in the room kept for them.
  await page.evaluate(async () => window.glance?.refresh());
  await expect(page.getByTestId('change')).toBeVisible();
  ys.change = await selectorY(page);

  // BTC was never fetched: its first answer is slow, so the switch and the loading are seen.
  harness.simulator.setFault({ kind: 'slow', delayMs: 1_000 }, 1);
  await page.getByTestId('currency-BTC').click();
  await expect(page.getByTestId('currency-BTC')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('loading').or(page.getByTestId('switching'))).toBeVisible();
  ys.switching = await selectorY(page);
  await liveChartReady(page);
  ys.btc = await selectorY(page);

  // Back to USDT: cached, with its change.
  await page.getByTestId('currency-USDT').click();
  await expect(page.getByTestId('change')).toBeVisible();
  ys.usdt = await selectorY(page);

  // A refresh in flight ("Updating…"), then one that fails: the status line takes "as of"'s place.
  harness.simulator.setFault({ kind: 'slow', delayMs: 800 }, 1);
  const refreshing = page.evaluate(async () => window.glance?.refresh());
  await expect(page.getByTestId('status-badge')).toContainText(/./);
  ys.refreshing = await selectorY(page);
  await refreshing;
  harness.simulator.setFault({ kind: 'drop' }, 1);
  await page.evaluate(async () => window.glance?.refresh());
  await expect(page.getByTestId('status-line')).toHaveAttribute('data-code', 'NETWORK');
  ys.stale = await selectorY(page);

  const recorded = await shifts(page);
  // The cumulative layout shift: every shift the user did not just cause.
  const unasked = recorded.filter((s) => !s.hadRecentInput);
  const cumulative = unasked.reduce((sum, s) => sum + s.value, 0);
  // Right after a click, a figure of another currency may be wider (its neighbours move sideways), but nothing moves up or down.
  const vertical = recorded.flatMap((s) => s.sources).filter((b) => b.fromY !== b.toY);
  test.info().annotations.push({
    type: 'layout shift',
    description: `${recorded.length} entries (${unasked.length} without input), cumulative ${cumulative}; selector y ${JSON.stringify(ys)}`,
  });
  console.log(
    `layout shift: ${recorded.length} entries (${unasked.length} without input), cumulative ${cumulative}; selector y ${JSON.stringify(ys)}`,
  );
  expect(unasked, `layout shifts: ${JSON.stringify(unasked)}`).toEqual([]);
  expect(cumulative).toBe(0);
  expect(vertical, `boxes that moved up or down: ${JSON.stringify(vertical)}`).toEqual([]);
  expect(new Set(Object.values(ys)).size, `selector y per state: ${JSON.stringify(ys)}`).toBe(1);
  expect(world.consoleLog.errors()).toEqual([]);
});
