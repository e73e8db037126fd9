// The real chain in virtual time: BalanceService → GateClient (signing, validation, error
// mapping) → in-process Gate simulator. Proves the service's decisions hold against Gate's
// actual answers, not only against a fake's.
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, DEMO_PORTFOLIO, createDemoSource } from '../simulator/demo.js';
import { convertAmount, portfolioAccounts } from '../simulator/portfolio.js';
import { sumDecimals } from '../../../shared/decimal.js';
import { BalanceService } from './balance-service.js';
import { VirtualClock } from '../testing/virtual-clock.js';

const MIN = 60_000;

function setup(): { clock: VirtualClock; demo: ReturnType<typeof createDemoSource>; service: BalanceService; balanceHits: () => number } {
  const clock = new VirtualClock();
  const demo = createDemoSource({ clock });
  const service = new BalanceService({
    source: demo.client,
    history: null,
    clock,
    currency: 'USDT',
    refreshIntervalSec: 60,
    random: () => 0,
    warn: () => undefined,
  });
  const balanceHits = (): number => demo.simulator.log.filter((e) => e.path.endsWith('/wallet/total_balance')).length;
  return { clock, demo, service, balanceHits };
}

describe('BalanceService against the Gate simulator', () => {
  it('loads the demo portfolio exactly, in every currency', async () => {
    const { service, clock } = setup();
    const usdtTotal = sumDecimals(portfolioAccounts(DEMO_PORTFOLIO).map(([, a]) => a.amount));
    const state = await service.start();
    expect(state).toMatchObject({ status: 'live', currency: 'USDT' });
    expect(state.balance?.total.amount).toBe(usdtTotal);
    service.setCurrency('BTC');
    await service.whenIdle();
    expect(service.getState().balance?.total.amount).toBe(
      sumDecimals(portfolioAccounts(DEMO_PORTFOLIO).map(([, a]) => convertAmount(a.amount, 'BTC'))),
    );
    service.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('backs off through five 5xx answers and recovers, with exactly the expected number of requests', async () => {
    const { service, clock, demo, balanceHits } = setup();
    const t0 = clock.now();
    await service.start();
    demo.simulator.setFault({ kind: 'server-error', status: 503, label: 'TOO_BUSY' }, 5);
    await clock.advanceTo(t0 + 1860 * 1000 - 1);
    expect(service.getState().status).toBe('stale');
    expect(service.getState().error?.code).toBe('SERVER_ERROR');
    expect(balanceHits()).toBe(6); // 0, 60, 120, 240, 480, 960 s
    await clock.advance(1);
    await service.whenIdle();
    expect(service.getState().status).toBe('live');
    expect(balanceHits()).toBe(7);
    service.stop();
  });

  it('obeys the wait in Gate’s 429 headers', async () => {
    const { service, clock, demo, balanceHits } = setup();
    await service.start();
    demo.simulator.setFault({ kind: 'rate-limit' }, 1);
    await clock.advance(MIN);
    const s = service.getState();
    expect(s.error?.code).toBe('RATE_LIMITED');
    expect(s.error?.retryAfterMs).toBeGreaterThan(0);
    expect(s.rateLimitedUntil).not.toBeNull();
    expect(s.nextRefreshAt).toBeGreaterThanOrEqual(s.rateLimitedUntil!);
    await service.refresh(); // refused inside the wait
    expect(balanceHits()).toBe(2);
    await clock.advanceTo(s.nextRefreshAt!);
    await service.whenIdle();
    expect(service.getState().status).toBe('live');
    expect(balanceHits()).toBe(3);
    service.stop();
  });

  it('stops on a revoked key and restarts when credentials change', async () => {
    const { service, clock, demo, balanceHits } = setup();
    await service.start();
    demo.simulator.setKeys([]);
    await clock.advance(MIN);
    expect(service.getState()).toMatchObject({ status: 'stale', nextRefreshAt: null });
    expect(service.getState().error?.code).toBe('INVALID_KEY');
    await clock.advance(24 * 60 * MIN);
    expect(balanceHits()).toBe(2);
    demo.simulator.setKeys([DEMO_CREDENTIALS]);
    service.reset();
    await service.whenIdle();
    expect(service.getState().status).toBe('live');
    expect(balanceHits()).toBe(3);
    service.stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
