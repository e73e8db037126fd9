/** The two transports' own contracts: values never throws, timeouts, cancellation, the body bound, header shape. */
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createFetchTransport } from './fetch-transport.js';
import { createNodeTransport } from './node-transport.js';
import type { TransportRequest } from './types.js';
import type { AddressInfo } from 'node:net';
import { serveOnLoopback } from '../testing/loopback-server.js';

/** The bound the size tests give; the server's big answers are a little past it. */
const BOUND = 256 * 1024;

const server = createServer((req, res) => {
  if (req.url === '/big') {
    // Chunked (no Content-Length): only counting the bytes as they arrive can stop it.
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'x'.repeat(16 * 1024);
    for (let i = 0; i < BOUND / chunk.length + 2; i += 1) res.write(chunk);
    res.end();
    return;
  }
  if (req.url === '/exact') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('é'.repeat(BOUND / 2)); // 2 bytes each: exactly the bound, in bytes not characters
    return;
  }
  if (req.url === '/hang') return; // never answers
  if (req.url === '/members') {
    // Header names a server chooses, named like object members.
    res.writeHead(200, [
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['toString', 't'],
      ['hasOwnProperty', 'h'],
      ['valueOf', 'v'],
    ]);
    res.end('{}');
    return;
  }
  res.setHeader('X-Gate-RateLimit-Requests-Remain', '79');
  res.setHeader('Set-Cookie', ['a=1', 'b=2']);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ method: req.method, key: req.headers['key'] ?? null, ua: req.headers['user-agent'] ?? null }));
});
const local = serveOnLoopback(server);

function req(path: string, extra: Partial<TransportRequest> = {}): TransportRequest {
  return { method: 'GET', url: `${local.url}${path}`, headers: { KEY: 'k' }, timeoutMs: 2000, maxBodyBytes: BOUND, ...extra };
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

  it('keeps response headers named like object members as headers (a null-prototype record)', async () => {
    const r = await make()(req('/members'));
    if (!r.ok) throw new Error(r.failure.message);
    const h = r.response.headers;
    expect([h['__proto__'], h['constructor'], h['tostring'], h['hasownproperty'], h['valueof']]).toEqual(['p', 'c', 't', 'h', 'v']);
    expect(Object.hasOwn(h, '__proto__')).toBe(true);
    expect(h['retry-after']).toBeUndefined();
  });

  it('stops a chunked body at the bound it is given, and reads one of exactly that many bytes', async () => {
    const t = make();
    const r = await t(req('/big'));
    expect(r).toEqual({
      ok: false,
      failure: { kind: 'too-large', message: 'the answer was larger than the 256 KiB this request allows', maxBodyBytes: 256 * 1024 },
    });
    const exact = await t(req('/exact'));
    expect(exact.ok && exact.response.body).toBe('é'.repeat(BOUND / 2));
    // The bound is the request's own: the same answer under a larger bound is read whole.
    const roomy = await t(req('/big', { maxBodyBytes: 2 * BOUND }));
    expect(roomy.ok && roomy.response.body.length).toBe((BOUND / (16 * 1024) + 2) * 16 * 1024);
  });

  it('refuses an announced oversized body', async () => {
    const r = await make()(req('/ok', { maxBodyBytes: 10 }));
    expect(r).toMatchObject({ ok: false, failure: { kind: 'too-large' } });
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
  it('sends a User-Agent and rejects bad URLs and schemes without throwing', async () => {
    const t = createNodeTransport({ env: {} });
    const r = await t(req('/ok'));
    expect(r.ok && JSON.parse(r.response.body).ua).toBe('gate-glance');
    expect(await t({ ...req('/'), url: 'not a url' })).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'the URL is not valid', cause: { name: 'bad-url' } },
    });
    expect(await t({ ...req('/'), url: 'ftp://127.0.0.1/x' })).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'unsupported URL scheme ftp', cause: { name: 'bad-scheme', code: 'ftp' } },
    });
    // Plain http to this computer never reads a proxy variable; an https target does.
    expect(await createNodeTransport({ env: { HTTP_PROXY: 'http://[broken', ALL_PROXY: 'http://[broken' } })(req('/ok'))).toMatchObject({
      ok: true,
    });
    expect(await createNodeTransport({ env: { HTTPS_PROXY: 'http://[broken' } })({ ...req('/'), url: 'https://127.0.0.1:1/x' })).toEqual({
      ok: false,
      failure: { kind: 'network', message: 'the proxy URL in the environment is not valid', cause: { name: 'proxy-bad-url' } },
    });
  });
});

describe('fetch transport specifics', () => {
  it('sends plain http:// (this computer) through the direct fetch it is given, https through the other', async () => {
    const seen: string[] = [];
    const recording =
      (name: string): typeof fetch =>
      (input, init) => {
        seen.push(`${name} ${String(input)}`);
        return fetch(input, init);
      };
    const transport = createFetchTransport(recording('proxied'), { directFetch: recording('direct') });
    expect((await transport(req('/ok'))).ok).toBe(true);
    await transport({ ...req('/'), url: 'https://127.0.0.1:1/x', timeoutMs: 500 });
    expect(seen).toEqual([`direct ${local.url}/ok`, 'proxied https://127.0.0.1:1/x']);
  });

  it("turns Node's fetch failure into a network failure naming the cause code in words", async () => {
    const throwing = (() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }))) as typeof fetch;
    expect(await createFetchTransport(throwing)(req('/'))).toEqual({
      ok: false,
      failure: {
        kind: 'network',
        message: 'the host name could not be resolved (ENOTFOUND)',
        cause: { name: 'dns', where: 'ENOTFOUND', via: 'code' },
      },
    });
  });

  it('sends no cookies, uses no cache and follows no redirect', async () => {
    const inits: RequestInit[] = [];
    const recording = ((_url: string, init: RequestInit) => {
      inits.push(init);
      return Promise.resolve(new Response('{}'));
    }) as typeof fetch;
    expect((await createFetchTransport(recording)(req('/'))).ok).toBe(true);
    expect(inits[0]).toMatchObject({ credentials: 'omit', cache: 'no-store', redirect: 'manual' });
  });
});
