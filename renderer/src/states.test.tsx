// Every state the popover can be in besides live: onboarding, loading, stale, error (each
// with its action), demo, and a missing bridge.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appError, type AppError } from '../../shared/errors.js';
import { App } from './App.js';
import { makeState, T0 } from './testing/fixtures.js';
import { openSettings, renderApp } from './testing/render-app.js';

// As core words it: the cause by name (worded in the reader's language), the raw text for logs.
const NETWORK: AppError = appError('NETWORK', { cause: 'refused', where: 'api.gateio.ws:443' }, 'ECONNREFUSED api.gateio.ws:443');
const INVALID_KEY: AppError = appError('INVALID_KEY');

describe('onboarding', () => {
  const onboarding = () =>
    makeState({
      status: 'onboarding',
      balance: null,
      credentials: { stored: false, keyHint: null, keychainError: null, checking: false },
    });

  it('shows the key form with a password-type secret, autocomplete off, verify on, and the key page link', async () => {
    const { user, fake } = await renderApp(onboarding());
    const form = screen.getByTestId('onboarding-form');
    expect(within(form).getByRole('heading', { name: 'Connect your Gate account' })).toBeTruthy();
    const key = screen.getByLabelText('API key');
    const secret = screen.getByLabelText('API secret');
    expect(key.getAttribute('autocomplete')).toBe('off');
    expect(secret.getAttribute('type')).toBe('password');
    expect(secret.getAttribute('autocomplete')).toBe('off');
    expect((screen.getByLabelText('Check the key with Gate before saving') as HTMLInputElement).checked).toBe(true);
    expect(form.textContent).toContain('read-only Wallet');
    expect(form.textContent).toContain(
      'To see the coins of an account, also tick read-only Spot, Perpetual Futures, Earn or Unified Account for it.',
    );
    await user.click(screen.getByRole('button', { name: "Open Gate's API key page" }));
    expect(fake.fns.openKeyPage).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('sends the trimmed key and secret and wipes the secret from the form afterwards', async () => {
    const { user, fake } = await renderApp(onboarding());
    await user.type(screen.getByLabelText('API key'), '  0123456789abcdef0123456789abcdef ');
    await user.type(screen.getByLabelText('API secret'), '\tsecret-value-42  ');
    await user.click(screen.getByLabelText('Check the key with Gate before saving'));
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(fake.fns.saveCredentials).toHaveBeenCalledWith({
      key: '0123456789abcdef0123456789abcdef',
      secret: 'secret-value-42',
      verify: false,
    });
    expect((screen.getByLabelText('API secret') as HTMLInputElement).value).toBe('');
    expect(document.body.innerHTML).not.toContain('secret-value-42');
  });

  it('shows a named error when the save fails, keeps the key, still wipes the secret', async () => {
    const { user, fake } = await renderApp(onboarding());
    fake.fns.saveCredentials.mockResolvedValueOnce({ ok: false, error: INVALID_KEY });
    await user.type(screen.getByLabelText('API key'), 'abc');
    await user.type(screen.getByLabelText('API secret'), 'shh');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    const alert = await screen.findByTestId('onboarding-error');
    expect(alert.dataset.code).toBe('INVALID_KEY');
    expect(alert.textContent).toContain('Gate rejected the API key');
    expect(alert.textContent).toContain('has not been deleted or expired in Gate');
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('abc');
    expect((screen.getByLabelText('API secret') as HTMLInputElement).value).toBe('');
  });

  it('refuses blank input without calling main', async () => {
    const { user, fake } = await renderApp(onboarding());
    await user.type(screen.getByLabelText('API key'), '   ');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(fake.fns.saveCredentials).not.toHaveBeenCalled();
    expect(screen.getByTestId('onboarding-error').dataset.code).toBe('INVALID_CREDENTIALS_INPUT');
  });

  it('starts the demo', async () => {
    const { user, fake } = await renderApp(onboarding());
    await user.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect(fake.fns.startDemo).toHaveBeenCalledTimes(1);
  });

  it('says when the keychain cannot be used and does not offer to save', async () => {
    const locked: AppError = appError('KEYCHAIN_LOCKED', { platform: 'linux' });
    await renderApp(
      makeState({
        status: 'onboarding',
        balance: null,
        credentials: { stored: false, keyHint: null, keychainError: locked, checking: false },
      }),
    );
    expect(screen.getByTestId('keychain-error').textContent).toContain('Unlock your login keyring');
    expect((screen.getByRole('button', { name: 'Save key' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('loading', () => {
  it('shows a skeleton while the first answer is on its way', async () => {
    await renderApp(makeState({ status: 'loading', balance: null, refreshing: true }));
    expect(screen.getByRole('status', { name: 'Loading balance' })).toBeTruthy();
    expect(screen.getByTestId('status-badge').textContent).toBe('Loading');
    expect(screen.queryByTestId('total')).toBeNull();
  });
});

describe('stale', () => {
  it('keeps the data, says how old it is and why, and retries', async () => {
    const state = makeState({ status: 'stale', error: NETWORK, nextRefreshAt: null });
    const { user, fake } = await renderApp(state, { now: T0 + 125_000 });
    await user.click(screen.getByTestId('status-line-toggle'));
    const banner = screen.getByTestId('stale-banner');
    expect(banner.textContent).toContain('Data is 2 min old');
    // The line over the banner names the error; the banner says why without naming it again.
    expect(screen.getByTestId('status-line-title').textContent).toBe('Cannot reach Gate');
    expect(banner.querySelector('.panel-reason')?.textContent).toBe(
      'Could not reach Gate: the connection was refused (api.gateio.ws:443).',
    );
    expect(banner.textContent).toContain('Check the internet connection');
    expect(screen.getByTestId('total-amount').textContent).toBe('633,967,350,312,281,193.07');
    expect(screen.getByTestId('status-badge').dataset.status).toBe('stale');
    await user.click(within(banner).getByRole('button', { name: 'Retry' }));
    expect(fake.fns.refresh).toHaveBeenCalledTimes(1);
  });

  it('offers to fix the key when the kept data went stale because the key was revoked', async () => {
    const { user } = await renderApp(makeState({ status: 'stale', error: INVALID_KEY }));
    await user.click(screen.getByTestId('status-line-toggle'));
    await user.click(within(screen.getByTestId('stale-banner')).getByRole('button', { name: 'Fix key' }));
    expect(await screen.findByRole('heading', { name: 'Replace the API key' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('total')).toBeTruthy();
  });

  it("calls a key that lost its permission an error, not stale, and keeps Gate's own words behind Details", async () => {
    const forbidden = appError('FORBIDDEN', {}, 'FORBIDDEN: Forbidden: API key lacks wallet permission');
    const { user } = await renderApp(makeState({ status: 'stale', error: forbidden }));
    const badge = screen.getByTestId('status-badge');
    expect([badge.dataset.severity, badge.textContent]).toEqual(['error', 'Error']);
    await user.click(screen.getByTestId('status-line-toggle'));
    const banner = screen.getByTestId('stale-banner');
    expect(banner.className).toContain('panel-error');
    expect(banner.querySelector('.panel-reason')?.textContent).not.toContain('Gate:');
    const details = within(banner).getByTestId('error-details');
    expect(details.hasAttribute('open')).toBe(false);
    expect(within(details).getByTestId('error-detail-text').textContent).toBe(
      'FORBIDDEN: FORBIDDEN: Forbidden: API key lacks wallet permission',
    );
  });
});

describe('error', () => {
  it('names a bad key, shows the hint, and opens the key form', async () => {
    const { user, fake } = await renderApp(makeState({ status: 'error', balance: null, error: INVALID_KEY, nextRefreshAt: null }));
    const view = screen.getByTestId('error-view');
    expect(view.dataset.code).toBe('INVALID_KEY');
    expect(view.textContent).toContain('Gate rejected the API key');
    expect(view.textContent).toContain('has not been deleted or expired in Gate');
    expect(within(view).queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(within(view).getByRole('button', { name: 'Fix key' }));
    expect(await screen.findByTestId('onboarding-form')).toBeTruthy();
    expect(fake.fns.refresh).not.toHaveBeenCalled();
  });

  it("makes the user wait out Gate's rate limit, then offers Retry, and names the automatic refresh apart", async () => {
    const limited: AppError = appError('RATE_LIMITED', { reason: 'http-429', waitMs: 30_000 }, null, 30_000);
    const { user, fake, setNow } = await renderApp(
      makeState({ status: 'error', balance: null, error: limited, nextRefreshAt: T0 + 43_000, rateLimitedUntil: T0 + 31_000 }),
      { now: T0 + 1_000 },
    );
    expect(screen.getByTestId('next-refresh').textContent).toBe('Next automatic refresh in 42 s');
    const waiting = screen.getByTestId('rate-limit-wait') as HTMLButtonElement;
    expect(waiting.textContent).toBe('Retry in 30 s');
    expect(waiting.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    setNow(T0 + 31_000);
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(fake.fns.refresh).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('rate-limit-wait')).toBeNull();
    expect(screen.getByTestId('next-refresh').textContent).toBe('Next automatic refresh in 12 s');
  });

  it("a rate limit whose wait is shorter than the backoff: Retry after Gate's seconds, not the scheduler's", async () => {
    // What the e2e review saw: Gate said 4 s, the scheduler backs off 61 s.
    const limited: AppError = appError('RATE_LIMITED', { waitMs: 4_000 }, null, 4_000);
    const { user, fake, setNow } = await renderApp(
      makeState({ status: 'stale', error: limited, nextRefreshAt: T0 + 62_000, rateLimitedUntil: T0 + 5_000 }),
      { now: T0 + 1_000 },
    );
    await user.click(screen.getByTestId('status-line-toggle'));
    const banner = screen.getByTestId('stale-banner');
    expect(within(banner).getByTestId('next-refresh').textContent).toBe('Next automatic refresh in 61 s');
    expect(within(banner).getByTestId('rate-limit-wait').textContent).toBe('Retry in 4 s');
    expect(banner.textContent).not.toContain('Next try');
    setNow(T0 + 3_500);
    await screen.findByText('Retry in 2 s');
    setNow(T0 + 5_000);
    await user.click(await within(banner).findByRole('button', { name: 'Retry' }));
    expect(fake.fns.refresh).toHaveBeenCalledTimes(1);
    expect(within(banner).getByTestId('next-refresh').textContent).toBe('Next automatic refresh in 57 s');
  });

  it("starts the countdown at Gate's full wait even when the error arrives between two clock ticks", async () => {
    const limited: AppError = appError('RATE_LIMITED', { reason: 'http-429', waitMs: 4_000 }, null, 4_000);
    const { fake, setNow, user } = await renderApp(makeState({ status: 'live' }), { now: T0 + 1_000 });
    // The clock has moved on since its last tick when main's push arrives.
    setNow(T0 + 1_900);
    fake.push(makeState({ status: 'stale', error: limited, nextRefreshAt: T0 + 61_900, rateLimitedUntil: T0 + 5_900 }));
    expect(screen.getByTestId('status-line-title').textContent).toBe('Rate limited, retrying in 60 s');
    await user.click(screen.getByTestId('status-line-toggle'));
    expect(screen.getByTestId('rate-limit-wait').textContent).toBe('Retry in 4 s');
    expect(screen.getByTestId('next-refresh').textContent).toBe('Next automatic refresh in 60 s');
  });

  it("counts Gate's wait again from a new rate-limit answer, even with the same words", async () => {
    const limited: AppError = appError('RATE_LIMITED', { reason: 'http-429', waitMs: 10_000 }, null, 10_000);
    const { fake, setNow, user } = await renderApp(
      makeState({ status: 'stale', error: limited, nextRefreshAt: T0 + 61_000, rateLimitedUntil: T0 + 11_000 }),
      { now: T0 + 1_000 },
    );
    await user.click(screen.getByTestId('status-line-toggle'));
    setNow(T0 + 12_000);
    await screen.findByRole('button', { name: 'Retry' });
    // The retry goes out (main pushes refreshing) and Gate answers 429 again.
    fake.push(makeState({ status: 'stale', error: limited, refreshing: true, nextRefreshAt: null, rateLimitedUntil: T0 + 11_000 }));
    expect(screen.queryByTestId('next-refresh')).toBeNull();
    fake.push(makeState({ status: 'stale', error: limited, nextRefreshAt: T0 + 80_000, rateLimitedUntil: T0 + 22_000 }));
    expect(screen.getByTestId('rate-limit-wait').textContent).toBe('Retry in 10 s');
    expect(screen.getByTestId('next-refresh').textContent).toBe('Next automatic refresh in 68 s');
  });

  it('offers Retry for a network failure', async () => {
    const { user, fake } = await renderApp(makeState({ status: 'error', balance: null, error: NETWORK }));
    expect(screen.getByTestId('error-view').textContent).toContain('Cannot reach Gate');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fake.fns.refresh).toHaveBeenCalledTimes(1);
  });
});

describe('demo', () => {
  it('marks demo data and leads to the key form', async () => {
    const { user, fake } = await renderApp(
      makeState({ demo: true, credentials: { stored: false, keyHint: null, keychainError: null, checking: false } }),
    );
    expect(screen.getByTestId('demo-badge').textContent).toBe('Demo data');
    // One badge: "Demo data" takes the place of "Live".
    expect(screen.getByTestId('status-badge').textContent).toBe('Demo data');
    expect(screen.queryByText('Live')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Connect your Gate account' }));
    expect(await screen.findByRole('heading', { name: 'Connect your Gate account' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try the demo' })).toBeNull();
    await user.type(screen.getByLabelText('API key'), 'k');
    await user.type(screen.getByLabelText('API secret'), 's');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(fake.fns.saveCredentials).toHaveBeenCalledWith({ key: 'k', secret: 's', verify: true });
    // A successful save closes the form.
    expect(await screen.findByTestId('total')).toBeTruthy();
  });
});

describe('without a bridge', () => {
  it('says the app bridge is missing instead of crashing', async () => {
    render(<App glance={{ now: () => T0 }} />);
    const view = await screen.findByTestId('error-view');
    expect(view.textContent).toContain('window.glance');
  });
});

describe('a keychain that recovers', () => {
  it('enables Save again and Settings shows the stored key once main says the keychain answers', async () => {
    const locked: AppError = appError('KEYCHAIN_LOCKED', { platform: 'linux' });
    const { fake, user } = await renderApp(
      makeState({
        status: 'error',
        balance: null,
        error: locked,
        credentials: { stored: false, keyHint: null, keychainError: locked, checking: false },
      }),
    );
    await openSettings(user, 'key');
    expect(screen.getByTestId('key-status').textContent).toContain('Unlock your login keyring');
    expect(screen.getByTestId('key-status').textContent).toContain('No key stored.');
    // The keychain was unlocked; main's next state (after a refresh or the popover opening) says so.
    fake.push(makeState({ credentials: { stored: true, keyHint: '…a1b2', keychainError: null, checking: false } }));
    expect(screen.getByTestId('key-status').textContent).not.toContain('Unlock your login keyring');
    expect(screen.getByTestId('key-status').textContent).toContain('A key ending …a1b2 is stored');
    await user.click(screen.getByRole('button', { name: 'Replace key' }));
    expect(((await screen.findByRole('button', { name: 'Save key' })) as HTMLButtonElement).disabled).toBe(false);
  });
});
