/**
 * `gate-glance history`: the local net-worth history the app and `balance` record, read from
 * the shared data folder — no key, no keychain and no network needed. A table, the app's CSV
 * export, or exact JSON, oldest first.
 */
import type { Currency } from '../../../shared/balance.js';
import type { HistoryRange } from '../../../shared/history.js';
import { HISTORY_RANGES, isHistoryRange, pointsInRange } from '../../../shared/history.js';
import { HistoryStore, historyToCsv } from '../../core/balance/history-store.js';
import { DEFAULT_BASE_URL } from '../../core/gate/client.js';
import { parseArgs } from '../args.js';
import { baseUrlOption, currencyOption } from '../common-options.js';
import type { CliCommand, CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { reportUsage } from '../output.js';
import { historyJson, historyTable } from '../render.js';

/** What `history` can be given instead of the real world. */
export interface HistoryCommandOptions {
  /** The data folder shared with the app. */
  readonly dataDir: (env: CliIo['env']) => string;
  readonly now?: () => number;
}

/** Help text of `history`. */
const HISTORY_USAGE = `Usage: gate-glance history [options]

Prints the net-worth history that the app and \`gate-glance balance\` record on this computer
(Gate's estimated totals, oldest first). Needs no API key.

Options:
  -c, --currency CUR     BTC, CNY, USD or USDT (default USDT)
      --range RANGE      ${HISTORY_RANGES.join(', ')} (default all)
      --base-url URL     whose history: the Gate endpoint it was read from (default ${DEFAULT_BASE_URL})
      --json             print [{"at","currency","total"}, ...] with Gate's totals verbatim
      --csv              print CSV with the app's export header (timestamp,currency,total)
  -h, --help             show this help

Exit codes: 0 ok (also when there is no history yet), 2 usage, 1 the history could not be read.
`;

const SPECS = [
  { name: 'currency', short: 'c', value: true },
  { name: 'range', value: true },
  { name: 'base-url', value: true },
  { name: 'json' },
  { name: 'csv' },
  { name: 'help', short: 'h' },
] as const;

/** Builds the `history` command. */
export function createHistoryCommand(options: HistoryCommandOptions): CliCommand {
  return async (argv, io) => {
    const parsed = parseArgs(argv, SPECS);
    if (!parsed.ok) return reportUsage(io, parsed.message, 'history');
    const o = parsed.options;
    if (o['help']) {
      io.stdout.write(HISTORY_USAGE);
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0) return reportUsage(io, `unexpected argument "${parsed.positionals[0]!.slice(0, 40)}"`, 'history');
    if (o['json'] && o['csv']) return reportUsage(io, 'choose one output format (--json or --csv)', 'history');
    const currencyOpt = currencyOption(o['currency']);
    if (!currencyOpt.ok) return reportUsage(io, currencyOpt.message, 'history');
    const currency: Currency = currencyOpt.value;
    const rawRange = typeof o['range'] === 'string' ? o['range'].trim().toLowerCase() : 'all';
    if (!isHistoryRange(rawRange)) return reportUsage(io, `unknown range "${rawRange.slice(0, 20)}"; use ${HISTORY_RANGES.join(', ')}`, 'history');
    const range: HistoryRange = rawRange;
    const baseUrlOpt = baseUrlOption(o['base-url'], false);
    if (!baseUrlOpt.ok) return reportUsage(io, baseUrlOpt.message, 'history');
    const baseUrl = baseUrlOpt.value;

    let points;
    try {
      points = await new HistoryStore({ dir: options.dataDir(io.env), baseUrl }).read(currency);
    } catch (error) {
      const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
      io.stderr.write(`error: INTERNAL: could not read the history (${typeof code === 'string' ? code : 'I/O error'}) — Check that the data folder ${options.dataDir(io.env)} is readable.\n`);
      return EXIT.internal;
    }
    const shown = pointsInRange(points, range, (options.now ?? Date.now)());
    if (o['json']) io.stdout.write(`${JSON.stringify(historyJson(shown))}\n`);
    else if (o['csv']) io.stdout.write(historyToCsv(shown));
    else io.stdout.write(historyTable(shown, { currency, range }));
    return EXIT.ok;
  };
}
