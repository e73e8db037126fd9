import { describe, expect, it, vi } from 'vitest';
import type { NotificationLike } from './notifications.js';
import { createNotifier } from './notifications.js';

class FakeNotification implements NotificationLike {
  readonly listeners = new Map<string, (...args: unknown[]) => void>();
  shown = false;
  constructor(readonly options: { title: string; body: string }) {}
  on(event: string, listener: (...args: never[]) => void): this {
    this.listeners.set(event, listener as (...args: unknown[]) => void);
    return this;
  }
  show(): void {
    this.shown = true;
  }
}

function setup(isSupported = true, windows = false) {
  const made: FakeNotification[] = [];
  const onClick = vi.fn();
  const log = vi.fn();
  let activate: (() => void) | null = null;
  const notifier = createNotifier({
    create: (o) => made[made.push(new FakeNotification({ ...o })) - 1]!,
    isSupported: () => isSupported,
    onClick,
    handleActivation: windows ? (callback) => void (activate = callback) : null,
    log,
  });
  return { made, onClick, log, notifier, activate: () => activate?.() };
}

describe('createNotifier', () => {
  it('shows each alert as a notification whose click opens the popover', () => {
    const { made, onClick, notifier } = setup();
    notifier.notify({ title: 'Net worth above 1.00 USDT', body: 'Your Gate.io net worth went above 1.00 USDT.' });
    expect(made.map((n) => [n.options.title, n.shown])).toEqual([['Net worth above 1.00 USDT', true]]);
    expect(onClick).not.toHaveBeenCalled();
    made[0]!.listeners.get('click')!();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('Windows: every activation opens the popover once, also a toast clicked in Action Center after its object is gone', () => {
    const { made, onClick, notifier, activate } = setup(true, true);
    notifier.notify({ title: 'a', body: 'b' });
    // In memory, Electron runs the instance's click and the activation callback both: one show.
    made[0]!.listeners.get('click')!();
    activate();
    expect(onClick).toHaveBeenCalledTimes(1);
    // Collected, restarted, or the click that started the app: only the activation callback runs.
    activate();
    expect(onClick).toHaveBeenCalledTimes(2);
  });

  it('on a desktop without notifications: nothing shown, one log line', () => {
    const { made, log, notifier } = setup(false);
    notifier.notify({ title: 'a', body: 'b' });
    notifier.notify({ title: 'c', body: 'd' });
    expect(made).toEqual([]);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('tells its listeners each time the system refuses one, logs once without the system’s words', () => {
    const { made, log, notifier } = setup();
    const failed = vi.fn();
    const sub = notifier.onDidFail(failed);
    notifier.notify({ title: 'a', body: 'b' });
    notifier.notify({ title: 'c', body: 'd' });
    made[0]!.listeners.get('failed')!({}, 'Notifications are not allowed for secret-app');
    made[1]!.listeners.get('failed')!({}, 'again');
    expect(failed).toHaveBeenCalledTimes(2);
    expect(log.mock.calls).toEqual([['the system refused a notification']]);
    sub.dispose();
    notifier.notify({ title: 'e', body: 'f' });
    made[2]!.listeners.get('failed')!({}, 'x');
    expect(failed).toHaveBeenCalledTimes(2);
  });
});
