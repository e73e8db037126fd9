import { describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../testing/virtual-clock.js';
import { ONLINE_POLL_MS, OnlineWatcher, PauseGate } from './power.js';

describe('PauseGate', () => {
  it('pauses on the first reason and resumes only when all are gone', () => {
    const pause = vi.fn();
    const resume = vi.fn();
    const gate = new PauseGate({ pause, resume });
    gate.set('lock', true);
    gate.set('suspend', true);
    expect(pause).toHaveBeenCalledOnce();
    gate.set('suspend', false);
    expect(resume).not.toHaveBeenCalled();
    expect(gate.paused).toBe(true);
    gate.set('lock', false);
    expect(resume).toHaveBeenCalledOnce();
    gate.set('lock', false);
    expect(resume).toHaveBeenCalledOnce();
  });
});

describe('OnlineWatcher', () => {
  it('reports only the offline → online edge and leaves no timer when stopped', async () => {
    const clock = new VirtualClock();
    let online = true;
    const onOnline = vi.fn();
    const w = new OnlineWatcher({ isOnline: () => online, onOnline, clock });
    w.start();
    await clock.advance(ONLINE_POLL_MS * 3);
    expect(onOnline).not.toHaveBeenCalled();
    online = false;
    await clock.advance(ONLINE_POLL_MS * 2);
    expect(onOnline).not.toHaveBeenCalled();
    online = true;
    await clock.advance(ONLINE_POLL_MS);
    expect(onOnline).toHaveBeenCalledOnce();
    await clock.advance(ONLINE_POLL_MS * 5);
    expect(onOnline).toHaveBeenCalledOnce();
    w.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('treats a throwing probe as online', async () => {
    const clock = new VirtualClock();
    const w = new OnlineWatcher({
      isOnline: () => {
        throw new Error('no net module');
      },
      onOnline: vi.fn(),
      clock,
    });
    w.start();
    await clock.advance(ONLINE_POLL_MS);
    w.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
