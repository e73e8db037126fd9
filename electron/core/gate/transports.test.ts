/** The two transports' own contracts: values never throws, timeouts, cancellation, size bounds, header shape. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchTransport } from './fetch-transport.js';
import { MAX_BODY_BYTES } from './limits.js';
import { createNodeTransport } from './node-transport.js';
import type { TransportRequest } from './types.js';

const server = createServer((req, res) => {
  if (req.url === '/big') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < MAX_BODY_BYTES / chunk.length + 2; i += 1) res.write(chunk);
    res.end();
    return;
  }
  if (req.url === '/hang') return; // never answers
  res.setHeader('X-Gate-RateLimit-Requests-Remain', '79');
  res.setHeader('Set-Cookie', ['a=1', 'b=2']);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ method: req.method, key: req.headers['key'] ?? null, ua: req.headers['user-agent'] ?? null }));
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function req(path: string, extra: Partial<TransportRequest> = {}): TransportRequest {
  return { method: 'GET', url: `${base}${path}`, headers: { KEY: 'k' }, timeoutMs: 2000, ...extra };
}

describe.each([
  ['node', () => createNodeTransport({ env: {} })],
  ['fetch', () => createFetchTransport(fetch)],
])('%s transport', (_name, make) => {
  it('returns status, lower-case headers and the body', async () => {
    const r = await make()(req('/ok'));
    if (!r.ok) throw new Error(r.failure.message);
    expect(r.response.status).toBe(200);
    expect(r.response.headers['x-gate-ratelimit-requests-remain']).toBe('79');
    expect(r.response.headers['set-cookie']).toMatch(/a=1/);
    expect(JSON.parse(r.response.body)).toMatchObject({ method: 'GET', key: 'k' });
  });

  it('times out a hanging server', async () => {
    const started = Date.now();
    const r = await make()(req('/hang', { timeoutMs: 150 }));
    expect(r).toEqual({ ok: false, failure: { kind: 'timeout', message: 'no answer within 150 ms' } });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('is cancelled by its signal, before or during the request', async () => {
    expect(await make()(req('/hang', { signal: AbortSignal.abort() }))).toMatchObject({ ok: false, failure: { kind: 'aborted' } });
    const controller = new AbortController();
    const pending = make()(req('/hang', { signal: controller.signal }));
    setTimeout(() => controller.abort(), 30);
    expect(await pending).toMatchObject({ ok: false, failure: { kind: 'aborted' } });
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const r = await make()({ ...req('/'), url: `http://127.0.0.1:${port}/api/v4` });
    expect(r).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(!r.ok && r.failure.message).toMatch(/refused|ECONNREFUSED/);
  });
});

describe('node transport specifics', () => {
  it('refuses bodies beyond the size bound', async () => {
    const r = await createNodeTransport({ env: {} })(req('/big'));
    expect(r).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(!r.ok && r.failure.message).toMatch(/larger than/);
  });

  it('sends a User-Agent and rejects bad URLs and schemes without throwing', async () => {
    const t = createNodeTransport({ env: {} });
    const r = await t(req('/ok'));
    expect(r.ok && JSON.parse(r.response.body).ua).toBe('gate-glance');
    expect(await t({ ...req('/'), url: 'not a url' })).toEqual({ ok: false, failure: { kind: 'network', message: 'the URL is not valid' } });
    expect(await t({ ...req('/'), url: 'ftp://127.0.0.1/x' })).toEqual({ ok: false, failure: { kind: 'network', message: 'unsupported URL scheme ftp' } });
    expect(await createNodeTransport({ env: { HTTP_PROXY: 'http://[broken' } })(req('/ok'))).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'the proxy URL in the environment is not valid' },
    });
  });
});

describe('fetch transport specifics', () => {
  it('turns a fetch that throws into a network failure naming the cause code', async () => {
    const throwing = (() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }))) as typeof fetch;
    expect(await createFetchTransport(throwing)(req('/'))).toEqual({ ok: false, failure: { kind: 'network', message: 'the connection failed (ENOTFOUND)' } });
  });

  it('refuses an announced oversized body', async () => {
    const huge = (() => Promise.resolve(new Response('x', { headers: { 'content-length': String(MAX_BODY_BYTES + 1) } }))) as typeof fetch;
    expect(await createFetchTransport(huge)(req('/'))).toMatchObject({ ok: false, failure: { kind: 'network' } });
  });
});
