// One word for going back: holdings, the history chart and Settings each leave by the same
// "← Back" (返回 in Chinese), in the same place (the right of their heading row), in every language.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/locale.js';
import { holdingsView } from '../../shared/holdings.js';
import { makeState, snapshotOf } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

const balance = snapshotOf([
  ['spot', '100'],
  ['futures', '50'],
]);

const BACK: Readonly<Record<Language, string>> = { en: '← Back', 'zh-CN': '← 返回', 'zh-TW': '← 返回' };

describe('going back', () => {
  it.each(['en', 'zh-CN', 'zh-TW'] as const)(
    '%s: holdings, the chart and Settings say the same word, after their heading',
    async (language) => {
      const { user, fake } = await renderApp(makeState({ balance, locale: { language, formatLocale: language } }));
      fake.fns.getHoldings.mockResolvedValue({ ok: true, value: holdingsView('futures', 'USDT', '50', null, null) });
      const seen: string[] = [];
      const read = async (testId: string) => {
        const back = await screen.findByTestId(testId, {}, { timeout: 5_000 });
        seen.push(back.textContent ?? '');
        // The heading comes first in its row: the way back is always at the row's end.
        const row = back.parentElement!;
        expect(row.lastElementChild).toBe(back);
        expect(row.firstElementChild?.tagName).toMatch(/^H[12]$/);
        await user.click(back);
      };
      await user.click(await screen.findByTestId('legend-futures'));
      await read('holdings-back');
      await user.click(await screen.findByTestId('open-chart'));
      await read('chart-back');
      await user.click(await screen.findByTestId('settings-open'));
      await read('settings-close');
      expect(seen).toEqual([BACK[language], BACK[language], BACK[language]]);
    },
  );
});
