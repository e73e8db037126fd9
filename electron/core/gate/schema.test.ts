import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';
import { describe, expect, it } from 'vitest';
import { GATE_EXAMPLE_BODY, GATE_EXAMPLE_TOTAL } from '../../../shared/testing/gate-example.js';
import { TOTAL_BALANCE_BOUNDS, parseServerTime, parseTotalBalance } from './schema.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

describe('total_balance response schema', () => {
  it("parses Gate's documented example with every amount verbatim, in Gate's order", () => {
    const r = parseTotalBalance(GATE_EXAMPLE_BODY, 'USDT');
    if (!r.ok) throw new Error(said(r.error).message);
    expect(r.value.currency).toBe('USDT');
    expect(r.value.total).toEqual({ amount: GATE_EXAMPLE_TOTAL, unrealisedPnl: '0.00', borrowed: '0.00' });
    expect(r.value.accounts.map((a) => a.name)).toEqual([
      'cross_margin',
      'spot',
      'finance',
      'margin',
      'quant',
      'futures',
      'delivery',
      'warrant',
      'cbbc',
    ]);
    const quant = r.value.accounts.find((a) => a.name === 'quant');
    expect(quant).toEqual({ name: 'quant', amount: '591702859674467879.6488202650892478553852', unrealisedPnl: null, borrowed: null });
    expect(r.value.accounts.find((a) => a.name === 'margin')?.borrowed).toBe('0.00');
    expect(r.value.accounts.find((a) => a.name === 'futures')?.unrealisedPnl).toBe('0.00');
  });

  it("takes as many accounts as the endpoint's bound allows, and refuses one more", () => {
    const body = (n: number): string => {
      const details: Record<string, { amount: string; currency: string; unrealised_pnl: string; borrowed: string }> = {};
      for (let i = 0; i < n; i += 1) {
        const forty = `${String(i).padStart(20, '9')}.${'1'.repeat(19)}`;
        details[`account_with_a_long_name_${i}`] = { amount: forty, currency: 'USDT', unrealised_pnl: forty, borrowed: forty };
      }
      return JSON.stringify({ details, total: { amount: '1', currency: 'USDT' } });
    };
    const full = body(TOTAL_BALANCE_BOUNDS.maxEntries);
    // The largest answer the entry cap admits still fits the byte bound, so the cap is the one that speaks.
    expect(Buffer.byteLength(full)).toBeLessThan(TOTAL_BALANCE_BOUNDS.maxBodyBytes);
    const r = parseTotalBalance(full, 'USDT');
    expect(r.ok && r.value.accounts.length).toBe(1000);
    const over = parseTotalBalance(body(TOTAL_BALANCE_BOUNDS.maxEntries + 1), 'USDT');
    expect(over).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
    expect(!over.ok && said(over.error).message).toBe("Gate's answer listed 1001 accounts, more than the 1000 it can have.");
  });

  it('keeps unknown accounts (open details map), negative amounts and unknown fields', () => {
    const body = JSON.stringify({
      details: {
        spot: { amount: '1', currency: 'BTC' },
        moon_vault: { amount: '-0.00000001', currency: 'BTC', some_new_field: 42 },
      },
      total: { amount: '0.99999999', currency: 'BTC', new_total_field: 'x' },
    });
    const r = parseTotalBalance(body, 'BTC');
    if (!r.ok) throw new Error(said(r.error).message);
    expect(r.value.accounts).toEqual([
      { name: 'spot', amount: '1', unrealisedPnl: null, borrowed: null },
      { name: 'moon_vault', amount: '-0.00000001', unrealisedPnl: null, borrowed: null },
    ]);
    expect(r.value.total).toEqual({ amount: '0.99999999', unrealisedPnl: null, borrowed: null });
  });

  it('reads a missing details map as no accounts, and a missing currency field as the one asked for', () => {
    const r = parseTotalBalance('{"total":{"amount":"0"}}', 'CNY');
    if (!r.ok) throw new Error(said(r.error).message);
    expect(r.value).toEqual({ currency: 'CNY', total: { amount: '0', unrealisedPnl: null, borrowed: null }, accounts: [] });
  });

  it('keeps a 40-digit amount digit for digit (no float ever)', () => {
    const big = '1234567890123456789012345.123456789012345';
    const r = parseTotalBalance(JSON.stringify({ total: { amount: big, currency: 'USD' }, details: { spot: { amount: big } } }), 'USD');
    if (!r.ok) throw new Error(said(r.error).message);
    expect(r.value.total.amount).toBe(big);
    expect(r.value.accounts[0]?.amount).toBe(big);
  });

  it.each([
    ['malformed JSON', '{"total": {"amount": "1"', /not JSON/],
    ['an HTML page', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', /HTML page/],
    ['an empty body', '', /empty body/],
    ['a number amount', '{"total":{"amount":12.5}}', /total\.amount/],
    ['an exponent amount', '{"total":{"amount":"1e5"}}', /total\.amount/],
    ['a missing total', '{"details":{}}', /total/],
    ['a non-object account', '{"total":{"amount":"1"},"details":{"spot":"1"}}', /details\.spot/],
    ['a bad pnl', '{"total":{"amount":"1","unrealised_pnl":"NaN"}}', /unrealised_pnl/],
    ['a JSON array', '[]', /shape/],
  ])('answers BAD_RESPONSE for %s, naming where', (_name, body, message) => {
    const r = parseTotalBalance(body, 'USDT');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_RESPONSE');
    expect(said(r.error).message).toMatch(message);
    expect(said(r.error).hint).toMatch(/proxy/);
  });

  it('answers BAD_RESPONSE when Gate answers in another currency than asked', () => {
    const r = parseTotalBalance('{"total":{"amount":"1","currency":"BTC"}}', 'USDT');
    expect(!r.ok && r.error.code).toBe('BAD_RESPONSE');
  });

  it('never echoes the body in the message', () => {
    const r = parseTotalBalance('<html>secret-looking-content-here</html>', 'USDT');
    expect(!r.ok && said(r.error).message).not.toContain('secret-looking');
  });

  it('parses spot/time and rejects anything else', () => {
    expect(parseServerTime('{"server_time":1764080000123}')).toBe(1764080000123);
    expect(parseServerTime('{"server_time":"1764080000123"}')).toBeNull();
    expect(parseServerTime('<html>')).toBeNull();
    expect(parseServerTime('{}')).toBeNull();
  });

  it('describes bodies by kind and size only', () => {
    const described = (body: string) => {
      const r = parseTotalBalance(body, 'USDT');
      return r.ok ? '' : said(r.error).message;
    };
    expect(described('<html></html>')).toBe("Gate's answer was not JSON (an HTML page, 13 bytes).");
    expect(described('  ')).toBe("Gate's answer was not JSON (an empty body).");
    expect(described('oops')).toBe("Gate's answer was not JSON (4 bytes of non-JSON text).");
  });
});
