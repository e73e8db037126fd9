import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/errors.js';
import type { Credentials } from '../core/gate/types.js';
import { KeytarSecretStore } from '../core/secrets/keytar-store.js';
import { DEFAULT_PROFILE, profileAccount } from '../core/secrets/profiles.js';
import { KEYCHAIN_ACCOUNT } from '../core/secrets/secret-store.js';
import { createGateSimulator } from '../core/simulator/handler.js';
import { createInProcessTransport } from '../core/simulator/in-process-transport.js';
import { createBalanceCommand } from './commands/balance.js';
import type { CliCommand, CliIo } from './io.js';
import { runCli } from './main.js';
import { takeProfileOption } from './profile-option.js';
import { captureIo } from './test-io.js';

const MAIN: Credentials = { key: 'env-main-key-0011', secret: 'env-main-secret-NEVER-PRINT' };
const FAMILY: Credentials = { key: 'family-key-2233', secret: 'family-secret-NEVER-PRINT' };

describe('--profile NAME', () => {
  it('is taken out of any command line, before or after the command, the last one winning', () => {
    expect(takeProfileOption(['--profile', 'family', 'balance', '--json'])).toEqual({
      ok: true,
      argv: ['balance', '--json'],
      profile: 'family',
    });
    expect(takeProfileOption(['balance', '--profile=a', '--profile=b_2'])).toEqual({ ok: true, argv: ['balance'], profile: 'b_2' });
    expect(takeProfileOption(['balance', '--', '--profile', 'x'])).toEqual({
      ok: true,
      argv: ['balance', '--', '--profile', 'x'],
      profile: undefined,
    });
    for (const bad of ['', 'two words', '-lead', 'a/b', 'x'.repeat(33), 'é'])
      expect(takeProfileOption(['--profile', bad]).ok, bad).toBe(false);
  });

  it('keeps the default profile in today’s keychain entry and gives every other profile its own', async () => {
    expect(profileAccount(DEFAULT_PROFILE)).toBe(KEYCHAIN_ACCOUNT);
    expect(profileAccount('family')).toBe('api-key:family');
    const entries = new Map<string, string>();
    const keytar = {
      getPassword: (service: string, account: string) => Promise.resolve(entries.get(`${service}/${account}`) ?? null),
      setPassword: (service: string, account: string, password: string) => {
        entries.set(`${service}/${account}`, password);
        return Promise.resolve();
      },
      deletePassword: (service: string, account: string) => Promise.resolve(entries.delete(`${service}/${account}`)),
    };
    const store = (profile: string) =>
      new KeytarSecretStore({ loadKeytar: () => Promise.resolve(keytar), account: profileAccount(profile) });
    // An entry an earlier version wrote is the default profile as it is.
    entries.set('gate-glance/api-key', JSON.stringify({ v: 1, ...MAIN }));
    expect(await store('default').get()).toEqual(ok(MAIN));
    expect(await store('family').get()).toEqual(ok(null));
    expect((await store('family').set(FAMILY)).ok).toBe(true);
    expect([...entries.keys()]).toEqual(['gate-glance/api-key', 'gate-glance/api-key:family']);
    expect(await store('family').get()).toEqual(ok(FAMILY));
    expect(await store('default').get()).toEqual(ok(MAIN));
  });

  it('reaches the command as io.profile, and a name it cannot be is a usage error (exit 2)', async () => {
    let seen: CliIo | null = null;
    const probe: CliCommand = (_argv, io) => {
      seen = io;
      return Promise.resolve(0);
    };
    expect(await runCli(['probe', '--profile', 'family'], captureIo(), { probe })).toBe(0);
    expect(seen!.profile).toBe('family');
    expect(await runCli(['probe'], captureIo(), { probe })).toBe(0);
    expect(seen!.profile).toBeUndefined();
    const io = captureIo();
    expect(await runCli(['probe', '--profile', 'a b'], io, { probe })).toBe(2);
    expect(io.err()).toContain('cannot use "a b" as a profile name');
  });

  it('reads a named profile’s own entry and never the environment’s key; the default reads the environment first', async () => {
    const simulator = createGateSimulator({
      keys: [MAIN, { ...FAMILY, userId: 40001, portfolio: { accounts: { spot: { amount: '123.45' } } } }],
    });
    const asked: string[] = [];
    const balance = createBalanceCommand({
      createTransport: () => createInProcessTransport(simulator),
      profileCredentials: (profile) => () => {
        asked.push(profile);
        return Promise.resolve(ok(profile === 'family' ? FAMILY : null));
      },
    });
    const env = { GATE_API_KEY: MAIN.key, GATE_API_SECRET: MAIN.secret };
    const family = captureIo(env);
    expect(
      await runCli(['balance', '--profile', 'family', '--json', '--no-history', '--base-url', 'http://127.0.0.1:9/api/v4'], family, {
        balance,
      }),
    ).toBe(0);
    expect((JSON.parse(family.out()) as { total: { amount: string } }).total.amount).toBe('123.45');
    expect(asked).toEqual(['family']);
    const main = captureIo(env);
    expect(await runCli(['balance', '--json', '--no-history', '--base-url', 'http://127.0.0.1:9/api/v4'], main, { balance })).toBe(0);
    expect((JSON.parse(main.out()) as { total: { amount: string } }).total.amount).not.toBe('123.45');
    const none = captureIo(env);
    expect(
      await runCli(['balance', '--profile', 'work', '--no-history', '--base-url', 'http://127.0.0.1:9/api/v4'], none, { balance }),
    ).toBe(3);
    expect(none.err()).toContain('MISSING_CREDENTIALS');
    const named = captureIo(env);
    expect(
      await runCli(['balance', '--profile', 'default', '--json', '--no-history', '--base-url', 'http://127.0.0.1:9/api/v4'], named, {
        balance,
      }),
    ).toBe(0);
    expect(JSON.parse(named.out())).toMatchObject({ total: (JSON.parse(main.out()) as { total: object }).total });
    expect(asked).toEqual(['family', 'work']);
  });
});
