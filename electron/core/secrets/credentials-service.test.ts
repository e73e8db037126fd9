import { describe, expect, it } from 'vitest';
import { appError, ERROR_CODES, rejectsKey, type AppError } from '../../../shared/errors.js';
import type { CredentialsStatus, SaveCredentialsResult } from '../../../shared/ipc.js';
import { noticeText } from '../../../shared/present/notice-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { BalanceResult, Credentials } from '../gate/types.js';
import { createGateSimulator, type SimKey } from '../simulator/handler.js';
import { createInProcessTransport } from '../simulator/in-process-transport.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { CredentialsService, EMPTY_CREDENTIALS_STATUS, KEYCHAIN_RETRY_MS, RECHECK_INTERVAL_MS } from './credentials-service.js';
import type { SecretStore } from './secret-store.js';
import { gateInspector, gateVerifier } from './gate-verifier.js';
import { InMemorySecretStore } from './in-memory-store.js';
import { expectNoSecret } from '../testing/secret-leak.js';

const KEY = '0123456789abcdef0123456789abcdef';
const SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const LOCKED: AppError = appError('KEYCHAIN_LOCKED', { platform: 'linux' });

function verifierFor(sim: ReturnType<typeof createGateSimulator>) {
  return gateVerifier({ transport: createInProcessTransport(sim), baseUrl: 'https://sim.invalid/api/v4' });
}

/** A save's notices as English reads them (the words main's log and the CLI in English show). */
function englishNotices(result: SaveCredentialsResult): string[] {
  return result.notices.map((n) => noticeText(ENGLISH, n));
}

describe('CredentialsService.status', () => {
  it('reports nothing stored, a stored key by its hint, and keychain trouble — never the secret', async () => {
    const store = new InMemorySecretStore();
    const service = new CredentialsService({ store });
    expect(await service.status()).toEqual(EMPTY_CREDENTIALS_STATUS);
    await store.set({ key: KEY, secret: SECRET });
    const stored = await service.status();
    expect(stored).toEqual({ stored: true, keyHint: '…cdef', keychainError: null });
    expectNoSecret(JSON.stringify(stored), SECRET);
    store.failWith('get', LOCKED);
    expect(await service.status()).toEqual({ stored: false, keyHint: null, keychainError: LOCKED });
  });

  it('an empty but locked keychain is reported as locked, not as "nothing stored"', async () => {
    const store = new InMemorySecretStore();
    store.failWith('health', LOCKED);
    expect((await new CredentialsService({ store }).status()).keychainError).toEqual(LOCKED);
  });

  it('a corrupt entry is a keychain error in the status, not a crash', async () => {
    const store = new InMemorySecretStore();
    store.setRawEntry('{"oops":true}');
    const status = await new CredentialsService({ store }).status();
    expect(status.stored).toBe(false);
    expect(status.keychainError?.code).toBe('KEYCHAIN_ERROR');
  });
});

