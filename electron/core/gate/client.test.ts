import { errorWords } from '../../../shared/present/error-words.js';
import { createWords, ENGLISH } from '../../../shared/present/words.js';
import { zhCN } from '../../../shared/present/catalogue-zh-cn.js';
import type { AppError } from '../../../shared/errors.js';
import { describe, expect, it } from 'vitest';
import type { Currency } from '../../../shared/balance.js';
import { fail, ok } from '../../../shared/errors.js';
import { createGateSimulator } from '../simulator/handler.js';
import type { SimFault } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import { DEMO_PORTFOLIO } from '../simulator/portfolio.js';
import { GateClient } from './client.js';
import { verifySignature } from './signing.js';
import type { Credentials, Transport, TransportRequest } from './types.js';
import { expectNoSecret } from '../testing/secret-leak.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const CREDS: Credentials = { key: 'key-0123456789abcdef', secret: 's3kr1t-do-not-leak-0123456789abcdef' };
const NOW = 1_764_080_000_000;
const BASE = 'https://gate.test/api/v4';

function setup(opts: { localOffsetMs?: number; serverOffsetMs?: number; timeoutMs?: number } = {}) {
  const server = { now: () => NOW };
  const sim = createGateSimulator({
    keys: [CREDS],
    portfolio: DEMO_PORTFOLIO,
    clock: server,
    serverClockOffsetMs: opts.serverOffsetMs ?? 0,
  });
  const sent: TransportRequest[] = [];
  const inner = createInProcessTransport(sim);
  const transport: Transport = (req) => {
    sent.push(req);
    return inner(req);
  };
  const client = new GateClient({
    transport,
    credentials: () => Promise.resolve(ok(CREDS)),
    clock: { now: () => NOW + (opts.localOffsetMs ?? 0) },
    baseUrl: BASE,
    timeoutMs: opts.timeoutMs ?? 2000,
  });
  return { sim, client, sent };
}

