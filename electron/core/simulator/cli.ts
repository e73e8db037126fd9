/**
 * `npm run simulator`: the Gate simulator as a process, for manual runs, the browser e2e tier
 * and Gate's own SDK. Prints `listening on http://127.0.0.1:PORT` as its first line and serves
 * until killed. Loopback only unless `--host` says otherwise.
 */
import type { Writable } from 'node:stream';
import type { SimKey } from './handler.js';
import type { SimPortfolio } from './portfolio.js';
import { DEMO_PORTFOLIO, GATE_EXAMPLE_PORTFOLIO, HOSTILE_PORTFOLIO } from './portfolio.js';
import type { SimulatorServer } from './server.js';
import { startSimulatorServer } from './server.js';

/** Help for the simulator process. */
const SIMULATOR_USAGE = `Usage: npm run --silent simulator -- [options]

  --port N             port to listen on (default 0: any free port)
  --host H             address to bind (default 127.0.0.1)
  --key K --secret S   an API key pair the simulator accepts (repeatable in pairs)
  --no-wallet-read     the key lacks wallet read permission (403 FORBIDDEN)
  --portfolio NAME     demo (default) or gate-example (Gate's documented 40-digit example),
                       or hostile (object-member and control-character account names,
                       accounts that do not add up to the total)
  --clock-offset MS    the simulated server clock runs this many ms ahead (negative: behind)
  --exit-on-stdin-close  stop when stdin closes (a parent that dies can never leave it running,
                       even through \`npm run\`, which does not pass SIGTERM on)
`;

/** Parses argv and starts a server; answers the server, or an error message for stderr. */
export async function startSimulatorFromArgs(
  argv: readonly string[],
): Promise<{ ok: true; server: SimulatorServer; exitOnStdinClose: boolean } | { ok: false; message: string }> {
  let port = 0;
  let host = '127.0.0.1';
  let portfolio: SimPortfolio = DEMO_PORTFOLIO;
  let offset = 0;
  let walletRead = true;
  let exitOnStdinClose = false;
  const keys: string[] = [];
  const secrets: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const next = (): string | undefined => argv[++i];
    switch (arg) {
      case '--port': {
        const v = next();
        if (v === undefined || !/^\d+$/.test(v) || Number(v) > 65535) return { ok: false, message: '--port needs a number 0-65535' };
        port = Number(v);
        break;
      }
      case '--host': {
        const v = next();
        if (!v) return { ok: false, message: '--host needs an address' };
        host = v;
        break;
      }
      case '--key': {
        const v = next();
        if (!v) return { ok: false, message: '--key needs a value' };
        keys.push(v);
        break;
      }
      case '--secret': {
        const v = next();
        if (!v) return { ok: false, message: '--secret needs a value' };
        secrets.push(v);
        break;
      }
      case '--exit-on-stdin-close':
        exitOnStdinClose = true;
        break;
      case '--no-wallet-read':
        walletRead = false;
        break;
      case '--portfolio': {
        const v = next();
        if (v === 'demo') portfolio = DEMO_PORTFOLIO;
        else if (v === 'gate-example') portfolio = GATE_EXAMPLE_PORTFOLIO;
        else if (v === 'hostile') portfolio = HOSTILE_PORTFOLIO;
        else return { ok: false, message: '--portfolio is demo or gate-example, or hostile' };
        break;
      }
      case '--clock-offset': {
        const v = next();
        if (v === undefined || !/^-?\d+$/.test(v)) return { ok: false, message: '--clock-offset needs milliseconds' };
        offset = Number(v);
        break;
      }
      case '--help':
      case '-h':
        return { ok: false, message: SIMULATOR_USAGE };
      default:
        return { ok: false, message: `unknown option ${arg.slice(0, 40)}\n${SIMULATOR_USAGE}` };
    }
  }
  if (keys.length !== secrets.length) return { ok: false, message: 'give --key and --secret in pairs' };
  const simKeys: SimKey[] = keys.map((key, i) => ({ key, secret: secrets[i]!, walletRead }));
  try {
    const server = await startSimulatorServer({ port, host, keys: simKeys, portfolio, serverClockOffsetMs: offset });
    return { ok: true, server, exitOnStdinClose };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'unknown';
    return { ok: false, message: `cannot listen on ${host}:${port} (${code})` };
  }
}

/** The process side: start, print the first line, serve until SIGINT/SIGTERM. */
export async function simulatorMain(argv: readonly string[], stdout: Writable, stderr: Writable): Promise<void> {
  const started = await startSimulatorFromArgs(argv);
  if (!started.ok) {
    stderr.write(`${started.message.trimEnd()}\n`);
    process.exitCode = 2;
    return;
  }
  stdout.write(`listening on ${started.server.origin}\n`);
  // The first line stays as scripts parse it; the second is the value `--base-url` takes as is.
  stdout.write(`base URL: ${started.server.origin}/api/v4  (gate-glance balance --base-url ${started.server.origin}/api/v4)\n`);
  const stop = (): void => {
    void started.server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (started.exitOnStdinClose) {
    process.stdin.once('end', stop);
    process.stdin.once('close', stop);
    process.stdin.resume();
  }
}
