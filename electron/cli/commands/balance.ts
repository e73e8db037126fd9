/**
 * `gate-glance balance`: one signed call to Gate's total_balance, printed as a table, exact
 * JSON, or a status-bar line. The same GateClient the app uses; the lean node:https transport;
 * credentials from the environment, else the keychain (injected, loaded only when needed).
 */
import type { Currency } from '../../../shared/balance.js';
import type { Clock } from '../../core/clock.js';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, GateClient } from '../../core/gate/client.js';
import { createNodeTransport } from '../../core/gate/node-transport.js';
import type { BalanceResult, CredentialsProvider, Transport } from '../../core/gate/types.js';
import type { BalanceSnapshot } from '../../../shared/balance.js';
import type { Change24h } from '../../../shared/change.js';
import { change24h } from '../../../shared/change.js';
import { HistoryStore } from '../../core/balance/history-store.js';
import { dataDir } from '../../core/data-dir.js';
import { parseArgs } from '../args.js';
import { baseUrlOption, currencyOption, timeoutOption } from '../common-options.js';
import { envThenFallback, noStoredCredentials } from '../credentials-source.js';
import type { CliCommand, CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { ENGLISH } from '../../../shared/present/words.js';
import { reportError, reportUsage } from '../output.js';
import { balanceJson, balanceTable, jsonText, shortLine, waybarErrorJson, waybarJson } from '../render.js';

/** What `balance` can be given instead of the real world (tests, the app's composition). */
export interface BalanceCommandDeps {
  /**
   * Consulted when GATE_API_KEY/GATE_API_SECRET are not set: the OS keychain entry written by
   * `gate-glance login`. Without it, no env credentials means MISSING_CREDENTIALS.
   */
  readonly keychainCredentials?: CredentialsProvider;
  /** The transport for real requests; default: node:https honouring the proxy variables in `io.env`. */
  readonly createTransport?: (env: Readonly<Record<string, string | undefined>>) => Transport;
  readonly clock?: Pick<Clock, 'now'>;
  /** The data folder shared with the app (history); default from the environment and platform. */
  readonly dataDir?: (env: CliIo['env']) => string;
}

/** Help text of `balance`. */
const BALANCE_USAGE = `Usage: gate-glance balance [options]

Shows your Gate.io total balance (Gate's estimate, converted at its rates) and how it is
spread over your accounts.

Options:
  -c, --currency CUR     BTC, CNY, USD or USDT (default USDT)
      --json             print exact JSON (amounts are Gate's strings, verbatim)
      --format FORMAT    table (default), json, short (one line for status bars: polybar,
                         tmux, conky, i3blocks) or waybar (JSON with text, tooltip, class)
      --short            same as --format short
      --private          mask amounts and shares (table, short and waybar formats)
      --full             show every digit Gate sent instead of 2 (8 for BTC)
      --base-url URL     API base URL (default ${DEFAULT_BASE_URL})
      --timeout MS       request timeout in milliseconds (default ${DEFAULT_TIMEOUT_MS})
      --demo             use the built-in demo portfolio; needs no API key (records nothing)
      --no-history       do not record this balance in the local history
  -h, --help             show this help

Each successful balance is recorded in the history the app keeps (see \`gate-glance history\`),
and the change against the point of 24 hours ago is shown: "change24h" in --json, a percent in
--short and waybar (whose class then lists "up" or "down"), a line in the table.

Credentials: GATE_API_KEY and GATE_API_SECRET from the environment, else the key stored in
the OS keychain by \`gate-glance login\`. HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured.

Exit codes: 0 ok, 2 usage, 3 credentials or permission, 4 network, server, clock, rate limit
or bad response.
`;

const SPECS = [
  { name: 'currency', short: 'c', value: true },
  { name: 'json' },
  { name: 'format', value: true },
  { name: 'short' },
  { name: 'private' },
  { name: 'full' },
  { name: 'base-url', value: true },
  { name: 'timeout', value: true },
  { name: 'demo' },
  { name: 'no-history' },
  { name: 'help', short: 'h' },
] as const;

function failureCode(error: unknown): string {
  if (error instanceof Error && error.name === 'LockTimeoutError') return 'locked by another Gate Glance';
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]{1,20}$/.test(code) ? code : 'I/O error';
}

/**
 * Looks up the change against the history, then records the new point (unless `record` is
 * false). A history that cannot be read or written never fails the balance: one warning line
 * on stderr at most, and the change is then unknown.
 */