describe('GateClient', () => {
  it('fetches, validates and returns the balance with rate-limit meta', async () => {
    const { client, sent } = setup();
    const r = await client.getTotalBalance('USDT');
    if (!r.ok) throw new Error(said(r.error).message);
    expect(r.balance.currency).toBe('USDT');
    expect(r.balance.total.amount).toBe('38522.03252045');
    expect(r.balance.fetchedAt).toBe(NOW);
    expect(r.balance.accounts.find((a) => a.name === 'cross_margin')).toEqual({
      name: 'cross_margin',
      amount: '-12.85',
      unrealisedPnl: null,
      borrowed: '50',
    });
    expect(r.meta).toEqual({ rateLimitRemaining: 79, rateLimitResetAt: NOW, clockOffsetMs: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(`${BASE}/wallet/total_balance?currency=USDT`);
    expect(sent[0]!.headers['KEY']).toBe(CREDS.key);
    expect(sent[0]!.headers['Timestamp']).toBe(String(NOW / 1000));
    expect(sent[0]!.timeoutMs).toBe(2000);
  });

  it.each(['BTC', 'CNY', 'USD', 'USDT'] as const)('asks for %s and gets it', async (currency) => {
    const { client } = setup();
    const r = await client.getTotalBalance(currency);
    expect(r.ok && r.balance.currency).toBe(currency);
  });

  it.each([300_000, -300_000])('works with the machine clock %i ms off: resyncs via spot/time and retries once', async (localOffsetMs) => {
    const { client, sim } = setup({ localOffsetMs });
    const r = await client.getTotalBalance('USDT');
    expect(r.ok).toBe(true);
    expect(client.clockOffsetMs).toBe(-localOffsetMs);
    expect(r.ok && r.meta.clockOffsetMs).toBe(-localOffsetMs);
    expect(sim.log.map((l) => [l.path, l.status])).toEqual([
      ['/api/v4/wallet/total_balance', 401],
      ['/api/v4/spot/time', 200],
      ['/api/v4/wallet/total_balance', 200],
    ]);
    // The offset is kept: the next call needs no resync.
    expect((await client.getTotalBalance('BTC')).ok).toBe(true);
    expect(sim.log).toHaveLength(4);
  });

  it('copes with a server clock that is off, too (same thing seen from the other side)', async () => {
    const { client } = setup({ serverOffsetMs: 240_000 });
    expect((await client.getTotalBalance('USDT')).ok).toBe(true);
    expect(client.clockOffsetMs).toBe(240_000);
  });

  it('answers CLOCK_SKEW when the retry is rejected again, after exactly one retry', async () => {
    let balanceCalls = 0;
    const transport: Transport = (req) => {
      if (req.url.includes('/spot/time'))
        return Promise.resolve({ ok: true, response: { status: 200, headers: {}, body: `{"server_time":${NOW}}` } });
      balanceCalls += 1;
      return Promise.resolve({
        ok: true,
        response: { status: 401, headers: {}, body: '{"label":"REQUEST_EXPIRED","message":"gap too large"}' },
      });
    };
    const client = new GateClient({ transport, credentials: () => Promise.resolve(ok(CREDS)), clock: { now: () => NOW }, baseUrl: BASE });
    const r = await client.getTotalBalance('USDT');
    expect(balanceCalls).toBe(2);
    expect(!r.ok && r.error.code).toBe('CLOCK_SKEW');
    expect(!r.ok && said(r.error).message).toMatch(/even after correcting/);
    expect(!r.ok && said(r.error).hint).toMatch(/clock/);
  });

  it('answers CLOCK_SKEW when Gate clock cannot be read', async () => {
    const transport: Transport = (req) =>
      Promise.resolve(
        req.url.includes('/spot/time')
          ? { ok: false, failure: { kind: 'network', message: 'reset' } }
          : { ok: true, response: { status: 401, headers: {}, body: '{"label":"REQUEST_EXPIRED","message":"x"}' } },
      );
    const client = new GateClient({ transport, credentials: () => Promise.resolve(ok(CREDS)), baseUrl: BASE });
    const r = await client.getTotalBalance('USDT');
    expect(!r.ok && r.error.code).toBe('CLOCK_SKEW');
    expect(!r.ok && said(r.error).message).toMatch(/failed too \(NETWORK\)/);
  });

  it('answers MISSING_CREDENTIALS when the provider has none (or an empty pair), without a request', async () => {
    for (const value of [null, { key: '', secret: 'x' }, { key: 'k', secret: '' }]) {
      const sent: TransportRequest[] = [];
      const client = new GateClient({
        transport: (req) => {
          sent.push(req);
          return Promise.resolve({ ok: false, failure: { kind: 'network', message: 'x' } });
        },
        credentials: () => Promise.resolve(ok(value)),
      });
      const r = await client.getTotalBalance('USDT');
      expect(!r.ok && r.error.code).toBe('MISSING_CREDENTIALS');
      expect(sent).toHaveLength(0);
    }
  });

  it('passes a keychain failure through unchanged', async () => {
    const locked = fail<Credentials | null>('KEYCHAIN_LOCKED', { platform: 'linux' }, 'Cannot create an item in a locked collection');
    const client = new GateClient({ transport: () => Promise.reject(new Error('no')), credentials: () => Promise.resolve(locked) });
    const r = await client.getTotalBalance('USDT');
    expect(r).toEqual(locked);
  });

  it('never throws: a throwing provider or transport becomes INTERNAL', async () => {
    const a = new GateClient({ transport: () => Promise.reject(new Error(CREDS.secret)), credentials: () => Promise.resolve(ok(CREDS)) });
    const ra = await a.getTotalBalance('USDT');
    expect(!ra.ok && ra.error.code).toBe('INTERNAL');
    expectNoSecret(JSON.stringify(ra), CREDS.secret);
    const b = new GateClient({ transport: () => Promise.reject(new Error('x')), credentials: () => Promise.reject(new Error('boom')) });
    expect((await b.getTotalBalance('USDT')).ok).toBe(false);
  });

  it('rejects an unknown currency before any request', async () => {
    const { client, sent } = setup();
    const r = await client.getTotalBalance('EUR' as Currency);
    expect(!r.ok && r.error.code).toBe('INVALID_CURRENCY');
    expect(sent).toHaveLength(0);
  });

  it('answers TIMEOUT for a hanging server and CANCELLED for an aborted call', async () => {
    const { client, sim } = setup({ timeoutMs: 50 });
    sim.setFault({ kind: 'hang' });
    const t = await client.getTotalBalance('USDT');
    expect(!t.ok && t.error.code).toBe('TIMEOUT');
    const controller = new AbortController();
    const pending = client.getTotalBalance('USDT', { signal: controller.signal });
    controller.abort();
    const c = await pending;
    expect(!c.ok && c.error.code).toBe('CANCELLED');
    const pre = await client.getTotalBalance('USDT', { signal: AbortSignal.abort() });
    expect(!pre.ok && pre.error.code).toBe('CANCELLED');
  });

  it('answers NETWORK with its cause by name for a dropped connection, worded in the reader’s language', async () => {
    const { client, sim } = setup();
    sim.setFault({ kind: 'drop' });
    const r = await client.getTotalBalance('USDT');
    expect(!r.ok && r.error.code).toBe('NETWORK');
    expect(!r.ok && r.error.params).toEqual({ cause: 'closed-no-answer' });
    if (r.ok) return;
    expect(said(r.error).message).toBe('Could not reach Gate: the connection was closed before an answer arrived.');
    expect(errorWords(createWords(zhCN, 'zh-CN', 'zh-CN'), r.error).message).toBe('无法连接到 Gate：收到应答之前连接已关闭。');
  });

  it('never puts the secret or a signature into any result, whatever the fault', async () => {
    const faults: Array<SimFault | null> = [
      null,
      { kind: 'rate-limit' },
      { kind: 'server-error' },
      { kind: 'html' },
      { kind: 'malformed-json' },
      { kind: 'wrong-shape' },
      { kind: 'drop' },
    ];
    const { client, sim, sent } = setup();
    const outputs: string[] = [];
    for (const f of faults) {
      sim.setFault(f);
      outputs.push(JSON.stringify(await client.getTotalBalance('USDT')));
    }
    sim.setFault(null);
    const wrong = new GateClient({
      transport: createInProcessTransport(sim),
      credentials: () => Promise.resolve(ok({ key: CREDS.key, secret: 'WRONG-s3kr1t-xyz-123456' })),
      baseUrl: BASE,
    });
    outputs.push(JSON.stringify(await wrong.getTotalBalance('USDT')));
    const signs = sent.map((s) => s.headers['SIGN']).filter((s): s is string => typeof s === 'string');
    expect(signs.length).toBeGreaterThan(5);
    for (const out of outputs) {
      expectNoSecret(out, CREDS.secret);
      expectNoSecret(out, 'WRONG-s3kr1t-xyz-123456');
      for (const s of signs) expect(out).not.toContain(s);
    }
  });

  it('signs the exact path it sends, like the official SDK (base URL below a prefix, trailing slash)', async () => {
    const sent: TransportRequest[] = [];
    const transport: Transport = (req) => {
      sent.push(req);
      return Promise.resolve({ ok: false, failure: { kind: 'network', message: 'x' } });
    };
    const client = new GateClient({
      transport,
      credentials: () => Promise.resolve(ok(CREDS)),
      baseUrl: 'https://gate.test/prefix/api/v4/',
      clock: { now: () => NOW },
    });
    await client.getTotalBalance('CNY');
    const req = sent[0]!;
    expect(req.url).toBe('https://gate.test/prefix/api/v4/wallet/total_balance?currency=CNY');
    const input = {
      method: 'GET',
      path: '/prefix/api/v4/wallet/total_balance',
      query: 'currency=CNY',
      body: '',
      timestamp: String(NOW / 1000),
    };
    expect(verifySignature(CREDS.secret, input, req.headers['SIGN']!)).toBe(true);
  });
});
