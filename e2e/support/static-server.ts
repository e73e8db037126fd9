/**
 * A tiny HTTP server for the built renderer (out/renderer) on 127.0.0.1, port 0. It answers
 * through main's own app-protocol handler (`createAppRequestHandler`): the same path checks,
 * MIME types and headers — the app's Content-Security-Policy included — as `app://glance/…`,
 * so a renderer change that needs a looser CSP fails here before it ships.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAppRequestHandler } from '../../electron/core/app/app-protocol.js';
import { APP_ORIGIN } from '../../electron/core/ipc/sender.js';

/** A running static server; `close` frees the port and every open connection. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT/` (with the trailing slash). */
  readonly url: string;
  /** Paths requested so far, in order; a test can assert the page fetched nothing unexpected. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * Serves `root` as the app protocol would. `csp`, when given, replaces the app's policy (a
 * test that wants a different page policy); by default every response carries `APP_CSP`.
 */
export async function startStaticServer(root: string, csp?: string): Promise<StaticServer> {
  const requests: string[] = [];
  const handle = createAppRequestHandler({ rootDir: root });
  const server = createServer((req, res) => {
    const target = req.url ?? '/';
    requests.push(new URL(target, 'http://127.0.0.1').pathname);
    handle(`${APP_ORIGIN}${target.startsWith('/') ? target : `/${target}`}`, req.method ?? 'GET').then(
      (reply) => {
        const headers = csp === undefined ? reply.headers : { ...reply.headers, 'Content-Security-Policy': csp };
        res.writeHead(reply.status, headers);
        res.end(reply.body === null ? undefined : Buffer.from(reply.body));
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
