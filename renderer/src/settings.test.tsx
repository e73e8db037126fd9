// Settings, key management, history/export, Escape, and failures of actions shown as
// named errors instead of exceptions.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../shared/balance.js';
import { appError } from '../../shared/errors.js';
import { MIN_REFRESH_INTERVAL_SEC } from '../../shared/prefs.js';
import { shortcutLabel } from './components/ShortcutField.js';
import { makeState, T0 } from './testing/fixtures.js';
import { openSettings, renderApp } from './testing/render-app.js';

describe('settings', () => {
  it('sends each change to main and offers nothing below 60 s', async () => {
    const { user, fake } = await renderApp(makeState());
    await openSettings(user);
    const panel = screen.getByTestId('settings-panel');
    const interval = within(panel).getByLabelText(/Refresh/) as HTMLSelectElement;
    const values = [...interval.options].map((o) => Number(o.value));
    expect(Math.min(...values)).toBe(MIN_REFRESH_INTERVAL_SEC);
    await user.selectOptions(interval, '300');
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ refreshIntervalSec: 300 });
    await user.click(within(panel).getByRole('tab', { name: 'Display' }));
    await user.selectOptions(within(panel).getByLabelText(/Group small accounts/), '5');
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ smallSliceThresholdPercent: 5 });
    await user.click(within(panel).getByLabelText('Privacy mode (hide every amount)'));
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ privacy: true });
    await user.click(within(panel).getByRole('tab', { name: 'General' }));
    await user.click(within(panel).getByLabelText('Open at login'));
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ launchAtLogin: true });
    await user.click(within(panel).getByRole('button', { name: 'Back' }));
    expect(screen.queryByTestId('settings-panel')).toBeNull();
  });

  it('puts its sections behind tabs: General (with the language), Display, Alerts, Accounts, Advanced', async () => {
    const { user } = await renderApp(makeState());
    await openSettings(user);
    const tabs = within(screen.getByRole('tablist', { name: 'Settings sections' })).getAllByRole('tab');
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['General', 'true'],
      ['Display', 'false'],
      ['Alerts', 'false'],
      ['Accounts', 'false'],
      ['Advanced', 'false'],
    ]);
    // Only the chosen tab's panel is shown, and it is named by its tab.
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
    expect(screen.getByRole('tabpanel', { name: 'General' })).toBeTruthy();
    const general = screen.getByRole('region', { name: 'General' });
    expect(within(general).getByLabelText(/Refresh/)).toBeTruthy();
    expect(within(general).getByLabelText('Open at login')).toBeTruthy();
    expect(within(general).getByLabelText(/Keyboard shortcut/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Language' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Display' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Display' }));
    const display = screen.getByRole('region', { name: 'Display' });
    expect(within(display).getByLabelText(/Group small accounts/)).toBeTruthy();
    expect(within(display).getByLabelText(/Tray icon/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'General' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Accounts' }));
    // The first key's own controls first, then every Gate account.
    const accounts = screen.getByRole('tabpanel', { name: 'Accounts' });
    expect(
      within(accounts)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual(['API key', 'Gate accounts']);
    await user.click(screen.getByRole('tab', { name: 'Advanced' }));
    expect(screen.getByRole('region', { name: 'Diagnostics' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Updates' })).toBeTruthy();
  });

  it('moves between tabs with the arrow keys, Home and End; one tab is in the Tab order', async () => {
    const { user } = await renderApp(makeState());
    await openSettings(user);
    const tab = (name: string) => screen.getByRole('tab', { name });
    const selected = () => screen.getAllByRole('tab').filter((t) => t.getAttribute('aria-selected') === 'true');
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    tab('General').focus();
    await user.keyboard('{ArrowRight}');
    expect([document.activeElement, selected()]).toEqual([tab('Display'), [tab('Display')]]);
    await user.keyboard('{End}');
    expect([document.activeElement, selected()]).toEqual([tab('Advanced'), [tab('Advanced')]]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('General'));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tab('Advanced'));
    await user.keyboard('{Home}');
    expect([document.activeElement, selected()]).toEqual([tab('General'), [tab('General')]]);
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    // A half-written alert survives a look at another tab: every panel stays mounted.
    await user.click(tab('Alerts'));
    await user.type(screen.getByTestId('alert-value'), '42');
    await user.click(tab('Display'));
    await user.click(tab('Alerts'));
    expect((screen.getByTestId('alert-value') as HTMLInputElement).value).toBe('42');
  });

  it('changes the tray panel preference and the global shortcut, or turns the shortcut off', async () => {
    const { user, fake } = await renderApp(makeState());
    await openSettings(user);
    await user.selectOptions(screen.getByTestId('tray-panel-select'), 'dark');
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ trayPanel: 'dark' });
    await user.selectOptions(screen.getByTestId('shortcut-select'), 'CommandOrControl+Shift+G');
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ globalShortcut: 'CommandOrControl+Shift+G' });
    await user.selectOptions(screen.getByTestId('shortcut-select'), '');
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ globalShortcut: null });
    expect(screen.queryByTestId('shortcut-failed')).toBeNull();
  });

  it('records a shortcut from the keyboard: waits past a modifier alone, saves the press, Escape cancels', async () => {
    const { user, fake } = await renderApp(makeState());
    await openSettings(user);
    const record = screen.getByTestId('shortcut-record');
    await user.click(record);
    expect(record.getAttribute('aria-pressed')).toBe('true');
    expect(record.textContent).toBe('Press the keys… (Esc cancels)');
    const calls = fake.fns.setPrefs.mock.calls.length;
    await user.keyboard('{Control>}');
    expect(fake.fns.setPrefs.mock.calls.length).toBe(calls);
    await user.keyboard('{Alt>}k{/Alt}{/Control}');
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ globalShortcut: 'CommandOrControl+Alt+K' });
    expect(record.getAttribute('aria-pressed')).toBe('false');
    // Main's answer puts the recorded shortcut among the choices.
    fake.push(makeState({ prefs: { ...makeState().prefs, globalShortcut: 'CommandOrControl+Alt+K' } }));
    expect((screen.getByTestId('shortcut-select') as HTMLSelectElement).value).toBe('CommandOrControl+Alt+K');
    expect(screen.getByRole('option', { name: 'Ctrl+Alt+K' })).toBeTruthy();
    await user.click(record);
    await user.keyboard('{Escape}');
    expect(record.getAttribute('aria-pressed')).toBe('false');
    expect(fake.fns.setPrefs.mock.calls.length).toBe(calls + 1);
    // A click on the button without recording types nothing into the shortcut.
    await user.keyboard('g');
    expect(fake.fns.setPrefs.mock.calls.length).toBe(calls + 1);
  });

  it('says so when the system refused the shortcut, naming it', async () => {
    const { user } = await renderApp(makeState({ shortcut: 'failed' }));
    await openSettings(user);
    expect(screen.getByTestId('shortcut-failed').textContent).toContain('Ctrl+Alt+G is not available');
  });

  it('says in Alerts that the system blocks notifications, with the remedy, only once one was refused', async () => {
    const { user, fake } = await renderApp(makeState());
    await openSettings(user, 'alerts');
    expect(screen.queryByTestId('notifications-blocked')).toBeNull();
    fake.push(makeState({ desktop: { ...makeState().desktop, notifications: 'blocked' } }));
    const alerts = screen.getByRole('region', { name: 'Alerts' });
    expect(within(alerts).getByTestId('notifications-blocked').textContent).toContain('notification settings');
  });

  it('says when macOS waits for the user to approve the login item, with a button that opens Login Items', async () => {
    const { user, fake } = await renderApp(makeState({ desktop: { ...makeState().desktop, loginItem: 'requires-approval' } }));
    await openSettings(user);
    const general = screen.getByRole('region', { name: 'General' });
    expect(within(general).getByTestId('login-item-approval').textContent).toContain('Login Items');
    await user.click(within(general).getByRole('button', { name: 'Open Login Items' }));
    expect(fake.fns.openLoginItemSettings).toHaveBeenCalledTimes(1);
    fake.push(makeState({ desktop: { ...makeState().desktop, loginItem: 'on' } }));
    expect(within(general).queryByRole('button', { name: 'Open Login Items' })).toBeNull();
  });

  it('says a shortcut under XWayland works only while our window has focus, naming the --toggle remedy', async () => {
    const { user } = await renderApp(makeState({ shortcut: 'focus-only' }));
    await openSettings(user);
    const note = screen.getByTestId('shortcut-focus-only').textContent ?? '';
    expect(note).toContain('Ctrl+Alt+G works only while a Gate Glance window has focus');
    expect(note).toContain('gate-glance --toggle');
    expect(screen.queryByTestId('shortcut-failed')).toBeNull();
  });

  it('refuses a recorded shortcut that takes an editing key, with the reason, and sends nothing', async () => {
    const { user, fake } = await renderApp(makeState());
    await openSettings(user);
    const calls = fake.fns.setPrefs.mock.calls.length;
    await user.click(screen.getByTestId('shortcut-record'));
    await user.keyboard('{Control>}c{/Control}');
    expect(fake.fns.setPrefs.mock.calls.length).toBe(calls);
    expect(screen.getByTestId('shortcut-refused').textContent).toContain('Ctrl+C is not used: every app needs it for editing');
  });

  it('names the shortcut in the keys of the platform', () => {
    expect(shortcutLabel('CommandOrControl+Alt+G', false)).toBe('Ctrl+Alt+G');
    expect(shortcutLabel('CommandOrControl+Alt+G', true)).toBe('Cmd+Option+G');
  });

  it('knows the key only by its hint, and removes it after a confirmation', async () => {
    const { user, fake } = await renderApp(makeState());
    await openSettings(user, 'key');
    expect(screen.getByTestId('key-status').textContent).toContain('A key ending …a1b2 is stored');
    await user.click(screen.getByRole('button', { name: 'Remove key' }));
    expect(fake.fns.clearCredentials).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(fake.fns.clearCredentials).toHaveBeenCalledTimes(1);
    expect((await screen.findByTestId('message')).textContent).toContain('removed from the keychain');
  });

  it('opens the key form to replace the key and comes back on Cancel', async () => {
    const { user } = await renderApp(makeState());
    await openSettings(user, 'key');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    expect(await screen.findByRole('heading', { name: 'Replace the API key' })).toBeTruthy();
    expect(screen.getByTestId('stored-key-hint').textContent).toContain('…a1b2');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('total')).toBeTruthy();
  });

  it('shows a failed preference change as a named error', async () => {
    const { user, fake } = await renderApp(makeState());
    fake.fns.setPrefs.mockResolvedValueOnce({
      ok: false,
      error: appError('INVALID_REQUEST', { reason: 'prefs-invalid' }, 'refreshIntervalSec must be at least 60'),
    });
    await openSettings(user);
    await user.selectOptions(screen.getByLabelText(/Refresh/), '120');
    const message = await screen.findByRole('alert');
    expect(message.textContent).toContain('INVALID_REQUEST');
    expect(message.textContent).toContain('Invalid preferences: refreshIntervalSec must be at least 60.');
    expect(message.textContent).toContain('Choose a value within the allowed range.');
  });

  it('turns a rejected bridge call into a shown INTERNAL error, not an exception', async () => {
    const { user, fake } = await renderApp(makeState());
    fake.fns.refresh.mockRejectedValueOnce(new Error('IPC channel closed'));
    fake.push(makeState({ status: 'stale', error: appError('TIMEOUT', { timeoutMs: 10_000 }) }));
    await user.click(screen.getByTestId('status-line-toggle'));
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    const message = await screen.findByTestId('message');
    expect(message.textContent).toContain('INTERNAL');
    expect(message.textContent).toContain('IPC channel closed');
  });
});

