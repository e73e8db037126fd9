/**
 * A tiny static file server for the built renderer (out/renderer) on 127.0.0.1, port 0.
 * The browser tier loads the real bundle from it, with the same Content-Security-Policy the
 * app sends, so a renderer change that needs a looser CSP fails here before it ships.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** A running static server; `close` frees the port and every open connection. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT/` (with the trailing slash). */
  readonly url: string;
  /** Paths requested so far, in order; a test can assert the page fetched nothing unexpected. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/** Serves `root` with `csp` as the Content-Security-Policy header of every response. */
export async function startStaticServer(root: string, csp: string): Promise<StaticServer> {
  const requests: string[] = [];
  const rootDir = normalize(root);
  const server = createServer((req, res) => {
    const rawPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(rawPath);
    const relative = rawPath === '/' ? 'index.html' : rawPath.replace(/^\/+/, '');
    const file = normalize(join(rootDir, relative));
    const headers = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) {
          res.writeHead(404, headers).end();
          return;
        }
        res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
      },
      () => res.writeHead(404, headers).end(),
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
