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
import { formatList } from '../../../shared/present/words.js';
import { fileProblemWords, reportUsage, wordsOf } from '../output.js';
import { fitToTerminal, terminalWidth } from '../wrap.js';
import { historyJson, historyTable } from '../render.js';

/** What `history` can be given instead of the real world. */
export interface HistoryCommandOptions {
  /** The data folder shared with the app. */
  readonly dataDir: (env: CliIo['env']) => string;
  readonly now?: () => number;
  /** The zone the table's times are shown in; the system's by default. */
  readonly timeZone?: string;
}

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
    const words = wordsOf(io);
    if (!parsed.ok) return reportUsage(io, parsed.problem, 'history');
    const o = parsed.options;
    if (o['help']) {
      io.stdout.write(
        fitToTerminal(
          io,
          words.cli('cli.help.history', {
            ranges: formatList(words, HISTORY_RANGES),
            baseUrl: DEFAULT_BASE_URL,
            jsonShape: '[{"at","currency","total"}, ...]',
          }),
        ),
      );
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0)
      return reportUsage(
        io,
        { key: 'cli.usage.unexpected-argument', params: { argument: parsed.positionals[0]!.slice(0, 40) } },
        'history',
      );
    if (o['json'] && o['csv']) return reportUsage(io, { key: 'cli.usage.one-format', params: { command: 'history' } }, 'history');
    const currencyOpt = currencyOption(o['currency']);
    if (!currencyOpt.ok) return reportUsage(io, currencyOpt.problem, 'history');
    const currency: Currency = currencyOpt.value;
    const rawRange = typeof o['range'] === 'string' ? o['range'].trim().toLowerCase() : 'all';
    if (!isHistoryRange(rawRange))
      return reportUsage(
        io,
        { key: 'cli.usage.unknown-range', params: { range: rawRange.slice(0, 20) }, lists: { ranges: HISTORY_RANGES } },
        'history',
      );
    const range: HistoryRange = rawRange;
    const baseUrlOpt = baseUrlOption(o['base-url'], false);
    if (!baseUrlOpt.ok) return reportUsage(io, baseUrlOpt.problem, 'history');
    const baseUrl = baseUrlOpt.value;

    let points;
    try {
      points = await new HistoryStore({ dir: options.dataDir(io.env), baseUrl }).read(currency);
    } catch (error) {
      const problem = fileProblemWords(words, error);
      if (problem !== null) {
        io.stderr.write(`${words.cli('cli.history.refused', { problem })}\n`);
        return EXIT.internal;
      }
      const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
      io.stderr.write(
        `${words.cli('cli.history.read-failed', { code: typeof code === 'string' ? code : words.cli('cli.history.io-error'), dir: options.dataDir(io.env) })}\n`,
      );
      return EXIT.internal;
    }
    const shown = pointsInRange(points, range, (options.now ?? Date.now)());
    if (o['json']) io.stdout.write(`${JSON.stringify(historyJson(shown))}\n`);
    else if (o['csv']) io.stdout.write(historyToCsv(shown));
    else
      io.stdout.write(
        historyTable(shown, {
          currency,
          range,
          words,
          width: terminalWidth(io),
          ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
        }),
      );
    return EXIT.ok;
  };
}
