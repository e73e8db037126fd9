/**
 * Test-only helpers around the simulator: a throw-away self-signed certificate for 127.0.0.1
 * (so the HTTPS + CONNECT path is tested for real) and a tiny forward proxy that tunnels
 * CONNECT and forwards absolute-form requests, recording what it was asked. Loopback only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PEM key and certificate valid for 127.0.0.1 and localhost. */
export interface TestCert {
  readonly key: string;
  readonly cert: string;
}

/** Generates a one-day self-signed EC certificate for 127.0.0.1/localhost with openssl. */
export function generateTestCert(): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'glance-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the proxy saw. */
interface ProxyLogEntry {
  readonly kind: 'connect' | 'forward';
  readonly target: string;
  readonly proxyAuthorization: string | null;
}

/** A running test proxy. */
export interface TestProxy {
  readonly url: string;
  readonly log: ProxyLogEntry[];
  /** TCP connections it accepted, whatever was (or was not) sent on them. */
  received(): number;
  close(): Promise<void>;
}

/** Starts a forward proxy on 127.0.0.1:0. With `requireAuth` ("user:pass") it answers 407 to anyone else. */
export async function startTestProxy(
  options: { readonly requireAuth?: string; readonly refuseConnect?: boolean } = {},
): Promise<TestProxy> {
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Socket>();
  const expected = options.requireAuth ? `Basic ${Buffer.from(options.requireAuth).toString('base64')}` : null;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const auth = req.headers['proxy-authorization'] ?? null;
    log.push({ kind: 'forward', target: req.url ?? '', proxyAuthorization: auth });
    if (expected && auth !== expected) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const auth = req.headers['proxy-authorization'] ?? null;
    log.push({ kind: 'connect', target: req.url ?? '', proxyAuthorization: auth });
    if (options.refuseConnect || (expected && auth !== expected)) {
      client.end(`HTTP/1.1 ${options.refuseConnect ? '403 Forbidden' : '407 Proxy Authentication Required'}\r\n\r\n`);
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    sockets.add(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  let connections = 0;
  server.on('connection', (s: Socket) => {
    connections += 1;
    sockets.add(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    received: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
