// `gate-glance holdings --json` cold start (fresh process: total_balance, spot/accounts and the
// all-pairs spot/tickers answer, ~1.4 MB as on Gate, from the simulator on 127.0.0.1) against
// Gate's official Node SDK making the same three calls in a fresh process, with bare
// `node -e ''` as the floor. Median wall time of N interleaved runs, the ratio, peak RSS.
// Prints figures; never asserts. Targets (issue 16): ≤ 1/2 of the SDK's wall time, ≤ 70 MiB.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PORTFOLIO } from '../electron/core/simulator/portfolio.js';
import { startSimulatorServer } from '../electron/core/simulator/server.js';
import { ensureCliBuilt, gateSizedTickers, measureCases, median, printCases } from './child-run.js';

const root = process.env['GLANCE_ROOT'] ?? process.cwd();
const RUNS = Number(process.env['GLANCE_BENCH_RUNS'] ?? 11);
const KEY = { key: 'bench-hold-key-0123456789abcdef', secret: 'bench-hold-secret-0123456789abcdef' };

const baseEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LANG: 'C.UTF-8', GATE_API_KEY: KEY.key, GATE_API_SECRET: KEY.secret };

ensureCliBuilt(root);

const tickers = gateSizedTickers();
const server = await startSimulatorServer({
  keys: [KEY],
  portfolio: { ...DEMO_PORTFOLIO, tickers },
  rateLimits: { spot_tickers: { limit: 1_000_000, windowMs: 10_000 }, spot_accounts: { limit: 1_000_000, windowMs: 10_000 } },
  rateLimit: { limit: 1_000_000, windowMs: 10_000 },
});
const tickersBytes = (await (await fetch(`${server.url}/spot/tickers`)).arrayBuffer()).byteLength;
const dir = mkdtempSync(join(tmpdir(), 'glance-bench-'));
const sdkScript = join(dir, 'sdk-holdings.cjs');
// What a developer would write with Gate's SDK: the same three calls at once, then one line out.
writeFileSync(
  sdkScript,
  `const { ApiClient, SpotApi, WalletApi } = require(${JSON.stringify(join(root, 'node_modules', 'gate-api'))});
const client = new ApiClient(process.argv[2]);
client.setApiKeySecret(process.env.GATE_API_KEY, process.env.GATE_API_SECRET);
const spot = new SpotApi(client);
Promise.all([new WalletApi(client).getTotalBalance({ currency: 'USDT' }), spot.listSpotAccounts({}), spot.listTickers({})]).then(
  ([total, accounts, tickers]) => {
    const last = new Map(tickers.body.map((t) => [t.currencyPair, t.last]));
    process.stdout.write(JSON.stringify({ amount: total.body.details.spot.amount, coins: accounts.body.map((a) => ({ coin: a.currency, price: a.currency === 'USDT' ? '1' : last.get(a.currency + '_USDT') || null })) }) + '\\n');
  },
  (e) => { process.stderr.write('sdk error ' + (e.response ? e.response.status : e.message) + '\\n'); process.exitCode = 4; },
);
`,
);

const CLI = 'gate-glance holdings --json';
const SDK = 'gate-api SDK, same 3 calls';
const cases = [
  { name: "node -e ''", cmd: process.execPath, args: ['-e', ''] },
  { name: CLI, cmd: process.execPath, args: [join(root, 'bin', 'gate-glance.cjs'), 'holdings', '--json', '--base-url', server.url] },
  { name: SDK, cmd: process.execPath, args: [sdkScript, server.url] },
] as const;

const { wall, rss } = await measureCases(root, cases, baseEnv, RUNS).finally(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

console.log(
  `runs: ${RUNS} per case (interleaved, after one warm-up), node ${process.version}; spot/tickers answer ${(tickersBytes / 1024 / 1024).toFixed(2)} MiB (${Object.keys(tickers).length} pairs)`,
);
printCases(cases, { wall, rss }, 32);
const cliW = wall.get(CLI)!;
const sdkW = wall.get(SDK)!;
if (cliW.length && sdkW.length)
  console.log(`\nholdings CLI / SDK wall-time ratio (median): ${(median(cliW) / median(sdkW)).toFixed(3)}  (target ≤ 0.5)`);
const cliR = rss.get(CLI)!;
const sdkR = rss.get(SDK)!;
if (cliR.length && sdkR.length)
  console.log(`peak RSS: holdings CLI ${median(cliR).toFixed(1)} MiB (target ≤ 70), SDK ${median(sdkR).toFixed(1)} MiB`);
