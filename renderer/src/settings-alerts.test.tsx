// Settings' Glance v2 parts: the Alerts section (add and remove each kind of rule within
// prefs.alerts), the change colours and the macOS menu-bar change in Display, and Remove key
// asking whether the history goes too.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MAX_ALERTS, type AlertRule } from '../../shared/alerts.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/prefs.js';
import { DisplaySettings } from './components/DisplaySettings.js';
import type { SettingsTab } from './components/SettingsPanel.js';
import { makeState } from './testing/fixtures.js';
import { openSettings as openPanel, renderApp } from './testing/render-app.js';

const ABOVE: AlertRule = { id: 'a1', kind: 'above', currency: 'USDT', threshold: '1000000.5' };
const MOVE: AlertRule = { id: 'm1', kind: 'move', currency: 'BTC', percent: '5' };
const UNREADABLE: AlertRule = { id: 'u1', kind: 'unreadable', staleMinutes: 60 };

async function openSettings(prefs: Partial<Preferences> = {}, tab: SettingsTab = 'alerts') {
  const rendered = await renderApp(makeState({ prefs: { ...DEFAULT_PREFERENCES, ...prefs } }));
  await openPanel(rendered.user, tab);
  return rendered;
}

/** The rules the last prefs:set sent. */
function sentRules(calls: readonly (readonly [Partial<Preferences>])[]): readonly AlertRule[] {
  const last = calls.at(-1)?.[0];
  if (last?.alerts === undefined) throw new Error('no alerts were sent');
  return last.alerts;
}

describe('Settings › Alerts', () => {
  it('lists the rules in words, masks thresholds in privacy mode, and removes one', async () => {
    const { user, fake } = await openSettings({ alerts: [ABOVE, MOVE, UNREADABLE] });
    const section = screen.getByRole('region', { name: 'Alerts' });
    const items = within(section)
      .getAllByRole('listitem')
      .map((li) => li.firstChild?.textContent);
    expect(items).toEqual([
      'Net worth above 1,000,000.50 USDT',
      'Moves more than 5 % within 24 h (BTC)',
      'Cannot read the account, or no fresh data for 1 h',
    ]);
    await user.click(within(section).getByRole('button', { name: 'Remove alert: Moves more than 5 % within 24 h (BTC)' }));
    expect(sentRules(fake.fns.setPrefs.mock.calls)).toEqual([ABOVE, UNREADABLE]);
  });

  it('masks a threshold in privacy mode', async () => {
    await openSettings({ alerts: [ABOVE], privacy: true });
    expect(screen.getByTestId('alert-above').textContent).toContain('Net worth above ••• USDT');
    expect(screen.getByTestId('settings-alerts').textContent).not.toContain('1,000,000');
  });

  it.each([
    ['above', '25 000.75', 'CNY', { kind: 'above', currency: 'CNY', threshold: '25000.75' }],
    ['below', '0.5', 'BTC', { kind: 'below', currency: 'BTC', threshold: '0.5' }],
    ['move', '7.5', 'USDT', { kind: 'move', currency: 'USDT', percent: '7.5' }],
  ] as const)('adds a rule "%s" with an exact decimal string in the chosen currency', async (kind, typed, currency, expected) => {
    const { user, fake } = await openSettings({ alerts: [UNREADABLE] });
    await user.selectOptions(screen.getByTestId('alert-kind'), kind);
    await user.type(screen.getByTestId('alert-value'), typed);
    await user.selectOptions(screen.getByTestId('alert-currency'), currency);
    await user.click(screen.getByTestId('alert-add'));
    const rules = sentRules(fake.fns.setPrefs.mock.calls);
    expect(rules).toHaveLength(2);
    expect(rules[0]).toEqual(UNREADABLE);
    expect(rules[1]).toMatchObject(expected);
    expect(rules[1]!.id).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
    expect(rules[1]!.id).not.toBe(UNREADABLE.id);
  });

  it('adds "cannot read the account" with a chosen wait', async () => {
    const { user, fake } = await openSettings();
    expect(screen.getByTestId('alerts-none').textContent).toBe('No alerts yet.');
    await user.selectOptions(screen.getByTestId('alert-kind'), 'unreadable');
    expect(screen.queryByTestId('alert-value')).toBeNull();
    await user.selectOptions(screen.getByTestId('alert-minutes'), '180');
    await user.click(screen.getByTestId('alert-add'));
    expect(sentRules(fake.fns.setPrefs.mock.calls)).toEqual([expect.objectContaining({ kind: 'unreadable', staleMinutes: 180 })]);
  });

  it.each([
    ['above', '-5', 'Enter an amount above zero'],
    ['above', '1e6', 'Enter an amount above zero'],
    ['below', '0', 'Enter an amount above zero'],
    ['move', '1001', 'Enter a percent above 0 and at most 1000'],
  ] as const)('refuses %s "%s" without sending anything', async (kind, typed, said) => {
    const { user, fake } = await openSettings();
    await user.selectOptions(screen.getByTestId('alert-kind'), kind);
    await user.type(screen.getByTestId('alert-value'), typed);
    await user.click(screen.getByTestId('alert-add'));
    expect(screen.getByTestId('alert-problem').textContent).toContain(said);
    expect(screen.getByTestId('alert-value').getAttribute('aria-invalid')).toBe('true');
    expect(fake.fns.setPrefs).not.toHaveBeenCalled();
  });

  it(`stops adding at ${MAX_ALERTS} rules`, async () => {
    const many: AlertRule[] = Array.from({ length: MAX_ALERTS }, (_, i) => ({
      id: `r${i}`,
      kind: 'below',
      currency: 'USDT',
      threshold: String(i + 1),
    }));
    await openSettings({ alerts: many });
    expect((screen.getByTestId('alert-form') as HTMLFieldSetElement).disabled).toBe(true);
    expect(screen.getByTestId('settings-alerts').textContent).toContain(`(${MAX_ALERTS}); remove one`);
  });
});

