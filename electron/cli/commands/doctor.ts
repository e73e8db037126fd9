/**
 * `gate-glance doctor`: where a user looks when "the icon is not there". It gathers the facts
 * (the tray host on the session bus, the keychain, the data folder, Gate's clock and one signed
 * call when a key is at hand, the proxy) and prints `diagnose`'s verdict: an aligned list with
 * the remedies, or with `--json` one object, the same `Diagnostics` Settings shows. Never a secret.
 */
import type { DiagnosticHint, Diagnostics } from '../../../shared/diagnostics.js';
import type { CliMessageKey } from '../../../shared/present/catalogue.js';
import type { CliWords } from '../../../shared/present/cli-words.js';
import type { Clock } from '../../core/clock.js';
import { dataDir } from '../../core/data-dir.js';
import { diagnose, type DiagnosticFacts } from '../../core/diagnostics/diagnose.js';
import { inspectDataDir, probeGate, proxyUrlFor } from '../../core/diagnostics/gather.js';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from '../../core/gate/client.js';
import { createNodeTransport } from '../../core/gate/node-transport.js';
import type { CredentialsProvider, Transport } from '../../core/gate/types.js';
import { parseArgs } from '../args.js';
import { columns, padColumns } from '../columns.js';
import { baseUrlOption, timeoutOption } from '../common-options.js';
import { envThenFallback } from '../credentials-source.js';
import { appGateAccounts, KEY_STAGGER_MS, profilesToRead, readEachOnce, staggered } from '../all-profiles.js';
import { profileKeychainCredentials } from '../keychain-credentials.js';
import { DEFAULT_PROFILE } from '../../core/secrets/profiles.js';
import type { CliCommand, CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { reportUsage, wordsOf } from '../output.js';
import { fitToTerminal, terminalWidth, wrapLine } from '../wrap.js';

/** Exit code when the report names something to do (at least one hint). */
export const DOCTOR_ATTENTION_EXIT = 5;

const JSON_SHAPE =
  '{"trayHost":{"status","hint"},"keychain":{"status","hint"},"dataDir":{"path","status","hint"},"gate":{"status","clockSkewMs","hint"},"proxy":{"url"}}';

/** What `doctor` can be given instead of the real world (tests). */
export interface DoctorCommandDeps {
  /** The keychain entry `gate-glance login` wrote (read once); the real keychain by default. */
  readonly keychainCredentials?: CredentialsProvider;
  /** Whether a StatusNotifierWatcher owns its name; on Linux the real session bus by default. */
  readonly trayHost?: (env: CliIo['env']) => Promise<DiagnosticFacts['trayHost']>;
  readonly createTransport?: (env: Readonly<Record<string, string | undefined>>) => Transport;
  readonly dataDir?: (env: CliIo['env']) => string;
  readonly clock?: Pick<Clock, 'now'>;
  /** `process.platform` by default. */
  readonly platform?: string;
  /** A named profile's keychain entry (`--profile NAME`); the OS keychain by default. */
  readonly profileCredentials?: (profile: string) => CredentialsProvider;
  /** Between the starts of two keys' checks with `--all-profiles`, ms (default KEY_STAGGER_MS). */
  readonly keyStaggerMs?: number;
}

/** One key's own part of the report: its keychain entry and Gate's answer to it. */
interface ProfileCheck {
  readonly profile: string;
  readonly keychain: Diagnostics['keychain'];
  readonly gate: Diagnostics['gate'];
}

const SPECS = [
  { name: 'json' },
  { name: 'base-url', value: true },
  { name: 'timeout', value: true },
  { name: 'all-profiles' },
  { name: 'help', short: 'h' },
] as const;

async function defaultTrayHost(env: CliIo['env']): Promise<DiagnosticFacts['trayHost']> {
  const { trayHostOnce } = await import('../../core/desktop/status-notifier-watch.js');
  return trayHostOnce({ env });
}

const defaultKeychain: CredentialsProvider = async () => {
  const { KeytarSecretStore } = await import('../../core/secrets/keytar-store.js');
  return new KeytarSecretStore().get();
};

/** A key's keychain and Gate parts of a report. */
function pick(d: Diagnostics): Pick<ProfileCheck, 'keychain' | 'gate'> {
  return { keychain: d.keychain, gate: d.gate };
}

/**
 * The human report: one aligned line per part, its remedy indented under it. `profiles` (named
 * with `--profile` or `--all-profiles`): each key's keychain and Gate lines, labelled with its name.
 */
function report(d: Diagnostics, words: CliWords, terminal: number, profiles: readonly ProfileCheck[] | null): string {
  const status = (s: string): string => words.cli(`cli.doctor.status.${s}` as CliMessageKey);
  const hint = (h: DiagnosticHint | null): string | null => (h === null ? null : words.cli(`cli.doctor.hint.${h}` as CliMessageKey));
  const gateValue = (gate: Diagnostics['gate']): string =>
    gate.clockSkewMs === null
      ? status(gate.status)
      : `${status(gate.status)}  ${words.cli('cli.doctor.clock', { seconds: (gate.clockSkewMs / 1000).toFixed(1) })}`;
  const keychainRows: [string, string, string | null][] =
    profiles === null
      ? [[words.cli('cli.doctor.part.keychain'), status(d.keychain.status), hint(d.keychain.hint)]]
      : profiles.map((p) => [
          words.cli('cli.doctor.part.keychain-of', { profile: p.profile }),
          status(p.keychain.status),
          hint(p.keychain.hint),
        ]);
  const gateRows: [string, string, string | null][] =
    profiles === null
      ? [[words.cli('cli.doctor.part.gate'), gateValue(d.gate), hint(d.gate.hint)]]
      : profiles.map((p) => [words.cli('cli.doctor.part.gate-of', { profile: p.profile }), gateValue(p.gate), hint(p.gate.hint)]);
  const rows: [string, string, string | null][] = [
    [words.cli('cli.doctor.part.trayHost'), status(d.trayHost.status), hint(d.trayHost.hint)],
    ...keychainRows,
    [words.cli('cli.doctor.part.dataDir'), `${status(d.dataDir.status)}  ${d.dataDir.path}`, hint(d.dataDir.hint)],
    ...gateRows,
    [words.cli('cli.doctor.part.proxy'), d.proxy.url ?? words.cli('cli.doctor.proxy.none'), null],
  ];
  const width = Math.max(...rows.map(([label]) => columns(label)));
  const lines: string[] = [];
  for (const [label, value, remedy] of rows) {
    lines.push(`${padColumns(label, width, false)}  ${value}`);
    if (remedy !== null) lines.push(...wrapLine(`${' '.repeat(width + 2)}→ ${remedy}`, terminal, ' '.repeat(width + 4)));
  }
  return `${lines.join('\n')}\n`;
}

/** Builds the `doctor` command with its dependencies. */
export function createDoctorCommand(deps: DoctorCommandDeps = {}): CliCommand {
  return async (argv: readonly string[], io: CliIo): Promise<number> => {
    const parsed = parseArgs(argv, SPECS);
    const words = wordsOf(io);
    if (!parsed.ok) return reportUsage(io, parsed.problem, 'doctor');
    const o = parsed.options;
    if (o['help']) {
      io.stdout.write(
        fitToTerminal(
          io,
          words.cli('cli.help.doctor', { jsonShape: JSON_SHAPE, baseUrl: DEFAULT_BASE_URL, timeoutMs: DEFAULT_TIMEOUT_MS }),
        ),
      );
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0) {
      return reportUsage(io, { key: 'cli.usage.unexpected-argument', params: { argument: parsed.positionals[0]!.slice(0, 40) } }, 'doctor');
    }
    const timeoutOpt = timeoutOption(o['timeout']);
    if (!timeoutOpt.ok) return reportUsage(io, timeoutOpt.problem, 'doctor');
    const baseUrlOpt = baseUrlOption(o['base-url'], false);
    if (!baseUrlOpt.ok) return reportUsage(io, baseUrlOpt.problem, 'doctor');
    const baseUrl = baseUrlOpt.value;
    const platform = deps.platform ?? io.platform ?? process.platform;

    const chosen = io.profile ?? DEFAULT_PROFILE;
    const transport = (deps.createTransport ?? ((env) => createNodeTransport({ env })))(io.env);
    /** A key's facts: its keychain entry (read once) and Gate's answer to it; the default key is the environment's first. */
    const keychainOf = readEachOnce((profile) =>
      profile === DEFAULT_PROFILE
        ? (deps.keychainCredentials ?? defaultKeychain)
        : (deps.profileCredentials ?? profileKeychainCredentials)(profile),
    );
    const checkKey = async (profile: string) => {
      const keychain = keychainOf(profile);
      const [pair, gate] = await Promise.all([
        keychain(),
        probeGate({
          transport,
          baseUrl,
          timeoutMs: timeoutOpt.value,
          credentials: profile === DEFAULT_PROFILE ? envThenFallback(io.env, keychain) : keychain,
          ...(deps.clock ? { clock: deps.clock } : {}),
        }),
      ]);
      return { profile, keychain: pair.ok ? { stored: pair.value !== null, error: null } : { stored: false, error: pair.error }, gate };
    };
    const dir = (deps.dataDir ?? ((env) => dataDir(env, process.platform)))(io.env);
    const [trayHost, key, dataDirFact] = await Promise.all([
      platform === 'linux' ? (deps.trayHost ?? defaultTrayHost)(io.env) : Promise.resolve('not-applicable' as const),
      checkKey(chosen),
      inspectDataDir(dir, platform),
    ]);
    const facts = (k: Awaited<ReturnType<typeof checkKey>>) =>
      diagnose({
        platform,
        desktop: io.env.XDG_CURRENT_DESKTOP,
        trayHost,
        keychain: k.keychain,
        dataDir: { path: dir, fact: dataDirFact },
        gate: k.gate,
        proxyUrl: proxyUrlFor(baseUrl, io.env),
      });
    const diagnostics = facts(key);
    let profiles: ProfileCheck[] | null = io.profile === undefined ? null : [{ profile: chosen, ...pick(diagnostics) }];
    if (o['all-profiles'] === true) {
      const others = profilesToRead(await appGateAccounts(io, deps.dataDir ?? ((env) => dataDir(env, process.platform))), chosen, false)
        .map((e) => e.profile)
        .filter((p) => p !== chosen);
      const checked = await staggered(others, deps.keyStaggerMs ?? KEY_STAGGER_MS, checkKey);
      profiles = [{ profile: chosen, ...pick(diagnostics) }, ...checked.map((k) => ({ profile: k.profile, ...pick(facts(k)) }))];
    }
    if (o['json'] === true)
      io.stdout.write(
        `${JSON.stringify(
          profiles === null ? diagnostics : { ...diagnostics, profile: chosen, ...(o['all-profiles'] === true ? { profiles } : {}) },
        )}\n`,
      );
    else io.stdout.write(report(diagnostics, words, terminalWidth(io), profiles));
    const hints = [
      diagnostics.trayHost.hint,
      diagnostics.keychain.hint,
      diagnostics.dataDir.hint,
      diagnostics.gate.hint,
      ...(profiles ?? []).flatMap((p) => [p.keychain.hint, p.gate.hint]),
    ];
    return hints.some((h) => h !== null) ? DOCTOR_ATTENTION_EXIT : EXIT.ok;
  };
}
