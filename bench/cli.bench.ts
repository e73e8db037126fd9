// CLI cold start: `node bin/gate-glance.cjs balance` (fresh process, one signed call to the
// Gate simulator on 127.0.0.1) against the same call made by Gate's official Node SDK
// (`gate-api`) in a fresh process, with bare `node -e ''` as the floor. Median wall time of
// N interleaved runs each, the ratio, and peak RSS. Prints figures; never asserts.
// Targets (issue 4): CLI ≤ 1/3 of the SDK's wall time, ≤ 60 MiB peak RSS.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHistoryLine, historyFileName } from '../electron/core/balance/history-store.js';
import { startSimulatorServer } from '../electron/core/simulator/server.js';
import { ensureCliBuilt, median, run } from './child-run.js';
import type { HistoryPoint } from '../shared/balance.js';
import { thinHistory } from '../shared/history.js';

const root = process.env['GLANCE_ROOT'] ?? process.cwd();
const RUNS = Number(process.env['GLANCE_BENCH_RUNS'] ?? 15);
const CLI_KEY = { key: 'bench-cli-key-0123456789abcdef', secret: 'bench-cli-secret-0123456789abcdef' };
const SDK_KEY = { key: 'bench-sdk-key-0123456789abcdef', secret: 'bench-sdk-secret-0123456789abcdef' };
const TIME = '/usr/bin/time';

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const baseEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LANG: 'C.UTF-8' };

ensureCliBuilt(root);

const server = await startSimulatorServer({ keys: [CLI_KEY, SDK_KEY] });
const dir = mkdtempSync(join(tmpdir(), 'glance-bench-'));
const sdkScript = join(dir, 'sdk-call.cjs');
const rssPreload = join(dir, 'rss-preload.cjs');
writeFileSync(rssPreload, "process.on('exit', () => process.stderr.write('maxrss_kb=' + process.resourceUsage().maxRSS + '\\n'));\n");
// What a developer would write with Gate's SDK: one client, one getTotalBalance call.
writeFileSync(
  sdkScript,
  `const { ApiClient, WalletApi } = require(${JSON.stringify(join(root, 'node_modules', 'gate-api'))});
const client = new ApiClient(process.argv[2]);
client.setApiKeySecret(process.env.GATE_API_KEY, process.env.GATE_API_SECRET);
new WalletApi(client).getTotalBalance({ currency: 'USDT' }).then(
  (r) => { process.stdout.write(r.body.total.amount + '\\n'); },
  (e) => { process.stderr.write('sdk error ' + (e.response ? e.response.status : e.message) + '\\n'); process.exitCode = 4; },
);
`,
);

// The CLI reads and extends the history on every balance: measure it with a year of use behind it
// (a year of one-minute points, thinned as the store keeps them: ~5,300 points).
const dataDir = join(dir, 'data');
mkdirSync(dataDir, { recursive: true });
const yearOfPoints: HistoryPoint[] = [];
for (let at = Date.now() - 365 * 86_400_000; at < Date.now() - 60_000; at += 60_000)
  yearOfPoints.push({ at, currency: 'USDT', total: `${38_000 + (at % 5000)}.${String(at % 99_999_989).padStart(8, '0')}` });
const history = thinHistory(yearOfPoints, Date.now(), () => 0);
writeFileSync(join(dataDir, historyFileName(server.url)), history.map(formatHistoryLine).join(''));
const historyBytes = statSync(join(dataDir, historyFileName(server.url))).size;
const cliEnv = { ...baseEnv, GATE_API_KEY: CLI_KEY.key, GATE_API_SECRET: CLI_KEY.secret, GATE_GLANCE_DATA_DIR: dataDir };

