/**
 * The CLI's transport: plain `node:http`/`node:https`, no global fetch (which alone costs a cold
 * start ~200 ms and ~40 MB here). It honours HTTPS_PROXY / ALL_PROXY / NO_PROXY
 * like curl for https targets (a CONNECT tunnel); plain http targets, loopback only, never go
 * through a proxy (`proxyFor`). One deadline covers connect, tunnel, TLS and body. It never throws.
 */
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import * as http from 'node:http';
import type * as Https from 'node:https';
import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import type * as Tls from 'node:tls';
import { errnoCause, networkFailure, tooLargeFailure } from './failure-text.js';
import type { ProxyEnv } from './proxy.js';
import { proxyFor, redactProxy } from './proxy.js';
import { checkTarget } from './target-policy.js';
import type { Transport, TransportFailure, TransportRequest, TransportResult } from './types.js';

/** Options of the node transport; everything defaults to the process's own environment. */
export interface NodeTransportOptions {
  /** Where proxy variables are read from; default `process.env`. */
  readonly env?: ProxyEnv;
  /** Extra trusted CA certificate(s) (PEM), e.g. a test's self-signed one; added to Node's defaults. */
  readonly ca?: string | readonly string[];
}

/** The failure of a socket error at `where` (the target's `host:port`, or the proxy's address). */
function socketFailure(error: unknown, where: string, via: 'target' | 'proxy'): TransportFailure {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return networkFailure({ ...errnoCause(code), where, via });
}

function lowerHeaders(raw: IncomingMessage['rawHeaders']): Record<string, string> {
  // The server names the headers: `__proto__` or `constructor` is a header, not a member (node's
  // own `headers` object drops `__proto__`), so they are read from the raw pairs. Repeated
  // headers are joined with ", ", as fetch's Headers does.
  const out = Object.create(null) as Record<string, string>;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const token = Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64');
  return { 'Proxy-Authorization': `Basic ${token}` };
}

// Loaded on first use: node:https and node:tls cost a cold start ~5 ms, which a plain-http
// target (a loopback testnet, the simulator) never needs.
const https = (): typeof Https => process.getBuiltinModule('node:https');
const tls = (): typeof Tls => process.getBuiltinModule('node:tls');

/** Builds the CLI's transport. */
export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const env = options.env ?? process.env;
  const ca =
    options.ca === undefined ? undefined : [...tls().rootCertificates, ...(typeof options.ca === 'string' ? [options.ca] : options.ca)];
  return (request) => send(request, env, ca);
}

function send(request: TransportRequest, env: ProxyEnv, ca: string[] | undefined): Promise<TransportResult> {
  return new Promise<TransportResult>((resolve) => {
    let settled = false;
    const cleanups: Array<() => void> = [];
    const finish = (result: TransportResult): void => {
      if (settled) return;
      settled = true;
      for (const c of cleanups) c();
      resolve(result);
    };
    const failWith = (failure: TransportFailure): void => finish({ ok: false, failure });

    const checked = checkTarget(request.url);
    if (!checked.ok) {
      failWith(checked.failure);
      return;
    }
    const target = checked.target;
    const targetPort = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    const where = `${target.hostname}:${targetPort}`;
    const bareHost = target.hostname.replace(/^\[|\]$/g, '');
    // SNI carries names only (RFC 6066): none for an IP address.
    const sni = isIP(bareHost) === 0 ? { servername: bareHost } : {};
    // Verification is stated, not inherited: NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment must not switch it off.
    const tlsOptions = { rejectUnauthorized: true, ...(ca ? { ca } : {}) };

    // Every socket and request we open is registered here so a timeout or abort can end it.
    const destroyables: Array<{ destroy(): void }> = [];
    cleanups.push(() => {
      for (const d of destroyables) d.destroy();
    });

    const timer = setTimeout(() => failWith({ kind: 'timeout', message: `no answer within ${request.timeoutMs} ms` }), request.timeoutMs);
    cleanups.unshift(() => clearTimeout(timer));
    if (request.signal) {
      const signal = request.signal;
      if (signal.aborted) {
        failWith({ kind: 'aborted', message: 'the request was cancelled' });
        return;
      }
      const onAbort = (): void => failWith({ kind: 'aborted', message: 'the request was cancelled' });
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.unshift(() => signal.removeEventListener('abort', onAbort));
    }

    const onResponse = (res: IncomingMessage): void => {
      if (Number(res.headers['content-length'] ?? '0') > request.maxBodyBytes) {
        failWith(tooLargeFailure(request.maxBodyBytes));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBodyBytes) {
          // finish() destroys the request and its socket: the rest is never downloaded.
          failWith(tooLargeFailure(request.maxBodyBytes));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        finish({
          ok: true,
          response: { status: res.statusCode ?? 0, headers: lowerHeaders(res.rawHeaders), body: Buffer.concat(chunks).toString('utf8') },
        }),
      );
      res.on('error', (e) => failWith(socketFailure(e, where, 'target')));
      res.on('aborted', () => failWith(networkFailure({ name: 'incomplete', where, via: 'target' })));
    };

    const issue = (
      mod: typeof http | typeof Https,
      opts: RequestOptions | Https.RequestOptions,
      errorWhere: string,
      via: 'target' | 'proxy',
    ): ClientRequest => {
      const req = mod.request({ ...opts, method: request.method, agent: false }, onResponse);
      destroyables.push(req);
      req.on('error', (e) => failWith(socketFailure(e, errorWhere, via)));
      req.end(request.body ?? undefined);
      return req;
    };

    const headers: Record<string, string> = { Host: target.host, 'User-Agent': 'gate-glance', ...request.headers };
    const path = `${target.pathname}${target.search}`;
    const proxyRaw = proxyFor(target, env);

    if (proxyRaw === null) {
      const mod = target.protocol === 'https:' ? https() : http;
      issue(mod, { host: bareHost, port: targetPort, path, headers, ...sni, ...tlsOptions }, where, 'target');
      return;
    }

    let proxy: URL;
    try {
      proxy = new URL(proxyRaw.includes('://') ? proxyRaw : `http://${proxyRaw}`);
    } catch {
      failWith(networkFailure({ name: 'proxy-bad-url' }));
      return;
    }
    if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
      failWith(networkFailure({ name: 'proxy-scheme', code: proxy.protocol.replace(':', '') }));
      return;
    }
    const proxyName = redactProxy(proxyRaw);
    const proxyMod = proxy.protocol === 'https:' ? https() : http;
    const proxyPort = Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80));
    const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');

    // https through a proxy: CONNECT tunnel, then TLS to the target inside it.
    const connectReq = proxyMod.request({
      host: proxyHost,
      port: proxyPort,
      method: 'CONNECT',
      path: where,
      headers: { Host: where, ...proxyAuthorization(proxy) },
      agent: false,
      ...tlsOptions,
    });
    destroyables.push(connectReq);
    connectReq.on('error', (e) => failWith(socketFailure(e, proxyName, 'proxy')));
    connectReq.on('connect', (res: IncomingMessage, socket: Socket) => {
      destroyables.push(socket);
      if (res.statusCode !== 200) {
        failWith(networkFailure({ name: 'proxy-refused-tunnel', proxy: proxyName, target: where, code: String(res.statusCode ?? 0) }));
        return;
      }
      issue(
        https(),
        {
          host: bareHost,
          port: targetPort,
          path,
          headers,
          ...sni,
          ...tlsOptions,
          createConnection: () => tls().connect({ socket, ...sni, ...tlsOptions }),
        },
        where,
        'target',
      );
    });
    connectReq.end();
  });
}