describe('CredentialsService.save', () => {
  it('validates, trims and stores the pair, answering the status and warnings', async () => {
    const store = new InMemorySecretStore();
    const changes: CredentialsStatus[] = [];
    const service = new CredentialsService({ store, onChange: (s) => changes.push(s) });
    const r = await service.save({ key: ` ${KEY} `, secret: `${SECRET}\n`, verify: false });
    expect(r).toEqual({
      ok: true,
      value: { status: { stored: true, keyHint: '…cdef', keychainError: null }, notices: [], verified: false, keyHealth: null },
    });
    expect(await store.get()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
    expect(changes).toEqual([{ stored: true, keyHint: '…cdef', keychainError: null }]);
    expect(await service.provider()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
  });

  it('rejects bad input without touching the store', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    const service = new CredentialsService({ store });
    const r = await service.save({ key: KEY, secret: 'has space inside 0123', verify: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS_INPUT' } });
    expect(store.calls).not.toContain('set');
    expect(await store.get()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
  });

  it('passes a keychain failure through as the named error (fail closed, nothing else written)', async () => {
    const store = new InMemorySecretStore();
    store.failWith('set', LOCKED);
    const changes: CredentialsStatus[] = [];
    const r = await new CredentialsService({ store, onChange: (s) => changes.push(s) }).save({ key: KEY, secret: SECRET, verify: false });
    expect(r).toEqual({ ok: false, error: LOCKED });
    expect(store.rawEntry()).toBeNull();
    expect(changes).toEqual([]);
  });

  it('carries validation warnings through', async () => {
    const r = await new CredentialsService({ store: new InMemorySecretStore() }).save({
      key: 'testnet-key-123',
      secret: SECRET,
      verify: false,
    });
    expect(r.ok && englishNotices(r.value)).toEqual([expect.stringMatching(/key is not 32 hex characters/)]);
  });
});

describe('CredentialsService.save with verification against the simulator (real GateClient, real signing)', () => {
  it('verifies a good pair with wallet permission, then stores it', async () => {
    const sim = createGateSimulator({ keys: [{ key: KEY, secret: SECRET }] });
    const store = new InMemorySecretStore();
    const r = await new CredentialsService({ store, verify: verifierFor(sim) }).save({ key: KEY, secret: SECRET, verify: true });
    expect(r).toMatchObject({ ok: true, value: { verified: true, notices: [] } });
    expect(sim.log.filter((e) => e.path.endsWith('/wallet/total_balance'))).toHaveLength(1);
    expect((await store.get()).ok && (await store.get())).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
  });

  it.each([
    ['an unknown key', () => createGateSimulator({ keys: [] }), 'INVALID_KEY'],
    ['a wrong secret', () => createGateSimulator({ keys: [{ key: KEY, secret: 'a'.repeat(64) }] }), 'INVALID_SIGNATURE'],
    ['no wallet read permission', () => createGateSimulator({ keys: [{ key: KEY, secret: SECRET, walletRead: false }] }), 'FORBIDDEN'],
    [
      'an IP not on the whitelist',
      () => createGateSimulator({ keys: [{ key: KEY, secret: SECRET, allowedIps: ['10.1.2.3'] }] }),
      'IP_FORBIDDEN',
    ],
  ])('rejects %s and keeps the previous pair', async (_label, makeSim, code) => {
    const previous: Credentials = { key: 'b'.repeat(32), secret: 'c'.repeat(64) };
    const store = new InMemorySecretStore(previous);
    const r = await new CredentialsService({ store, verify: verifierFor(makeSim()) }).save({ key: KEY, secret: SECRET, verify: true });
    expect(r).toMatchObject({ ok: false, error: { code } });
    expectNoSecret(JSON.stringify(r), SECRET);
    expect(await store.get()).toEqual({ ok: true, value: previous });
  });

  it.each([
    ['a 500', { kind: 'server-error' } as const, /Could not verify: /],
    ['a 429', { kind: 'rate-limit' } as const, /Could not verify: /],
    ['an HTML error page', { kind: 'html' } as const, /Could not verify: /],
    ['a dropped connection', { kind: 'drop' } as const, /Could not verify: /],
  ])('saves with a warning when verification fails for a transient reason (%s)', async (_label, fault, warning) => {
    const sim = createGateSimulator({ keys: [{ key: KEY, secret: SECRET }] });
    sim.setFault(fault);
    const store = new InMemorySecretStore();
    const r = await new CredentialsService({ store, verify: verifierFor(sim) }).save({ key: KEY, secret: SECRET, verify: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.verified).toBe(false);
    expect(englishNotices(r.value)).toEqual([expect.stringMatching(warning)]);
    expect(englishNotices(r.value)[0]).toMatch(/The key was saved/);
    expect(await store.get()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
  });

  it('does not call Gate when verification is not asked for', async () => {
    const sim = createGateSimulator({ keys: [] });
    const r = await new CredentialsService({ store: new InMemorySecretStore(), verify: verifierFor(sim) }).save({
      key: KEY,
      secret: SECRET,
      verify: false,
    });
    expect(r.ok).toBe(true);
    expect(sim.log).toHaveLength(0);
  });

  it('says so when asked to verify without a verifier, and saves', async () => {
    const r = await new CredentialsService({ store: new InMemorySecretStore() }).save({ key: KEY, secret: SECRET, verify: true });
    expect(r).toMatchObject({ ok: true, value: { verified: false } });
    expect(r.ok && englishNotices(r.value)).toEqual([expect.stringMatching(/^Could not verify/)]);
  });

  it('treats a verifier that throws as transient, not as a crash', async () => {
    const verify = async (): Promise<BalanceResult> => {
      throw new Error('boom with secret ' + SECRET);
    };
    const r = await new CredentialsService({ store: new InMemorySecretStore(), verify }).save({ key: KEY, secret: SECRET, verify: true });
    expect(r.ok).toBe(true);
    expectNoSecret(JSON.stringify(r), SECRET);
  });
});

describe('CredentialsService.clear', () => {
  it('deletes the pair, answers the empty status, and is idempotent', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    const changes: CredentialsStatus[] = [];
    const service = new CredentialsService({ store, onChange: (s) => changes.push(s) });
    expect(await service.clear()).toEqual({ ok: true, value: EMPTY_CREDENTIALS_STATUS });
    expect(await service.provider()).toEqual({ ok: true, value: null });
    expect(await service.clear()).toEqual({ ok: true, value: EMPTY_CREDENTIALS_STATUS });
    expect(changes).toHaveLength(2);
  });

  it('reports a keychain that refuses the delete, and keeps the pair', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    store.failWith('clear', LOCKED);
    expect(await new CredentialsService({ store }).clear()).toEqual({ ok: false, error: LOCKED });
    store.failWith('clear', null);
    expect((await store.get()).ok).toBe(true);
  });

  it('a verification failure stops the save exactly when the error table says Gate rejects the key', async () => {
    for (const code of ERROR_CODES) {
      const store = new InMemorySecretStore();
      const service = new CredentialsService({ store, verify: async () => ({ ok: false, error: appError(code) }) });
      const r = await service.save({ key: KEY, secret: SECRET, verify: true });
      expect([r.ok, (await service.status()).stored], code).toEqual(rejectsKey(code) ? [false, false] : [true, true]);
    }
  });
});

describe('CredentialsService: the pair is read once and kept in memory (issue 22 §5)', () => {
  const LOCKED_NOW: AppError = appError('KEYCHAIN_LOCKED', { platform: 'linux' });
  const gets = (store: InMemorySecretStore) => store.calls.filter((c) => c === 'get').length;

  it('a hundred refreshes read the keychain once; concurrent first reads share one call', async () => {
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    const service = new CredentialsService({ store, clock: new VirtualClock(0) });
    const first = await Promise.all([service.provider(), service.provider(), service.provider()]);
    expect(first.every((r) => r.ok && r.value?.secret === SECRET)).toBe(true);
    for (let i = 0; i < 100; i += 1) expect(await service.provider()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
    expect(gets(store)).toBe(1);
  });

  it('a save or a clear here replaces the pair in memory with no keychain read', async () => {
    const store = new InMemorySecretStore(null);
    const service = new CredentialsService({ store, clock: new VirtualClock(0) });
    expect(await service.provider()).toEqual({ ok: true, value: null });
    await service.save({ key: KEY, secret: SECRET, verify: false });
    expect(await service.provider()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
    await service.clear();
    expect(await service.provider()).toEqual({ ok: true, value: null });
    expect(gets(store)).toBe(1);
  });

  it('a read that started before a save never puts the older pair back in memory', async () => {
    const inner = new InMemorySecretStore({ key: KEY, secret: SECRET });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const store: SecretStore = {
      get: async () => {
        const value = await inner.get();
        await held;
        return value;
      },
      set: (c) => inner.set(c),
      clear: () => inner.clear(),
      health: () => inner.health(),
    };
    const service = new CredentialsService({ store, clock: new VirtualClock(0) });
    const reading = service.provider();
    const other = 'ffffffffffffffffffffffffffff0000';
    await service.save({ key: other, secret: SECRET, verify: false });
    release();
    await reading;
    expect(await service.provider()).toMatchObject({ ok: true, value: { key: other } });
    expect(service.state.keyHint).toBe('…0000');
  });

  it('a locked keychain is retried quietly: its failure is answered again with no call until the backoff passes, which grows', async () => {
    const clock = new VirtualClock(0);
    const store = new InMemorySecretStore({ key: KEY, secret: SECRET });
    store.failWith('get', LOCKED_NOW);
    const service = new CredentialsService({ store, clock });
    expect(await service.provider()).toEqual({ ok: false, error: LOCKED_NOW });
    expect(gets(store)).toBe(1);
    await clock.advance(KEYCHAIN_RETRY_MS[0]! - 1);
    expect(await service.provider()).toEqual({ ok: false, error: LOCKED_NOW });
    expect(gets(store)).toBe(1);
    await clock.advance(1);
    expect((await service.provider()).ok).toBe(false);
    expect(gets(store)).toBe(2);
    // The second failure waits the second step.
    await clock.advance(KEYCHAIN_RETRY_MS[0]!);
    await service.provider();
    expect(gets(store)).toBe(2);
    await clock.advance(KEYCHAIN_RETRY_MS[1]! - KEYCHAIN_RETRY_MS[0]!);
    store.failWith('get', null);
    expect(await service.provider()).toEqual({ ok: true, value: { key: KEY, secret: SECRET } });
    expect(gets(store)).toBe(3);
  });

  it('recheck after a failure reads at once (popover opened), and joins a read in flight: never two keychain calls at a time', async () => {
    const clock = new VirtualClock(0);
    const inner = new InMemorySecretStore({ key: KEY, secret: SECRET });
    inner.failWith('get', LOCKED_NOW);
    let active = 0;
    let most = 0;
    const store: SecretStore = {
      get: async () => {
        active += 1;
        most = Math.max(most, active);
        await Promise.resolve();
        await Promise.resolve();
        active -= 1;
        return inner.get();
      },
      set: (c) => inner.set(c),
      clear: () => inner.clear(),
      health: () => inner.health(),
    };
    const service = new CredentialsService({ store, clock });
    await service.provider();
    inner.failWith('get', null);
    await Promise.all([service.recheck(), service.recheck(), service.provider(), service.recheck()]);
    expect(most).toBe(1);
    expect(gets(inner)).toBe(2);
    expect(service.state).toMatchObject({ stored: true, keychainError: null });
    // Known again: a recheck within the minute reads nothing; after it, one read finds a key replaced elsewhere.
    await service.recheck();
    expect(gets(inner)).toBe(2);
    await inner.set({ key: 'ffffffffffffffffffffffffffff1111', secret: SECRET });
    await clock.advance(RECHECK_INTERVAL_MS);
    await service.recheck();
    expect(gets(inner)).toBe(3);
    expect(await service.provider()).toMatchObject({ ok: true, value: { key: 'ffffffffffffffffffffffffffff1111' } });
  });
});

describe('CredentialsService.save: a key that can trade or withdraw', () => {
  const NOW = Date.UTC(2026, 11, 6);
  function serviceFor(extra: Partial<SimKey>) {
    const sim = createGateSimulator({ keys: [{ key: KEY, secret: SECRET, ...extra }], clock: { now: () => NOW } });
    const target = { transport: createInProcessTransport(sim), baseUrl: 'https://sim.invalid/api/v4', clock: { now: () => NOW } };
    const store = new InMemorySecretStore();
    return { store, sim, service: new CredentialsService({ store, verify: gateVerifier(target), inspect: gateInspector(target) }) };
  }

  it('is refused with KEY_CAN_WRITE naming its write permissions, and nothing is stored', async () => {
    const { store, service } = serviceFor({ writePermissions: ['wallet', 'spot'] });
    const r = await service.save({ key: KEY, secret: SECRET, verify: true });
    expect(r.ok ? null : r.error).toEqual(appError('KEY_CAN_WRITE', { permissions: 'spot,wallet' }));
    expect(await store.get()).toEqual({ ok: true, value: null });
  });

  it('is stored after "Save anyway" (allowWriteKey), with what Gate said of it', async () => {
    const { store, service } = serviceFor({ writePermissions: ['spot'] });
    const r = await service.save({ key: KEY, secret: SECRET, verify: true, allowWriteKey: true });
    expect(r.ok && r.value.keyHealth?.writePermissions).toEqual(['spot']);
    expect((await store.get()).ok).toBe(true);
    expect(await service.status()).toMatchObject({ stored: true });
  });

  it('a read-only key without whitelist is stored with its estimated expiry; one request more than the verification', async () => {
    const { sim, service } = serviceFor({ createdAt: NOW - 10 * 86_400_000 });
    const r = await service.save({ key: KEY, secret: SECRET, verify: true });
    expect(r.ok && r.value.keyHealth).toMatchObject({ readOnly: true, ipBound: false, expiresAt: NOW + 80 * 86_400_000 });
    expect(sim.log.map((e) => e.path)).toEqual(['/api/v4/wallet/total_balance', '/api/v4/account/main_keys']);
  });

  it('a key without the Account permission is stored, its facts unknown', async () => {
    const { service } = serviceFor({ permissions: { account: false } });
    const r = await service.save({ key: KEY, secret: SECRET, verify: true });
    expect(r.ok && r.value.keyHealth?.warnings).toEqual(['ACCOUNT_PERMISSION_MISSING']);
  });
});
