// Every Gate account in the popover (#25): the combined total and what it includes, the pie by
// account type or by source, a source's own view down to its coins, the combined history, in
// privacy mode and in Chinese. Without a portfolio the popover is exactly as before.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../shared/prefs.js';
import { makeState } from './testing/fixtures.js';
import { PORTFOLIO, portfolioState } from './testing/portfolio-fixtures.js';
import { renderApp } from './testing/render-app.js';

const text = (id: string, root: HTMLElement = document.body): string => within(root).getByTestId(id).textContent ?? '';

describe('the combined total', () => {
  it('shows the combined figure, its own change, and one line of what it includes, marked where stale or unavailable', async () => {
    await renderApp(portfolioState());
    expect(text('total-amount')).toBe('2,150.00');
    // The portfolio's change (150), not the first key's own (100).
    expect(text('change-amount')).toBe('+150.00');
    const line = screen.getByTestId('portfolio-includes');
    expect(line.textContent).toBe('Main + 2 sub-accounts (estimated) + Family · Work unavailable · includes stale data · partial');
    expect(line.className).toContain('includes-warn');
    // The whole text and each source's state are in its title, since the line itself is cut at one line.
    const title = line.getAttribute('title') ?? '';
    expect(title).toContain('Family: stale, its last good figure');
    expect(title).toContain('Work unavailable: Gate does not recognise this API key.');
    expect(title).toContain('Main: up to date');
    // The first key is live, but the figure holds Family's last good value: the badge never says live.
    expect(screen.getByTestId('status-badge').dataset['status']).toBe('stale');
  });

  it('"as of" is the stalest counted part\'s time, never the freshest', async () => {
    await renderApp(portfolioState());
    // Family's figure is an hour older than the rest (T0 is 14:05:09 UTC).
    expect(text('as-of')).not.toBe('');
    const familyHour = new Date(PORTFOLIO.sources[3]!.fetchedAt!).getHours().toString();
    expect(text('as-of')).toContain(familyHour);
  });

  it('a live portfolio with nothing stale or missing is not marked', async () => {
    const clean = {
      ...PORTFOLIO,
      sources: PORTFOLIO.sources.slice(0, 3),
      combined: { ...PORTFOLIO.combined, amount: '1850', stale: false, partial: false },
    };
    await renderApp(portfolioState({ portfolio: clean }));
    const line = screen.getByTestId('portfolio-includes');
    expect(line.textContent).toBe('Main + 2 sub-accounts (estimated)');
    expect(line.className).not.toContain('includes-warn');
    expect(screen.getByTestId('status-badge').dataset['status']).toBe('live');
  });

  it('without a portfolio: no includes line and no grouping switch, the first key as before', async () => {
    await renderApp(makeState());
    expect(screen.queryByTestId('portfolio-includes')).toBeNull();
    expect(screen.queryByTestId('portfolio-grouping')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Accounts' }).className).not.toContain('visually-hidden');
  });
});

describe('the pie of a portfolio', () => {
  it('by account type sums each type over the sources; nothing opens since a type spans sources', async () => {
    const { fake, user } = await renderApp(portfolioState());
    expect(screen.getByTestId('portfolio-by-type').getAttribute('aria-pressed')).toBe('true');
    expect(text('legend-amount', screen.getByTestId('legend-spot'))).toBe('1,600.00');
    expect(text('legend-amount', screen.getByTestId('legend-futures'))).toBe('550.00');
    await user.click(screen.getByTestId('legend-spot'));
    expect(screen.queryByTestId('holdings')).toBeNull();
    expect(fake.fns.getHoldings).not.toHaveBeenCalled();
  });

  it('by source: one slice per source with a total, by name; a key opens its accounts, an account its coins from that key', async () => {
    const { fake, user } = await renderApp(portfolioState());
    await user.click(screen.getByTestId('portfolio-by-source'));
    const legend = screen.getByTestId('legend');
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.legend-label')?.textContent),
    ).toEqual(['Main', 'Family', 'bot-1', 'bot-2']);
    expect(screen.getByTestId('legend-key:family').getAttribute('aria-description')).toBe('Press Enter to see what it holds');
    expect(screen.getByTestId('breakdown-chart').querySelector('.chart-centre')?.textContent).toBe('4sources');

    screen.getByTestId('legend-key:default').focus();
    await user.keyboard('{Enter}');
    const panel = await screen.findByTestId('source-panel');
    expect(within(panel).getByRole('heading', { name: 'Main' })).toBeTruthy();
    expect(text('source-kind', panel)).toMatch(/^Gate account · Gate's own figure · 1,500\.00 USDT · as of .+$/);
    expect(text('legend-amount', within(panel).getByTestId('legend-spot'))).toBe('1,000.00');
    await user.click(within(panel).getByTestId('legend-spot'));
    await screen.findByTestId('holdings');
    expect(fake.fns.getHoldings).toHaveBeenLastCalledWith({ account: 'spot', currency: 'USDT', source: 'key:default' });
    // Back from the coins goes to the source, and from there to the main view.
    await user.click(screen.getByTestId('holdings-back'));
    await user.click(await screen.findByTestId('source-back'));
    expect(screen.getByTestId('portfolio-grouping')).toBeTruthy();
  });

  it("a sub-account's view says in words what its estimate covers, which coins have no price, and what spot counts", async () => {
    const { fake, user } = await renderApp(portfolioState());
    await user.click(screen.getByTestId('portfolio-by-source'));
    await user.click(screen.getByTestId('legend-sub:default:101'));
    const panel = await screen.findByTestId('source-panel');
    expect(text('source-kind', panel)).toMatch(/^Sub-account 101 · estimated · 250\.00 USDT · as of /);
    const notes = within(panel).getByTestId('source-notes');
    expect([...notes.children].map((line) => line.textContent)).toEqual([
      'Spot, Perpetual futures only · 2 coins without a price: ABC, XYZ',
      'Spot counts available and locked (in orders) amounts.',
    ]);
    // Why, on hover: estimated from balances, and what Gate gives no balance for.
    expect(notes.getAttribute('title')).toContain("Estimated by Gate Glance from its balances at Gate's last prices.");
    expect(notes.getAttribute('title')).toContain(
      'Gate gives no sub-account balance for earn, unified and other products: they are not counted.',
    );
    await user.click(within(panel).getByTestId('legend-spot'));
    await screen.findByTestId('holdings');
    expect(fake.fns.getHoldings).toHaveBeenLastCalledWith({ account: 'spot', currency: 'USDT', source: 'sub:default:101' });
  });

  it('a stale source says its figure is the last good one, from when, with the error in its words', async () => {
    const { user } = await renderApp(portfolioState());
    await user.click(screen.getByTestId('portfolio-by-source'));
    await user.click(screen.getByTestId('legend-key:family'));
    const panel = await screen.findByTestId('source-panel');
    expect(panel.dataset['status']).toBe('stale');
    expect(text('source-stale', panel)).toMatch(/^Stale: its last good figure, from .+\.$/);
    expect(within(panel).getByTestId('source-stale').className).toContain('warn');
    // Never "as of" beside a stale figure, as if it were live.
    expect(within(panel).queryByTestId('source-as-of')).toBeNull();
    expect(text('source-error', panel)).toContain('Could not reach Gate.');
  });

  it('a source that leaves the portfolio while its view is open gives way to the main view', async () => {
    const { fake, user } = await renderApp(portfolioState());
    await user.click(screen.getByTestId('portfolio-by-source'));
    await user.click(screen.getByTestId('legend-key:family'));
    await screen.findByTestId('source-panel');
    fake.push(portfolioState({ portfolio: { ...PORTFOLIO, sources: PORTFOLIO.sources.filter((s) => s.id !== 'key:family') } }));
    await waitFor(() => expect(screen.queryByTestId('source-panel')).toBeNull());
    expect(screen.getByTestId('portfolio-grouping')).toBeTruthy();
  });
});

describe('privacy and languages', () => {
  it('privacy mode hides every amount of the portfolio: combined, change, types, sources and a source view', async () => {
    const { user } = await renderApp(portfolioState({ prefs: { ...DEFAULT_PREFERENCES, privacy: true } }));
    const leaks = ['2,150', '2150', '1,600', '1,500', '550', '+150', '300.00', '250.00', '100.00'];
    const shown = () => {
      const parts = [document.body.textContent ?? ''];
      for (const el of document.body.querySelectorAll('[title], [aria-label]'))
        parts.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '');
      return parts.join('\n');
    };
    for (const s of leaks) expect(shown()).not.toContain(s);
    // Which sources are counted is not an amount: the line stays.
    expect(text('portfolio-includes')).toContain('Main + 2 sub-accounts');
    await user.click(screen.getByTestId('portfolio-by-source'));
    for (const s of leaks) expect(shown()).not.toContain(s);
    await user.click(screen.getByTestId('legend-sub:default:101'));
    await screen.findByTestId('source-panel');
    for (const s of leaks) expect(shown()).not.toContain(s);
  });

  it('zh-CN: the includes line, the switch and a source view in Simplified Chinese', async () => {
    const { user } = await renderApp(portfolioState({ locale: { language: 'zh-CN', formatLocale: 'zh-CN' } }));
    expect(text('portfolio-includes')).toBe('Main + 2 个子账户（估算） + Family · Work不可用 · 含过时数据 · 不完整');
    expect(text('portfolio-by-type')).toBe('按账户类型');
    await user.click(screen.getByTestId('portfolio-by-source'));
    await user.click(screen.getByTestId('legend-sub:default:101'));
    const panel = await screen.findByTestId('source-panel');
    expect([...within(panel).getByTestId('source-notes').children].map((line) => line.textContent)).toEqual([
      '仅含现货、永续合约 · 2 个币种没有价格：ABC、XYZ',
      '现货计入可用和锁定（挂单中）数量。',
    ]);
  });
});

describe('the combined history', () => {
  it('asks for the combined series and says so; without a portfolio it asks as before', async () => {
    const { fake, user } = await renderApp(portfolioState());
    await user.click(screen.getByTestId('open-chart'));
    await screen.findByTestId('chart-view');
    expect(screen.getByTestId('chart-combined').textContent).toBe(
      'Combined net worth of every source; a gap where a source was added or removed.',
    );
    expect(fake.fns.getHistory).toHaveBeenCalledWith({ currency: 'USDT', range: '24h', series: 'combined' });
    expect(fake.fns.getHistory.mock.calls.every(([q]) => q.series === 'combined')).toBe(true);
  });

  it("without a portfolio the chart asks for the first key's series as before", async () => {
    const { fake, user } = await renderApp(makeState());
    await user.click(screen.getByTestId('open-chart'));
    await screen.findByTestId('chart-view');
    expect(screen.queryByTestId('chart-combined')).toBeNull();
    expect(fake.fns.getHistory.mock.calls.every(([q]) => q.series === undefined)).toBe(true);
  });
});
