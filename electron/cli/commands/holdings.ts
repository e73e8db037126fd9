/**
 * `gate-glance holdings`: what one account is made of, coin by coin. Reads the account's own
 * endpoint and the public spot tickers (through HoldingsService) and Gate's total_balance
 * figure for the account, all at once, then prints a table or the exact JSON. Same client,
 * transport, credentials, error lines and exit codes as `balance`.
 */
import type { DecimalString } from '../../../shared/balance.js';
import type { HoldingsAccount } from '../../../shared/holdings.js';
import { HOLDINGS_ACCOUNTS, isHoldingsAccount } from '../../../shared/holdings.js';
import type { Clock } from '../../core/clock.js';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, GateClient } from '../../core/gate/client.js';
import { createNodeTransport } from '../../core/gate/node-transport.js';
import type { CredentialsProvider, Transport } from '../../core/gate/types.js';
import { HoldingsService, holdingsResult } from '../../core/holdings/holdings-service.js';
import { parseArgs } from '../args.js';
import { baseUrlOption, currencyOption, timeoutOption } from '../common-options.js';
import { noStoredCredentials, profileCredentials } from '../credentials-source.js';
import { profileKeychainCredentials } from '../keychain-credentials.js';
import { holdingsJson, holdingsTable } from '../holdings-render.js';
import type { CliCommand, CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { formatList } from '../../../shared/present/words.js';
import { reportError, reportUsage, wordsOf } from '../output.js';
import { fitToTerminal, terminalWidth } from '../wrap.js';

/** What `holdings` can be given instead of the real world (tests). */
export interface HoldingsCommandOptions {
  readonly keychainCredentials?: CredentialsProvider;
  readonly createTransport?: (env: Readonly<Record<string, string | undefined>>) => Transport;
  readonly clock?: Pick<Clock, 'now'>;
  /** A named profile's keychain entry (`--profile NAME`); default: the OS keychain. */
  readonly profileCredentials?: (profile: string) => CredentialsProvider;
}

const SPECS = [
  { name: 'account', short: 'a', value: true },
  { name: 'currency', short: 'c', value: true },
  { name: 'json' },
  { name: 'format', value: true },
  { name: 'private' },
  { name: 'base-url', value: true },
  { name: 'timeout', value: true },
  { name: 'demo' },
  { name: 'help', short: 'h' },
] as const;

/** Builds the `holdings` command with its dependencies. */
export function createHoldingsCommand(options: HoldingsCommandOptions = {}): CliCommand {
  return async (argv: readonly string[], io: CliIo): Promise<number> => {
    const parsed = parseArgs(argv, SPECS);
    const words = wordsOf(io);
    if (!parsed.ok) return reportUsage(io, parsed.problem, 'holdings');
    const o = parsed.options;
    if (o['help']) {
      const permissions = formatList(
        words,
        HOLDINGS_ACCOUNTS.map((account) => words.cli('cli.help.holdings.permission', { account })),
      );
      io.stdout.write(
        fitToTerminal(io, words.cli('cli.help.holdings', { baseUrl: DEFAULT_BASE_URL, timeoutMs: DEFAULT_TIMEOUT_MS, permissions })),
      );
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0)
      return reportUsage(
        io,
        { key: 'cli.usage.unexpected-argument', params: { argument: parsed.positionals[0]!.slice(0, 40) } },
        'holdings',
      );
    const formats = [o['format'], o['json'] ? 'json' : undefined].filter((f) => f !== undefined);
    if (new Set(formats).size > 1) return reportUsage(io, { key: 'cli.usage.one-format', params: { command: 'holdings' } }, 'holdings');
    const format = formats[0] ?? 'table';
    if (format !== 'table' && format !== 'json')
      return reportUsage(
        io,
        { key: 'cli.usage.unknown-format', params: { format: String(format).slice(0, 20), command: 'holdings' } },
        'holdings',
      );
    const rawAccount = typeof o['account'] === 'string' ? o['account'].trim().toLowerCase() : 'spot';
    if (!isHoldingsAccount(rawAccount))
      return reportUsage(
        io,
        { key: 'cli.usage.unknown-account', params: { account: rawAccount.slice(0, 20) }, lists: { accounts: HOLDINGS_ACCOUNTS } },
        'holdings',
      );
    const account: HoldingsAccount = rawAccount;
    const currency = currencyOption(o['currency']);
    if (!currency.ok) return reportUsage(io, currency.problem, 'holdings');
    const timeout = timeoutOption(o['timeout']);
    if (!timeout.ok) return reportUsage(io, timeout.problem, 'holdings');
    const demo = o['demo'] === true;
    const baseUrl = baseUrlOption(o['base-url'], demo);
    if (!baseUrl.ok) return reportUsage(io, baseUrl.problem, 'holdings');

    let client: GateClient;
    if (demo) {
      const { createDemoSource } = await import('../../core/simulator/demo.js');
      client = createDemoSource({ timeoutMs: timeout.value, ...(options.clock ? { clock: options.clock } : {}) }).client;
    } else {
      client = new GateClient({
        transport: (options.createTransport ?? ((env) => createNodeTransport({ env })))(io.env),
        credentials: profileCredentials(
          io,
          options.keychainCredentials ?? noStoredCredentials,
          options.profileCredentials ?? profileKeychainCredentials,
        ),
        baseUrl: baseUrl.value,
        timeoutMs: timeout.value,
        ...(options.clock ? { clock: options.clock } : {}),
      });
    }
    const holdings = new HoldingsService({ client, ...(options.clock ? { clock: options.clock } : {}) });
    // Gate's total_balance has no figure for the unified account: it is not asked for one.
    const [data, total] = await Promise.all([
      holdings.read(account),
      account === 'unified' ? Promise.resolve(null) : client.getTotalBalance(currency.value),
    ]);
    const json = format === 'json';
    if (total !== null && !total.ok) return reportError(io, total.error, json);
    if (!data.ok) return reportError(io, data.error, json);
    const amount: DecimalString | null = total?.balance.accounts.find((a) => a.name === account)?.amount ?? null;
    const result = holdingsResult(data.value, currency.value, amount);
    if (json) io.stdout.write(`${JSON.stringify(holdingsJson(result.breakdown, result.fetchedAt))}\n`);
    else
      io.stdout.write(
        holdingsTable(result.breakdown, result.fetchedAt, {
          privacy: o['private'] === true,
          demo,
          words,
          width: terminalWidth(io),
          ...(result.mode !== undefined ? { mode: result.mode } : {}),
        }),
      );
    return EXIT.ok;
  };
}
