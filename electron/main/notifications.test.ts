import { describe, expect, it, vi } from 'vitest';
import type { NotificationLike } from './notifications.js';
import { createNotifier } from './notifications.js';

class FakeNotification implements NotificationLike {
  readonly listeners = new Map<string, () => void>();
  shown = false;
  constructor(readonly options: { title: string; body: string }) {}
  on(event: 'click' | 'close', listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  show(): void {
    this.shown = true;
  }
}

describe('createNotifier', () => {
  it('shows each alert as a notification whose click opens the popover', () => {
    const made: FakeNotification[] = [];
    const onClick = vi.fn();
    const notify = createNotifier({
      create: (o) => made[made.push(new FakeNotification({ ...o })) - 1]!,
      isSupported: () => true,
      onClick,
      log: vi.fn(),
    });
    notify({ title: 'Net worth above 1.00 USDT', body: 'Your Gate.io net worth went above 1.00 USDT.' });
    expect(made.map((n) => [n.options.title, n.shown])).toEqual([['Net worth above 1.00 USDT', true]]);
    expect(onClick).not.toHaveBeenCalled();
    made[0]!.listeners.get('click')!();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('on a desktop without notifications: nothing shown, one log line', () => {
    const create = vi.fn();
    const log = vi.fn();
    const notify = createNotifier({ create, isSupported: () => false, onClick: vi.fn(), log });
    notify({ title: 'a', body: 'b' });
    notify({ title: 'c', body: 'd' });
    expect(create).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(1);
  });
});
