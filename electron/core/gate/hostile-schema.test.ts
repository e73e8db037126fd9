// Hostile input at the parser and error mapper: every key of `details` is an account whatever its
// name, a bounded number of them, and Gate's words cleaned before anyone shows them.
import { describe, expect, it } from 'vitest';
import { mapErrorResponse, mapTransportFailure } from './errors.js';
import { parseTotalBalance, TOTAL_BALANCE_BOUNDS } from './schema.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const MAX_ACCOUNTS = TOTAL_BALANCE_BOUNDS.maxEntries;

const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];
const NOW = 1_764_080_000_000;

/** A body with `n` accounts of 1 USDT each, the total their sum. */
function manyAccounts(n: number): string {
  const details = Array.from({ length: n }, (_, i) => `"acct_${i}":{"currency":"USDT","amount":"1"}`).join(',');
  return `{"details":{${details}},"total":{"currency":"USDT","amount":"${n}"}}`;
}

describe('parseTotalBalance with hostile account names', () => {
  it('keeps every prototype-named account, __proto__ included, verbatim and in order', () => {
    const details = PROTOTYPE_NAMES.map((n, i) => `"${n}":{"amount":"${i + 1}","currency":"USDT"}`).join(',');
    const r = parseTotalBalance(`{"details":{${details}},"total":{"amount":"15","currency":"USDT"}}`, 'USDT');
    if (!r.ok) throw new Error(said(r.error).message);
    expect(r.value.accounts).toEqual(
      PROTOTYPE_NAMES.map((name, i) => ({ name, amount: String(i + 1), unrealisedPnl: null, borrowed: null })),
    );
  });

  it('keeps names with control and bidi characters verbatim (the display cleans them, --json keeps them)', () => {
    const name = 'x\u001b[2J\u202e\u0000';
    const r = parseTotalBalance(JSON.stringify({ details: { [name]: { amount: '1' } }, total: { amount: '1' } }), 'USDT');
    expect(r.ok && r.value.accounts.map((a) => a.name)).toEqual([name]);
  });

  it('names a bad account in the message without its control characters', () => {
    const r = parseTotalBalance(JSON.stringify({ details: { 'bad\u001b[31m\u202e': { amount: 1 } }, total: { amount: '1' } }), 'USDT');
    expect(!r.ok && r.error.code).toBe('BAD_RESPONSE');
    expect(!r.ok && said(r.error).message).toContain('details.bad[31m.amount');
    expect(!r.ok && said(r.error).message).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
  });

  it('refuses a details array, and a currency echo is cleaned before it is quoted', () => {
    expect(parseTotalBalance('{"details":[{"amount":"1"}],"total":{"amount":"1"}}', 'USDT')).toMatchObject({
      ok: false,
      error: { code: 'BAD_RESPONSE' },
    });
    const r = parseTotalBalance('{"total":{"amount":"1","currency":"\\u001b[2JBTC"}}', 'USDT');
    expect(!r.ok && said(r.error).message).toContain('[2JBTC');
    expect(!r.ok && said(r.error).message).not.toContain('\u001b');
  });
});

describe('the number of accounts is bounded', () => {
  it(`accepts ${MAX_ACCOUNTS} accounts`, () => {
    expect(MAX_ACCOUNTS).toBe(1000);
    const r = parseTotalBalance(manyAccounts(MAX_ACCOUNTS), 'USDT');
    expect(r.ok && r.value.accounts).toHaveLength(MAX_ACCOUNTS);
  });

  it(`answers BAD_RESPONSE for ${MAX_ACCOUNTS + 1}, saying why`, () => {
    const r = parseTotalBalance(manyAccounts(MAX_ACCOUNTS + 1), 'USDT');
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
    expect(!r.ok && said(r.error).message).toMatch(/listed 1001 accounts, more than the 1000 it can have/);
  });
});

describe("Gate's error label and message", () => {
  const res = (status: number, body: unknown) => ({ status, headers: {}, body: JSON.stringify(body) });

  it("accepts only labels of Gate's [A-Z_] shape (case aside); any other label is not Gate's", () => {
    expect(mapErrorResponse(res(401, { label: 'INVALID_KEY', message: 'm' }), NOW, 0)).toMatchObject({ code: 'INVALID_KEY' });
    expect(said(mapErrorResponse(res(401, { label: 'invalid_key', message: 'm' }), NOW, 0)).message).toContain('(Gate: INVALID_KEY: m)');
    for (const label of ['', 'INVALID KEY', 'KEY\u001b[2J', 'X'.repeat(65), 'ÄÖ', 'TOO_MANY_REQUESTS\u202e', '<b>FORBIDDEN</b>']) {
      const e = mapErrorResponse(res(403, { label, message: 'm' }), NOW, 0);
      expect(e.code, JSON.stringify(label)).toBe('BAD_RESPONSE');
      expect(said(e).message).not.toContain('Gate:');
    }
  });

  it('a label outside the shape is never echoed: the status decides, the body is described', () => {
    const e = mapErrorResponse(res(401, { label: '\u001b]0;pwned\u0007INVALID_KEY', message: 'x' }), NOW, 0);
    expect(e.code).toBe('BAD_RESPONSE');
    expect(said(e).message).not.toContain('pwned');
  });

  it("strips control and bidi characters from Gate's message before it is shown", () => {
    const e = mapErrorResponse(res(403, { label: 'FORBIDDEN', message: 'no\u001b[2J \u202eperm\u2066ission\u0000' }), NOW, 0);
    expect(e.code).toBe('FORBIDDEN');
    expect(said(e).message).toContain('(Gate: FORBIDDEN: no[2J permission)');
    expect(said(e).message).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
  });

  it("strips them from the system's words for a network failure too", () => {
    const e = mapTransportFailure({ kind: 'network', message: 'getaddrinfo\u001b[31m ENOTFOUND\r\nevil' }, 5000);
    expect(said(e).message).toBe('Could not reach Gate: getaddrinfo[31m ENOTFOUND evil.');
  });
});
