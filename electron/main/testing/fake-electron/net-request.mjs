// Electron's `net.request` (docs/api/net.md, docs/api/client-request.md,
// docs/api/incoming-message.md) over Node's http and https, for code that main runs and that
// talks to the network through Electron itself: electron-updater's ElectronHttpExecutor.
// What the fake keeps of Electron's ClientRequest:
// - `redirect: 'manual'` emits `redirect` (statusCode, method, redirectUrl, responseHeaders) and
//   waits for `followRedirect()` or `abort()`, never following by itself; 'error' fails the
//   request on a redirect; 'follow' (the default) follows up to 20 hops.
// - `response` gets an IncomingMessage: a Readable with `statusCode`, `statusMessage` and
//   lower-case `headers`.
// - `abort()` emits `abort` then `close`; a socket error emits `error`.
// It refuses any host but this computer, like every test here (the update feed runs on 127.0.0.1).
import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/;
const MAX_FOLLOWED_REDIRECTS = 20;

function targetOf(options) {
  if (typeof options === 'string') return { url: new URL(options), method: 'GET', headers: {}, redirect: 'follow' };
  const url = options.url
    ? new URL(options.url)
    : new URL(
        `${options.protocol ?? 'http:'}//${options.hostname ?? options.host}${options.port ? `:${options.port}` : ''}${options.path ?? '/'}`,
      );
  return { url, method: options.method ?? 'GET', headers: { ...(options.headers ?? {}) }, redirect: options.redirect ?? 'follow' };
}

class FakeClientRequest extends EventEmitter {
  #target;
  #body = [];
  #current = null;
  #pendingRedirect = null;
  #hops = 0;
  #aborted = false;

  constructor(options) {
    super();
    this.#target = targetOf(options);
  }
  setHeader(name, value) {
    this.#target.headers[name] = value;
  }
  getHeader(name) {
    return this.#target.headers[name];
  }
  removeHeader(name) {
    delete this.#target.headers[name];
  }
  write(chunk) {
    this.#body.push(Buffer.from(chunk));
    return true;
  }
  end(chunk, callback) {
    if (typeof chunk === 'function') callback = chunk;
    else if (chunk !== undefined && chunk !== null) this.write(chunk);
    this.#send(this.#target.url);
    if (callback) this.once('finish', callback);
    queueMicrotask(() => this.emit('finish'));
    return this;
  }
  followRedirect() {
    const next = this.#pendingRedirect;
    this.#pendingRedirect = null;
    if (next) this.#send(next);
  }
  abort() {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#current?.destroy();
    this.emit('abort');
    this.emit('close');
  }

  #send(url) {
    if (this.#aborted) return;
    if (!LOOPBACK.test(url.hostname)) {
      queueMicrotask(() =>
        this.emit('error', new Error(`net::ERR_ADDRESS_UNREACHABLE (the fake reaches only this computer, not ${url.hostname})`)),
      );
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: this.#target.method, headers: this.#target.headers });
    this.#current = req;
    req.on('response', (res) => {
      const location = res.headers.location;
      if (res.statusCode >= 300 && res.statusCode < 400 && location) {
        res.resume();
        const next = new URL(location, url);
        if (this.#target.redirect === 'error') return this.emit('error', new Error('net::ERR_FAILED (redirect refused)'));
        if (this.#target.redirect === 'manual') {
          this.#pendingRedirect = next;
          return this.emit('redirect', res.statusCode, this.#target.method, next.href, res.headers);
        }
        if (++this.#hops > MAX_FOLLOWED_REDIRECTS) return this.emit('error', new Error('net::ERR_TOO_MANY_REDIRECTS'));
        return this.#send(next);
      }
      this.emit('response', res);
      res.on('end', () => this.emit('close'));
    });
    req.on('error', (error) => {
      if (!this.#aborted) this.emit('error', error);
    });
    req.end(Buffer.concat(this.#body));
  }
}

export function request(options) {
  return new FakeClientRequest(options);
}
