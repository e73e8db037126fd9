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
import { HistoryStore } from '../../core/balance/history-store.js';
import { dataDir } from '../../core/data-dir.js';
import { parseArgs } from '../args.js';
import { baseUrlOption, currencyOption, timeoutOption } from '../common-options.js';
import { noStoredCredentials, profileCredentials } from '../credentials-source.js';
import { profileKeychainCredentials } from '../keychain-credentials.js';
import type { CliCommand, CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { fileProblemWords, reportError, reportUsage, wordsOf } from '../output.js';
import { fitToTerminal, terminalWidth } from '../wrap.js';
import { warmAmountFormatting } from '../../../shared/present/amounts.js';
import { balanceJson, balanceTable, jsonText, shortLine, waybarErrorJson, waybarJson } from '../render.js';
import type { Source } from '../../../shared/portfolio.js';
import { combineSources } from '../../../shared/portfolio.js';
import { combinedShortLine, combinedWaybarJson, noBalanceJson, sourcesJson, sourcesTable } from '../sources-render.js';
import { appGateAccounts, readAllProfiles, readEachOnce, profilesToRead } from '../all-profiles.js';
import { DEFAULT_PROFILE } from '../../core/secrets/profiles.js';

/** The key's total and every source it reads, its sub-accounts included (loaded only for `--sub-accounts`). */
async function readWithSubAccounts(
  client: GateClient,
  currency: Currency,
  clock: Pick<Clock, 'now'> | undefined,
  profile: string,
): Promise<{ total: BalanceResult; sources: readonly Source[] }> {
  const [{ readProfileSources }, { SubAccountReader }] = await Promise.all([
    import('../../core/portfolio/profile-sources.js'),
    import('../../core/portfolio/sub-account-reader.js'),
  ]);
  const subAccounts = new SubAccountReader({ client, ...(clock ? { clock } : {}) });
  return readProfileSources({ profile, client, currency, subAccounts });
}

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
  /** A named profile's keychain entry (`--profile NAME`); default: the OS keychain. */
  readonly profileCredentials?: (profile: string) => CredentialsProvider;
  /** Between the starts of two keys' reads with `--all-profiles`, ms (default KEY_STAGGER_MS). */
  readonly keyStaggerMs?: number;
}

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
  { name: 'sub-accounts' },
  { name: 'all-profiles' },
  { name: 'help', short: 'h' },
] as const;

function failureCode(io: CliIo, error: unknown): string {
  if (error instanceof Error && error.name === 'LockTimeoutError') return wordsOf(io).cli('cli.history.locked');
  const problem = fileProblemWords(wordsOf(io), error);
  if (problem !== null) return problem;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]{1,20}$/.test(code) ? code : wordsOf(io).cli('cli.history.io-error');
}

/**
 * Looks up the change against the history, then records the new point (unless `record` is
 * false). A history that cannot be read or written never fails the balance: one warning line
 * on stderr at most, and the change is then unknown.
 */
async function consultHistory(
  io: CliIo,
  deps: BalanceCommandDeps,
  baseUrl: string,
  snapshot: BalanceSnapshot,
  record: boolean,
): Promise<Change24h | null> {
  let warned = false;
  const warn = (what: 'data-dir' | 'record' | 'read', error: unknown): void => {
    if (warned) return;
    warned = true;
    const words = wordsOf(io);
    io.stderr.write(`${words.cli('cli.warning', { text: words.cli('cli.history.warning', { what, code: failureCode(io, error) }) })}\n`);
  };
  let store: HistoryStore;
  try {
    store = new HistoryStore({
      dir: (deps.dataDir ?? ((env) => dataDir(env, process.platform)))(io.env),
      baseUrl,
      ...(deps.clock ? { now: () => deps.clock!.now() } : {}),
    });
  } catch (error) {
    warn('data-dir', error);
    return null;
  }
  const now = { currency: snapshot.currency, at: snapshot.fetchedAt, total: snapshot.total.amount };
  if (record) {
    try {
      return await store.recordChange(now);
    } catch (error) {
      warn('record', error);
    }
  }
  try {
    return await store.readChange(now);
  } catch (error) {
    warn('read', error);
    return null;
  }
}

type Format = 'table' | 'json' | 'short' | 'waybar';

