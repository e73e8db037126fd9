// Balance service: how often Gate is asked, and whether refreshing leaks. Virtual time (no real
// waits), the real BalanceService, and — for the memory figure — the real GateClient signing
// and validating against the in-process Gate simulator. Prints figures and same-run baselines;
// never asserts (targets: 60 requests per hour at the default interval; flat heap).
import { DEFAULT_PREFERENCES } from '../shared/prefs.js';
import type { BalanceState } from '../electron/core/balance/balance-service.js';
import { BalanceService } from '../electron/core/balance/balance-service.js';
import { FakeBalanceSource } from '../electron/core/testing/fake-balance-source.js';
import { VirtualClock } from '../electron/core/testing/virtual-clock.js';
import type { BalanceSource } from '../electron/core/gate/types.js';
import { createDemoSource } from '../electron/core/simulator/demo.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

function makeService(
  source: BalanceSource,
  clock: VirtualClock,
): { service: BalanceService; last: () => BalanceState | null; emitted: () => number } {
  // Like GlanceApp: one subscriber keeping only the newest state.
  let last: BalanceState | null = null;
  let emitted = 0;
  const service = new BalanceService({
    source,
    history: null,
    clock,
    currency: DEFAULT_PREFERENCES.currency,
    refreshIntervalSec: DEFAULT_PREFERENCES.refreshIntervalSec,
    random: () => 0,
    warn: () => undefined,
    onChange: (s) => {
      last = s;
      emitted += 1;
    },
  });
  return { service, last: () => last, emitted: () => emitted };
}

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);

// ── 1. Requests per hour at the default interval ──────────────────────────────
{
  const clock = new VirtualClock();
  const t0 = clock.now();
  const source = new FakeBalanceSource({ clock, latencyMs: 300 });
  const { service } = makeService(source, clock);
  void service.start();
  await clock.advanceTo(t0 + HOUR - 1);
  const hour = source.count;
  await clock.advanceTo(t0 + 24 * HOUR - 1);
  const day = source.count;
  service.stop();
  console.log(
    `requests in 1 h at the default ${DEFAULT_PREFERENCES.refreshIntervalSec} s interval (counting source, 300 ms latency): ${hour}  (target 60)`,
  );
  console.log(`requests in 24 h: ${day}  (24 × 60 = 1440)   timers left after stop: ${clock.pendingTimers}`);
}

// Same hour through the real client and simulator: count what reached "Gate".
{
  const clock = new VirtualClock();
  const t0 = clock.now();
  const demo = createDemoSource({ clock });
  const { service } = makeService(demo.client, clock);
  void service.start();
  await clock.advanceTo(t0 + HOUR - 1);
  await service.whenIdle();
  const hits = demo.simulator.log.filter((e) => e.path.endsWith('/wallet/total_balance')).length;
  service.stop();
  console.log(`requests the simulator saw in 1 h (real GateClient, signed): ${hits}  (target 60)`);
}

// ── 2. Memory over 10,000 refresh cycles against the simulator ─────────────────
{
  const clock = new VirtualClock();
  const demo = createDemoSource({ clock });
  const { service, last, emitted } = makeService(demo.client, clock);
  // The simulator's request log is a test instrument that grows by design; empty it so the
  // figure is about the client and the service, not the instrument.
  const simLog = demo.simulator.log as unknown as unknown[];
  const cycle = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i += 1) {
      await clock.advance(MIN);
      await service.whenIdle();
      if (simLog.length >= 1000) simLog.length = 0;
    }
  };

  await service.start();
  const measure = (): number => {
    simLog.length = 0;
    return heapMb();
  };
  await cycle(200); // warm-up: JIT, caches
  const before = measure();
  const started = performance.now();
  await cycle(1_000);
  const after1k = measure();
  await cycle(9_000);
  const after10k = measure();
  const ms = performance.now() - started;
  const state = last();
  service.stop();

  const growth1k = after1k - before;
  const growth9k = after10k - after1k;
  console.log(
    `cycles: 10,000 (+200 warm-up), status at end: ${state?.status ?? 'none'}, states emitted: ${emitted()}, timers left after stop: ${clock.pendingTimers}`,
  );
  console.log(`heap before: ${fmt(before)} MB   after 1,000 cycles: ${fmt(after1k)} MB   after 10,000 cycles: ${fmt(after10k)} MB`);
  console.log(`growth: first 1,000 cycles (baseline) ${fmt(growth1k * 1024, 0)} KB; next 9,000 cycles ${fmt(growth9k * 1024, 0)} KB`);
  console.log(
    `per 1,000 cycles: baseline ${fmt(growth1k * 1024, 1)} KB vs later ${fmt((growth9k / 9) * 1024, 1)} KB  (flat = both near 0; a leak shows ~9× the baseline in the 9,000 run)`,
  );
  console.log(`time: ${fmt(ms / 10_000, 3)} ms per cycle (sign + simulate + validate + state)`);
}