async function consultHistory(io: CliIo, deps: BalanceCommandDeps, baseUrl: string, snapshot: BalanceSnapshot, record: boolean): Promise<Change24h | null> {
  let warned = false;
  const warn = (what: string, error: unknown): void => {
    if (warned) return;
    warned = true;
    io.stderr.write(`warning: ${what} (${failureCode(error)}); the balance itself is not affected.\n`);
  };
  let store: HistoryStore;
  try {
    store = new HistoryStore({ dir: (deps.dataDir ?? ((env) => dataDir(env, process.platform)))(io.env), baseUrl, ...(deps.clock ? { now: () => deps.clock!.now() } : {}) });
  } catch (error) {
    warn('could not find the data folder for the history', error);
    return null;
  }
  const now = { currency: snapshot.currency, at: snapshot.fetchedAt, total: snapshot.total.amount };
  if (record) {
    try {
      return change24h(await store.record(now), now);
    } catch (error) {
      warn('could not record this balance in the history', error);
    }
  }
  try {
    return change24h(await store.read(snapshot.currency), now);
  } catch (error) {
    warn('could not read the history', error);
    return null;
  }
}

type Format = 'table' | 'json' | 'short' | 'waybar';

/** Builds the `balance` command with its dependencies. */
export function createBalanceCommand(deps: BalanceCommandDeps = {}): CliCommand {
  return async (argv: readonly string[], io: CliIo): Promise<number> => {
    const parsed = parseArgs(argv, SPECS);
    if (!parsed.ok) return reportUsage(io, parsed.message, 'balance');
    const o = parsed.options;
    if (o['help']) {
      io.stdout.write(BALANCE_USAGE);
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0) return reportUsage(io, `unexpected argument "${parsed.positionals[0]!.slice(0, 40)}"`, 'balance');

    let format: Format = 'table';
    const formats = [o['format'], o['json'] ? 'json' : undefined, o['short'] ? 'short' : undefined].filter((f) => f !== undefined);
    if (new Set(formats).size > 1) return reportUsage(io, 'choose one output format (--json, --short or --format)', 'balance');
    const chosen = formats[0];
    if (chosen !== undefined) {
      if (chosen !== 'table' && chosen !== 'json' && chosen !== 'short' && chosen !== 'waybar') {
        return reportUsage(io, `unknown format "${String(chosen).slice(0, 20)}"; use table, json, short or waybar`, 'balance');
      }
      format = chosen;
    }
    const json = format === 'json';

    const currencyOpt = currencyOption(o['currency']);
    if (!currencyOpt.ok) return reportUsage(io, currencyOpt.message, 'balance');
    const currency: Currency = currencyOpt.value;
    const timeoutOpt = timeoutOption(o['timeout']);
    if (!timeoutOpt.ok) return reportUsage(io, timeoutOpt.message, 'balance');
    const timeoutMs = timeoutOpt.value;
    const demo = o['demo'] === true;
    const baseUrlOpt = baseUrlOption(o['base-url'], demo);
    if (!baseUrlOpt.ok) return reportUsage(io, baseUrlOpt.message, 'balance');
    const baseUrl = baseUrlOpt.value;

    let result: BalanceResult;
    if (demo) {
      const { createDemoSource } = await import('../../core/simulator/demo.js');
      result = await createDemoSource({ timeoutMs, ...(deps.clock ? { clock: deps.clock } : {}) }).client.getTotalBalance(currency);
    } else {
      const client = new GateClient({
        transport: (deps.createTransport ?? ((env) => createNodeTransport({ env })))(io.env),
        credentials: envThenFallback(io.env, deps.keychainCredentials ?? noStoredCredentials),
        baseUrl,
        timeoutMs,
        ...(deps.clock ? { clock: deps.clock } : {}),
      });
      result = await client.getTotalBalance(currency);
    }
    if (!result.ok) {
      if (format === 'short') io.stdout.write(`${ENGLISH.t('cli.unavailable', { code: result.error.code })}\n`);
      if (format === 'waybar') io.stdout.write(`${waybarErrorJson(result.error)}\n`);
      return reportError(io, result.error, json);
    }
    // The demo's figures are not the user's: they are never compared with nor added to the history.
    const change = demo ? null : await consultHistory(io, deps, baseUrl, result.balance, o['no-history'] !== true);
    const human = { privacy: o['private'] === true, full: o['full'] === true, demo, change };
    if (format === 'json') io.stdout.write(`${jsonText(balanceJson(result.balance, change))}\n`);
    else if (format === 'short') io.stdout.write(`${shortLine(result.balance, human)}\n`);
    else if (format === 'waybar') io.stdout.write(`${waybarJson(result.balance, human)}\n`);
    else io.stdout.write(balanceTable(result.balance, human));
    return EXIT.ok;
  };
}