/** Builds the `balance` command with its dependencies. */
export function createBalanceCommand(deps: BalanceCommandDeps = {}): CliCommand {
  return async (argv: readonly string[], io: CliIo): Promise<number> => {
    const parsed = parseArgs(argv, SPECS);
    const words = wordsOf(io);
    if (!parsed.ok) return reportUsage(io, parsed.problem, 'balance');
    const o = parsed.options;
    if (o['help']) {
      io.stdout.write(fitToTerminal(io, words.cli('cli.help.balance', { baseUrl: DEFAULT_BASE_URL, timeoutMs: DEFAULT_TIMEOUT_MS })));
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0)
      return reportUsage(
        io,
        { key: 'cli.usage.unexpected-argument', params: { argument: parsed.positionals[0]!.slice(0, 40) } },
        'balance',
      );

    let format: Format = 'table';
    const formats = [o['format'], o['json'] ? 'json' : undefined, o['short'] ? 'short' : undefined].filter((f) => f !== undefined);
    if (new Set(formats).size > 1) return reportUsage(io, { key: 'cli.usage.one-format', params: { command: 'balance' } }, 'balance');
    const chosen = formats[0];
    if (chosen !== undefined) {
      if (chosen !== 'table' && chosen !== 'json' && chosen !== 'short' && chosen !== 'waybar') {
        return reportUsage(
          io,
          { key: 'cli.usage.unknown-format', params: { format: String(chosen).slice(0, 20), command: 'balance' } },
          'balance',
        );
      }
      format = chosen;
    }
    const json = format === 'json';

    const currencyOpt = currencyOption(o['currency']);
    if (!currencyOpt.ok) return reportUsage(io, currencyOpt.problem, 'balance');
    const currency: Currency = currencyOpt.value;
    const timeoutOpt = timeoutOption(o['timeout']);
    if (!timeoutOpt.ok) return reportUsage(io, timeoutOpt.problem, 'balance');
    const timeoutMs = timeoutOpt.value;
    const demo = o['demo'] === true;
    const baseUrlOpt = baseUrlOption(o['base-url'], demo);
    if (!baseUrlOpt.ok) return reportUsage(io, baseUrlOpt.problem, 'balance');
    const baseUrl = baseUrlOpt.value;

    const withSubAccounts = o['sub-accounts'] === true;
    const allProfiles = o['all-profiles'] === true;
    const chosenProfile = io.profile ?? DEFAULT_PROFILE;
    let result: BalanceResult;
    let sources: readonly Source[] | null = null;
    if (demo) {
      const { createDemoSource } = await import('../../core/simulator/demo.js');
      const client = createDemoSource({ timeoutMs, subAccounts: withSubAccounts, ...(deps.clock ? { clock: deps.clock } : {}) }).client;
      if (withSubAccounts)
        ({ total: result, sources } = await readWithSubAccounts(client, currency, deps.clock, io.profile ?? DEFAULT_PROFILE));
      else result = await client.getTotalBalance(currency);
    } else {
      const transport = (deps.createTransport ?? ((env) => createNodeTransport({ env })))(io.env);
      const keychain = deps.keychainCredentials ?? noStoredCredentials;
      const profileKeychain = deps.profileCredentials ?? profileKeychainCredentials;
      const keychainOf = allProfiles
        ? readEachOnce((profile) => (profile === DEFAULT_PROFILE ? keychain : profileKeychain(profile)))
        : (profile: string) => (profile === DEFAULT_PROFILE ? keychain : profileKeychain(profile));
      const clientFor = (profile: string): GateClient =>
        new GateClient({
          transport,
          credentials: profileCredentials({ env: io.env, profile }, keychainOf(DEFAULT_PROFILE), keychainOf),
          baseUrl,
          timeoutMs,
          ...(deps.clock ? { clock: deps.clock } : {}),
        });
      const client = clientFor(chosenProfile);
      if (allProfiles) {
        const accounts = await appGateAccounts(io, deps.dataDir ?? ((env) => dataDir(env, process.platform)));
        ({ total: result, sources } = await readAllProfiles({
          entries: profilesToRead(accounts, chosenProfile, withSubAccounts),
          chosen: chosenProfile,
          currency,
          clientFor,
          ...(deps.clock ? { clock: deps.clock } : {}),
          ...(deps.keyStaggerMs !== undefined ? { staggerMs: deps.keyStaggerMs } : {}),
        }));
      } else if (withSubAccounts)
        ({ total: result, sources } = await readWithSubAccounts(client, currency, deps.clock, io.profile ?? DEFAULT_PROFILE));
      else {
        const pending = client.getTotalBalance(currency);
        // By the event loop's next turn the request is on its way: ICU starts while Gate answers.
        setImmediate(() => warmAmountFormatting(words));
        result = await pending;
      }
    }
    // More than one source: `total` stays the key's own figure, `sources` and `combined` are added.
    const several = sources !== null && sources.length > 1 ? sources : null;
    const combined = several ? combineSources(several, currency) : null;
    // --all-profiles: the chosen key failing while another source answered is that key's source in error.
    const othersAnswered = allProfiles && several !== null && several.some((s) => s.total !== null);
    if (!result.ok && !othersAnswered) {
      if (format === 'short') io.stdout.write(`${words.t('cli.unavailable', { code: result.error.code })}\n`);
      if (format === 'waybar') io.stdout.write(`${waybarErrorJson(result.error, words)}\n`);
      return reportError(io, result.error, json);
    }
    // The demo's figures are not the user's: they are never compared with nor added to the history.
    const change = demo || !result.ok ? null : await consultHistory(io, deps, baseUrl, result.balance, o['no-history'] !== true);
    const human = { privacy: o['private'] === true, full: o['full'] === true, demo, change, words, width: terminalWidth(io) };
    if (several && combined) {
      const base = result.ok ? balanceJson(result.balance, change) : noBalanceJson(currency);
      const at = Math.max(...several.map((s) => s.fetchedAt ?? 0));
      if (format === 'json') io.stdout.write(`${jsonText({ ...base, ...sourcesJson(several, combined, words) })}\n`);
      else if (format === 'short') io.stdout.write(`${combinedShortLine(combined, human)}\n`);
      else if (format === 'waybar') io.stdout.write(`${combinedWaybarJson(several, combined, { ...human, at })}\n`);
      else
        io.stdout.write(
          `${result.ok ? `${balanceTable(result.balance, human)}\n` : ''}${sourcesTable(several, combined, { privacy: human.privacy, full: human.full, words, width: human.width })}`,
        );
      // A key that could not be read while others were: the output is whole, the exit says a key is missing from it.
      return allProfiles && several.some((s) => s.kind === 'key' && s.status === 'error') ? EXIT.partial : EXIT.ok;
    }
    if (!result.ok) return reportError(io, result.error, json);
    if (format === 'json') io.stdout.write(`${jsonText(balanceJson(result.balance, change))}\n`);
    else if (format === 'short') io.stdout.write(`${shortLine(result.balance, human)}\n`);
    else if (format === 'waybar') io.stdout.write(`${waybarJson(result.balance, human)}\n`);
    else io.stdout.write(balanceTable(result.balance, human));
    return EXIT.ok;
  };
}
