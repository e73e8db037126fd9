import { describe, expect, it } from 'vitest';
import { sumDecimals } from '../../../shared/decimal.js';
import { GATE_EXAMPLE_TOTAL } from '../../../shared/testing/gate-example.js';
import { signedHeaders } from '../gate/signing.js';
import type { SimKey, SimRequest } from './handler.js';
import { createGateSimulator, SIM_LOG_LIMIT } from './handler.js';
import { convertAmount, DEMO_PORTFOLIO, SIM_RATES, totalBalanceBody } from './portfolio.js';

const KEY: SimKey = { key: 'k1', secret: 's1' };
const NOW = 1_764_080_000_000;

function signed(target: string, opts: { key?: string; secret?: string; ts?: number; method?: string } = {}): SimRequest {
  const [path, query = ''] = target.split('?') as [string, string?];
  const timestamp = String(Math.floor((opts.ts ?? NOW) / 1000));
  const headers = signedHeaders(opts.key ?? KEY.key, opts.secret ?? KEY.secret, {
    method: opts.method ?? 'GET',
    path,
    query,
    body: '',
    timestamp,
  });
  return {
    method: opts.method ?? 'GET',
    target,
    headers: { key: headers['KEY'], sign: headers['SIGN'], timestamp: headers['Timestamp'] },
    remoteAddress: '127.0.0.1',
  };
}

async function reply(sim: ReturnType<typeof createGateSimulator>, req: SimRequest) {
  const r = await sim.handle(req);
  if (r.kind !== 'reply') throw new Error('dropped');
  return {
    ...r,
    json: (() => {
      try {
        return JSON.parse(r.body) as Record<string, unknown>;
      } catch {
        return null;
      }
    })(),
  };
}

