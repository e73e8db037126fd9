// Key health in the popover: the onboarding's write-key refusal and "Save anyway", the calm note
// after saving a key without whitelist, Settings › API key's facts and "Check now", and the quiet
// line in the last 7 days — in English and Chinese (permission names worded, lists with 、).
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appError } from '../../shared/errors.js';
import type { KeyHealth } from '../../shared/key-health.js';
import { makeState, T0 } from './testing/fixtures.js';
import { openSettings, renderApp } from './testing/render-app.js';

const DAY = 86_400_000;

function health(overrides: Partial<KeyHealth> = {}): KeyHealth {
  return {
    checkedAt: T0 - 3_600_000,
    readOnly: true,
    writePermissions: [],
    ipBound: false,
    expiresAt: T0 + 10 * DAY,
    state: 'normal',
    warnings: ['EXPIRES_SOON', 'NO_IP_WHITELIST'],
    ...overrides,
  };
}

const onboarding = () =>
  makeState({ status: 'onboarding', balance: null, credentials: { stored: false, keyHint: null, keychainError: null, checking: false } });

describe('onboarding and key health', () => {
  it('a key that can write is shown as such; "Save anyway" sends it again with allowWriteKey and the secret', async () => {
    const { user, fake } = await renderApp(onboarding());
    fake.fns.saveCredentials.mockResolvedValueOnce({ ok: false, error: appError('KEY_CAN_WRITE', { permissions: 'spot' }) });
    await user.type(screen.getByLabelText('API key'), 'abc');
    await user.type(screen.getByLabelText('API secret'), 'shh');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    const alert = await screen.findByTestId('onboarding-error');
    expect(alert.textContent).toContain(
      'This key can trade/withdraw (Spot: read and write). Gate Glance only needs read access; create a read-only key.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Save anyway' }));
    expect(fake.fns.saveCredentials).toHaveBeenLastCalledWith({ key: 'abc', secret: 'shh', verify: true, allowWriteKey: true });
    expect(document.body.innerHTML).not.toContain('shh');
  });

  it('a saved key without whitelist gets a calm note with its estimated date, then the form closes on Continue', async () => {
    const { user, fake } = await renderApp(onboarding());
    fake.fns.saveCredentials.mockResolvedValueOnce({
      ok: true,
      value: {
        status: { stored: true, keyHint: '…beef', keychainError: null },
        notices: [],
        verified: true,
        keyHealth: health({ expiresAt: Date.now() + 80 * DAY, warnings: ['NO_IP_WHITELIST'] }),
      },
    });
    await user.type(screen.getByLabelText('API key'), 'abc');
    await user.type(screen.getByLabelText('API secret'), 'shh');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    const note = await screen.findByTestId('key-saved-note');
    expect(note.textContent).toMatch(
      /This key is not bound to an IP address, so Gate keeps it for about 90 days: it stops working around .+\. To keep it, add your IP address/,
    );
    await user.click(within(note).getByRole('button', { name: 'Continue' }));
    expect(screen.queryByTestId('key-saved-note')).toBeNull();
  });
});

describe('Settings › API key health', () => {
  it('shows read-only ✓, IP-bound ✗, the estimated expiry with "about", state, last checked; Check now asks main', async () => {
    const { user, fake } = await renderApp(makeState({ keyHealth: { health: health(), checking: false, error: null } }));
    await openSettings(user, 'key');
    const section = screen.getByTestId('key-health');
    expect(within(section).getByTestId('key-fact-read-only').textContent).toBe('Read-only✓ yes');
    expect(within(section).getByTestId('key-fact-ip-bound').textContent).toBe('Bound to an IP address✗ no');
    expect(within(section).getByTestId('key-fact-expiry').textContent).toBe('Expires✗ in about 10 days (around Dec 5, 2026)');
    expect(within(section).getByTestId('key-fact-state').textContent).toBe('State✓ normal');
    expect(within(section).getByTestId('key-warnings').textContent).toContain('This key stops working in about 10 days');
    await user.click(within(section).getByRole('button', { name: 'Check now' }));
    expect(fake.fns.checkKeyHealth).toHaveBeenCalledTimes(1);
  });

  it('in Chinese: permission names in Chinese, joined with 、, never English inside the sentence', async () => {
    const state = makeState({
      locale: { language: 'zh-CN', formatLocale: 'zh-CN' },
      keyHealth: {
        health: health({
          readOnly: false,
          writePermissions: ['spot', 'wallet'],
          ipBound: true,
          expiresAt: null,
          warnings: ['WRITE_PERMISSIONS'],
        }),
        checking: false,
        error: null,
      },
    });
    const { user } = await renderApp(state);
    await user.click(screen.getByRole('button', { name: '设置' }));
    const section = await screen.findByTestId('key-health');
    expect(within(section).getByTestId('key-fact-read-only').textContent).toBe('只读✗ 否：现货、钱包可写');
    expect(within(section).getByTestId('key-warnings').textContent).toBe(
      '此密钥可以交易或提现（现货、钱包：读写）。Gate Glance 只需要读取权限，请创建只读密钥。',
    );
    expect(section.textContent).not.toMatch(/\b(Spot|Wallet|spot|wallet)\b/);
  });

  it('Account permission missing: every fact unknown, and the warning says why', async () => {
    const missing = health({ readOnly: null, ipBound: null, expiresAt: null, state: null, warnings: ['ACCOUNT_PERMISSION_MISSING'] });
    const { user } = await renderApp(makeState({ keyHealth: { health: missing, checking: false, error: null } }));
    await openSettings(user, 'key');
    const section = screen.getByTestId('key-health');
    expect(within(section).getByTestId('key-fact-read-only').textContent).toBe('Read-only– unknown');
    expect(within(section).getByTestId('key-warnings').textContent).toContain('it lacks the read-only Account permission');
  });
});

describe('the quiet line in the popover', () => {
  it('appears in the last 7 days before the estimated expiry, and not before', async () => {
    await renderApp(makeState({ keyHealth: { health: health({ expiresAt: T0 + 5 * DAY }), checking: false, error: null } }));
    expect(screen.getByTestId('key-expiry-line').textContent).toBe('The API key stops working in about 5 days (around Nov 30, 2026).');
  });

  it('says nothing 10 days before', async () => {
    await renderApp(makeState({ keyHealth: { health: health(), checking: false, error: null } }));
    expect(screen.queryByTestId('key-expiry-line')).toBeNull();
  });
});