const cases = [
  { name: "node -e ''", cmd: process.execPath, args: ['-e', ''], env: baseEnv },
  {
    name: 'gate-glance balance --short',
    cmd: process.execPath,
    args: [join(root, 'bin', 'gate-glance.cjs'), 'balance', '--short', '--base-url', server.url],
    env: cliEnv,
  },
  {
    name: 'balance --short, no history',
    cmd: process.execPath,
    args: [join(root, 'bin', 'gate-glance.cjs'), 'balance', '--short', '--no-history', '--base-url', server.url],
    env: { ...cliEnv, GATE_GLANCE_DATA_DIR: join(dir, 'empty') },
  },
  {
    name: 'gate-glance balance --json',
    cmd: process.execPath,
    args: [join(root, 'bin', 'gate-glance.cjs'), 'balance', '--json', '--base-url', server.url],
    env: cliEnv,
  },
  {
    name: 'gate-api SDK getTotalBalance',
    cmd: process.execPath,
    args: [sdkScript, server.url],
    env: { ...baseEnv, GATE_API_KEY: SDK_KEY.key, GATE_API_SECRET: SDK_KEY.secret },
  },
] as const;

const wall = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const rss = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const hasTime = existsSync(TIME);

try {
  // One warm-up each (disk cache), then interleaved runs so drift hits every case alike.
  for (const c of cases) await run(root, c.cmd, [...c.args], c.env);
  for (let i = 0; i < RUNS; i += 1) {
    for (const c of cases) {
      const s = await run(root, c.cmd, [...c.args], c.env);
      if (s.code !== 0) {
        console.log(`${c.name}: exit ${s.code}: ${s.stderr.trim().slice(0, 200)}`);
        continue;
      }
      wall.get(c.name)!.push(s.ms);
    }
  }
  // Peak RSS in separate runs (GNU time's wrapper would add to the wall time).
  for (let i = 0; i < Math.min(RUNS, 5); i += 1) {
    for (const c of cases) {
      if (hasTime) {
        const s = await run(root, TIME, ['-f', 'maxrss_kb=%M', c.cmd, ...c.args], c.env);
        const m = /maxrss_kb=(\d+)/.exec(s.stderr);
        if (m) rss.get(c.name)!.push(Number(m[1]) / 1024);
      } else {
        // No GNU time: a preload reports the child's own peak RSS (KiB) when it exits.
        const s = await run(root, c.cmd, ['--require', rssPreload, ...c.args], c.env);
        const m = /maxrss_kb=(\d+)/.exec(s.stderr);
        if (m) rss.get(c.name)!.push(Number(m[1]) / 1024);
      }
    }
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`history behind each CLI run: ${history.length} points, ${(historyBytes / 1024).toFixed(0)} KiB (a year of use)`);
console.log(
  `runs: ${RUNS} per case (interleaved, after one warm-up), node ${process.version}, peak RSS via ${hasTime ? 'GNU time' : 'resourceUsage'}`,
);
console.log('case                              median ms   p90 ms   min ms   peak RSS MiB (median)');
for (const c of cases) {
  const w = wall.get(c.name)!;
  const r = rss.get(c.name)!;
  if (w.length === 0) {
    console.log(`${c.name.padEnd(32)}  (no successful runs)`);
    continue;
  }
  console.log(
    `${c.name.padEnd(32)}  ${median(w).toFixed(1).padStart(9)}  ${pct(w, 90).toFixed(1).padStart(7)}  ${Math.min(...w)
      .toFixed(1)
      .padStart(7)}  ${r.length ? median(r).toFixed(1).padStart(8) : '     n/a'}`,
  );
}
const cliW = median(wall.get('gate-glance balance --short')!);
const sdkW = median(wall.get('gate-api SDK getTotalBalance')!);
const baseW = median(wall.get("node -e ''")!);
const cliR = rss.get('gate-glance balance --short')!;
const sdkR = rss.get('gate-api SDK getTotalBalance')!;
console.log('');
console.log(`CLI / SDK wall-time ratio (median): ${(cliW / sdkW).toFixed(3)}  (target ≤ 0.333)`);
console.log(`CLI above bare node: ${(cliW - baseW).toFixed(1)} ms; SDK above bare node: ${(sdkW - baseW).toFixed(1)} ms`);
if (cliR.length && sdkR.length)
  console.log(`peak RSS: CLI ${median(cliR).toFixed(1)} MiB (target ≤ 60), SDK ${median(sdkR).toFixed(1)} MiB`);
