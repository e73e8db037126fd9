// Without keytar (npm skipped the optional native module on a machine without libsecret's
// headers) the app fails closed: every place that speaks of the key names the package to
// install and `npm rebuild keytar`, offers no Save, and the demo stays one click away.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appError } from '../../shared/errors.js';
import { makeState } from './testing/fixtures.js';
import { openSettings, renderApp } from './testing/render-app.js';

const MISSING = appError('KEYCHAIN_UNAVAILABLE', { platform: 'linux', reason: 'not-installed' }, "Cannot find module 'keytar'");
const credentials = { stored: false, keyHint: null, keychainError: MISSING, checking: false };

function expectInstallWords(text: string | null): void {
  expect(text).toContain('keytar');
  expect(text).toContain('sudo apt install libsecret-1-dev pkg-config');
  expect(text).toContain('npm rebuild keytar');
}

describe('keytar not installed', () => {
  it('the error view names what to install and offers the demo, which starts it', async () => {
    const { user, fake } = await renderApp(makeState({ status: 'error', balance: null, error: MISSING, credentials }));
    const view = screen.getByTestId('error-view');
    expect(view.getAttribute('data-code')).toBe('KEYCHAIN_UNAVAILABLE');
    expectInstallWords(view.textContent);
    expect(view.textContent).toContain('its native module (keytar) is not installed');
    await user.click(within(view).getByRole('button', { name: 'Try the demo' }));
    expect(fake.fns.startDemo).toHaveBeenCalledTimes(1);
  });

  it('offers no demo button once the demo runs, nor for an error that is not the keychain’s', async () => {
    const { fake } = await renderApp(
      makeState({
        status: 'error',
        balance: null,
        error: appError('SERVER_ERROR', { status: 502 }),
        credentials: { ...credentials, keychainError: null },
      }),
    );
    expect(screen.getByTestId('error-view').getAttribute('data-code')).toBe('SERVER_ERROR');
    expect(screen.queryByTestId('error-try-demo')).toBeNull();
    fake.push(makeState({ status: 'error', balance: null, error: MISSING, credentials, demo: true }));
    expect(screen.getByTestId('error-view').getAttribute('data-code')).toBe('KEYCHAIN_UNAVAILABLE');
    expect(screen.queryByTestId('error-try-demo')).toBeNull();
  });

  it('Settings says it in the key section, and the key form says it and offers no Save', async () => {
    const { user } = await renderApp(makeState({ status: 'error', balance: null, error: MISSING, credentials }));
    await openSettings(user);
    expectInstallWords(screen.getByTestId('key-status').textContent);
    await user.click(screen.getByTestId('replace-key'));
    const panel = await screen.findByTestId('keychain-error');
    expectInstallWords(panel.textContent);
    expect(panel.textContent).toContain('its native module (keytar) is not installed');
    expect((screen.getByRole('button', { name: 'Save key' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
