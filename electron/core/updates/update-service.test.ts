import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../shared/updates.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { FakeUpdater } from '../testing/fake-updater.js';
import type { UpdateCheckAnswer } from './update-service.js';
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, UpdateService } from './update-service.js';

const newer = async (): Promise<UpdateCheckAnswer> => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } });

function setup(mode: 'self' | 'notify' = 'self') {
  const clock = new VirtualClock();
  const updater = new FakeUpdater();
  const service = new UpdateService({
    updater,
    mode,
    currentVersion: '0.1.0',
    releaseUrl: (v) => `https://github.com/gate-glance/gate-glance/releases/tag/v${v}`,
    clock,
  });
  const states: UpdateState[] = [];
  service.onDidChange((s) => states.push(s));
  return { clock, updater, service, states, kinds: () => states.map((s) => s.phase.kind) };
}

describe('UpdateService', () => {
  it('takes the updater out of its own hands: no download unasked, no downgrade, a ready update installs on quit', () => {
    const { updater } = setup('self');
    expect(updater.autoDownload).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(setup('notify').updater.autoInstallOnAppQuit).toBe(false);
  });

  it('checks 5 s after start and then every 12 hours, and never while checks are off', async () => {
    const { clock, updater, service } = setup();
    await clock.advance(60 * 60 * 1000);
    expect(updater.checks).toBe(0); // not configured: off

    service.configure({ checkAutomatically: true, downloadAutomatically: false });
    await clock.advance(FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(0);
    await clock.advance(1);
    expect(updater.checks).toBe(1);
    expect(service.state.phase).toEqual({ kind: 'up-to-date' });
    expect(service.state.lastCheckAt).toBe(clock.now());
    await clock.advance(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    await clock.advance(CHECK_INTERVAL_MS * 3);
    expect(updater.checks).toBe(5);

    service.configure({ checkAutomatically: false, downloadAutomatically: false });
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(CHECK_INTERVAL_MS * 4);
    expect(updater.checks).toBe(5);
  });

  it('a manual check runs at once even with automatic checks off; two clicks make one request', async () => {
    const { updater, service } = setup();
    await Promise.all([service.checkNow(), service.checkNow()]);
    expect(updater.checks).toBe(1);
  });

  it('finds an update and waits to be asked before downloading; progress, then ready; restart only when ready', async () => {
    const { updater, service, kinds } = setup();
    updater.answer = newer;
    expect(service.restartToUpdate()).toBe(false);
    await service.checkNow();
    expect(service.state.phase).toEqual({
      kind: 'available',
      version: '0.2.0',
      releaseUrl: 'https://github.com/gate-glance/gate-glance/releases/tag/v0.2.0',
    });
    expect(updater.downloads).toBe(0);

    let finish: (v: unknown) => void = () => undefined;
    updater.downloadResult = () => new Promise((resolve) => (finish = resolve));
    const downloading = service.download();
    updater.progress(41.7);
    updater.progress(41.9); // the same whole percent: no new state
    expect(service.state.phase).toEqual({ kind: 'downloading', version: '0.2.0', percent: 41 });
    finish(['/tmp/update']);
    await downloading;
    expect(service.state.phase).toEqual({ kind: 'ready', version: '0.2.0' });
    expect(kinds()).toEqual(['checking', 'available', 'downloading', 'downloading', 'ready']);

    // A later check does not throw the ready update away.
    await service.checkNow();
    expect(service.state.phase.kind).toBe('ready');
    expect(updater.installs).toEqual([]);
    expect(service.restartToUpdate()).toBe(true);
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('downloads by itself only when the user chose "download automatically"', async () => {
    const { updater, service } = setup();
    updater.answer = newer;
    service.configure({ checkAutomatically: true, downloadAutomatically: true });
    await service.checkNow();
    expect(updater.downloads).toBe(1);
    expect(service.state.phase.kind).toBe('ready');
  });

  it('a deb, rpm or ad-hoc macOS install is told of a new version with its release page, and never downloads', async () => {
    const { updater, service } = setup('notify');
    updater.answer = newer;
    service.configure({ checkAutomatically: true, downloadAutomatically: true });
    await service.checkNow();
    expect(service.state.phase).toMatchObject({ kind: 'available', version: '0.2.0' });
    await service.download();
    expect(updater.downloads).toBe(0);
    expect(service.state.phase.kind).toBe('available');
  });

  it('a feed that is down is a quiet failed check, and the next scheduled check still runs', async () => {
    const { clock, updater, service } = setup();
    updater.answer = () => Promise.reject(Object.assign(new Error('net::ERR_CONNECTION_REFUSED'), { code: 'ERR_CONNECTION_REFUSED' }));
    service.configure({ checkAutomatically: true, downloadAutomatically: false });
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(service.state.phase).toEqual({ kind: 'failed', failure: 'check-failed' });
    expect(service.state.lastCheckAt).toBe(clock.now());
    updater.answer = newer;
    await clock.advance(CHECK_INTERVAL_MS);
    expect(service.state.phase.kind).toBe('available');
  });

  it('an artifact whose sha512 does not match is refused and named as such', async () => {
    const { updater, service } = setup();
    updater.answer = newer;
    updater.downloadResult = () => Promise.reject(Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' }));
    await service.checkNow();
    await service.download();
    expect(service.state.phase).toEqual({ kind: 'failed', failure: 'integrity' });
    expect(service.restartToUpdate()).toBe(false);
  });

  it('with no updater (an unpackaged build) it never checks and says so by its mode', async () => {
    const clock = new VirtualClock();
    const service = new UpdateService({ updater: null, mode: 'none', currentVersion: '0.1.0', releaseUrl: () => '', clock });
    service.configure({ checkAutomatically: true, downloadAutomatically: false });
    await clock.advance(FIRST_CHECK_DELAY_MS);
    await service.checkNow();
    expect(service.state).toEqual({ mode: 'none', currentVersion: '0.1.0', phase: { kind: 'idle' }, lastCheckAt: null });
  });

  it('dispose leaves no timer and no late state', async () => {
    const { clock, updater, service, states } = setup();
    let answer: (a: UpdateCheckAnswer) => void = () => undefined;
    updater.answer = () => new Promise((resolve) => (answer = resolve));
    service.configure({ checkAutomatically: true, downloadAutomatically: false });
    await clock.advance(FIRST_CHECK_DELAY_MS);
    const before = states.length;
    service.dispose();
    answer({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } });
    await clock.advance(CHECK_INTERVAL_MS);
    expect(clock.pendingTimers).toBe(0);
    expect(states.length).toBe(before);
  });
});
