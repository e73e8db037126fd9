// "Unrealised PnL" must never wrap inside its label (it did at 360 px in BTC): jsdom has no
// layout, so this checks the rules the stylesheet applies to the rendered markup; the
// 360 × 480 screenshot in Chromium is the visual check.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeState, snapshotOf } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

// The real stylesheet main's window loads (Vitest does not hand CSS to jsdom).
const CSS = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'styles.css'), 'utf8');

describe('PnL and borrowed line', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = CSS;
    document.head.append(style);
  });
  afterEach(() => style.remove());

  it('keeps each label on one line and lets the pairs, not the labels, wrap', async () => {
    const base = snapshotOf([['spot', '6673340.1217436478331']], 'BTC');
    const balance = { ...base, total: { ...base.total, unrealisedPnl: '-12.34567891', borrowed: '1234.56789012' } };
    await renderApp(makeState({ balance }));
    const pnl = screen.getByTestId('total-pnl');
    const label = pnl.previousElementSibling as HTMLElement;
    expect(label.textContent).toBe('Unrealised PnL');
    expect(getComputedStyle(label).whiteSpace).toBe('nowrap');
    expect(getComputedStyle(label).flexShrink).toBe('0');
    const borrowedLabel = screen.getByTestId('total-borrowed').previousElementSibling as HTMLElement;
    expect(getComputedStyle(borrowedLabel).whiteSpace).toBe('nowrap');
    const list = pnl.closest('dl') as HTMLElement;
    expect(getComputedStyle(list).flexWrap).toBe('wrap');
  });
});
