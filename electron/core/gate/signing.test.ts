import { describe, expect, it } from 'vitest';
import { EMPTY_BODY_SHA512, sha512Hex, signaturePayload, signedHeaders, signRequest, verifySignature } from './signing.js';

describe('Gate APIv4 signing', () => {
  it("reproduces the official example from Gate's docs", () => {
    const sign = signRequest('secret', {
      method: 'GET',
      path: '/api/v4/futures/orders',
      query: 'contract=BTC_USD&status=finished&limit=50',
      body: '',
      timestamp: '1541993715',
    });
    expect(sign).toBe(
      '55f84ea195d6fe57ce62464daaa7c3c02fa9d1dde954e4c898289c9a2407a3d6fb3faf24deff16790d726b66ac9f74526668b13bd01029199cc4fcc522418b8a',
    );
  });

  it('hashes the empty body to the documented constant and other bodies with SHA-512', () => {
    expect(sha512Hex('')).toBe(EMPTY_BODY_SHA512);
    expect(EMPTY_BODY_SHA512.startsWith('cf83e135')).toBe(true);
    // Computed independently with `printf '{"currency":"BTC"}' | openssl dgst -sha512`.
    expect(sha512Hex('{"currency":"BTC"}')).toBe(
      '2b7721c23dfe4405bf37baf221e7fdb0441827cfe76d9e3b844e9c85454c1d23a2e8dfef82a50f652e28b0a9a8780f31a8dd13403802f65b85620ce8befe9f28',
    );
  });

  it('matches vectors computed independently with openssl (GET total_balance, POST with a body)', () => {
    // printf 'GET\n/api/v4/wallet/total_balance\ncurrency=BTC\n<sha512("")>\n1764080000' | openssl dgst -sha512 -hmac <secret>
    expect(
      signRequest('b0a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1', {
        method: 'GET',
        path: '/api/v4/wallet/total_balance',
        query: 'currency=BTC',
        body: '',
        timestamp: '1764080000',
      }),
    ).toBe(
      'f54201d845fc38c7b34f4d24acb4cefccb5075c2e267d9d9b4b2fe488bb6d5d58af5dc95aa695e6f03ceccc3a80a8cea6bc2d372d4de7de3abb6b000507f1742',
    );
    expect(
      signRequest('secret', {
        method: 'post',
        path: '/api/v4/spot/orders',
        query: '',
        body: '{"currency":"BTC"}',
        timestamp: '1764080000',
      }),
    ).toBe(
      '3a5040f5c89fbdbc09433e5cd245810dcce7a8bf1e7ba178212d47154f4505d6af7abd9a3e1d3b51b3f1152b13ce5d432f01f5a24f250e87414ec0986744943d',
    );
  });

  it('builds the payload from method, path, raw query, body hash and timestamp, in that order', () => {
    expect(signaturePayload({ method: 'get', path: '/api/v4/x', query: 'a=1&b=2', body: '', timestamp: '7' })).toBe(
      `GET\n/api/v4/x\na=1&b=2\n${EMPTY_BODY_SHA512}\n7`,
    );
  });

  it('every input changes the signature', () => {
    const base = { method: 'GET', path: '/api/v4/wallet/total_balance', query: 'currency=USDT', body: '', timestamp: '1764080000' };
    const sign = signRequest('s', base);
    const variants = [
      { ...base, method: 'POST' },
      { ...base, path: '/api/v4/wallet/total_balances' },
      { ...base, query: 'currency=BTC' },
      { ...base, body: 'x' },
      { ...base, timestamp: '1764080001' },
    ];
    for (const v of variants) expect(signRequest('s', v)).not.toBe(sign);
    expect(signRequest('t', base)).not.toBe(sign);
  });

  it('produces the KEY/Timestamp/SIGN headers and verifies them', () => {
    const input = { method: 'GET', path: '/api/v4/wallet/total_balance', query: 'currency=USDT', body: '', timestamp: '1764080000' };
    const headers = signedHeaders('my-key', 'my-secret', input);
    expect(Object.keys(headers).sort()).toEqual(['KEY', 'SIGN', 'Timestamp']);
    expect(headers['KEY']).toBe('my-key');
    expect(headers['Timestamp']).toBe('1764080000');
    expect(headers['SIGN']).toMatch(/^[0-9a-f]{128}$/);
    expect(verifySignature('my-secret', input, headers['SIGN']!)).toBe(true);
    expect(verifySignature('my-secret', input, headers['SIGN']!.toUpperCase())).toBe(true);
    expect(verifySignature('other-secret', input, headers['SIGN']!)).toBe(false);
    expect(verifySignature('my-secret', input, 'abc')).toBe(false);
  });
});
