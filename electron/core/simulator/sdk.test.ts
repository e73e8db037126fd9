/**
 * Gate's official Node SDK (`gate-api`) pointed at the simulator: if Gate's own client signs,
 * sends and parses against it, the simulator speaks Gate's protocol (fractional timestamps,
 * lower-case method from axios, the query string as the SDK serialises it).
 */
import { ApiClient, WalletApi } from 'gate-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATE_EXAMPLE_TOTAL } from '../../../shared/testing/gate-example.js';
import type { SimulatorServer } from './server.js';
import { startSimulatorServer } from './server.js';

const KEY = 'sdk-key-00112233445566778899aabbccddeeff';
const SECRET = 'sdk-secret-ffeeddccbbaa99887766554433221100';

function sdk(url: string, secret = SECRET): WalletApi {
  const client = new ApiClient(url);
  client.setApiKeySecret(KEY, secret);
  return new WalletApi(client);
}

function errorData(error: unknown): { status: number | undefined; data: unknown } {
  const e = error as { response?: { status?: number; data?: unknown } };
  return { status: e.response?.status, data: e.response?.data };
}

describe("Gate's official SDK against the simulator", () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await startSimulatorServer({ keys: [{ key: KEY, secret: SECRET }] });
  });
  afterAll(() => server.close());

  it('gets the total balance, default currency and each of BTC/CNY/USD/USDT', async () => {
    const { body } = await sdk(server.url).getTotalBalance({});
    expect(body.total?.amount).toBe(GATE_EXAMPLE_TOTAL);
    expect(body.total?.currency).toBe('USDT');
    expect(body.details?.['quant']?.amount).toBe('591702859674467879.6488202650892478553852');
    for (const currency of ['BTC', 'CNY', 'USD', 'USDT']) {
      const r = await sdk(server.url).getTotalBalance({ currency });
      expect(r.response.status).toBe(200);
      expect(r.body.total?.currency).toBe(currency);
    }
  });

  it("answers the SDK's wrong secret with 401 INVALID_SIGNATURE", async () => {
    const failure = await sdk(server.url, 'wrong-secret').getTotalBalance({}).then(
      () => null,
      (e: unknown) => errorData(e),
    );
    expect(failure).toEqual({ status: 401, data: { label: 'INVALID_SIGNATURE', message: 'Signature mismatch' } });
  });

  it('answers REQUEST_EXPIRED when the server clock is 5 minutes off (the SDK does not correct for it)', async () => {
    server.simulator.setServerClockOffset(300_000);
    try {
      const failure = await sdk(server.url).getTotalBalance({}).then(
        () => null,
        (e: unknown) => errorData(e),
      );
      expect(failure?.status).toBe(401);
      expect(failure?.data).toMatchObject({ label: 'REQUEST_EXPIRED' });
    } finally {
      server.simulator.setServerClockOffset(0);
    }
  });
});
