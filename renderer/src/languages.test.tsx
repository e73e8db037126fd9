// The popover in the language core chose: the Chinese catalogue arrives on demand, `lang` is set
// on the document to the language shown, and English needs no loading at all.
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appError } from '../../shared/errors.js';
import { DEFAULT_PREFERENCES } from '../../shared/prefs.js';
import { gateExampleSnapshot, makeState } from './testing/fixtures.js';
import { openSettings, renderApp } from './testing/render-app.js';

afterEach(() => {
  document.documentElement.lang = '';
});

describe('the popover in Chinese', () => {
  it('zh-CN: Simplified words, ¥ for CNY and lang="zh-CN"', async () => {
    await renderApp(
      makeState({
        currency: 'CNY',
        balance: { ...gateExampleSnapshot(), currency: 'CNY' },
        locale: { language: 'zh-CN', formatLocale: 'zh-CN' },
      }),
    );
    expect(await screen.findByText('预估净资产')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByTestId('total-amount').getAttribute('title')).toBe('¥633,967,350,312,281,193.068368815439797304437');
    expect(screen.getByTestId('status-badge').textContent).toContain('实时');
    const legend = screen.getByTestId('legend');
    expect(within(legend).getByText('量化')).toBeTruthy();
    expect(within(legend).getByText('现货')).toBeTruthy();
  });

  it('zh-TW: Traditional words and lang="zh-TW"', async () => {
    await renderApp(makeState({ locale: { language: 'zh-TW', formatLocale: 'zh-TW' } }));
    expect(await screen.findByText('預估淨資產')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(screen.getByTestId('status-badge').textContent).toContain('即時');
    expect(within(screen.getByTestId('legend')).getByText('現貨')).toBeTruthy();
  });

  it('says why a connection failed in Chinese, where it failed included; the English stays for logs only', async () => {
    const refused = appError(
      'NETWORK',
      { cause: 'refused', where: 'api.gateio.ws:443', via: 'target' },
      'the connection was refused (api.gateio.ws:443)',
    );
    await renderApp(
      makeState({
        status: 'error',
        balance: null,
        error: refused,
        nextRefreshAt: null,
        locale: { language: 'zh-CN', formatLocale: 'zh-CN' },
      }),
    );
    const view = await screen.findByTestId('error-view');
    expect(view.textContent).toContain('无法连接 Gate');
    expect(view.textContent).toContain('连接被拒绝（api.gateio.ws:443）');
    expect(view.textContent).not.toContain('refused');
  });

  it('English without loading anything, numbers in the regional locale', async () => {
    await renderApp(makeState({ locale: { language: 'en', formatLocale: 'de-DE' } }));
    expect(screen.getByText('Estimated net worth')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByTestId('total-amount').textContent).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
  });
});

describe('the Language section', () => {
  it('lists every language in itself; choosing one asks main, and the state that follows rewords the open panel', async () => {
    const start = makeState({ prefs: { ...DEFAULT_PREFERENCES, locale: 'system' } });
    const { user, fake } = await renderApp(start);
    await openSettings(user);
    const section = screen.getByTestId('settings-language');
    expect(within(section).getByRole('heading').textContent).toBe('Language');
    const select = within(section).getByTestId('language-select');
    const options = [...select.querySelectorAll('option')];
    expect(options.map((o) => o.textContent)).toEqual(['Same as the system', 'English', '简体中文', '繁體中文']);
    expect(options.map((o) => o.getAttribute('lang'))).toEqual([null, 'en', 'zh-CN', 'zh-TW']);
    await user.selectOptions(select, 'zh-TW');
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ locale: 'zh-TW' });

    act(() => fake.push({ ...start, prefs: { ...start.prefs, locale: 'zh-TW' }, locale: { language: 'zh-TW', formatLocale: 'zh-TW' } }));
    // Still in Settings, now in Traditional Chinese.
    expect(await within(screen.getByTestId('settings-language')).findByRole('heading', { name: '語言' })).toBeTruthy();
    expect(screen.getByTestId('settings-panel')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-TW');
  });
});
