/**
 * Hostile answers and targets for both transports (node:http for the CLI, a fetch for the
 * app, tested with Node's global fetch): bodies that never end, that lie about their length
 * or inflate past the bound, plain http:// to a remote host, TLS verification switched off
 * through the environment. Every case runs against a real server on 127.0.0.1.
 */
import { createServer as createHttpsServer } from 'node:https';
import type { Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../shared/errors.js';
import { generateTestCert } from '../testing/simulator.js';
import { GateClient } from './client.js';
import { createFetchTransport } from './fetch-transport.js';
import { createNodeTransport } from './node-transport.js';
import { TOTAL_BALANCE_BOUNDS } from './schema.js';
import type { Transport, TransportRequest } from './types.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AddressInfo } from 'node:net';
import { serveOnLoopback } from '../testing/loopback-server.js';

const BOUND = 64 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');
/** Bytes the endless answer had written when its client went away, per request. */
const sentWhenClosed: number[] = [];

function endless(res: ServerResponse): void {
  let sent = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
    sentWhenClosed.push(sent);
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  const pump = (): void => {
    // Writes until the socket pushes back, resumes on drain, stops when the client hangs up.
    while (!closed && sent < 2 * 1024 * 1024 * 1024) {
      sent += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

const server: Server = createServer((req, res) => {
  if (req.url?.startsWith('/endless')) return endless(res);
  if (req.url === '/bomb') {
    // 64 MiB of zeros gzipped to ~64 KiB: the bound counts what the body inflates to.
    const packed = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(packed.length) });
    res.end(packed);
    return;
  }
  if (req.url === '/liar') {
    // Claims 10 bytes, then keeps sending: node:http refuses the excess, fetch must not read it.
    res.socket?.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n');
    res.socket?.write(Buffer.alloc(4 * BOUND, 'y'));
    res.socket?.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{}');
});
const local = serveOnLoopback(server);

function req(url: string, extra: Partial<TransportRequest> = {}): TransportRequest {
  return { method: 'GET', url, headers: { KEY: 'k' }, timeoutMs: 10_000, maxBodyBytes: BOUND, ...extra };
}

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each<[string, () => Transport, unknown]>([
  // node:http rejects the bytes past Content-Length as a malformed answer; undici stops at the declared 10.
  [
    'node',
    () => createNodeTransport({ env: {} }),
    {
      ok: false,
      failure: {
        kind: 'network',
        message: expect.stringMatching(/^the answer was not valid HTTP \(HPE_/),
        cause: expect.objectContaining({ name: 'not-http' }),
      },
    },
  ],
  ['fetch', () => createFetchTransport(fetch), { ok: true, response: expect.objectContaining({ body: 'yyyyyyyyyy' }) }],
])('%s transport against hostile answers', (_name, make, liarAnswer) => {
  it('stops an endless chunked body at the bound and hangs up, instead of reading gigabytes', async () => {
    const before = sentWhenClosed.length;
    const r = await make()(req(`${local.url}/endless`));
    expect(r).toEqual({
      ok: false,
      failure: { kind: 'too-large', message: 'the answer was larger than the 64 KiB this request allows', maxBodyBytes: 64 * 1024 },
    });
    // The server sees the connection end soon after the bound: socket buffers, not the 2 GiB it offered.
    await waitFor(() => sentWhenClosed.length > before);
    expect(sentWhenClosed[before]).toBeLessThan(64 * 1024 * 1024);
  });

  it('does not read past a Content-Length that lies', async () => {
    expect(await make()(req(`${local.url}/liar`))).toEqual(liarAnswer);
  });

  it('refuses plain http:// to any host but this computer, before connecting', async () => {
    const t = make();
    for (const url of [
      'http://api.gateio.ws/api/v4/spot/time',
      'http://10.0.0.1/x',
      'http://127.0.0.1.nip.io/x',
      'http://[::ffff:7f00:1]/x',
      'http://localhost.evil.com/x',
    ]) {
      const r = await t(req(url));
      expect(r, url).toMatchObject({ ok: false, failure: { kind: 'insecure-url' } });
      expect(!r.ok && r.failure.message).toMatch(/unencrypted/);
    }
    // Loopback in any spelling the URL parser normalises stays allowed (the simulator, a local proxy).
    const port = new URL(local.url).port;
    for (const host of ['127.0.0.1', '127.1', 'localhost', 'LOCALHOST']) {
      const r = await t(req(`http://${host}:${port}/ok`));
      expect(r.ok, host).toBe(true);
    }
  });
});

describe('fetch transport against a compression bomb', () => {
  it('counts the inflated bytes, not the wire bytes', async () => {
    const r = await createFetchTransport(fetch)(req(`${local.url}/bomb`));
    expect(r).toMatchObject({ ok: false, failure: { kind: 'too-large' } });
  });
});

describe('the client gives each endpoint its own bound', () => {
  it('answers BAD_RESPONSE, naming the bound, for a total_balance past its 512 KiB', async () => {
    const seen: number[] = [];
    const recording: Transport = (request) => {
      seen.push(request.maxBodyBytes);
      return createNodeTransport({ env: {} })({ ...request, url: `${local.url}/endless` });
    };
    const client = new GateClient({
      transport: recording,
      credentials: () => Promise.resolve(ok({ key: 'k', secret: 's' })),
      baseUrl: local.url,
    });
    const r = await client.getTotalBalance('USDT');
    expect(seen).toEqual([TOTAL_BALANCE_BOUNDS.maxBodyBytes]);
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
    expect(!r.ok && errorWords(ENGLISH, r.error).message).toMatch(/512 KiB/);
  });
});

describe('TLS verification is explicit', () => {
  it('refuses a self-signed certificate even with NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment', async () => {
    const cert = generateTestCert();
    const tlsServer = createHttpsServer({ key: cert.key, cert: cert.cert }, (_req, res) => res.end('{}'));
    await new Promise<void>((r) => tlsServer.listen(0, '127.0.0.1', () => r()));
    const url = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}/x`;
    const saved = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      const r = await createNodeTransport({ env: {} })(req(url));
      expect(r).toMatchObject({ ok: false, failure: { kind: 'network' } });
      expect(!r.ok && r.failure.message).toMatch(/self-signed/);
      // The same server with its certificate trusted explicitly is reached: the refusal was verification.
      expect((await createNodeTransport({ env: {}, ca: cert.cert })(req(url))).ok).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = saved;
      tlsServer.closeAllConnections();
      await new Promise<void>((r) => tlsServer.close(() => r()));
    }
  });
});
