/**
 * Key health through the simulator over real HTTP: GateClient → node transport → simulator's
 * `/account/main_keys` (and `/account/detail`) → readKeyHealth → KeyHealth. What the simulator
 * answers, and so what these tests rely on, comes from Gate's own descriptions:
 * - gate/gateapi-python docs/Key.md and gate/gateapi-php docs/Model/AccountKeyInfo.md: main_keys
 *   answers AccountKeyInfo {state (1 normal, 2 locked, 3 frozen), mode, ip_whitelist, perms
 *   [{name, read_only}], key {mode}, created_at / updated_at / last_access as strings};
 * - Gate's APIv4 page "Query All Main Account Key Information" (its example is a list, with a
 *   masked `key`, integer times and `update_at`): parsed in key-schema.test.ts;
 * - gateio/gateapi-go docs/AccountApi.md and docs/AccountDetail.md: /account/detail answers
 *   {user_id, ip_whitelist, currency_pairs, key {mode}, tier};
 * - both need the key's Account read permission: without it Gate answers 403 FORBIDDEN, as for
 *   any permission a key lacks (Gate's label list: "FORBIDDEN: key lacks the permission");
 * - Gate's help "How to utilize API" (gate.io/help/guide/faq/17521): an APIv4 key without an IP
 *   binding "is valid for 90 days". Gate documents no error label for an expired key: the
 *   simulator ASSUMES it is refused like an unknown key, 401 INVALID_KEY (last test below).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/errors.js';
import { daysUntilExpiry } from '../../../shared/key-health.js';
import { GateClient } from '../gate/client.js';
import { createNodeTransport } from '../gate/node-transport.js';
import type { SimKey } from '../simulator/handler.js';
import type { SimulatorServer } from '../simulator/server.js';
import { startSimulatorServer } from '../simulator/server.js';
import { readKeyHealth } from './key-health-service.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12);

function key(name: string, extra: Partial<SimKey> = {}): SimKey {
  return { key: `kh-${name}-0011223344556677`, secret: `kh-${name}-secret-8899aabbccdd`, ...extra };
}

const KEYS = {
  readOnlyBound: key('bound', { allowedIps: ['127.0.0.1'], createdAt: NOW - 200 * DAY }),
  write: key('write', { allowedIps: ['127.0.0.1'], writePermissions: ['spot', 'wallet'] }),
  age80: key('age80', { createdAt: NOW - 80 * DAY }),
  age85: key('age85', { createdAt: NOW - 85 * DAY }),
  age89: key('age89', { createdAt: NOW - 120 * DAY, updatedAt: NOW - 89 * DAY }),
  age91: key('age91', { createdAt: NOW - 91 * DAY }),
  locked: key('locked', { allowedIps: ['127.0.0.1'], state: 2 }),
  frozen: key('frozen', { allowedIps: ['127.0.0.1'], state: 3 }),
  noAccount: key('noacct', { permissions: { account: false } }),
} as const;

describe('key health ↔ simulator over HTTP', () => {
  let server: SimulatorServer;
  const clock = { now: () => NOW };

  beforeAll(async () => {
    server = await startSimulatorServer({ keys: Object.values(KEYS), clock });
  });
  afterAll(async () => {
    await server.close();
  });

  function client(k: SimKey): GateClient {
    return new GateClient({
      transport: createNodeTransport({ env: {} }),
      credentials: () => Promise.resolve(ok({ key: k.key, secret: k.secret })),
      baseUrl: server.url,
      timeoutMs: 3000,
      clock,
    });
  }

  async function health(k: SimKey) {
    const result = await readKeyHealth(client(k), clock.now);
    if (!result.ok) throw new Error(`expected health, got ${result.error.code}`);
    return result.value;
  }

  it('a read-only key bound to an IP is healthy: no warnings, no expiry, one request', async () => {
    const before = server.simulator.log.length;
    const h = await health(KEYS.readOnlyBound);
    expect(h).toEqual({
      checkedAt: NOW,
      readOnly: true,
      writePermissions: [],
      ipBound: true,
      expiresAt: null,
      state: 'normal',
      warnings: [],
    });
    expect(server.simulator.log.slice(before).map((e) => e.path)).toEqual(['/api/v4/account/main_keys']);
  });

  it('a key that can write names its write permissions, sorted', async () => {
    const h = await health(KEYS.write);
    expect(h.readOnly).toBe(false);
    expect(h.writePermissions).toEqual(['spot', 'wallet']);
    expect(h.warnings).toEqual(['WRITE_PERMISSIONS']);
  });

  it.each([
    [KEYS.age80, 10, ['EXPIRES_SOON', 'NO_IP_WHITELIST']],
    [KEYS.age85, 5, ['EXPIRES_SOON', 'NO_IP_WHITELIST']],
    [KEYS.age89, 1, ['EXPIRES_SOON', 'NO_IP_WHITELIST']],
  ] as const)('a key without whitelist expires about 90 days after its later time (%#)', async (k, days, warnings) => {
    const h = await health(k);
    expect(h.ipBound).toBe(false);
    expect(h.expiresAt).not.toBeNull();
    expect(daysUntilExpiry(h.expiresAt!, NOW)).toBe(days);
    expect(h.warnings).toEqual(warnings);
  });

  it('a key without whitelist far from its 90 days says NO_IP_WHITELIST but not EXPIRES_SOON', async () => {
    const young = key('young', { createdAt: NOW - 30 * DAY });
    server.simulator.setKeys([...Object.values(KEYS), young]);
    const h = await health(young);
    expect(daysUntilExpiry(h.expiresAt!, NOW)).toBe(60);
    expect(h.warnings).toEqual(['NO_IP_WHITELIST']);
    server.simulator.setKeys(Object.values(KEYS));
  });

  it('locked and frozen keys say so', async () => {
    expect((await health(KEYS.locked)).state).toBe('locked');
    expect((await health(KEYS.locked)).warnings).toEqual(['KEY_LOCKED']);
    expect((await health(KEYS.frozen)).state).toBe('frozen');
    expect((await health(KEYS.frozen)).warnings).toEqual(['KEY_LOCKED']);
  });

  it('without the Account permission every fact is unknown, and said so; the balance still reads', async () => {
    const h = await health(KEYS.noAccount);
    expect(h).toEqual({
      checkedAt: NOW,
      readOnly: null,
      writePermissions: [],
      ipBound: null,
      expiresAt: null,
      state: null,
      warnings: ['ACCOUNT_PERMISSION_MISSING'],
    });
    const balance = await client(KEYS.noAccount).getTotalBalance('USDT');
    expect(balance.ok).toBe(true);
  });

  it('main_keys failing is an error value (5xx, HTML, a wrong shape), never a guess', async () => {
    server.simulator.setFault({ kind: 'server-error', status: 502 }, 1, 'account_main_keys');
    const failed = await readKeyHealth(client(KEYS.readOnlyBound), clock.now);
    expect(failed.ok ? null : failed.error.code).toBe('SERVER_ERROR');
    server.simulator.setFault({ kind: 'html' }, 1, 'account_main_keys');
    const html = await readKeyHealth(client(KEYS.readOnlyBound), clock.now);
    expect(html.ok ? null : html.error.code).toBe('SERVER_ERROR');
    server.simulator.setFault({ kind: 'malformed-json' }, 1, 'account_main_keys');
    const broken = await readKeyHealth(client(KEYS.readOnlyBound), clock.now);
    expect(broken.ok ? null : broken.error.code).toBe('BAD_RESPONSE');
  });

  it('a key past its 90 days without whitelist is refused like an unknown key (assumed 401 INVALID_KEY), a bound one of the same age is not', async () => {
    const dead = await client(KEYS.age91).getTotalBalance('USDT');
    expect(dead.ok ? null : dead.error.code).toBe('INVALID_KEY');
    const last = server.simulator.log.at(-1);
    expect(last?.status).toBe(401);
    const checked = await readKeyHealth(client(KEYS.age91), clock.now);
    expect(checked.ok ? null : checked.error.code).toBe('INVALID_KEY');
    const old = await client(KEYS.readOnlyBound).getTotalBalance('USDT');
    expect(old.ok).toBe(true);
  });
});