describe('Gate simulator handler', () => {
  const clock = { now: () => NOW };

  it("answers Gate's documented example (USDT, 40 digits verbatim) by default", async () => {
    const sim = createGateSimulator({ keys: [KEY], clock });
    const r = await reply(sim, signed('/api/v4/wallet/total_balance?currency=USDT'));
    expect(r.status).toBe(200);
    const total = r.json?.['total'] as Record<string, string>;
    expect(total['amount']).toBe(GATE_EXAMPLE_TOTAL);
    expect((r.json?.['details'] as Record<string, Record<string, string>>)['quant']?.['amount']).toBe(
      '591702859674467879.6488202650892478553852',
    );
  });

  it('defaults the currency to USDT and rejects unknown ones with INVALID_PARAM_VALUE', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock });
    expect((await reply(sim, signed('/api/v4/wallet/total_balance'))).json?.['total']).toMatchObject({ currency: 'USDT' });
    const bad = await reply(sim, signed('/api/v4/wallet/total_balance?currency=EUR'));
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ label: 'INVALID_PARAM_VALUE' });
  });

  it('converts exactly: every account is amount × rate, the total is their exact sum', () => {
    for (const currency of ['BTC', 'CNY', 'USD', 'USDT'] as const) {
      const body = totalBalanceBody(DEMO_PORTFOLIO, currency) as {
        details: Record<string, { amount: string }>;
        total: { amount: string; currency: string };
      };
      expect(body.total.currency).toBe(currency);
      expect(body.total.amount).toBe(sumDecimals(Object.values(body.details).map((d) => d.amount)));
    }
    expect(convertAmount('18452.73120045', 'BTC')).toBe('0.194238984435296835'); // Python Decimal: 18452.73120045 × 0.0000105263
    expect(convertAmount('100', 'CNY')).toBe('724.31');
    expect(convertAmount('-12.85', 'USD')).toBe('-12.84486');
    expect(SIM_RATES.USDT).toBe('1');
    expect(convertAmount('00012.50', 'USDT')).toBe('00012.50'); // USDT is verbatim, not normalised
  });

  it('checks KEY, SIGN and the 60 s Timestamp window with Gate labels', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock });
    const t = '/api/v4/wallet/total_balance?currency=USDT';
    expect((await reply(sim, { method: 'GET', target: t, headers: {} })).json).toMatchObject({ label: 'MISSING_REQUIRED_HEADER' });
    expect((await reply(sim, signed(t, { key: 'nope' }))).json).toMatchObject({ label: 'INVALID_KEY' });
    expect((await reply(sim, signed(t, { secret: 'wrong' }))).json).toMatchObject({ label: 'INVALID_SIGNATURE' });
    expect((await reply(sim, signed(t, { ts: NOW - 61_000 }))).json).toMatchObject({ label: 'REQUEST_EXPIRED' });
    expect((await reply(sim, signed(t, { ts: NOW + 61_000 }))).json).toMatchObject({ label: 'REQUEST_EXPIRED' });
    expect((await reply(sim, signed(t, { ts: NOW - 59_000 }))).status).toBe(200);
    // Tampering with the query after signing breaks the signature.
    const req = signed(t);
    expect((await reply(sim, { ...req, target: '/api/v4/wallet/total_balance?currency=BTC' })).json).toMatchObject({
      label: 'INVALID_SIGNATURE',
    });
  });

  it('applies a server clock offset to the window and to spot/time', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock, serverClockOffsetMs: 300_000 });
    const time = await reply(sim, { method: 'GET', target: '/api/v4/spot/time', headers: {} });
    expect(time.json).toEqual({ server_time: NOW + 300_000 });
    expect((await reply(sim, signed('/api/v4/wallet/total_balance'))).json).toMatchObject({ label: 'REQUEST_EXPIRED' });
    expect((await reply(sim, signed('/api/v4/wallet/total_balance', { ts: NOW + 300_000 }))).status).toBe(200);
  });

  it('answers FORBIDDEN for a key without wallet read and IP_FORBIDDEN outside its whitelist', async () => {
    const sim = createGateSimulator({
      keys: [
        { ...KEY, walletRead: false },
        { key: 'k2', secret: 's2', allowedIps: ['10.0.0.1'] },
      ],
      clock,
    });
    const forbidden = await reply(sim, signed('/api/v4/wallet/total_balance'));
    expect([forbidden.status, forbidden.json?.['label']]).toEqual([403, 'FORBIDDEN']);
    const ip = await reply(sim, signed('/api/v4/wallet/total_balance', { key: 'k2', secret: 's2' }));
    expect([ip.status, ip.json?.['label']]).toEqual([403, 'IP_FORBIDDEN']);
  });

  it('allows 80 requests per 10 s per key, with Gate rate-limit headers, then 429 until the window resets', async () => {
    let now = NOW;
    const sim = createGateSimulator({ keys: [KEY, { key: 'k2', secret: 's2' }], clock: { now: () => now } });
    for (let i = 1; i <= 80; i += 1) {
      const r = await reply(sim, signed('/api/v4/wallet/total_balance', { ts: now }));
      expect(r.status).toBe(200);
      expect(r.headers['x-gate-ratelimit-requests-remain']).toBe(String(80 - i));
      expect(r.headers['x-gate-ratelimit-limit']).toBe('80');
    }
    const limited = await reply(sim, signed('/api/v4/wallet/total_balance', { ts: now }));
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ label: 'TOO_MANY_REQUESTS' });
    expect(limited.headers['x-gate-ratelimit-reset-timestamp']).toBe(String(NOW + 10_000));
    // Another key has its own budget.
    expect((await reply(sim, signed('/api/v4/wallet/total_balance', { key: 'k2', secret: 's2', ts: now }))).status).toBe(200);
    now += 10_000;
    expect((await reply(sim, signed('/api/v4/wallet/total_balance', { ts: now }))).status).toBe(200);
  });

  it('serves faults on demand, for a number of requests or until cleared', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock });
    const t = '/api/v4/wallet/total_balance';
    sim.setFault({ kind: 'server-error', status: 503, label: 'TOO_BUSY' }, 1);
    expect((await reply(sim, signed(t))).json).toMatchObject({ label: 'TOO_BUSY' });
    expect((await reply(sim, signed(t))).status).toBe(200);
    sim.setFault({ kind: 'html' });
    const html = await reply(sim, signed(t));
    expect([html.status, html.headers['content-type'], html.body.startsWith('<!DOCTYPE html>')]).toEqual([502, 'text/html', true]);
    expect((await reply(sim, signed(t))).status).toBe(502);
    sim.setFault({ kind: 'malformed-json' });
    expect((await reply(sim, signed(t))).json).toBeNull();
    sim.setFault({ kind: 'rate-limit' });
    const rl = await reply(sim, signed(t));
    expect([rl.status, rl.headers['x-gate-ratelimit-reset-timestamp']]).toEqual([429, String(NOW + 10_000)]);
    sim.setFault({ kind: 'drop' });
    expect((await sim.handle(signed(t))).kind).toBe('drop');
    // spot/time is never faulted, so a client can still read the clock.
    expect((await reply(sim, { method: 'GET', target: '/api/v4/spot/time', headers: {} })).status).toBe(200);
    sim.setFault(null);
    expect((await reply(sim, signed(t))).status).toBe(200);
  });

  it('hangs until released or aborted', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock });
    sim.setFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = sim.handle(signed('/api/v4/wallet/total_balance'), controller.signal);
    let done = false;
    void pending.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    controller.abort();
    expect((await pending).kind).toBe('drop');
    expect(sim.log.at(-1)?.status).toBe('hang');
  });

  it('answers 404 NOT_FOUND and 405 METHOD_NOT_ALLOWED like Gate', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock });
    expect((await reply(sim, { method: 'GET', target: '/api/v4/nope', headers: {} })).json).toMatchObject({ label: 'NOT_FOUND' });
    expect((await reply(sim, { method: 'POST', target: '/api/v4/wallet/total_balance', headers: {} })).status).toBe(405);
  });

  it('keeps its request log bounded for a demo that runs for days', async () => {
    const sim = createGateSimulator({ keys: [KEY], clock });
    const total = SIM_LOG_LIMIT + 2_500;
    for (let i = 0; i < total; i++) await sim.handle({ method: 'GET', target: '/api/v4/spot/time', headers: {} });
    expect(sim.log.length).toBeGreaterThanOrEqual(SIM_LOG_LIMIT);
    expect(sim.log.length).toBeLessThan(total);
    expect(sim.log.at(-1)?.path).toBe('/api/v4/spot/time');
  });
});
