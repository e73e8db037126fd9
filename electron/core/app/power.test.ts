import { describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../testing/virtual-clock.js';
import type { NetworkInterfaceInfo } from 'node:os';
import { INTERFACES_POLL_MS, NetworkChangeWatcher, ONLINE_POLL_MS, OnlineWatcher, PauseGate, type InterfaceTable } from './power.js';

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

describe('PauseGate: suspend', () => {
  it('calls suspend each time the machine goes to sleep, even when a lock already paused it', () => {
    const calls: string[] = [];
    const gate = new PauseGate({
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      suspend: () => calls.push('suspend'),
    });
    gate.set('suspend', true);
    gate.set('suspend', true);
    gate.set('suspend', false);
    gate.set('lock', true);
    gate.set('suspend', true);
    expect(calls).toEqual(['pause', 'suspend', 'resume', 'pause', 'suspend']);
  });
});

function iface(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const base = { address, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...base, family } : { ...base, family, scopeid: 0 };
}

describe('NetworkChangeWatcher', () => {
  it('reports a new route (Wi-Fi → VPN, another Wi-Fi) with no offline period, not loopback or link-local churn, and stops cleanly', async () => {
    const clock = new VirtualClock();
    let table: InterfaceTable = { lo: [iface('127.0.0.1', 'IPv4', true)], wlan0: [iface('192.168.1.20', 'IPv4')] };
    const onChange = vi.fn();
    const w = new NetworkChangeWatcher({ interfaces: () => table, onChange, clock });
    w.start();
    await clock.advance(INTERFACES_POLL_MS * 3);
    expect(onChange).not.toHaveBeenCalled();
    table = { ...table, wlan0: [iface('192.168.1.20', 'IPv4'), iface('fe80::1', 'IPv6')], lo: [iface('::1', 'IPv6', true)] };
    await clock.advance(INTERFACES_POLL_MS);
    expect(onChange).not.toHaveBeenCalled();
    table = { ...table, tun0: [iface('10.8.0.2', 'IPv4')] };
    await clock.advance(INTERFACES_POLL_MS);
    expect(onChange).toHaveBeenCalledOnce();
    await clock.advance(INTERFACES_POLL_MS * 2);
    expect(onChange).toHaveBeenCalledOnce();
    table = { wlan0: [iface('10.0.0.7', 'IPv4')] };
    await clock.advance(INTERFACES_POLL_MS);
    expect(onChange).toHaveBeenCalledTimes(2);
    w.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('a system that will not list its interfaces reports nothing and keeps polling', async () => {
    const clock = new VirtualClock();
    let fail = false;
    let table: InterfaceTable = { eth0: [iface('192.168.1.2', 'IPv4')] };
    const onChange = vi.fn();
    const w = new NetworkChangeWatcher({
      interfaces: () => {
        if (fail) throw new Error('EMFILE');
        return table;
      },
      onChange,
      clock,
    });
    w.start();
    fail = true;
    await clock.advance(INTERFACES_POLL_MS * 2);
    expect(onChange).not.toHaveBeenCalled();
    fail = false;
    table = { eth0: [iface('192.168.7.2', 'IPv4')] };
    await clock.advance(INTERFACES_POLL_MS);
    expect(onChange).toHaveBeenCalledOnce();
    w.stop();
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
