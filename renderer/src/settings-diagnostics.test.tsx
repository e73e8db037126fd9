// Settings › Diagnostics: the doctor's report from main, each part with its remedy, checked on
// opening and on "Check again", a failure shown in place, and the same in Chinese.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appError } from '../../shared/errors.js';
import { DIAGNOSTICS, makeState } from './testing/fixtures.js';
import { openSettings, renderApp } from './testing/render-app.js';

describe('Settings › Diagnostics', () => {
  it('asks main once on opening and shows each part, the remedy under the one that needs it', async () => {
    const { user, fake } = await renderApp(makeState());
    await openSettings(user, 'advanced');
    const section = screen.getByRole('region', { name: 'Diagnostics' });
    await waitFor(() => expect(within(section).getByTestId('diagnostics-trayHost')).toBeTruthy());
    expect(fake.fns.getDiagnostics).toHaveBeenCalledTimes(1);
    const tray = within(section).getByTestId('diagnostics-trayHost');
    expect(tray.textContent).toContain('Tray icon host');
    expect(tray.textContent).toContain('absent');
    expect(tray.textContent).toContain('AppIndicator and KStatusNotifierItem Support');
    expect(tray.getAttribute('data-attention')).toBe('yes');
    expect(within(section).getByTestId('diagnostics-keychain').getAttribute('data-attention')).toBe('no');
    expect(within(section).getByTestId('diagnostics-dataDir').textContent).toContain(DIAGNOSTICS.dataDir.path);
    expect(within(section).getByTestId('diagnostics-gate').textContent).toContain('clock difference 0.4 s');
    expect(within(section).getByTestId('diagnostics-proxy').textContent).toContain('none (direct connection)');
  });

  it('"Check again" asks again and shows the new answer; a failure is said in place', async () => {
    const { user, fake } = await renderApp(makeState());
    fake.fns.getDiagnostics.mockResolvedValueOnce({ ok: true, value: DIAGNOSTICS }).mockResolvedValueOnce({
      ok: true,
      value: { ...DIAGNOSTICS, trayHost: { status: 'present', hint: null }, proxy: { url: 'http://proxy.example:3128' } },
    });
    await openSettings(user, 'advanced');
    const section = screen.getByRole('region', { name: 'Diagnostics' });
    await waitFor(() => expect(within(section).getByTestId('diagnostics-trayHost').textContent).toContain('absent'));
    await user.click(within(section).getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(within(section).getByTestId('diagnostics-trayHost').textContent).toContain('present'));
    expect(within(section).getByTestId('diagnostics-trayHost').getAttribute('data-attention')).toBe('no');
    expect(within(section).getByTestId('diagnostics-proxy').textContent).toContain('http://proxy.example:3128');
    fake.fns.getDiagnostics.mockResolvedValueOnce({ ok: false, error: appError('INTERNAL', { reason: 'unexpected' }) });
    await user.click(within(section).getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(within(section).getByText('Could not run the checks.')).toBeTruthy());
    expect(within(section).queryByTestId('diagnostics-trayHost')).toBeNull();
  });

  it('in Chinese', async () => {
    const { user } = await renderApp(makeState({ locale: { language: 'zh-CN', formatLocale: 'zh-CN' } }));
    await user.click(await screen.findByRole('button', { name: '设置' }));
    await user.click(await screen.findByRole('tab', { name: '高级' }));
    const section = await screen.findByRole('region', { name: '诊断' });
    await waitFor(() => expect(within(section).getByTestId('diagnostics-trayHost').textContent).toContain('托盘图标宿主'));
    expect(within(section).getByTestId('diagnostics-trayHost').textContent).toContain('安装并启用 GNOME 扩展');
  });
});
