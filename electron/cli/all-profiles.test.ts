/**
 * `gate-glance balance --all-profiles` in-process against the simulator holding two Gate
 * accounts (the main one with two sub-accounts, a family member's with one), the app's
 * prefs.json in a temporary data folder and each profile's keychain entry in a keychain held in
 * memory (KeytarSecretStore over a fake keytar: the real entry names). The combined figure is
 * exact in every currency; one key failing (no entry, keychain locked, FORBIDDEN, 429, a
 * malformed answer) is that key's source in error while the others are added up (exit 6); the
 * secrets are never printed; prefs.json is only read.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Currency } from '../../shared/balance.js';
import { sumDecimals } from '../../shared/decimal.js';
import { fail, ok } from '../../shared/errors.js';
import type { Preferences } from '../../shared/prefs.js';
import type { Credentials, Transport } from '../core/gate/types.js';
import { KeytarSecretStore } from '../core/secrets/keytar-store.js';
import { profileAccount } from '../core/secrets/profiles.js';
import { createGateSimulator, type SimKey } from '../core/simulator/handler.js';
import { createInProcessTransport } from '../core/simulator/in-process-transport.js';
import {
  convertAmount,
  DEMO_PORTFOLIO,
  DEMO_SUB_ACCOUNTS,
  totalBalanceBody,
  type SimPortfolio,
  type SimSubAccount,
} from '../core/simulator/portfolio.js';
import { expectNoSecret } from '../core/testing/secret-leak.js';
import { profilesToRead } from './all-profiles.js';
import { createBalanceCommand, type BalanceCommandDeps } from './commands/balance.js';
import { runCli } from './main.js';
import { captureIo } from './test-io.js';

const MAIN: Credentials = { key: 'allp-main-key-00112233', secret: 'Zq8vR2mK7xW4pL9nT3bY6cH1jF5dG0sA' };
const FAMILY: Credentials = { key: 'allp-family-key-44556677', secret: 'Pw3eN8uI1oQ6rV2tX9zC4mB7kL0aS5dE' };
const SECRETS = [MAIN.secret, FAMILY.secret];

const FAMILY_PORTFOLIO: SimPortfolio = { accounts: { spot: { amount: '1234.5678' }, futures: { amount: '-20.01' } } };
const FAMILY_SUB: SimSubAccount = {
  userId: 30002,
  loginName: 'family_savings',
  portfolio: { accounts: {}, spot: [{ currency: 'USDT', available: '250.25', locked: '10' }] },
};
const FAMILY_KEY: SimKey = { ...FAMILY, userId: 30001, portfolio: FAMILY_PORTFOLIO, subAccounts: [FAMILY_SUB] };

const simulator = createGateSimulator({ keys: [MAIN, FAMILY_KEY], portfolio: DEMO_PORTFOLIO, subAccounts: DEMO_SUB_ACCOUNTS });

/** Each profile's keychain entry, as the OS keychain would hold them (service/account → stored text). */
const keychain = new Map<string, string>();
const fakeKeytar = {
  getPassword: (service: string, account: string) => Promise.resolve(keychain.get(`${service}/${account}`) ?? null),
  setPassword: (service: string, account: string, password: string) =>
    Promise.resolve(void keychain.set(`${service}/${account}`, password)),
  deletePassword: (service: string, account: string) => Promise.resolve(keychain.delete(`${service}/${account}`)),
};
const store = (profile: string) =>
  new KeytarSecretStore({ loadKeytar: () => Promise.resolve(fakeKeytar), account: profileAccount(profile) });

