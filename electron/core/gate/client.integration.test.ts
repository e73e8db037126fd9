import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';
/**
 * Client ↔ simulator over real HTTP(S) on 127.0.0.1 (port 0), through every fault, with the
 * lean node transport (direct, via HTTP_PROXY, via a CONNECT tunnel) and the fetch transport.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/errors.js';
import { GATE_EXAMPLE_TOTAL } from '../../../shared/testing/gate-example.js';
import type { SimulatorServer } from '../simulator/server.js';
import { startSimulatorServer } from '../simulator/server.js';
import type { TestCert, TestProxy } from '../testing/simulator.js';
import { generateTestCert, startTestProxy } from '../testing/simulator.js';
import { GateClient } from './client.js';
import { createFetchTransport } from './fetch-transport.js';
import { createNodeTransport } from './node-transport.js';
import type { BalanceResult, Credentials, Transport } from './types.js';
import { expectNoSecret } from '../testing/secret-leak.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const CREDS: Credentials = { key: 'it-key-5f1e2d3c4b5a69788796a5b4c3d2e1f0', secret: 'it-s3kr1t-must-never-appear-0f1e2d3c4b5a6978' };

function clientFor(
  url: string,
  transport: Transport,
  extra: { timeoutMs?: number; creds?: Credentials; now?: () => number } = {},
): GateClient {
  return new GateClient({
    transport,
    credentials: () => Promise.resolve(ok(extra.creds ?? CREDS)),
    baseUrl: url,
    timeoutMs: extra.timeoutMs ?? 3000,
    ...(extra.now ? { clock: { now: extra.now } } : {}),
  });
}

function code(r: BalanceResult): string {
  return r.ok ? 'OK' : r.error.code;
}

describe('client ↔ simulator over HTTP on 127.0.0.1', () => {
  let server: SimulatorServer;
  const direct = createNodeTransport({ env: {} });

  beforeAll(async () => {
    server = await startSimulatorServer({
      port: 0,
      keys: [
        CREDS,
        { key: 'no-wallet', secret: 'nw-s3kr1t-123456', walletRead: false },
        { key: 'ip-locked', secret: 'ip-s3kr1t-123456', allowedIps: ['203.0.113.7'] },
      ],
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.simulator.setFault(null);
    server.simulator.setServerClockOffset(0);
  });

  it("gets Gate's example with 40-digit amounts verbatim", async () => {
    const r = await clientFor(server.url, direct).getTotalBalance('USDT');
    if (!r.ok) throw new Error(said(r.error).message);
    expect(r.balance.total.amount).toBe(GATE_EXAMPLE_TOTAL);
    expect(r.balance.accounts.find((a) => a.name === 'quant')?.amount).toBe('591702859674467879.6488202650892478553852');
    expect(r.meta.rateLimitRemaining).toBeLessThan(80);
  });

  it('keeps unknown account names and negative amounts', async () => {
    server.simulator.setPortfolio({
      accounts: {
        spot: { amount: '10' },
        lunar_vault: { amount: '-3.5' },
        tomorrow_account: { amount: '0.000000000000000000000000000000000001' },
      },
    });
    try {
      const r = await clientFor(server.url, direct).getTotalBalance('USDT');
      if (!r.ok) throw new Error(said(r.error).message);
      expect(r.balance.accounts.map((a) => [a.name, a.amount])).toEqual([
        ['spot', '10'],
        ['lunar_vault', '-3.5'],
        ['tomorrow_account', '0.000000000000000000000000000000000001'],
      ]);
      expect(r.balance.total.amount).toBe('6.500000000000000000000000000000000001');
    } finally {
      const { GATE_EXAMPLE_PORTFOLIO } = await import('../simulator/portfolio.js');
      server.simulator.setPortfolio(GATE_EXAMPLE_PORTFOLIO);
    }
  });

  it('survives a server clock 5 minutes ahead (and a local clock 5 minutes behind)', async () => {
    server.simulator.setServerClockOffset(300_000);
    const client = clientFor(server.url, direct);
    expect(code(await client.getTotalBalance('BTC'))).toBe('OK');
    expect(Math.abs(client.clockOffsetMs - 300_000)).toBeLessThan(2000);
    server.simulator.setServerClockOffset(0);
    const behind = clientFor(server.url, direct, { now: () => Date.now() - 300_000 });
    expect(code(await behind.getTotalBalance('USDT'))).toBe('OK');
    expect(Math.abs(behind.clockOffsetMs - 300_000)).toBeLessThan(2000);
  });

  it.each([
    [{ kind: 'rate-limit' } as const, 'RATE_LIMITED'],
    [{ kind: 'server-error', status: 500, label: 'SERVER_ERROR' } as const, 'SERVER_ERROR'],
    [{ kind: 'server-error', status: 503, label: 'TOO_BUSY' } as const, 'SERVER_ERROR'],
    [{ kind: 'html', status: 502 } as const, 'SERVER_ERROR'],
    [{ kind: 'html', status: 200 } as const, 'BAD_RESPONSE'],
    [{ kind: 'html', status: 403 } as const, 'BAD_RESPONSE'],
    [{ kind: 'malformed-json' } as const, 'BAD_RESPONSE'],
    [{ kind: 'wrong-shape' } as const, 'BAD_RESPONSE'],
    [{ kind: 'drop' } as const, 'NETWORK'],
  ])('fault %o → %s', async (fault, expected) => {
    server.simulator.setFault(fault);
    const r = await clientFor(server.url, direct).getTotalBalance('USDT');
    expect(code(r)).toBe(expected);
    expect(!r.ok && said(r.error).hint.length).toBeGreaterThan(10);
    expectNoSecret(JSON.stringify(r), CREDS.secret);
  });

  it('RATE_LIMITED carries the wait from X-Gate-RateLimit-Reset-Timestamp', async () => {
    server.simulator.setFault({ kind: 'rate-limit' });
    const r = await clientFor(server.url, direct).getTotalBalance('USDT');
    expect(!r.ok && r.error.retryAfterMs).toBeGreaterThan(8000);
    expect(!r.ok && r.error.retryAfterMs).toBeLessThanOrEqual(10_000);
  });

  it('a hanging server is a TIMEOUT; a slow one within the timeout is fine', async () => {
    server.simulator.setFault({ kind: 'hang' });
    const started = Date.now();
    const r = await clientFor(server.url, direct, { timeoutMs: 300 }).getTotalBalance('USDT');
    expect(code(r)).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2500);
    server.simulator.setFault({ kind: 'slow', delayMs: 150 });
    expect(code(await clientFor(server.url, direct, { timeoutMs: 2000 }).getTotalBalance('USDT'))).toBe('OK');
  });

  it('names wrong keys, wrong secrets, missing permission and IP whitelists', async () => {
    expect(
      code(await clientFor(server.url, direct, { creds: { key: 'unknown-key', secret: 'x-s3kr1t-123' } }).getTotalBalance('USDT')),
    ).toBe('INVALID_KEY');
    expect(code(await clientFor(server.url, direct, { creds: { key: CREDS.key, secret: 'not-the-s3kr1t' } }).getTotalBalance('USDT'))).toBe(
      'INVALID_SIGNATURE',
    );
    const forbidden = await clientFor(server.url, direct, { creds: { key: 'no-wallet', secret: 'nw-s3kr1t-123456' } }).getTotalBalance(
      'USDT',
    );
    expect(code(forbidden)).toBe('FORBIDDEN');
    expect(!forbidden.ok && said(forbidden.error).hint).toMatch(/Wallet/);
    expect(
      code(await clientFor(server.url, direct, { creds: { key: 'ip-locked', secret: 'ip-s3kr1t-123456' } }).getTotalBalance('USDT')),
    ).toBe('IP_FORBIDDEN');
  });

  it('enforces 80 requests per 10 s per key over HTTP', async () => {
    const limited = await startSimulatorServer({ keys: [CREDS] });
    try {
      const client = clientFor(limited.url, direct);
      const codes: string[] = [];
      for (let i = 0; i < 81; i += 1) codes.push(code(await client.getTotalBalance('USDT')));
      expect(codes.slice(0, 80).every((c) => c === 'OK')).toBe(true);
      expect(codes[80]).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('a refused connection is NETWORK, naming the address and nothing secret', async () => {
    const gone = await startSimulatorServer({});
    const url = gone.url;
    await gone.close();
    const r = await clientFor(url, direct).getTotalBalance('USDT');
    expect(code(r)).toBe('NETWORK');
    expect(!r.ok && said(r.error).message).toMatch(/refused \(127\.0\.0\.1:\d+\)/);
  });

  it('the fetch transport (what Electron main uses with net.fetch) gets the same answers', async () => {
    const viaFetch = createFetchTransport(fetch);
    expect(code(await clientFor(server.url, viaFetch).getTotalBalance('CNY'))).toBe('OK');
    server.simulator.setFault({ kind: 'rate-limit' });
    const rl = await clientFor(server.url, viaFetch).getTotalBalance('USDT');
    expect(code(rl)).toBe('RATE_LIMITED');
    expect(!rl.ok && rl.error.retryAfterMs).toBeGreaterThan(8000);
    server.simulator.setFault({ kind: 'hang' });
    expect(code(await clientFor(server.url, viaFetch, { timeoutMs: 200 }).getTotalBalance('USDT'))).toBe('TIMEOUT');
    server.simulator.setFault({ kind: 'html' });
    expect(code(await clientFor(server.url, viaFetch).getTotalBalance('USDT'))).toBe('SERVER_ERROR');
    server.simulator.setFault({ kind: 'drop' });
    expect(code(await clientFor(server.url, viaFetch).getTotalBalance('USDT'))).toBe('NETWORK');
  });
});

describe('proxies (HTTPS_PROXY with a CONNECT tunnel, HTTP_PROXY, NO_PROXY)', () => {
  let cert: TestCert;
  let tlsServer: SimulatorServer;
  let plainServer: SimulatorServer;
  let proxy: TestProxy;

  beforeAll(async () => {
    cert = generateTestCert();
    tlsServer = await startSimulatorServer({ keys: [CREDS], tls: cert });
    plainServer = await startSimulatorServer({ keys: [CREDS] });
    proxy = await startTestProxy();
  });
  afterAll(async () => {
    await tlsServer.close();
    await plainServer.close();
    await proxy.close();
  });

  it('reaches an HTTPS Gate through a CONNECT tunnel when HTTPS_PROXY is set', async () => {
    proxy.log.length = 0;
    const transport = createNodeTransport({ env: { HTTPS_PROXY: proxy.url }, ca: cert.cert });
    const r = await clientFor(tlsServer.url, transport).getTotalBalance('USDT');
    expect(code(r)).toBe('OK');
    expect(proxy.log).toEqual([{ kind: 'connect', target: `127.0.0.1:${tlsServer.port}`, proxyAuthorization: null }]);
  });

  it('sends proxy credentials from the proxy URL, and never shows them in errors', async () => {
    const authed = await startTestProxy({ requireAuth: 'alice:pr0xy-pass' });
    try {
      const good = createNodeTransport({
        env: { https_proxy: `http://alice:pr0xy-pass@127.0.0.1:${new URL(authed.url).port}` },
        ca: cert.cert,
      });
      expect(code(await clientFor(tlsServer.url, good).getTotalBalance('USDT'))).toBe('OK');
      const bad = createNodeTransport({
        env: { https_proxy: `http://alice:wrong-pass@127.0.0.1:${new URL(authed.url).port}` },
        ca: cert.cert,
      });
      const r = await clientFor(tlsServer.url, bad).getTotalBalance('USDT');
      expect(code(r)).toBe('NETWORK');
      expect(!r.ok && said(r.error).message).toMatch(/refused the tunnel .*HTTP 407/);
      expect(JSON.stringify(r)).not.toContain('wrong-pass');
    } finally {
      await authed.close();
    }
  });

  it('goes direct when NO_PROXY covers the host', async () => {
    proxy.log.length = 0;
    const transport = createNodeTransport({ env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' }, ca: cert.cert });
    expect(code(await clientFor(tlsServer.url, transport).getTotalBalance('USDT'))).toBe('OK');
    expect(proxy.log).toEqual([]);
  });

  it('never sends plain http (loopback) through HTTP_PROXY or ALL_PROXY: the proxy receives nothing', async () => {
    proxy.log.length = 0;
    const before = proxy.received();
    for (const env of [{ HTTP_PROXY: proxy.url }, { http_proxy: proxy.url }, { ALL_PROXY: proxy.url }, { HTTPS_PROXY: proxy.url }]) {
      const transport = createNodeTransport({ env });
      expect(code(await clientFor(plainServer.url, transport).getTotalBalance('USDT'))).toBe('OK');
    }
    expect(proxy.log).toEqual([]);
    expect(proxy.received()).toBe(before);
  });

  it('reports an untrusted certificate and a dead proxy as NETWORK with a reason', async () => {
    const untrusted = await clientFor(tlsServer.url, createNodeTransport({ env: {} })).getTotalBalance('USDT');
    expect(code(untrusted)).toBe('NETWORK');
    expect(!untrusted.ok && said(untrusted.error).message).toMatch(/self-signed/);
    const dead = await startTestProxy();
    const deadUrl = dead.url;
    await dead.close();
    const r = await clientFor(tlsServer.url, createNodeTransport({ env: { HTTPS_PROXY: deadUrl }, ca: cert.cert })).getTotalBalance('USDT');
    expect(code(r)).toBe('NETWORK');
    expect(!r.ok && said(r.error).message).toMatch(/refused \(proxy http:\/\/127\.0\.0\.1:\d+\)/);
    const socks = await clientFor(tlsServer.url, createNodeTransport({ env: { HTTPS_PROXY: 'socks5://127.0.0.1:1' } })).getTotalBalance(
      'USDT',
    );
    expect(!socks.ok && said(socks.error).message).toMatch(/unsupported proxy scheme socks5/);
  });

  it('a proxy that refuses CONNECT is NETWORK', async () => {
    const refusing = await startTestProxy({ refuseConnect: true });
    try {
      const r = await clientFor(tlsServer.url, createNodeTransport({ env: { HTTPS_PROXY: refusing.url }, ca: cert.cert })).getTotalBalance(
        'USDT',
      );
      expect(!r.ok && said(r.error).message).toMatch(/HTTP 403/);
    } finally {
      await refusing.close();
    }
  });
});
