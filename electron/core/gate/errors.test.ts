import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';
import { describe, expect, it } from 'vitest';
import { appError, ERROR_CODES } from '../../../shared/errors.js';
import { mapErrorResponse, mapTransportFailure, parseEpochHeader, retryAfterFrom, safeServerText } from './errors.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const NOW = 1_764_080_000_000;

function res(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

describe('mapping Gate errors', () => {
  it.each([
    [401, 'INVALID_KEY', 'INVALID_KEY'],
    [401, 'INVALID_CREDENTIALS', 'INVALID_KEY'],
    [401, 'MISSING_REQUIRED_HEADER', 'INVALID_KEY'],
    [401, 'INVALID_SIGNATURE', 'INVALID_SIGNATURE'],
    [401, 'REQUEST_EXPIRED', 'CLOCK_SKEW'],
    [403, 'FORBIDDEN', 'FORBIDDEN'],
    [403, 'READ_ONLY', 'FORBIDDEN'],
    [403, 'ACCOUNT_LOCKED', 'FORBIDDEN'],
    [403, 'IP_FORBIDDEN', 'IP_FORBIDDEN'],
    [429, 'TOO_MANY_REQUESTS', 'RATE_LIMITED'],
    [500, 'SERVER_ERROR', 'SERVER_ERROR'],
    [500, 'INTERNAL', 'SERVER_ERROR'],
    [503, 'TOO_BUSY', 'SERVER_ERROR'],
    [400, 'INVALID_PARAM_VALUE', 'INVALID_CURRENCY'],
    [400, 'INVALID_ARGUMENT', 'INVALID_CURRENCY'],
    [400, 'MISSING_REQUIRED_PARAM', 'INVALID_CURRENCY'],
    // Unknown labels fall back to the status.
    [401, 'SOMETHING_NEW', 'INVALID_KEY'],
    [403, 'SOMETHING_NEW', 'FORBIDDEN'],
    [429, 'SOMETHING_NEW', 'RATE_LIMITED'],
    [502, 'SOMETHING_NEW', 'SERVER_ERROR'],
    [404, 'NOT_FOUND', 'BAD_RESPONSE'],
    [405, 'METHOD_NOT_ALLOWED', 'BAD_RESPONSE'],
  ])('HTTP %i with label %s → %s', (status, label, code) => {
    const e = mapErrorResponse(res(status, { label, message: 'Gate says no' }), NOW, 0);
    expect(e.code).toBe(code);
    expect(said(e).message).toContain(label);
    // The code's own hint: a variant only where the words differ (a proxy's 407, say).
    expect(said(e).hint).toBe(said(appError(e.code)).hint);
    expect(said(e).hint.length).toBeGreaterThan(10);
  });

  it('reads `detail` when Gate sends it instead of `message`', () => {
    expect(said(mapErrorResponse(res(403, { label: 'FORBIDDEN', detail: 'wallet permission missing' }), NOW, 0)).message).toContain(
      'wallet permission missing',
    );
  });

  it('says what FORBIDDEN means for this key: no wallet read permission', () => {
    const e = mapErrorResponse(res(403, { label: 'FORBIDDEN', message: '' }), NOW, 0);
    expect(said(e).message).toMatch(/not allowed to read wallet/);
    expect(said(e).hint).toMatch(/Wallet/);
  });

  it.each([
    [502, 'SERVER_ERROR'],
    [503, 'SERVER_ERROR'],
    [429, 'RATE_LIMITED'],
    [403, 'BAD_RESPONSE'],
    [404, 'BAD_RESPONSE'],
    [302, 'BAD_RESPONSE'],
    [200, 'BAD_RESPONSE'],
  ])('an HTML page with HTTP %i → %s, described without its content', (status, code) => {
    const e = mapErrorResponse(res(status, '<!DOCTYPE html><html><title>Attention Required! | Cloudflare</title></html>'), NOW, 0);
    expect(e.code).toBe(code);
    if (code !== 'RATE_LIMITED') expect(said(e).message).toMatch(/HTML page/);
    expect(said(e).message).not.toContain('Cloudflare');
  });

  it("takes the rate-limit wait from Gate's reset header (ms or s), on Gate's clock", () => {
    expect(retryAfterFrom({ 'x-gate-ratelimit-reset-timestamp': String(NOW + 7000) }, NOW, 0)).toBe(7000);
    expect(retryAfterFrom({ 'x-gate-ratelimit-reset-timestamp': String((NOW + 4000) / 1000) }, NOW, 0)).toBe(4000);
    // Gate's clock is 3 s ahead of ours: its reset time is 3 s nearer than it looks.
    expect(retryAfterFrom({ 'x-gate-ratelimit-reset-timestamp': String(NOW + 7000) }, NOW, 3000)).toBe(4000);
  });

  it('falls back to Retry-After (seconds or HTTP date), then to 10 s', () => {
    expect(retryAfterFrom({ 'retry-after': '3' }, NOW, 0)).toBe(3000);
    expect(retryAfterFrom({ 'retry-after': new Date(NOW + 5000).toUTCString() }, NOW, 0)).toBe(5000);
    expect(retryAfterFrom({ 'x-gate-ratelimit-reset-timestamp': String(NOW - 10) }, NOW, 0)).toBe(10_000);
    expect(retryAfterFrom({ 'retry-after': 'soon' }, NOW, 0)).toBe(10_000);
    expect(retryAfterFrom({}, NOW, 0)).toBe(10_000);
  });

  it('puts retryAfterMs on RATE_LIMITED and says the wait in words', () => {
    const e = mapErrorResponse(
      res(429, { label: 'TOO_MANY_REQUESTS', message: 'slow down' }, { 'x-gate-ratelimit-reset-timestamp': String(NOW + 6500) }),
      NOW,
      0,
    );
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.retryAfterMs).toBe(6500);
    expect(said(e).message).toMatch(/7 seconds/);
    const plain = mapErrorResponse(res(429, 'Too Many Requests', { 'retry-after': '2' }), NOW, 0);
    expect(plain).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000 });
  });

  it('keeps Retry-After on a server error, and names a proxy asking for credentials', () => {
    expect(mapErrorResponse(res(503, { label: 'TOO_BUSY', message: 'busy' }, { 'retry-after': '30' }), NOW, 0)).toMatchObject({
      code: 'SERVER_ERROR',
      retryAfterMs: 30_000,
    });
    expect(mapErrorResponse(res(503, '<html>busy</html>', { 'retry-after': '5' }), NOW, 0)).toMatchObject({
      code: 'SERVER_ERROR',
      retryAfterMs: 5000,
    });
    expect(mapErrorResponse(res(500, { label: 'INTERNAL', message: 'x' }), NOW, 0).retryAfterMs).toBeUndefined();
    const proxy = mapErrorResponse(res(407, '<html>Proxy Authentication Required</html>'), NOW, 0);
    expect(proxy.code).toBe('NETWORK');
    expect(said(proxy).message).toMatch(/proxy asks for credentials/);
  });

  it('parses epoch headers strictly', () => {
    expect(parseEpochHeader('1764080000')).toBe(1_764_080_000_000);
    expect(parseEpochHeader('1764080000123')).toBe(1_764_080_000_123);
    expect(parseEpochHeader('abc')).toBeNull();
    expect(parseEpochHeader(undefined)).toBeNull();
    expect(parseEpochHeader('-5')).toBeNull();
  });

  it("strips anything signature-like from Gate's text and keeps it to one bounded line", () => {
    const sig = 'a'.repeat(128);
    expect(safeServerText(`bad sign ${sig}\nsecond line`)).toBe('bad sign … second line');
    expect(safeServerText('x'.repeat(500)).length).toBeLessThanOrEqual(160);
    const e = mapErrorResponse(res(401, { label: 'INVALID_SIGNATURE', message: `expected ${sig}` }), NOW, 0);
    expect(said(e).message).not.toContain(sig);
  });

  it('maps transport failures', () => {
    const timeout = mapTransportFailure({ kind: 'timeout', message: 'x' }, 10_000);
    expect(timeout).toMatchObject({ code: 'TIMEOUT', params: { timeoutMs: 10_000 } });
    expect(said(timeout).message).toBe('No answer from Gate within 10 seconds.');
    expect(said(mapTransportFailure({ kind: 'timeout', message: 'x' }, 250)).message).toMatch(/250 ms/);
    expect(mapTransportFailure({ kind: 'aborted', message: 'x' }, 1).code).toBe('CANCELLED');
    const refused = mapTransportFailure({ kind: 'network', message: 'the connection was refused (127.0.0.1:1)' }, 1);
    expect(refused).toMatchObject({ code: 'NETWORK', detail: 'the connection was refused (127.0.0.1:1)' });
    expect(said(refused).message).toBe('Could not reach Gate: the connection was refused (127.0.0.1:1).');
  });

  it('has a hint for every code the client can produce', () => {
    for (const code of [
      'MISSING_CREDENTIALS',
      'INVALID_KEY',
      'INVALID_SIGNATURE',
      'FORBIDDEN',
      'IP_FORBIDDEN',
      'CLOCK_SKEW',
      'RATE_LIMITED',
      'SERVER_ERROR',
      'BAD_RESPONSE',
      'NETWORK',
      'TIMEOUT',
      'INVALID_CURRENCY',
      'CANCELLED',
      'INTERNAL',
    ] as const) {
      expect(ERROR_CODES).toContain(code);
      expect(said(appError(code)).hint.length).toBeGreaterThan(10);
    }
  });

  it("a 503's hint is true with and without kept data (the stale banner, not the hint, says data is kept)", () => {
    const busy = mapErrorResponse(
      { status: 503, headers: {}, body: JSON.stringify({ label: 'TOO_BUSY', message: 'Server is too busy' }) },
      0,
      0,
    );
    expect(busy).toEqual({ code: 'SERVER_ERROR', params: { status: 503 }, detail: 'TOO_BUSY: Server is too busy' });
    expect(said(busy)).toMatchObject({
      message: 'Gate answered with an error (HTTP 503) (Gate: TOO_BUSY: Server is too busy).',
      hint: 'This is usually brief and not caused by your key or settings. Try again in a minute.',
    });
    expect(said(busy).hint).not.toMatch(/kept|last good data/i);
  });
});
