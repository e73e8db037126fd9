// A main key with 50 sub-accounts (issue 25): requests per refresh and per hour, and the cold
// `gate-glance balance --sub-accounts --json` (fresh process: total_balance, the sub-account list,
// the five sub-account balance answers and the all-pairs tickers, ~1.4 MB as on Gate, from the
// simulator on 127.0.0.1) against Gate's official Node SDK making the same calls in a fresh
// process, with bare `node -e ''` as the floor. Median wall time of N interleaved runs, the
// ratio, peak RSS. Prints figures; never asserts. Target: ≤ 1/2 of the SDK's wall time.
// Then `--all-profiles` with two keys (the second another Gate account, its pair in a private
// gnome-keyring, listed in the app's prefs.json): requests per cold read and the cold wall time,
// the second key's reads starting 250 ms after the first's.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimSubAccount } from '../electron/core/simulator/portfolio.js';
import { DEMO_PORTFOLIO, DEMO_SUB_ACCOUNTS } from '../electron/core/simulator/portfolio.js';
import { startSimulatorServer } from '../electron/core/simulator/server.js';
import { startPrivateKeyring, runBounded } from '../electron/core/testing/private-keyring.js';
import { ensureCliBuilt, gateSizedTickers, measureCases, median, printCases, run } from './child-run.js';

const root = process.env['GLANCE_ROOT'] ?? process.cwd();
const RUNS = Number(process.env['GLANCE_BENCH_RUNS'] ?? 11);
const SUBS = 50;
const KEY = { key: 'bench-subs-key-0123456789abcdef', secret: 'bench-subs-secret-0123456789abcdef' };
const FAMILY = { key: 'bench-family-key-0123456789abcdef', secret: 'bench-family-secret-0123456789abcd' };
const dir = mkdtempSync(join(tmpdir(), 'glance-bench-'));
const dataDir = join(dir, 'data');
mkdirSync(dataDir, { mode: 0o700 });
writeFileSync(
  join(dataDir, 'prefs.json'),
  JSON.stringify({
    version: 1,
    gateAccounts: [{ profile: 'family', alias: 'Family', includeSubAccounts: false, excludedSubAccounts: [] }],
  }),
);
const keyring = await startPrivateKeyring('unlocked');
const keyringVars = Object.fromEntries(
  ['DBUS_SESSION_BUS_ADDRESS', 'HOME', 'XDG_DATA_HOME', 'XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'].map((k) => [
    k,
    keyring.env[k] ?? '',
  ]),
);
const baseEnv = {
  PATH: process.env['PATH'] ?? '/usr/bin:/bin',
  LANG: 'C.UTF-8',
  GATE_API_KEY: KEY.key,
  GATE_API_SECRET: KEY.secret,
  GATE_GLANCE_DATA_DIR: dataDir,
  ...keyringVars,
};

ensureCliBuilt(root);

const tickers = gateSizedTickers();
// The demo's two sub-accounts' portfolios, 25 times each: spot, futures in both settles, cross margin.
const subAccounts: SimSubAccount[] = Array.from({ length: SUBS }, (_, i) => ({
  ...DEMO_SUB_ACCOUNTS[i % DEMO_SUB_ACCOUNTS.length]!,
  userId: 30000 + i,
  loginName: `bot_${i}`,
  type: 1,
}));
const unlimited = { limit: 1_000_000, windowMs: 10_000 };
const server = await startSimulatorServer({
  keys: [KEY, { ...FAMILY, userId: 40001, portfolio: { ...DEMO_PORTFOLIO, tickers } }],
  portfolio: { ...DEMO_PORTFOLIO, tickers },
  subAccounts,
  rateLimit: unlimited,
  rateLimits: {
    spot_tickers: unlimited,
    sub_accounts: unlimited,
    sub_account_balances: unlimited,
    sub_account_futures_balances: unlimited,
    sub_account_cross_margin_balances: unlimited,
    sub_account_margin_balances: unlimited,
  },
});
const sdkScript = join(dir, 'sdk-sub-accounts.cjs');
// What a developer would write with Gate's SDK: the total and the list at once, then every balance call at once.
writeFileSync(
  sdkScript,
  `const { ApiClient, SpotApi, SubAccountApi, WalletApi } = require(${JSON.stringify(join(root, 'node_modules', 'gate-api'))});
const client = new ApiClient(process.argv[2]);
client.setApiKeySecret(process.env.GATE_API_KEY, process.env.GATE_API_SECRET);
const wallet = new WalletApi(client);
Promise.all([wallet.getTotalBalance({ currency: 'USDT' }), new SubAccountApi(client).listSubAccounts({ type: '0' })])
  .then(([total, list]) => {
    const subUid = list.body.map((s) => s.userId).join(',');
    return Promise.all([
      wallet.listSubAccountBalances({ subUid, page: 1, limit: 100 }),
      wallet.listSubAccountFuturesBalances({ subUid, settle: 'usdt' }),
      wallet.listSubAccountFuturesBalances({ subUid, settle: 'btc' }),
      wallet.listSubAccountCrossMarginBalances({ subUid }),
      wallet.listSubAccountMarginBalances({ subUid }),
      new SpotApi(client).listTickers({}),
    ]).then(([spot, usdt, btc, cross, margin, tickers]) => {
      const last = new Map(tickers.body.map((t) => [t.currencyPair, t.last]));
      process.stdout.write(JSON.stringify({ total: total.body.total.amount, subs: spot.body.map((s) => ({ uid: s.uid, coins: Object.keys(s.available || {}).map((c) => [c, last.get(c + '_USDT') || null]) })), futures: usdt.body.length + btc.body.length, cross: cross.body.length, margin: margin.body.length }) + '\\n');
    });
  })
  .catch((e) => { process.stderr.write('sdk error ' + (e.response ? e.response.status : e.message) + '\\n'); process.exitCode = 4; });
`,
);