describe('Settings › Display', () => {
  it('sets how a rise and a fall are coloured', async () => {
    const { user, fake } = await openSettings({}, 'display');
    const display = screen.getByRole('region', { name: 'Display' });
    const select = within(display).getByLabelText('Colours of a rise and a fall') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['auto', 'green-up', 'red-up']);
    await user.selectOptions(select, 'red-up');
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ changeColours: 'red-up' });
  });

  it('offers the change in the menu bar on macOS only', async () => {
    const onChange = vi.fn();
    const { rerender } = render(<DisplaySettings prefs={DEFAULT_PREFERENCES} onChange={onChange} mac={false} />);
    expect(screen.queryByTestId('tray-shows-change')).toBeNull();
    rerender(<DisplaySettings prefs={DEFAULT_PREFERENCES} onChange={onChange} mac />);
    screen.getByLabelText('Show the change in the menu bar').click();
    expect(onChange).toHaveBeenLastCalledWith({ trayShowsChange: true });
  });
});

describe('Remove key', () => {
  it('keeps the history unless asked to forget it', async () => {
    const { user, fake } = await openSettings({}, 'key');
    await user.click(screen.getByRole('button', { name: 'Remove key' }));
    expect((screen.getByLabelText('Also forget the history recorded with this key') as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(fake.fns.clearCredentials).toHaveBeenLastCalledWith({ forgetHistory: false });
  });

  it('forgets the history too when ticked', async () => {
    const { user, fake } = await openSettings({}, 'key');
    await user.click(screen.getByRole('button', { name: 'Remove key' }));
    await user.click(screen.getByLabelText('Also forget the history recorded with this key'));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(fake.fns.clearCredentials).toHaveBeenLastCalledWith({ forgetHistory: true });
  });
});
