/**
 * The simulator over real HTTP(S) on loopback: what integration tests, the browser e2e tier,
 * `npm run simulator` and Gate's own SDK talk to. Binds 127.0.0.1 unless told otherwise.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { GateSimulator, GateSimulatorOptions } from './handler.js';
import { createGateSimulator } from './handler.js';

/** Where and how to listen; either an existing simulator or options to build one. */
export interface SimulatorServerOptions extends GateSimulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1: the simulator never listens beyond loopback unless asked. */
  readonly host?: string;
  readonly simulator?: GateSimulator;
  /** Serve HTTPS with this PEM key and certificate (tests of the CONNECT proxy path). */
  readonly tls?: { readonly key: string; readonly cert: string };
}

/** A running simulator server. `url` is the base URL to give a client (ends in /api/v4). */
export interface SimulatorServer {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly simulator: GateSimulator;
  close(): Promise<void>;
}

function lowerHeaders(raw: IncomingMessage['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(raw)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Starts the simulator server and resolves once it listens. */
export async function startSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const simulator = options.simulator ?? createGateSimulator(options);
  const sockets = new Set<Socket>();
  const inflight = new Set<AbortController>();

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    const controller = new AbortController();
    inflight.add(controller);
    res.on('close', () => {
      controller.abort();
      inflight.delete(controller);
    });
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void simulator
        .handle(
          {
            method: req.method ?? 'GET',
            target: req.url ?? '/',
            headers: lowerHeaders(req.headers),
            body: Buffer.concat(chunks).toString('utf8'),
            remoteAddress: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
          },
          controller.signal,
        )
        .then((answer) => {
          if (answer.kind === 'drop') {
            req.socket.destroy();
            return;
          }
          if (res.destroyed) return;
          res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
          res.end(answer.body);
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"label":"SERVER_ERROR","message":"simulator failure"}');
        });
    });
  };

  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest)
    : createHttpServer(onRequest);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/api/v4`,
    origin,
    port,
    simulator,
    close: () =>
      new Promise<void>((resolve) => {
        simulator.releaseHanging();
        for (const c of inflight) c.abort();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
