/** KeyHealthService in virtual time: once on start unless checked within the day, once a day, at once after a save, the file kept across restarts. */
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/errors.js';
import type { Result } from '../../../shared/errors.js';
import type { AccountDetailInfo, KeyInfo } from '../gate/key-schema.js';
import { MemoryFileSystem } from '../testing/memory-file-system.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { KEY_HEALTH_INTERVAL_MS, KEY_HEALTH_RETRY_MS, KeyHealthService } from './key-health-service.js';

const HOUR = 3_600_000;
const INFO: KeyInfo = { state: 1, ipWhitelist: ['1.2.3.4'], perms: [{ name: 'spot', readOnly: true }], createdAt: 1, updatedAt: 1 };

function fakeClient(answer: () => Result<KeyInfo> = () => ok(INFO)) {
  const calls: string[] = [];
  return {
    calls,
    getKeyInfo: () => {
      calls.push('main_keys');
      return Promise.resolve(answer());
    },
    getAccountDetail: (): Promise<Result<AccountDetailInfo>> => {
      calls.push('detail');
      return Promise.resolve(ok({ ipWhitelist: [] }));
    },
  };
}

function build(clock: VirtualClock, fs: MemoryFileSystem, client = fakeClient()) {
  let changes = 0;
  const service = new KeyHealthService({ client, clock, dataDir: '/data', fs, onChange: () => (changes += 1), log: () => undefined });
  return { service, client, changes: () => changes };
}