const CLI = 'gate-glance balance --sub-accounts --json';
const SDK = 'gate-api SDK, same 8 calls';
const cliArgs = [join(root, 'bin', 'gate-glance.cjs'), 'balance', '--sub-accounts', '--json', '--no-history', '--base-url', server.url];
const ALL = 'balance --all-profiles --json (2 keys)';
const ALL_SUBS = '… --all-profiles --sub-accounts (2 keys)';
const allArgs = [join(root, 'bin', 'gate-glance.cjs'), 'balance', '--all-profiles', '--json', '--no-history', '--base-url', server.url];
const cases = [
  { name: "node -e ''", cmd: process.execPath, args: ['-e', ''] },
  { name: CLI, cmd: process.execPath, args: cliArgs },
  { name: SDK, cmd: process.execPath, args: [sdkScript, server.url] },
  { name: ALL, cmd: process.execPath, args: allArgs },
  { name: ALL_SUBS, cmd: process.execPath, args: [...allArgs, '--sub-accounts'] },
] as const;

const login = await runBounded(process.execPath, [join(root, 'bin', 'gate-glance.cjs'), 'login', '--profile', 'family', '--no-verify'], {
  env: baseEnv,
  input: `${FAMILY.key}\n${FAMILY.secret}\n`,
  timeoutMs: 30_000,
});
if (login.code !== 0) console.log(`login --profile family failed: ${login.stderr.trim()}`);
/** Requests one cold run of `args` makes. */
async function requestsOf(args: string[]): Promise<{ requests: number; code: number | null }> {
  const before = server.simulator.log.length;
  const sample = await run(root, process.execPath, args, baseEnv);
  return { requests: server.simulator.log.length - before, code: sample.code };
}
const { requests: perRead, code: firstCode } = await requestsOf(cliArgs);
const all = await requestsOf(allArgs);
const allSubs = await requestsOf([...allArgs, '--sub-accounts']);
const { wall, rss } = await measureCases(root, cases, baseEnv, RUNS).finally(async () => {
  await server.close();
  await keyring.stop();
  rmSync(dir, { recursive: true, force: true });
});

// The app refreshes once a minute; the list is kept 10 minutes (so 6 of 60 refreshes ask for it).
const perRefresh = perRead - 1;
console.log(`${SUBS} sub-accounts: ${perRead} requests on a cold read (exit ${firstCode}), ${perRefresh} per refresh with the list cached`);
console.log(`requests per hour at one refresh a minute: ${60 * perRefresh + 6} (of which total_balance 60, public tickers 60)`);
console.log(`runs: ${RUNS} per case (interleaved, after one warm-up), node ${process.version}`);
printCases(cases, { wall, rss }, 42);
const cliW = wall.get(CLI)!;
const sdkW = wall.get(SDK)!;
if (cliW.length && sdkW.length)
  console.log(`\nbalance --sub-accounts CLI / SDK wall-time ratio (median): ${(median(cliW) / median(sdkW)).toFixed(3)}  (target ≤ 0.5)`);
const allW = wall.get(ALL)!;
const allSubsW = wall.get(ALL_SUBS)!;
console.log(
  `--all-profiles, 2 keys: ${all.requests} requests on a cold read (exit ${all.code}); with --sub-accounts ${allSubs.requests} (exit ${allSubs.code})`,
);
if (allSubsW.length && cliW.length)
  console.log(
    `--all-profiles --sub-accounts (2 keys) / --sub-accounts (1 key) wall time (median): ${(median(allSubsW) / median(cliW)).toFixed(3)} (the second key starts 250 ms later)`,
  );
if (allW.length === 0) console.log('--all-profiles: no successful runs');