/** A key whose answers are spoiled on the way back (what Gate would send it). */
let spoil: { key: string; as: 'rate-limit' | 'malformed' } | null = null;
/** When each key's first request left, ms. */
const firstRequest = new Map<string, number>();
const inner = createInProcessTransport(simulator);
const transport: Transport = async (request) => {
  const key = request.headers['KEY'] ?? '';
  if (key !== '' && !firstRequest.has(key)) firstRequest.set(key, performance.now());
  const answer = await inner(request);
  if (spoil === null || key !== spoil.key || !answer.ok) return answer;
  if (spoil.as === 'rate-limit')
    return { ok: true, response: { status: 429, headers: { 'content-type': 'application/json' }, body: '{"label":"TOO_MANY_REQUESTS"}' } };
  return { ok: true, response: { ...answer.response, body: '{"total": {"amount": ' } };
};

const dir = mkdtempSync(join(tmpdir(), 'gg-all-profiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writePrefs(gateAccounts: Preferences['gateAccounts']): string {
  const text = `${JSON.stringify({ version: 1, gateAccounts }, null, 2)}\n`;
  writeFileSync(join(dir, 'prefs.json'), text);
  return text;
}

const APP_ACCOUNTS: Preferences['gateAccounts'] = [
  { profile: 'default', alias: 'Main', includeSubAccounts: false, excludedSubAccounts: [] },
  { profile: 'family', alias: 'Family', includeSubAccounts: true, excludedSubAccounts: [] },
];

let profileCredentials: NonNullable<BalanceCommandDeps['profileCredentials']> = (profile) => () => store(profile).get();

const balance = createBalanceCommand({
  createTransport: () => transport,
  keychainCredentials: () => store('default').get(),
  profileCredentials: (profile) => profileCredentials(profile),
  dataDir: () => dir,
  keyStaggerMs: 0,
});

async function run(...argv: string[]) {
  const io = captureIo({});
  const code = await runCli(['balance', '--no-history', '--base-url', 'http://127.0.0.1:9/api/v4', ...argv], io, { balance });
  for (const secret of SECRETS) expectNoSecret(io.out() + io.err(), secret);
  return { code, out: io.out(), err: io.err() };
}

type SourceDoc = {
  kind: string;
  profile: string;
  uid: string | null;
  name: string;
  total: { currency: string; amount: string } | null;
} & Record<string, unknown>;
type Doc = { total: { amount: string } | null; sources: SourceDoc[]; combined: Record<string, unknown> } & Record<string, unknown>;

/** Gate's total of a simulated account in `currency`. */
const gateTotal = (portfolio: SimPortfolio, currency: Currency) =>
  (totalBalanceBody(portfolio, currency) as { total: { amount: string } }).total.amount;

/** A sub-account's value as the simulator's own figures make it: spot plus futures equity, converted. */
function subValue(sub: SimSubAccount, currency: Currency): string {
  const total = (totalBalanceBody(sub.portfolio, 'USDT') as { total: { amount: string; unrealised_pnl: string } }).total;
  return convertAmount(sumDecimals([total.amount, total.unrealised_pnl]), currency);
}

describe('gate-glance balance --all-profiles', () => {
  beforeEach(async () => {
    keychain.clear();
    expect((await store('default').set(MAIN)).ok).toBe(true);
    expect((await store('family').set(FAMILY)).ok).toBe(true);
    writePrefs(APP_ACCOUNTS);
    simulator.setKeys([MAIN, FAMILY_KEY]);
    spoil = null;
    profileCredentials = (profile) => () => store(profile).get();
  });

  it('with --sub-accounts --json adds every key and every sub-account, exactly, in all four currencies', async () => {
    for (const currency of ['USDT', 'BTC', 'USD', 'CNY'] as const) {
      const today = await run('--json', '-c', currency);
      const { code, out, err } = await run('--all-profiles', '--sub-accounts', '--json', '-c', currency);
      expect([code, err]).toEqual([0, '']);
      const doc = JSON.parse(out) as Doc;
      expect(doc.total).toEqual((JSON.parse(today.out) as Doc).total);
      expect(doc.sources.map((s) => [s.kind, s.profile, s.uid, s.name, s.status])).toEqual([
        ['key', 'default', '10001', 'Main', 'ok'],
        ['sub-account', 'default', '20001', 'grid_bot', 'ok'],
        ['sub-account', 'default', '20002', 'hedge_cm', 'ok'],
        ['key', 'family', '30001', 'Family', 'ok'],
        ['sub-account', 'family', '30002', 'family_savings', 'ok'],
      ]);
      const expected = [
        gateTotal(DEMO_PORTFOLIO, currency),
        subValue(DEMO_SUB_ACCOUNTS[0]!, currency),
        subValue(DEMO_SUB_ACCOUNTS[1]!, currency),
        gateTotal(FAMILY_PORTFOLIO, currency),
        subValue(FAMILY_SUB, currency),
      ];
      expect(
        doc.sources.map((s) => s.total),
        currency,
      ).toEqual(expected.map((amount) => ({ currency, amount })));
      expect(doc.combined, currency).toEqual({ currency, amount: sumDecimals(expected), partial: true, estimated: true });
    }
  });

  it('without --sub-accounts counts the sub-accounts of the keys the app counts them for, and leaves out the excluded ones', async () => {
    const doc = JSON.parse((await run('--all-profiles', '--json')).out) as Doc;
    expect(doc.sources.map((s) => s.name)).toEqual(['Main', 'Family', 'family_savings']);
    writePrefs([APP_ACCOUNTS[0]!, { ...APP_ACCOUNTS[1]!, excludedSubAccounts: ['30002'] }]);
    const all = JSON.parse((await run('--all-profiles', '--sub-accounts', '--json')).out) as Doc;
    expect(all.sources.map((s) => s.name)).toEqual(['Main', 'grid_bot', 'hedge_cm', 'Family']);
    expect(all.combined['amount']).toBe(
      sumDecimals([
        gateTotal(DEMO_PORTFOLIO, 'USDT'),
        subValue(DEMO_SUB_ACCOUNTS[0]!, 'USDT'),
        subValue(DEMO_SUB_ACCOUNTS[1]!, 'USDT'),
        gateTotal(FAMILY_PORTFOLIO, 'USDT'),
      ]),
    );
  });

  it('counts a sub-account that also has its own profile once, as the key', async () => {
    const grid: Credentials = { key: 'allp-grid-key-8899', secret: 'Hy7gU2jK9lM4nB6vC1xZ8qW3eR5tY0pO' };
    simulator.setKeys([MAIN, FAMILY_KEY, { ...grid, userId: 20001 }]);
    expect((await store('grid').set(grid)).ok).toBe(true);
    writePrefs([...APP_ACCOUNTS, { profile: 'grid', alias: '', includeSubAccounts: false, excludedSubAccounts: [] }]);
    const { code, out } = await run('--all-profiles', '--sub-accounts', '--json');
    expectNoSecret(out, grid.secret);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as Doc;
    expect(doc.sources.map((s) => [s.kind, s.uid, s.name])).toEqual([
      ['key', '10001', 'Main'],
      ['sub-account', '20002', 'hedge_cm'],
      ['key', '30001', 'Family'],
      ['sub-account', '30002', 'family_savings'],
      ['key', '20001', 'grid'],
      // --sub-accounts asks every key for its sub-accounts; Gate refuses a sub-account's own key.
      ['sub-account', null, 'grid'],
    ]);
    expect(doc.sources[5]).toMatchObject({ status: 'error', error: { code: 'FORBIDDEN' } });
  });

  const failures: ReadonlyArray<[string, () => void, string]> = [
    ['no keychain entry', () => void keychain.delete(`gate-glance/${profileAccount('family')}`), 'MISSING_CREDENTIALS'],
    [
      'a locked keychain',
      () => (profileCredentials = (p) => () => Promise.resolve(p === 'family' ? fail('KEYCHAIN_LOCKED') : ok(null))),
      'KEYCHAIN_LOCKED',
    ],
    ['a key without wallet permission', () => simulator.setKeys([MAIN, { ...FAMILY_KEY, walletRead: false }]), 'FORBIDDEN'],
    ['429', () => (spoil = { key: FAMILY.key, as: 'rate-limit' }), 'RATE_LIMITED'],
    ['a malformed answer', () => (spoil = { key: FAMILY.key, as: 'malformed' }), 'BAD_RESPONSE'],
  ];
  for (const [what, arrange, errorCode] of failures)
    it(`${what} for one key is that key’s source in error; the others are added up, combined is partial, exit 6`, async () => {
      arrange();
      const { code, out, err } = await run('--all-profiles', '--json');
      expect([code, err]).toEqual([6, '']);
      const doc = JSON.parse(out) as Doc;
      const family = doc.sources.find((s) => s.profile === 'family' && s.kind === 'key')!;
      expect(family).toMatchObject({ name: 'Family', total: null, status: 'error', error: { code: errorCode } });
      expect((family['error'] as { message: string }).message).not.toBe('');
      expect(doc.total).toEqual({
        amount: gateTotal(DEMO_PORTFOLIO, 'USDT'),
        unrealisedPnl: expect.anything() as unknown,
        borrowed: expect.anything() as unknown,
      });
      const answered = doc.sources.filter((s) => s.total !== null).map((s) => s.total!.amount);
      expect(answered.length).toBeGreaterThan(0);
      expect(doc.combined).toMatchObject({ amount: sumDecimals(answered), partial: true });
      const table = await run('--all-profiles');
      expect(table.code).toBe(6);
      expect(table.out).toMatch(new RegExp(`^Family \\(key\\) +— +error ${errorCode}$`, 'm'));
      expect(table.out).toMatch(/^Combined +[\d,.]+ {2}.*partial/m);
    });

  it('keeps the other keys when the chosen key fails: "total" is null, the rest of today’s fields are kept empty', async () => {
    keychain.delete(`gate-glance/${profileAccount('default')}`);
    const { code, out } = await run('--all-profiles', '--json');
    expect(code).toBe(6);
    const doc = JSON.parse(out) as Doc;
    expect(doc).toMatchObject({ currency: 'USDT', total: null, accounts: [], unaccounted: null, fetchedAt: null, change24h: null });
    expect(doc.sources[0]).toMatchObject({ profile: 'default', status: 'error', error: { code: 'MISSING_CREDENTIALS' } });
    keychain.clear();
    const none = await run('--all-profiles', '--json');
    expect(none.code).toBe(3);
    expect(JSON.parse(none.out)).toMatchObject({ error: { code: 'MISSING_CREDENTIALS' } });
  });

  it('--short and waybar show the combined figure, marked ≈ (estimated) and * (partial or stale)', async () => {
    const short = await run('--all-profiles', '--sub-accounts', '--short');
    const combined = sumDecimals([
      gateTotal(DEMO_PORTFOLIO, 'USDT'),
      subValue(DEMO_SUB_ACCOUNTS[0]!, 'USDT'),
      subValue(DEMO_SUB_ACCOUNTS[1]!, 'USDT'),
      gateTotal(FAMILY_PORTFOLIO, 'USDT'),
      subValue(FAMILY_SUB, 'USDT'),
    ]);
    const shown = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(combined));
    expect(short.out).toBe(`≈${shown} USDT *\n`);
    const waybar = JSON.parse((await run('--all-profiles', '--sub-accounts', '--format', 'waybar')).out) as {
      text: string;
      tooltip: string;
      class: string[];
    };
    expect(waybar.text).toBe(`≈${shown} USDT *`);
    expect(waybar.class).toEqual(['live', 'estimated', 'partial']);
    expect(waybar.tooltip.split('\n').slice(0, 3)).toEqual([
      `Combined (estimated, partial): ${shown} USDT`,
      expect.stringMatching(/^Main \(key\): [\d,]+\.\d\d$/) as unknown,
      expect.stringMatching(/^grid_bot \(sub-account 20001\): [\d,]+\.\d\d \(estimated, .*not priced: POINT\)$/) as unknown,
    ]);
    expect(waybar.tooltip).toContain('Family (key): ');
    expect(waybar.tooltip).toContain('≈ includes an estimate, * a source is missing, partial or stale');
    // Two keys without sub-accounts: Gate's own figures, neither estimated nor partial: no mark.
    writePrefs([{ ...APP_ACCOUNTS[1]!, includeSubAccounts: false }]);
    expect((await run('--all-profiles', '--short')).out).toMatch(/^[\d,]+\.\d\d USDT\n$/);
  });

  it('reads prefs.json and writes nothing to the data folder', async () => {
    const text = writePrefs(APP_ACCOUNTS);
    await run('--all-profiles', '--sub-accounts', '--json');
    expect(readdirSync(dir)).toEqual(['prefs.json']);
    expect(readFileSync(join(dir, 'prefs.json'), 'utf8')).toBe(text);
  });

  it('without prefs.json reads the default key alone, as today; a damaged one is one warning', async () => {
    rmSync(join(dir, 'prefs.json'));
    const alone = await run('--all-profiles', '--json');
    expect([alone.code, alone.err]).toEqual([0, '']);
    expect(Object.keys(JSON.parse(alone.out) as object)).not.toContain('sources');
    writeFileSync(join(dir, 'prefs.json'), '{"gateAccounts": 3}');
    const damaged = await run('--all-profiles', '--json');
    expect(damaged.code).toBe(0);
    expect(damaged.err).toBe(
      "warning: the app's preferences (prefs.json) could not be read in full: keys it lists may be missing from --all-profiles\n",
    );
    expect(readFileSync(join(dir, 'prefs.json'), 'utf8')).toBe('{"gateAccounts": 3}');
  });

  it('starts each key’s requests a stagger apart', async () => {
    const staggered = createBalanceCommand({
      createTransport: () => transport,
      keychainCredentials: () => store('default').get(),
      profileCredentials: (profile) => () => store(profile).get(),
      dataDir: () => dir,
      keyStaggerMs: 120,
    });
    firstRequest.clear();
    const io = captureIo({});
    expect(
      await runCli(['balance', '--all-profiles', '--no-history', '--base-url', 'http://127.0.0.1:9/api/v4'], io, { balance: staggered }),
    ).toBe(0);
    expect(firstRequest.get(FAMILY.key)! - firstRequest.get(MAIN.key)!).toBeGreaterThanOrEqual(115);
  });

  it('prints an alias with terminal controls or bidi overrides only cleaned; an alias of nothing but those is the profile’s name', async () => {
    writePrefs([{ ...APP_ACCOUNTS[1]!, alias: 'Fam\u202Eily\u0007\u001b' }]);
    const { code, out } = await run('--all-profiles');
    expect(code).toBe(0);
    expect(out).toMatch(/^Family \(key\) /m);
    expect(out.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
    expect(profilesToRead([{ ...APP_ACCOUNTS[1]!, alias: '\u202E\u200B' }], 'default', false)[1]!.name).toBe('family');
  });

  it('lists the keys in the app’s order, adding default first and the chosen profile last when the app does not list them', () => {
    const family = { profile: 'family', alias: '', includeSubAccounts: true, excludedSubAccounts: ['1'] };
    expect(profilesToRead([family], 'work', false)).toEqual([
      { profile: 'default', name: 'default', includeSubAccounts: false, excludedSubAccounts: [] },
      { profile: 'family', name: 'family', includeSubAccounts: true, excludedSubAccounts: ['1'] },
      { profile: 'work', name: 'work', includeSubAccounts: false, excludedSubAccounts: [] },
    ]);
    expect(
      profilesToRead([family, { ...family, profile: 'default', alias: 'Me', includeSubAccounts: false }], 'default', true).map((e) => [
        e.name,
        e.includeSubAccounts,
      ]),
    ).toEqual([
      ['family', true],
      ['Me', true],
    ]);
  });
});
