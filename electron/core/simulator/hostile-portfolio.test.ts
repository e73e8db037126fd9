// The simulator serves hostile portfolios over real HTTP, so every tier can be attacked with
// them: object-member and control-character account names, totals that the accounts do not
// add up to. The demo portfolio's figures stay what they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeBalance } from '../../../shared/accounts.js';
import { ok } from '../../../shared/errors.js';
import { GateClient } from '../gate/client.js';
import { createFetchTransport } from '../gate/fetch-transport.js';
import { createNodeTransport } from '../gate/node-transport.js';
import { DEMO_PORTFOLIO, HOSTILE_PORTFOLIO, totalBalanceBody } from './portfolio.js';
import type { SimulatorServer } from './server.js';
import { startSimulatorServer } from './server.js';
import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const CREDS = { key: 'hostile-sim-key-0011223344', secret: 'hostile-sim-secret-5566778899' };

describe('hostile portfolios', () => {
  it('a __proto__ account is a real key of the body, not a prototype', () => {
    const text = JSON.stringify(totalBalanceBody(HOSTILE_PORTFOLIO, 'USDT'));
    expect(text).toContain('"__proto__":{"currency":"USDT","amount":"50"}');
    const parsed = JSON.parse(text) as { details: object };
    expect(Object.keys(parsed.details)).toEqual(Object.keys(HOSTILE_PORTFOLIO.accounts));
  });

  it('an account outside the total and value in no account make the total differ from the sum', () => {
    const body = totalBalanceBody(HOSTILE_PORTFOLIO, 'USDT') as { total: { amount: string } };
    // 2,090 in the nine counted accounts + 75.25 unlisted; payment's 120.5 is listed but not counted.
    expect(body.total.amount).toBe('2165.25');
    const cny = totalBalanceBody(
      { accounts: { spot: { amount: '10' }, payment: { amount: '1', inTotal: false } }, unlisted: '2' },
      'CNY',
    ) as { total: { amount: string } };
    expect(cny.total.amount).toBe('86.9172'); // (10 + 2) × 7.2431
  });

  it("leaves the demo portfolio's figures as they were", () => {
    const body = totalBalanceBody(DEMO_PORTFOLIO, 'USDT') as { total: Record<string, string>; details: Record<string, unknown> };
    expect(body.total).toEqual({ currency: 'USDT', amount: '38522.03252045', unrealised_pnl: '-113.8811', borrowed: '350' });
    expect(Object.keys(body.details)).toEqual(['spot', 'futures', 'finance', 'margin', 'delivery', 'quant', 'cross_margin', 'options']);
  });

  describe('over real HTTP, through both transports', () => {
    let server: SimulatorServer;
    beforeAll(async () => {
      server = await startSimulatorServer({ keys: [CREDS], portfolio: HOSTILE_PORTFOLIO });
    });
    afterAll(() => server.close());

    it.each([
      ['node:https', () => createNodeTransport({ env: {} })],
      ['fetch', () => createFetchTransport(fetch)],
    ])('%s: every account arrives, and the breakdown says what is unaccounted', async (_name, transport) => {
      const client = new GateClient({ transport: transport(), credentials: () => Promise.resolve(ok(CREDS)), baseUrl: server.url });
      const r = await client.getTotalBalance('USDT');
      if (!r.ok) throw new Error(said(r.error).message);
      expect(r.balance.accounts.map((a) => a.name)).toEqual(Object.keys(HOSTILE_PORTFOLIO.accounts));
      const summary = summarizeBalance(r.balance);
      expect(summary.unaccounted).toBe('-45.25');
      expect(summary.accounts.find((a) => a.name === 'constructor')?.label).toBe('constructor');
    });
  });
});
