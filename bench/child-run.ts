/** Timing child processes for the CLI benches: one sample per run, and the median of many. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SIM_TICKERS } from '../electron/core/simulator/portfolio.js';

/** One finished child process: wall time in ms, exit code and its output. */
export interface Sample {
  readonly ms: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Async spawn: the simulator lives in the bench's own process and must keep serving while a child runs. */
export function run(cwd: string, cmd: string, args: string[], env: Record<string, string>): Promise<Sample> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code, stdout, stderr }));
  });
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A command a bench times: its name in the printed table, and how it is started. */
export interface BenchCase {
  readonly name: string;
  readonly cmd: string;
  readonly args: readonly string[];
}

/** GNU time, for a child's peak RSS; where it is missing the memory figures are left out. */
const GNU_TIME = '/usr/bin/time';

/**
 * Times each case `runs` times, interleaved after one warm-up each (so load falls on all alike),
 * then reads each one's peak RSS up to 5 times: wall ms and MiB per case name. A failed run is
 * reported and left out of the figures.
 */
export async function measureCases(
  cwd: string,
  cases: readonly BenchCase[],
  env: Record<string, string>,
  runs: number,
): Promise<{ wall: Map<string, number[]>; rss: Map<string, number[]> }> {
  const wall = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const rss = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (const c of cases) await run(cwd, c.cmd, [...c.args], env);
  for (let i = 0; i < runs; i += 1) {
    for (const c of cases) {
      const s = await run(cwd, c.cmd, [...c.args], env);
      if (s.code !== 0) {
        console.log(`${c.name}: exit ${s.code}: ${s.stderr.trim().slice(0, 200)}`);
        continue;
      }
      wall.get(c.name)!.push(s.ms);
    }
  }
  if (existsSync(GNU_TIME)) {
    for (let i = 0; i < Math.min(runs, 5); i += 1) {
      for (const c of cases) {
        const s = await run(cwd, GNU_TIME, ['-f', 'maxrss_kb=%M', c.cmd, ...c.args], env);
        const m = /maxrss_kb=(\d+)/.exec(s.stderr);
        if (m) rss.get(c.name)!.push(Number(m[1]) / 1024);
      }
    }
  }
  return { wall, rss };
}

/** Prints measureCases' figures, a row per case: median and fastest wall ms, median peak RSS. */
export function printCases(
  cases: readonly BenchCase[],
  figures: { readonly wall: Map<string, number[]>; readonly rss: Map<string, number[]> },
  nameWidth: number,
): void {
  console.log(`${'case'.padEnd(nameWidth)}  median ms   min ms   peak RSS MiB (median)`);
  for (const c of cases) {
    const w = figures.wall.get(c.name)!;
    const r = figures.rss.get(c.name)!;
    if (w.length === 0) {
      console.log(`${c.name.padEnd(nameWidth)}  (no successful runs)`);
      continue;
    }
    console.log(
      `${c.name.padEnd(nameWidth)}  ${median(w).toFixed(1).padStart(9)}  ${Math.min(...w)
        .toFixed(1)
        .padStart(7)}  ${r.length ? median(r).toFixed(1).padStart(8) : '     n/a'}`,
    );
  }
}

/** Builds out/cli unless it is there and GLANCE_BENCH_REBUILD=0 says to keep it; exits the bench when the build fails. */
export function ensureCliBuilt(root: string): void {
  if (existsSync(join(root, 'out', 'cli', 'gate-glance.cjs')) && process.env['GLANCE_BENCH_REBUILD'] === '0') return;
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) {
    console.log(`cannot build the CLI: ${built.stderr}`);
    process.exit(1);
  }
}

/** Gate lists ~2,500 spot pairs; 5,000 of the simulator's leaner entries make an all-pairs body of Gate's size. */
const FILLER_PAIRS = 5000;

/** The simulator's tickers plus FILLER_PAIRS made-up pairs: spot/tickers answers ~1.4 MB, as on Gate. */
export function gateSizedTickers(): Record<string, string> {
  const tickers: Record<string, string> = { ...SIM_TICKERS };
  for (let i = 0; i < FILLER_PAIRS; i += 1) tickers[`FILL${i}_USDT`] = `${(i % 97) + 1}.${String(i).padStart(4, '0')}`;
  return tickers;
}
