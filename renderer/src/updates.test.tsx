// The updater as the popover and Settings show it: one line with the one action that fits, the
// switches, and words for every phase, in the reader's language.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../shared/updates.js';
import { makeState } from './testing/fixtures.js';
import { openSettings, renderApp } from './testing/render-app.js';

const update = (over: Partial<UpdateState>): UpdateState => ({
  mode: 'self',
  currentVersion: '0.1.0',
  phase: { kind: 'idle' },
  lastCheckAt: null,
  ...over,
});

describe('updates', () => {
  it('the popover says nothing while there is nothing to do', async () => {
    await renderApp(makeState({ update: update({ phase: { kind: 'up-to-date' }, lastCheckAt: Date.UTC(2026, 11, 6) }) }));
    expect(screen.queryByTestId('update-bar')).toBeNull();
  });

  it('a ready update offers "Restart to update" in the popover, and only then restarts', async () => {
    const { user, fake } = await renderApp(makeState({ update: update({ phase: { kind: 'ready', version: '0.2.0' } }) }));
    const bar = screen.getByTestId('update-bar');
    expect(bar.textContent).toContain('Gate Glance 0.2.0 is ready.');
    await user.click(within(bar).getByRole('button', { name: 'Restart to update' }));
    expect(fake.fns.restartToUpdate).toHaveBeenCalledTimes(1);
  });

  it('a found update is downloaded on request where the app updates itself, and opens its release page where a package manager does', async () => {
    const found = { kind: 'available', version: '0.2.0', releaseUrl: 'https://example.invalid/r' } as const;
    const self = await renderApp(makeState({ update: update({ phase: found }) }));
    await self.user.click(within(screen.getByTestId('update-bar')).getByRole('button', { name: 'Download' }));
    expect(self.fake.fns.downloadUpdate).toHaveBeenCalledTimes(1);
    self.view.unmount();

    const notify = await renderApp(makeState({ update: update({ mode: 'notify', phase: found }) }));
    await notify.user.click(within(screen.getByTestId('update-bar')).getByRole('button', { name: 'Open the release page' }));
    expect(notify.fake.fns.openReleasePage).toHaveBeenCalledTimes(1);
    expect(notify.fake.fns.downloadUpdate).not.toHaveBeenCalled();
  });

  it('Settings › Updates: the version, both switches, the last check, and "Check for updates"', async () => {
    const { user, fake } = await renderApp(makeState({ update: update({ phase: { kind: 'failed', failure: 'check-failed' } }) }));
    await openSettings(user, 'advanced');
    const section = screen.getByRole('region', { name: 'Updates' });
    expect(within(section).getByText('Version 0.1.0')).toBeTruthy();
    expect(within(section).getByTestId('update-status').textContent).toContain('Could not check for updates.');
    expect(within(section).getByTestId('update-status').textContent).toContain('Not checked yet');
    await user.click(within(section).getByLabelText('Check for updates automatically'));
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ checkForUpdates: false });
    await user.click(within(section).getByLabelText('Download updates automatically'));
    expect(fake.fns.setPrefs).toHaveBeenLastCalledWith({ downloadUpdatesAutomatically: true });
    await user.click(within(section).getByRole('button', { name: 'Check for updates' }));
    expect(fake.fns.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('a package-managed install has no download switch; a build that never updates says so and offers nothing', async () => {
    const notify = await renderApp(makeState({ update: update({ mode: 'notify' }) }));
    await openSettings(notify.user, 'advanced');
    expect(within(screen.getByRole('region', { name: 'Updates' })).queryByLabelText('Download updates automatically')).toBeNull();
    notify.view.unmount();

    const none = await renderApp(makeState({ update: update({ mode: 'none' }) }));
    await openSettings(none.user, 'advanced');
    const section = screen.getByRole('region', { name: 'Updates' });
    expect(section.textContent).toContain('This build does not update itself.');
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('speaks Chinese: a download under way and a checksum refused', async () => {
    const zh = { locale: { language: 'zh-CN', formatLocale: undefined } } as const;
    const dl = await renderApp(makeState({ ...zh, update: update({ phase: { kind: 'downloading', version: '0.2.0', percent: 41 } }) }));
    await dl.user.click(screen.getByTestId('settings-open'));
    await screen.findByTestId('settings-panel');
    expect(screen.getByTestId('update-status').textContent).toContain('正在下载版本 0.2.0… 41%');
    dl.view.unmount();
    const bad = await renderApp(makeState({ ...zh, update: update({ phase: { kind: 'failed', failure: 'integrity' } }) }));
    await bad.user.click(screen.getByTestId('settings-open'));
    await screen.findByTestId('settings-panel');
    expect(screen.getByTestId('update-status').textContent).toContain('下载的更新未通过校验，已丢弃。');
  });
});