describe('KeyHealthService', () => {
  it('checks on start, then once a day; a restart within the day reads the file instead of Gate', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const fs = new MemoryFileSystem();
    const first = build(clock, fs);
    await first.service.start('…a1b2');
    await first.service.whenIdle();
    expect(first.client.calls).toEqual(['main_keys']);
    expect(first.service.state.health?.readOnly).toBe(true);
    await clock.advance(KEY_HEALTH_INTERVAL_MS - HOUR);
    expect(first.client.calls).toHaveLength(1);
    await clock.advance(HOUR);
    await first.service.whenIdle();
    expect(first.client.calls).toHaveLength(2);
    first.service.stop();

    await clock.advance(5 * HOUR);
    const second = build(clock, fs);
    await second.service.start('…a1b2');
    await second.service.whenIdle();
    expect(second.client.calls).toEqual([]);
    expect(second.service.state.health?.ipBound).toBe(true);
    // The day since the last check is over: checked then, not at the restart.
    await clock.advance(KEY_HEALTH_INTERVAL_MS - 5 * HOUR);
    await second.service.whenIdle();
    expect(second.client.calls).toEqual(['main_keys']);
    second.service.stop();
  });

  it("another key's file is not this key's health: a start with another hint asks Gate", async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const fs = new MemoryFileSystem();
    const first = build(clock, fs);
    await first.service.start('…a1b2');
    await first.service.whenIdle();
    first.service.stop();
    const second = build(clock, fs);
    await second.service.start('…ffff');
    await second.service.whenIdle();
    expect(second.client.calls).toEqual(['main_keys']);
    second.service.stop();
  });

  it('a save checks at once; a failure keeps the last facts beside the error; clear forgets both and the file', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const fs = new MemoryFileSystem();
    let answer: Result<KeyInfo> = ok(INFO);
    const { service, client } = build(
      clock,
      fs,
      fakeClient(() => answer),
    );
    await service.start('…a1b2');
    await service.whenIdle();
    answer = fail('NETWORK', { cause: 'refused' });
    const after = await service.checkNow();
    expect(after.health?.readOnly).toBe(true);
    expect(after.error?.code).toBe('NETWORK');
    answer = ok({ ...INFO, perms: [{ name: 'spot', readOnly: false }] });
    const saved = await service.keySaved('…c3d4');
    expect(saved.health?.writePermissions).toEqual(['spot']);
    expect(saved.error).toBeNull();
    expect(client.calls).toEqual(['main_keys', 'main_keys', 'main_keys']);
    await service.whenIdle();
    expect([...fs.files.keys()].some((p) => p.endsWith('key-health.json'))).toBe(true);
    service.clear();
    await service.whenIdle();
    expect(service.state).toEqual({ health: null, checking: false, error: null });
    expect([...fs.files.keys()].some((p) => p.endsWith('key-health.json'))).toBe(false);
    service.stop();
  });

  it('a failure that passes (a skewed clock at login, offline, 429) is retried within minutes, across a restart; a rejected key waits the day', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const fs = new MemoryFileSystem();
    const answers: Result<KeyInfo>[] = [
      fail('CLOCK_SKEW', { reason: 'still-rejected', offset: 90_000 }),
      fail('NETWORK', { cause: 'offline' }),
      fail('RATE_LIMITED', {}, null, 20 * 60_000),
    ];
    const first = build(
      clock,
      fs,
      fakeClient(() => answers.shift() ?? ok(INFO)),
    );
    await first.service.start('…a1b2');
    await first.service.whenIdle();
    expect(first.service.state.error?.code).toBe('CLOCK_SKEW');
    await clock.advance(KEY_HEALTH_RETRY_MS[0]!);
    await first.service.whenIdle();
    expect(first.client.calls).toHaveLength(2);
    expect(first.service.state.error?.code).toBe('NETWORK');
    first.service.stop();

    // Restarted before the second retry is due: the file's next time is kept, not a day from the attempt.
    await clock.advance(60_000);
    const second = build(
      clock,
      fs,
      fakeClient(() => answers.shift() ?? ok(INFO)),
    );
    await second.service.start('…a1b2');
    await second.service.whenIdle();
    expect(second.client.calls).toEqual([]);
    await clock.advance(KEY_HEALTH_RETRY_MS[1]! - 60_000);
    await second.service.whenIdle();
    expect(second.client.calls).toEqual(['main_keys']);
    expect(second.service.state.error?.code).toBe('RATE_LIMITED');
    // Gate asked for 20 minutes; the third step (1 h) is longer, so 1 h.
    await clock.advance(KEY_HEALTH_RETRY_MS[2]! - 1);
    expect(second.client.calls).toHaveLength(1);
    await clock.advance(1);
    await second.service.whenIdle();
    expect(second.client.calls).toHaveLength(2);
    expect(second.service.state).toMatchObject({ error: null, health: { readOnly: true } });
    // An answer resets the steps: the next check is a day away.
    await clock.advance(KEY_HEALTH_INTERVAL_MS - 1);
    expect(second.client.calls).toHaveLength(2);
    second.service.stop();

    const rejectedClock = new VirtualClock(Date.UTC(2026, 0, 1));
    const rejected = build(
      rejectedClock,
      new MemoryFileSystem(),
      fakeClient(() => fail('INVALID_KEY', {})),
    );
    await rejected.service.start('…e5f6');
    await rejected.service.whenIdle();
    expect(rejected.service.state.error?.code).toBe('INVALID_KEY');
    await rejectedClock.advance(KEY_HEALTH_INTERVAL_MS - 1);
    expect(rejected.client.calls).toHaveLength(1);
    await rejectedClock.advance(1);
    await rejected.service.whenIdle();
    expect(rejected.client.calls).toHaveLength(2);
    rejected.service.stop();
  });

  it('a retry waits at least as long as Gate asked (Retry-After beyond the step)', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    let first = true;
    const { service, client } = build(
      clock,
      new MemoryFileSystem(),
      fakeClient(() => {
        if (!first) return ok(INFO);
        first = false;
        return fail('RATE_LIMITED', {}, null, 40 * 60_000);
      }),
    );
    await service.start('…a1b2');
    await service.whenIdle();
    await clock.advance(KEY_HEALTH_RETRY_MS[0]!);
    expect(client.calls).toHaveLength(1);
    await clock.advance(40 * 60_000 - KEY_HEALTH_RETRY_MS[0]!);
    await service.whenIdle();
    expect(client.calls).toHaveLength(2);
    service.stop();
  });

  it('a damaged file is read as none: Gate is asked', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const fs = new MemoryFileSystem();
    fs.files.set('/data/key-health.json', '{"version":1,"keyHint":"…a1b2","attemptedAt":"soon"}');
    const { service, client } = build(clock, fs);
    await service.start('…a1b2');
    await service.whenIdle();
    expect(client.calls).toEqual(['main_keys']);
    service.stop();
  });

  it('main_keys without a whitelist asks /account/detail for it', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const { service, client } = build(
      clock,
      new MemoryFileSystem(),
      fakeClient(() => ok({ ...INFO, ipWhitelist: null })),
    );
    await service.start('…a1b2');
    await service.whenIdle();
    expect(client.calls).toEqual(['main_keys', 'detail']);
    expect(service.state.health?.ipBound).toBe(false);
    service.stop();
  });
});
