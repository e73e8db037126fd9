// No tray host on this desktop: the popover, then an ordinary window, says so in one line with
// the remedy Diagnostics names for the desktop, in the language shown; a host that appears removes it.
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DesktopStatus } from '../../shared/ipc.js';
import { makeState } from './testing/fixtures.js';
import { renderApp } from './testing/render-app.js';

const desktop = (change: Partial<DesktopStatus>): DesktopStatus => ({ ...makeState().desktop, ...change });

describe('the popover without a tray host', () => {
  it('names the GNOME remedy in one line, and drops it once a host shows the icon', async () => {
    const { fake } = await renderApp(makeState({ desktop: desktop({ trayHost: 'absent', trayHostHint: 'tray-host-gnome' }) }));
    const notice = screen.getByTestId('tray-host-notice');
    expect(notice.getAttribute('role')).toBe('note');
    expect(notice.textContent).toBe(
      'No tray icon on this desktop. Install and enable the GNOME extension "AppIndicator and KStatusNotifierItem Support", then start Gate Glance again.',
    );
    act(() => fake.push(makeState({ desktop: desktop({ trayHost: 'present', trayHostHint: null }) })));
    expect(screen.queryByTestId('tray-host-notice')).toBeNull();
  });

  it('in Chinese, with the remedy for another desktop', async () => {
    await renderApp(
      makeState({
        locale: { language: 'zh-CN', formatLocale: 'zh-CN' },
        desktop: desktop({ trayHost: 'absent', trayHostHint: 'tray-host-kde' }),
      }),
    );
    expect((await screen.findByTestId('tray-host-notice')).textContent).toBe(
      '此桌面上没有托盘图标。在面板上添加“系统托盘”小部件，然后重新启动 Gate Glance。',
    );
  });

  it('says nothing where a host is there or none is needed', async () => {
    await renderApp(makeState());
    expect(screen.queryByTestId('tray-host-notice')).toBeNull();
  });
});
