/**
 * Hostile answers from the holdings endpoints through `gate-glance holdings`, over real HTTP on
 * 127.0.0.1: control, bidi, escape and invisible characters in keys, coin names and Gate's error
 * messages, and coins named like JavaScript object members. Nothing unsafe reaches the terminal,
 * and every coin Gate lists is shown.
 */
import { createServer } from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import { serveOnLoopback } from '../core/testing/loopback-server.js';
import { runCli } from './main.js';
import { captureIo } from './test-io.js';
import { expectNoSecret } from '../core/testing/secret-leak.js';

const ENV = { GATE_API_KEY: 'hostile-holdings-key-0011', GATE_API_SECRET: 'qpZ2wV9mHx7rT4yUk3Ld' };
// ESC ] 52 writes the terminal's clipboard; U+202E prints backwards; U+200B and U+E0041 draw nothing.
const EVIL = '\u001b]52;c;b3duZWQ=\u0007\u202e\u200b\u{e0041}\u009b2J';
const UNSAFE = /(?!\n)[\p{Cc}\p{Bidi_Control}\u200b\u{e0000}-\u{e007f}]/u;
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

const TOTAL = JSON.stringify({
  total: { amount: '100', currency: 'USDT' },
  details: { spot: { amount: '60', currency: 'USDT' }, futures: { amount: '40', currency: 'USDT' } },
});
let answers: Record<string, { status: number; body: string }> = {};

const local = serveOnLoopback(
  createServer((req, res) => {
    const path = (req.url ?? '').replace(/\?.*/, '').replace('/api/v4', '');
    const answer = answers[path] ?? (path === '/wallet/total_balance' ? { status: 200, body: TOTAL } : { status: 200, body: '[]' });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  }),
);

async function holdings(account: string, json = false) {
  const io = captureIo(ENV);
  const code = await runCli(['holdings', '--account', account, '--base-url', local.url, ...(json ? ['--json'] : [])], io);
  expectNoSecret(io.out() + io.err(), ENV.GATE_API_SECRET);
  return { code, out: io.out(), err: io.err() };
}

describe('gate-glance holdings with hostile answers', () => {
  beforeEach(() => {
    answers = {};
  });

  it('a key holding ESC, bidi and invisible characters is named cleaned in the error (no OSC 52 clipboard write)', async () => {
    answers['/unified/accounts'] = {
      status: 200,
      body: JSON.stringify({ mode: 'multi_currency', balances: { [`BTC${EVIL}`]: { equity: '1' } } }),
    };
    const spotKey = { status: 200, body: JSON.stringify([{ currency: 'BTC', available: '1', locked: '0', [`x${EVIL}`]: 1 }]) };
    answers['/spot/accounts'] = { status: 200, body: JSON.stringify([{ currency: `BTC${EVIL}`, available: '1', locked: '0' }]) };
    answers['/futures/usdt/accounts'] = { status: 200, body: JSON.stringify({ total: `1${EVIL}` }) };
    for (const account of ['unified', 'spot', 'futures']) {
      const r = await holdings(account);
      expect(r.code, account).toBe(4);
      expect(r.err, account).toMatch(/^error: BAD_RESPONSE: /);
      expect(r.err, account).not.toMatch(UNSAFE);
      expectNoSecret(r.out + r.err, ENV.GATE_API_SECRET);
    }
    expect((await holdings('unified')).err).toContain('BTC]52;c;b3duZWQ=2J');
    // An unknown key is ignored (objects are loose), whatever it holds.
    answers['/spot/accounts'] = spotKey;
    expect((await holdings('spot')).code).toBe(0);
  });

  it("Gate's error message with escapes and bidi controls reaches stderr cleaned, in every account", async () => {
    const error = { status: 400, body: JSON.stringify({ label: `INVALID_PARAM${EVIL}`, message: `bad${EVIL} request\n\u2028x` }) };
    for (const path of ['/spot/accounts', '/futures/usdt/accounts', '/earn/uni/lends', '/unified/accounts']) answers[path] = error;
    for (const account of ['spot', 'futures', 'finance', 'unified']) {
      for (const json of [false, true]) {
        const r = await holdings(account, json);
        expect(r.code, account).not.toBe(0);
        expect(r.err, account).toMatch(/^error: /);
        expect(r.err.trimEnd(), account).not.toMatch(UNSAFE);
        expect(r.out, account).not.toMatch(UNSAFE);
      }
    }
  });

  it('unified coins named like object members are all listed, __proto__ included', async () => {
    answers['/unified/accounts'] = {
      status: 200,
      body: `{"mode":"multi_currency","balances":{${PROTOTYPE_NAMES.map((n, i) => `"${n}":{"equity":"${i + 1}"}`).join(',')}}}`,
    };
    const r = await holdings('unified', true);
    expect([r.code, r.err]).toEqual([0, '']);
    const doc = JSON.parse(r.out) as { coins: Array<{ coin: string; quantity: string }> };
    expect(doc.coins.map((c) => [c.coin, c.quantity]).sort()).toEqual(PROTOTYPE_NAMES.map((n, i) => [n, String(i + 1)]).sort());
    const table = await holdings('unified');
    expect(table.code).toBe(0);
    for (const name of PROTOTYPE_NAMES) expect(table.out).toContain(name);
    expect(table.out).not.toMatch(/function|native code|\[object/);
  });

  it('quantities and values longer than any input are exact, not INTERNAL: 200 nines available + 200 locked, priced at 200 nines', async () => {
    const nines = '9'.repeat(200);
    answers['/spot/accounts'] = { status: 200, body: JSON.stringify([{ currency: 'BTC', available: nines, locked: nines }]) };
    answers['/spot/tickers'] = { status: 200, body: JSON.stringify([{ currency_pair: 'BTC_USDT', last: nines }]) };
    const r = await holdings('spot', true);
    expect([r.code, r.err]).toEqual([0, '']);
    const coin = (JSON.parse(r.out) as { coins: Array<{ quantity: string; valueUsdt: string }> }).coins[0];
    expect(coin?.quantity).toBe(`1${'9'.repeat(199)}8`);
    expect(coin?.valueUsdt).toHaveLength(401);
    const table = await holdings('spot');
    expect([table.code, table.err]).toEqual([0, '']);
  });
});
