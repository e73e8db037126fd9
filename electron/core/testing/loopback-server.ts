/**
 * An HTTP server of a test file on 127.0.0.1, on a port the system picks: listening before the
 * file's tests, closed (open connections included) after them.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** `url` is `http://127.0.0.1:<port>` once the file's tests run. */
export interface LoopbackServer {
  readonly url: string;
}

export function serveOnLoopback(server: Server): LoopbackServer {
  const local = { url: '' };
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    local.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  return local;
}
