/**
 * PortfolioService on its own, against the simulator: when it is active, how it spreads the other
 * keys' first reads, another key's sub-accounts (read through that key) and their failures, and
 * that stopping it leaves no timer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sumDecimals } from '../../../shared/decimal.js';
import { ok } from '../../../shared/errors.js';
import type { Credentials } from '../gate/types.js';
import { GateClient } from '../gate/client.js';
import { createGateSimulator } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import { DEMO_PORTFOLIO, DEMO_SUB_ACCOUNTS, GATE_EXAMPLE_PORTFOLIO, totalBalanceBody } from '../simulator/portfolio.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { portfolioActive, PortfolioService, START_GAP_MS } from './portfolio-service.js';

const MAIN: Credentials = { key: 'main-key-0011223344556677', secret: 'main-secret-never-shown-8899' };
const OTHER: Credentials = { key: 'other-key-8899aabbccdd', secret: 'other-secret-never-shown-7766' };
const entry = (profile: string, includeSubAccounts = false, excludedSubAccounts: string[] = []) => ({
  profile,
  alias: '',
  includeSubAccounts,
  excludedSubAccounts,
});

const services: PortfolioService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
});

function setup() {
  const clock = new VirtualClock(Date.UTC(2026, 2, 1));
  const main = createGateSimulator({ keys: [MAIN], clock, portfolio: DEMO_PORTFOLIO });
  // Another Gate account (user 60001) with the demo's sub-accounts.
  const other = createGateSimulator({
    keys: [{ ...OTHER, userId: 60001, portfolio: GATE_EXAMPLE_PORTFOLIO, subAccounts: DEMO_SUB_ACCOUNTS }],
    clock,
  });
  const client = (credentials: Credentials, simulator = main) =>
    new GateClient({
      transport: createInProcessTransport(simulator),
      credentials: () => Promise.resolve(ok(credentials)),
      baseUrl: 'https://sim.invalid/api/v4',
      clock,
    });
  const reads: { readonly at: number; readonly profile: string }[] = [];
  let changes = 0;
  const service = new PortfolioService({
    clock,
    clientFor: (profile) => {
      const c = client(OTHER, other);
      return {
        get: (path, query, options) => c.get(path, query, options),
        getAccountDetail: (options) => c.getAccountDetail(options),
        getTotalBalance: (currency, options) => {
          reads.push({ at: clock.now(), profile });
          return c.getTotalBalance(currency, options);
        },
      };
    },
    onChange: () => {
      changes += 1;
    },
  });
  services.push(service);
  return { clock, main, other, client, service, reads, changes: () => changes };
}

describe('PortfolioService', () => {
  it('is active only when more than the first key’s own account is counted', () => {
    expect(portfolioActive([])).toBe(false);
    expect(portfolioActive([entry('default')])).toBe(false);
    expect(portfolioActive([entry('default', true)])).toBe(true);
    expect(portfolioActive([entry('family')])).toBe(true);
  });

  it('reads each other key one START_GAP_MS after the other, a third of the interval apart after that, and stops without a timer', async () => {
    const { clock, service, reads, client } = setup();
    const snapshot = await client(MAIN).getTotalBalance('USDT');
    if (!snapshot.ok) throw new Error('no snapshot');
    service.update({
      accounts: [entry('a'), entry('b')],
      currency: 'USDT',
      intervalMs: 60_000,
      main: { client: client(MAIN), snapshot: snapshot.balance, stale: false, error: null },
    });
    const start = clock.now();
    await clock.advance(START_GAP_MS * 2);
    await service.whenIdle();
    expect(reads.map((r) => [r.profile, r.at - start])).toEqual([
      ['a', START_GAP_MS],
      ['b', 2 * START_GAP_MS],
    ]);
    await clock.advance(120_000);
    await service.whenIdle();
    expect(reads.slice(2).map((r) => [r.profile, r.at - start])).toEqual([
      ['a', 80_000],
      ['b', 100_000],
    ]);
    const state = service.state;
    expect(state?.sources.map((s) => [s.id, s.status])).toEqual([
      ['key:default', 'ok'],
      // a and b are two keys of the same Gate account (user 60001): it is counted once, as the first.
      ['key:a', 'ok'],
    ]);
    const other = (totalBalanceBody(GATE_EXAMPLE_PORTFOLIO, 'USDT') as { total: { amount: string } }).total.amount;
    expect(state?.combined.amount).toBe(sumDecimals([snapshot.balance.total.amount, other]));
    service.dispose();
    expect(clock.pendingTimers).toBe(0);
  });

  it('reads another key’s sub-accounts through that key; a permission it lacks is one source’s error', async () => {
    const { clock, service, client, other } = setup();
    const snapshot = await client(MAIN).getTotalBalance('USDT');
    if (!snapshot.ok) throw new Error('no snapshot');
    const plan = {
      accounts: [entry('family', true, ['20002'])],
      currency: 'USDT' as const,
      intervalMs: 60_000,
      main: { client: client(MAIN), snapshot: snapshot.balance, stale: false, error: null },
    };
    service.update(plan);
    await clock.advance(START_GAP_MS);
    await service.whenIdle();
    expect(service.state?.sources.map((s) => [s.id, s.status])).toEqual([
      ['key:default', 'ok'],
      ['key:family', 'ok'],
      ['sub:family:20001', 'ok'],
    ]);
    expect(service.subAccountsOf('family')?.map((s) => s.uid)).toEqual(['20001', '20002']);
    other.setKeys([
      { ...OTHER, userId: 60001, portfolio: GATE_EXAMPLE_PORTFOLIO, subAccounts: DEMO_SUB_ACCOUNTS, permissions: { sub_account: false } },
    ]);
    service.refresh();
    await clock.advance(11 * 60_000);
    await service.whenIdle();
    const sources = service.state?.sources ?? [];
    expect(sources.find((s) => s.id === 'key:family')?.status).toBe('ok');
    expect(sources.find((s) => s.id === 'sub:family:*')).toMatchObject({ status: 'error', error: { code: 'FORBIDDEN' } });
    // The sub-account read before keeps its last total, stale, with the list's error.
    expect(sources.find((s) => s.id === 'sub:family:20001')).toMatchObject({ status: 'stale', error: { code: 'FORBIDDEN' } });
    expect(service.state?.combined.stale).toBe(true);
    expect(service.state?.combined.partial).toBe(true);
  });
});
