/**
 * The words for connection failures. Electron's shapes are from its source (v30+):
 * lib/common/api/net-client-request.ts rejects with `new Error(netErrorString)`, e.g.
 * `net::ERR_NAME_NOT_RESOLVED`, and with 'Redirect was cancelled' when a `redirect: 'manual'`
 * request meets a 3xx nobody follows, or "Attempted to redirect, but redirect policy was
 * 'error'" under `redirect: 'error'`. Node's fetch rejects with TypeError('fetch failed') and
 * the errno on `cause`.
 */
import { describe, expect, it } from 'vitest';
import { createFetchTransport } from './fetch-transport.js';
import { appError, causeParams } from '../../../shared/errors.js';
import { en } from '../../../shared/present/catalogue-en.js';
import { zhCN } from '../../../shared/present/catalogue-zh-cn.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { createWords } from '../../../shared/present/words.js';
import { mapTransportFailure } from './errors.js';
import { causeInEnglish, errnoCause, fetchErrorCause, networkFailure, tooLargeFailure } from './failure-text.js';

const describeErrno = (code: string): string => causeInEnglish(errnoCause(code));
const describeFetchError = (error: unknown): string => causeInEnglish(fetchErrorCause(error));

const rejecting = (error: unknown): typeof fetch => (() => Promise.reject(error)) as typeof fetch;
const request = { method: 'GET', url: 'https://api.gateio.ws/api/v4/spot/time', headers: {}, timeoutMs: 1000, maxBodyBytes: 1024 } as const;

describe("Electron's net.fetch failures", () => {
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', /host name could not be resolved/],
    ['net::ERR_INTERNET_DISCONNECTED', /this computer is offline/],
    ['net::ERR_CONNECTION_REFUSED', /refused/],
    ['net::ERR_CONNECTION_RESET', /reset/],
    ['net::ERR_CONNECTION_CLOSED', /closed before an answer/],
    ['net::ERR_TIMED_OUT', /timed out/],
    ['net::ERR_PROXY_CONNECTION_FAILED', /system proxy could not be reached/],
    ['net::ERR_CERT_DATE_INVALID', /expired or is not valid yet \(check this computer's clock\)/],
    ['net::ERR_CERT_AUTHORITY_INVALID', /authority this computer does not trust/],
    ['net::ERR_CERT_SYMANTEC_LEGACY', /^the server's TLS certificate was not accepted \(ERR_CERT_SYMANTEC_LEGACY\)$/],
    ['net::ERR_SSL_PROTOCOL_ERROR', /secure connection could not be set up \(ERR_SSL_PROTOCOL_ERROR/],
    ['net::ERR_PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION', /^the proxy failed \(ERR_PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION/],
    ['net::ERR_HTTP2_PROTOCOL_ERROR', /^the connection failed \(ERR_HTTP2_PROTOCOL_ERROR\)$/],
    ['Redirect was cancelled', /redirect, which Gate never sends/],
    ["Attempted to redirect, but redirect policy was 'error'", /redirect, which Gate never sends/],
  ])('%s', async (message, words) => {
    const r = await createFetchTransport(rejecting(new Error(message)))(request);
    expect(r).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(!r.ok && r.failure.message).toMatch(words);
  });
});

describe("Node's failures", () => {
  it('words errno, TLS and parser codes, and keeps an unknown code visible', () => {
    expect(describeFetchError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe(
      'the connection was refused (ECONNREFUSED)',
    );
    expect(describeFetchError(Object.assign(new TypeError('fetch failed'), { cause: new Error('unexpected redirect') }))).toMatch(
      /redirect/,
    );
    expect(describeErrno('UNABLE_TO_GET_ISSUER_CERT_LOCALLY')).toMatch(/proxy inspecting traffic/);
    expect(describeErrno('HPE_INVALID_CONSTANT')).toBe('the answer was not valid HTTP (HPE_INVALID_CONSTANT)');
    expect(describeErrno('EWHATEVER')).toBe('error EWHATEVER');
    expect(describeErrno('')).toBe('the connection failed');
  });

  it('never echoes an arbitrary message or a code that is not a code', () => {
    expect(describeFetchError(new Error('secret=abc https://x/?sig=deadbeef'))).toBe('the connection failed');
    expect(describeFetchError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'x y <script>' } }))).toBe(
      'the connection failed',
    );
    expect(describeFetchError('a string')).toBe('the connection failed');
    expect(describeFetchError(null)).toBe('the connection failed');
  });
});

describe('a cause in the reader’s words', () => {
  const zh = createWords(zhCN, 'zh-CN', 'zh-CN');

  it('an error carries the cause by name and values; Chinese reads it in Chinese, logs keep the English', () => {
    const failure = networkFailure({ ...errnoCause('ECONNREFUSED'), where: 'api.gateio.ws:443', via: 'target' });
    expect(failure.message).toBe('the connection was refused (api.gateio.ws:443)');
    const error = mapTransportFailure(failure, 10_000);
    expect(error).toMatchObject({
      code: 'NETWORK',
      params: { cause: 'refused', where: 'api.gateio.ws:443', via: 'target' },
      detail: 'the connection was refused (api.gateio.ws:443)',
    });
    expect(errorWords(zh, error)).toMatchObject({
      message: '无法连接到 Gate：连接被拒绝（api.gateio.ws:443）。',
      detail: '连接被拒绝（api.gateio.ws:443）',
    });
    expect(
      errorWords(
        createWords(zhCN, 'zh-CN'),
        mapTransportFailure(networkFailure({ ...errnoCause('ECONNRESET'), where: 'proxy.lan:3128', via: 'proxy' }), 1),
      ).detail,
    ).toBe('连接被重置（代理 proxy.lan:3128）');
  });

  it('keeps a code it has no words for, in every language', () => {
    const error = mapTransportFailure(networkFailure(fetchErrorCause(new Error('net::ERR_CERT_SYMANTEC_LEGACY'))), 1);
    expect(error.params).toEqual({ cause: 'cert-other', code: 'ERR_CERT_SYMANTEC_LEGACY' });
    expect(errorWords(zh, error).detail).toBe('服务器的 TLS 证书未被接受（ERR_CERT_SYMANTEC_LEGACY）');
  });

  it('cleans the values a cause takes from outside before they become params', () => {
    expect(causeParams({ name: 'proxy-refused-tunnel', proxy: 'p\u0007:1', target: 'x'.repeat(500), code: '502' })).toEqual({
      cause: 'proxy-refused-tunnel',
      proxy: 'p:1',
      target: 'x'.repeat(119) + '…',
      code: '502',
    });
  });

  it('an answer past its bound: the bound travels as a value, so Chinese says it in Chinese', () => {
    const error = mapTransportFailure(tooLargeFailure(64 * 1024), 1);
    expect(error).toMatchObject({
      code: 'BAD_RESPONSE',
      params: { reason: 'too-large', limit: '64 KiB' },
      detail: 'the answer was larger than the 64 KiB this request allows',
    });
    expect(errorWords(zh, error).message).toBe('响应太大，不可能来自 Gate：超过了本次请求允许的 64 KiB。');
    expect(errorWords(createWords(en, 'en'), error).message).toBe(
      "The answer was too large to be Gate's: it was larger than the 64 KiB this request allows.",
    );
  });

  it('an error without a cause (an earlier version’s state) reads its English detail as before', () => {
    expect(errorWords(zh, appError('NETWORK', {}, 'the connection failed')).detail).toBe('the connection failed');
  });
});
