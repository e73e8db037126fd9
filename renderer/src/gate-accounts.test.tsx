// Settings › Gate accounts (#25): the first key's controls, then every key with its status, its
// sub-accounts counted or left out, removing an added key, adding another (verified like the
// first, failures worded at the form), what the tray shows, and the demo's sub-accounts switch.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appError } from '../../shared/errors.js';
import { DEFAULT_PREFERENCES } from '../../shared/prefs.js';
import { makeState } from './testing/fixtures.js';
import { portfolioState } from './testing/portfolio-fixtures.js';
import { openSettings, renderApp } from './testing/render-app.js';

describe('Settings › Gate accounts', () => {
  it('keeps the first key’s controls and lists every key by name, hint and status, with the error in words', async () => {
    const { user } = await renderApp(portfolioState());
    const panel = await openSettings(user, 'key');
    expect(within(panel).getByRole('tab', { name: 'Accounts' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('replace-key')).toBeTruthy();
    expect(screen.getByTestId('remove-key')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Keys Gate Glance reads' });
    const rows = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('gate-account'));
    expect(rows.map((r) => [r.querySelector('.gate-account-alias')?.textContent, r.dataset['status']])).toEqual([
      ['Main', 'ok'],
      ['Family', 'stale'],
      ['Work', 'error'],
    ]);
    const main = screen.getByTestId('gate-account-default');
    expect(main.textContent).toContain('key …a1b2');
    expect(main.textContent).toContain('first key');
    expect(within(main).getByTestId('gate-account-status').textContent).toBe('up to date');
    expect(within(screen.getByTestId('gate-account-family')).getByTestId('gate-account-status').textContent).toBe('stale');
    const work = screen.getByTestId('gate-account-work');
    expect(within(work).getByTestId('gate-account-status').textContent).toBe('unavailable');
    expect(within(work).getByTestId('gate-account-error').textContent).toContain('Gate does not recognise this API key.');
    // The first key is removed by its own controls above (which also ask about its history).
    expect(screen.queryByTestId('remove-account-default')).toBeNull();
  });

  it('counts or leaves out each listed sub-account, and includes a key’s sub-accounts', async () => {
    const { fake, user } = await renderApp(portfolioState());
    await openSettings(user, 'key');
    const subs = screen.getByRole('group', { name: 'Sub-accounts of Main counted in the total' });
    expect(
      within(subs)
        .getAllByRole('checkbox')
        .map((c) => [c.closest('label')?.textContent, (c as HTMLInputElement).checked]),
    ).toEqual([
      ['bot-1 (101)', true],
      ['bot-2 (102)', true],
      ['bot-3 (103)', false],
    ]);
    await user.click(screen.getByTestId('sub-default-103'));
    expect(fake.fns.setGateAccount).toHaveBeenLastCalledWith({ profile: 'default', excludedSubAccounts: [] });
    await user.click(screen.getByTestId('sub-default-101'));
    expect(fake.fns.setGateAccount).toHaveBeenLastCalledWith({ profile: 'default', excludedSubAccounts: ['101', '103'] });
    await user.click(screen.getByTestId('include-subs-family'));
    expect(fake.fns.setGateAccount).toHaveBeenLastCalledWith({ profile: 'family', includeSubAccounts: true });
  });

  it('says when Gate has not listed the sub-accounts yet, or lists none', async () => {
    const state = portfolioState();
    const accounts = state.gateAccounts.map((a) =>
      a.profile === 'family'
        ? { ...a, includeSubAccounts: true, subAccounts: null }
        : a.profile === 'work'
          ? { ...a, includeSubAccounts: true, subAccounts: [] }
          : a,
    );
    const { user } = await renderApp({ ...state, gateAccounts: accounts });
    await openSettings(user, 'key');
    expect(screen.getByTestId('subs-listing-family').textContent).toBe('Gate has not listed its sub-accounts yet.');
    expect(screen.getByTestId('subs-none-work').textContent).toBe('Gate lists no sub-accounts for this key.');
  });

  it('removes an added key only after a question, and "Keep" keeps it', async () => {
    const { fake, user } = await renderApp(portfolioState());
    await openSettings(user, 'key');
    await user.click(screen.getByTestId('remove-account-family'));
    expect(screen.getByText('Remove Family? Its key leaves the keychain and its figures leave the total.')).toBeTruthy();
    await user.click(screen.getByTestId('keep-account-family'));
    expect(fake.fns.removeGateAccount).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('remove-account-family'));
    await user.click(screen.getByTestId('confirm-remove-account-family'));
    expect(fake.fns.removeGateAccount).toHaveBeenCalledWith('family');
  });

  it('adds another Gate account with its name, verified like the first; the form closes and keeps no secret', async () => {
    const { fake, user } = await renderApp(portfolioState());
    await openSettings(user, 'key');
    await user.click(screen.getByTestId('add-account'));
    const form = screen.getByTestId('add-account-form');
    expect(within(form).getByRole('heading', { name: 'Add another Gate account' })).toBeTruthy();
    // Focus starts on the name; every field is labelled and reached by Tab.
    expect(document.activeElement).toBe(within(form).getByLabelText('Name (e.g. Family)'));
    await user.keyboard('Family 2');
    await user.tab();
    expect(document.activeElement).toBe(within(form).getByLabelText('API key'));
    await user.keyboard('k'.repeat(32));
    await user.tab();
    expect(document.activeElement).toBe(within(form).getByLabelText('API secret'));
    await user.keyboard('s'.repeat(64));
    await user.click(within(form).getByRole('button', { name: 'Save key' }));
    expect(fake.fns.addGateAccount).toHaveBeenCalledWith({ key: 'k'.repeat(32), secret: 's'.repeat(64), verify: true, alias: 'Family 2' });
    await waitFor(() => expect(screen.queryByTestId('add-account-form')).toBeNull());
    expect(document.body.innerHTML).not.toContain('s'.repeat(64));
  });

  it('a refused key is worded at the form and the secret is cleared; nothing is added', async () => {
    const { fake, user } = await renderApp(portfolioState());
    fake.fns.addGateAccount.mockResolvedValueOnce({ ok: false, error: appError('INVALID_KEY', {}) });
    await openSettings(user, 'key');
    await user.click(screen.getByTestId('add-account'));
    const form = screen.getByTestId('add-account-form');
    await user.type(within(form).getByLabelText('API key'), 'k'.repeat(32));
    await user.type(within(form).getByLabelText('API secret'), 's'.repeat(64));
    await user.click(within(form).getByRole('button', { name: 'Save key' }));
    const error = await within(form).findByTestId('onboarding-error');
    expect(error.dataset['code']).toBe('INVALID_KEY');
    expect(error.textContent).toContain('Gate does not recognise this API key.');
    expect((within(form).getByLabelText('API secret') as HTMLInputElement).value).toBe('');
    expect(fake.fns.addGateAccount).toHaveBeenCalledWith(expect.objectContaining({ alias: '' }));
  });

  it('the tray shows the combined figure or one chosen source', async () => {
    const { fake, user } = await renderApp(portfolioState());
    await openSettings(user, 'key');
    const select = screen.getByLabelText('Tray shows') as HTMLSelectElement;
    expect(select.value).toBe('');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Combined net worth', 'Main', 'bot-1', 'bot-2', 'Family', 'Work']);
    await user.selectOptions(select, 'key:family');
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ traySource: 'key:family' });
    await user.selectOptions(select, '');
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ traySource: null });
  });

  it('demo mode: a switch for the demo’s sub-accounts, no key list and nothing to add', async () => {
    const { fake, user } = await renderApp(
      makeState({ demo: true, credentials: { stored: false, keyHint: null, keychainError: null, checking: false } }),
    );
    await openSettings(user, 'key');
    const demoSubs = screen.getByRole('checkbox', { name: "Show the demo's sub-accounts" });
    expect((demoSubs as HTMLInputElement).checked).toBe(false);
    await user.click(demoSubs);
    expect(fake.fns.setGateAccount).toHaveBeenLastCalledWith({ profile: 'default', includeSubAccounts: true });
    expect(screen.queryByTestId('add-account')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Keys Gate Glance reads' })).toBeNull();
  });

  it('demo mode with the switch on shows it on', async () => {
    const prefs = {
      ...DEFAULT_PREFERENCES,
      gateAccounts: [{ profile: 'default', alias: '', includeSubAccounts: true, excludedSubAccounts: [] }],
    };
    const { user } = await renderApp(makeState({ demo: true, prefs }));
    await openSettings(user, 'key');
    expect((screen.getByTestId('demo-sub-accounts') as HTMLInputElement).checked).toBe(true);
  });

  it('zh-TW: the tab, the list and the switches in Traditional Chinese', async () => {
    const { user } = await renderApp(portfolioState({ locale: { language: 'zh-TW', formatLocale: 'zh-TW' } }));
    await user.click(screen.getByTestId('settings-open'));
    const panel = await screen.findByTestId('settings-panel');
    await user.click(screen.getByTestId('settings-tab-key'));
    expect(within(panel).getByTestId('settings-tab-key').textContent).toBe('帳戶');
    expect(within(screen.getByTestId('gate-account-work')).getByTestId('gate-account-status').textContent).toBe('無法使用');
    expect(screen.getByTestId('include-subs-family').closest('label')?.textContent).toBe('包含其子帳戶');
    expect(screen.getByTestId('add-account').textContent).toBe('新增另一個 Gate 帳戶');
  });
});
