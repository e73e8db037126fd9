/**
 * The "verify before saving" call: one signed GET /wallet/total_balance with the candidate
 * pair, through the same GateClient (and so the same signing, skew correction and error
 * mapping) the app and the CLI use for real. Success proves the key, the secret and the
 * wallet read permission at once; the client's named errors say which one failed.
 */
import { GateClient, type GateClientOptions } from '../gate/client.js';
import type { Credentials } from '../gate/types.js';
import { readKeyHealth } from '../key-health/key-health-service.js';
import type { InspectCredentials, VerifyCredentials } from './credentials-service.js';

/** Builds a verifier from everything a GateClient needs except credentials (transport, base URL, clock, timeout). */
export function gateVerifier(options: Omit<GateClientOptions, 'credentials'>): VerifyCredentials {
  return async (credentials: Credentials) => {
    const client = new GateClient({ ...options, credentials: async () => ({ ok: true, value: credentials }) });
    return client.getTotalBalance('USDT');
  };
}

/** Builds the inspection of a verified pair: what main_keys says of it, through the same GateClient. */
export function gateInspector(options: Omit<GateClientOptions, 'credentials'>): InspectCredentials {
  return async (credentials: Credentials) => {
    const client = new GateClient({ ...options, credentials: async () => ({ ok: true, value: credentials }) });
    return readKeyHealth(client, () => (options.clock ?? { now: () => Date.now() }).now());
  };
}