describe('history and export', () => {
  const history: HistoryPoint[] = [
    { at: T0 - 120_000, currency: 'USDT', total: '100' },
    { at: T0 - 60_000, currency: 'USDT', total: '150.5' },
    { at: T0, currency: 'USDT', total: '120' },
  ];

  it("draws a sparkline of the shown currency's last 24 hours and exports CSV", async () => {
    const { user, fake } = await renderApp(makeState(), { history });
    expect(fake.fns.getHistory).toHaveBeenCalledWith({ currency: 'USDT', range: '24h' });
    const line = await screen.findByRole('img', { name: /^Net worth history: 3 points from / });
    const path = line.querySelector('path')?.getAttribute('d') ?? '';
    expect(path.split(' ')).toHaveLength(3);
    expect(path.startsWith('M0.0,')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(fake.fns.exportHistoryCsv).toHaveBeenCalledTimes(1);
    expect((await screen.findByTestId('message')).textContent).toContain('/tmp/glance.csv');
  });

  it('draws no line with a single point', async () => {
    await renderApp(makeState(), { history: history.slice(0, 1) });
    expect(screen.queryByTestId('sparkline')).toBeNull();
    expect(screen.getByTestId('export-csv')).toBeTruthy();
  });
});

describe('Escape', () => {
  it('closes settings first, then hides the window', async () => {
    const { user, fake } = await renderApp(makeState());
    await openSettings(user);
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('settings-panel')).toBeNull();
    expect(fake.fns.hideWindow).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(fake.fns.hideWindow).toHaveBeenCalledTimes(1);
  });
});
