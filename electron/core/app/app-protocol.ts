/**
 * How the app's own `app://glance/…` URLs map to files of the built renderer, and the headers
 * they are served with. Main's protocol handler is a two-line wrapper around this, so path
 * traversal, foreign hosts and the Content-Security-Policy are unit-tested without Electron.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '../ipc/sender.js';

/**
 * The Content-Security-Policy of every app page, sent as a header in addition to the built
 * HTML's meta tag (the header also covers frame-ancestors, which a meta tag cannot). No inline
 * script, no network: the renderer gets its data over IPC only.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * True for the app's own pages (app://glance/…, no credentials or port). Main lets the popover
 * navigate (reload) only within these; everything else is denied.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/** Where an app URL points: a file inside the renderer directory, or nowhere. */
export function resolveAppPath(url: string, rootDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Encoded separators, backslashes and NULs never name a legitimate asset.
  if (pathname.includes('\0') || pathname.includes('\\') || /%2f|%5c/i.test(parsed.pathname)) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, relative);
  if (!file.startsWith(root + sep)) return null;
  return file;
}

/** A response for the protocol handler to hand to Electron. */
export interface AppResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | null;
}

/** Options of `createAppRequestHandler`. */
export interface AppRequestHandlerOptions {
  /** The built renderer (out/renderer). */
  readonly rootDir: string;
  readonly readFile?: (path: string) => Promise<Uint8Array>;
}

const BASE_HEADERS = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
} as const;

/** Serves app:// requests from the renderer directory: GET only, inside the root only. */
export function createAppRequestHandler(options: AppRequestHandlerOptions): (url: string, method: string) => Promise<AppResponse> {
  const read = options.readFile ?? ((path: string) => fsReadFile(path));
  return async (url, method) => {
    if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: BASE_HEADERS, body: null };
    const file = resolveAppPath(url, options.rootDir);
    if (file === null) return { status: 404, headers: BASE_HEADERS, body: null };
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return { status: 404, headers: BASE_HEADERS, body: null };
    }
    const headers = { ...BASE_HEADERS, 'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
    return { status: 200, headers, body: method === 'HEAD' ? null : body };
  };
}
