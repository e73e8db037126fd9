/**
 * `gate-glance login`, `logout` and `status`: the key pair in the OS keychain, from a terminal.
 * The secret is read from stdin only — never from argv, which every user on the machine can
 * read in `ps` — with the echo off on a terminal; piped input (two lines: key, then secret)
 * works for scripts. The same CredentialsService as the app validates, verifies and stores,
 * so the CLI and the app can never disagree about what a good key is.
 */
import { profileAccount } from '../../core/secrets/profiles.js';
import { rejectsKey, type AppError } from '../../../shared/errors.js';
import type { CredentialsStatus } from '../../../shared/ipc.js';
import type { KeyHealth } from '../../../shared/key-health.js';
import type { Clock } from '../../core/clock.js';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, GateClient } from '../../core/gate/client.js';
import { readKeyHealth } from '../../core/key-health/key-health-service.js';
import { keyHealthFacts, keyWarningText } from '../../../shared/present/key-health-words.js';
import { envThenFallback } from '../credentials-source.js';
import { createNodeTransport } from '../../core/gate/node-transport.js';
import type { Transport } from '../../core/gate/types.js';
import type { CredentialsService } from '../../core/secrets/credentials-service.js';
import { HistoryStore } from '../../core/balance/history-store.js';
import { dataDir } from '../../core/data-dir.js';
import { baseUrlOption, timeoutOption } from '../common-options.js';
import { parseArgs, parseBaseUrlOption, type OptionSpec } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';
import { EXIT } from '../io.js';
import { errorWords, oneLine } from '../../../shared/present/error-words.js';
import type { CliWords } from '../../../shared/present/cli-words.js';
import { noticeText } from '../../../shared/present/notice-words.js';
import { errorLine, exitCodeFor, reportError, reportUsage, wordsOf, type UsageProblem } from '../output.js';
import { fitToTerminal } from '../wrap.js';

/** Where the login's test call goes and how long it may take. */
interface VerifyTarget {
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

/** What the three commands can be given instead of the real world (tests, other front ends). */
export interface CredentialsCommandDeps {
  /**
   * Builds the service for one command run. Default: the OS keychain (KeytarSecretStore) and,
   * for `login --verify`, the real GateClient over the node:https transport. Loaded lazily, so
   * `balance` never pays for it.
   */
  readonly createService?: (io: CliIo, verifyTarget: VerifyTarget | null) => Promise<CredentialsService>;
  /** The transport for the verification call; default node:https honouring the proxy variables in `io.env`. */
  readonly createTransport?: (env: Readonly<Record<string, string | undefined>>) => Transport;
  /** The data folder shared with the app, for `logout --forget-history`. */
  readonly dataDir?: (env: CliIo['env']) => string;
  /** For `status`'s key health: when "now" is (dates of the estimated expiry). */
  readonly clock?: Pick<Clock, 'now'>;
}

/** The most stdin `login` reads when piped: two lines of a few hundred characters at most. */
const MAX_LOGIN_INPUT_BYTES = 16 * 1024;

/** Exit code for Ctrl-C at a prompt (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = 130;

const ENV_KEY = 'GATE_API_KEY';
const ENV_SECRET = 'GATE_API_SECRET';

async function defaultService(io: CliIo, target: VerifyTarget | null, deps: CredentialsCommandDeps): Promise<CredentialsService> {
  const [{ CredentialsService }, { KeytarSecretStore }] = await Promise.all([
    import('../../core/secrets/credentials-service.js'),
    import('../../core/secrets/keytar-store.js'),
  ]);
  // `--profile NAME`: that profile's own entry; none named: today's entry.
  const store = new KeytarSecretStore(io.profile === undefined ? {} : { account: profileAccount(io.profile) });
  if (target === null) return new CredentialsService({ store });
  const { gateInspector, gateVerifier } = await import('../../core/secrets/gate-verifier.js');
  const transport = (deps.createTransport ?? ((env) => createNodeTransport({ env })))(io.env);
  const gate = { transport, baseUrl: target.baseUrl, timeoutMs: target.timeoutMs };
  return new CredentialsService({ store, verify: gateVerifier(gate), inspect: gateInspector(gate) });
}

function serviceFactory(deps: CredentialsCommandDeps): (io: CliIo, target: VerifyTarget | null) => Promise<CredentialsService> {
  return deps.createService ?? ((io, target) => defaultService(io, target, deps));
}

function cancelled(io: CliIo): number {
  io.stderr.write(`${wordsOf(io).cli('cli.login.cancelled')}\n`);
  return EXIT_INTERRUPTED;
}

const ESC = String.fromCharCode(27);

/** Length of the escape sequence at the start of `text` (ESC [ params final, or ESC + one char); -1 when incomplete. */
function escapeSequenceEnd(text: string): number {
  if (text.length < 2) return -1;
  if (text[1] !== '[') return 2;
  for (let i = 2; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x40 && code <= 0x7e) return i + 1;
  }
  return text.length > 16 ? text.length : -1;
}

/** What reading the two fields produced. */
type LoginInput =
  | { readonly kind: 'ok'; readonly key: string; readonly secret: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'usage'; readonly problem: UsageProblem }
  | { readonly kind: 'invalid'; readonly error: AppError };

/** Reads "key\nsecret" from a pipe or file: at most MAX_LOGIN_INPUT_BYTES, never waiting for more than two lines. */
async function readPiped(stdin: CliIo['stdin']): Promise<LoginInput> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_LOGIN_INPUT_BYTES) {
      stdin.pause();
      return { kind: 'usage', problem: { key: 'cli.usage.stdin-too-big', params: { kib: MAX_LOGIN_INPUT_BYTES / 1024 } } };
    }
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { kind: 'usage', problem: { key: 'cli.usage.stdin-empty' } };
  const lines = text.split(/\r?\n|\r/).filter((l) => l.trim() !== '');
  if (lines.length > 2) return { kind: 'usage', problem: { key: 'cli.usage.stdin-lines', params: { count: lines.length } } };
  return { kind: 'ok', key: lines[0] ?? '', secret: lines[1] ?? '' };
}

/**
 * Reads the two fields from a terminal in raw mode: the key is echoed, the secret is not
 * (nothing at all is printed for it, not even asterisks, so its length stays private). Handles
 * a paste of both lines at once, backspace, Ctrl-C/Ctrl-D (cancel) and bracketed-paste markers.
 * Not the `read` package (4.1.0, tried): it opens a new readline per prompt, so the secret of a
 * pasted "key⏎secret⏎" is lost with the first prompt's readline and the second prompt waits.
 */
async function readTerminal(io: CliIo): Promise<LoginInput> {
  const stdin = io.stdin;
  const setRaw = stdin.setRawMode?.bind(stdin);
  if (!setRaw) return { kind: 'usage', problem: { key: 'cli.usage.no-hidden-input' } };
  // Loaded here, not at the top: `balance` starts without it.
  const { checkKeyInput } = await import('../../core/secrets/validate-credentials.js');
  const fields: string[] = [''];
  const prompts = [wordsOf(io).cli('cli.login.prompt-key'), wordsOf(io).cli('cli.login.prompt-secret')];
  io.stderr.write(prompts[0] ?? '');
  setRaw(true);
  try {
    return await new Promise<LoginInput>((resolve) => {
      let pending = '';
      const finish = (result: LoginInput): void => {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        resolve(result);
      };
      const onEnd = (): void => finish({ kind: 'cancelled' });
      const onData = (chunk: Buffer | string): void => {
        pending += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
        while (pending.length > 0) {
          // Escape sequences (arrow keys, bracketed-paste markers ESC[200~ … ESC[201~) are not input.
          if (pending.startsWith(ESC)) {
            const end = escapeSequenceEnd(pending);
            if (end < 0) return; // wait for the rest of the sequence
            pending = pending.slice(end);
            continue;
          }
          const ch = pending[0] ?? '';
          pending = pending.slice(1);
          const index = fields.length - 1;
          const echo = index === 0;
          if (ch === '\x03' || (ch === '\x04' && (fields[index] ?? '') === '')) {
            io.stderr.write('\n');
            finish({ kind: 'cancelled' });
            return;
          }
          if (ch === '\r' || ch === '\n') {
            io.stderr.write('\n');
            if (index === 1) {
              finish({ kind: 'ok', key: fields[0] ?? '', secret: fields[1] ?? '' });
              return;
            }
            // The key is checked before the secret is asked for: a bad key is said now, not after the secret.
            const key = fields[0] ?? '';
            if (key.trim() === '') {
              finish({ kind: 'usage', problem: { key: 'cli.usage.empty-key' } });
              return;
            }
            const problem = checkKeyInput(key);
            if (problem !== null && !problem.ok) {
              finish({ kind: 'invalid', error: problem.error });
              return;
            }
            fields.push('');
            io.stderr.write(prompts[1] ?? '');
            if (pending.startsWith('\n')) pending = pending.slice(1); // CR LF from a paste
            continue;
          }
          if (ch === '\x7f' || ch === '\b') {
            const current = fields[index] ?? '';
            if (current.length > 0) {
              fields[index] = current.slice(0, -1);
              if (echo) io.stderr.write('\b \b');
            }
            continue;
          }
          if (ch === '\x15') {
            // Ctrl-U: clear the field.
            if (echo) io.stderr.write('\b \b'.repeat((fields[index] ?? '').length));
            fields[index] = '';
            continue;
          }
          if ((fields[index] ?? '').length >= MAX_LOGIN_INPUT_BYTES) continue;
          fields[index] = (fields[index] ?? '') + ch;
          if (echo) io.stderr.write(ch);
        }
      };
      stdin.on('data', onData);
      stdin.on('end', onEnd);
      stdin.resume();
    });
  } finally {
    setRaw(false);
    stdin.pause();
  }
}

const LOGIN_SPECS: readonly OptionSpec[] = [
  { name: 'verify' },
  { name: 'no-verify' },
  { name: 'base-url', value: true },
  { name: 'timeout', value: true },
  { name: 'allow-write-key' },
  { name: 'help', short: 'h' },
];

/** Builds `gate-glance login`. */
export function createLoginCommand(deps: CredentialsCommandDeps = {}): CliCommand {
  const makeService = serviceFactory(deps);
  return async (argv, io) => {
    const parsed = parseArgs(argv, LOGIN_SPECS);
    const words = wordsOf(io);
    if (!parsed.ok) return reportUsage(io, parsed.problem, 'login');
    const o = parsed.options;
    if (o['help']) {
      io.stdout.write(fitToTerminal(io, words.cli('cli.help.login', { baseUrl: DEFAULT_BASE_URL, timeoutMs: DEFAULT_TIMEOUT_MS })));
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0) {
      // Never echo what was given: it may well be the secret.
      return reportUsage(io, { key: 'cli.usage.login-arguments' }, 'login');
    }
    if (o['verify'] && o['no-verify']) return reportUsage(io, { key: 'cli.usage.verify-both' }, 'login');
    const verify = o['no-verify'] !== true;
    let baseUrl = DEFAULT_BASE_URL;
    if (o['base-url'] !== undefined) {
      const url = parseBaseUrlOption(String(o['base-url']));
      if (!url.ok) return reportUsage(io, url.problem, 'login');
      baseUrl = url.url;
    }
    let timeoutMs = DEFAULT_TIMEOUT_MS;
    if (o['timeout'] !== undefined) {
      const t = String(o['timeout']);
      if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 600_000) return reportUsage(io, { key: 'cli.usage.timeout' }, 'login');
      timeoutMs = Number(t);
    }

    const input = io.stdin.isTTY ? await readTerminal(io) : await readPiped(io.stdin);
    if (input.kind === 'cancelled') return cancelled(io);
    if (input.kind === 'usage') return reportUsage(io, input.problem, 'login');
    if (input.kind === 'invalid') {
      io.stderr.write(rejectionLine(words, input.error));
      return exitCodeFor(input.error.code);
    }

    const service = await makeService(io, verify ? { baseUrl, timeoutMs } : null);
    if (verify) io.stderr.write(`${words.cli('cli.login.checking')}\n`);
    const saved = await service.save({ key: input.key, secret: input.secret, verify, allowWriteKey: o['allow-write-key'] === true });
    if (!saved.ok) {
      // The CLI's way past the refusal is an option, not the popover's button.
      const error =
        saved.error.code === 'KEY_CAN_WRITE' ? { ...saved.error, params: { ...saved.error.params, reason: 'cli' } } : saved.error;
      io.stderr.write(rejectionLine(words, error));
      return exitCodeFor(error.code);
    }
    for (const notice of saved.value.notices) io.stderr.write(`${words.cli('cli.warning', { text: noticeText(words, notice) })}\n`);
    const health = saved.value.keyHealth;
    if (health !== null) {
      const now = (deps.clock ?? Date).now();
      for (const w of health.warnings) io.stderr.write(`${words.cli('cli.warning', { text: keyWarningText(words, w, health, now) })}\n`);
    }
    const hint = saved.value.status.keyHint ?? '';
    io.stdout.write(`${words.cli('cli.login.saved', { hint, verified: saved.value.verified ? 'yes' : 'no' })}\n`);
    if (io.env[ENV_KEY] || io.env[ENV_SECRET]) {
      io.stderr.write(`${words.cli('cli.login.env-note', { keyVariable: ENV_KEY, secretVariable: ENV_SECRET })}\n`);
    }
    return EXIT.ok;
  };
}

// Reasons whose own hint already fits a terminal; the others' speak of the popover's fields.
const INPUT_HINTS_OF_THEIR_OWN: ReadonlySet<unknown> = new Set(['swapped', 'both-needed', 'env-half']);

/**
 * A verification rejection says the key was NOT saved, which the client's own words cannot know;
 * a key or secret that cannot be one gets a terminal's hint.
 */
function rejectionLine(words: CliWords, error: AppError): string {
  if (error.code === 'INVALID_CREDENTIALS_INPUT' && !INPUT_HINTS_OF_THEIR_OWN.has(error.params['reason'])) {
    const statement = oneLine(errorWords(words, error).message).replace(/[.。]$/u, '');
    const hint = words.cli('cli.login.input-hint', { reason: String(error.params['reason'] ?? '') });
    return `${words.cli('cli.error', { code: error.code, statement, hint })}\n`;
  }
  if (rejectsKey(error.code) || error.code === 'KEY_CAN_WRITE') {
    const { message, hint } = errorWords(words, error);
    const statement = oneLine(words.t('cli.login.not-saved', { message })).replace(/[.。]$/u, '');
    return `${words.cli('cli.error', { code: error.code, statement, hint: oneLine(hint) })}\n`;
  }
  return errorLine(words, error);
}

/** Builds `gate-glance logout`. */
export function createLogoutCommand(deps: CredentialsCommandDeps = {}): CliCommand {
  const makeService = serviceFactory(deps);
  return async (argv, io) => {
    const parsed = parseArgs(argv, [{ name: 'forget-history' }, { name: 'base-url', value: true }, { name: 'help', short: 'h' }]);
    const words = wordsOf(io);
    if (!parsed.ok) return reportUsage(io, parsed.problem, 'logout');
    if (parsed.options['help']) {
      io.stdout.write(fitToTerminal(io, words.cli('cli.help.logout', { baseUrl: DEFAULT_BASE_URL })));
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0) return reportUsage(io, { key: 'cli.usage.no-arguments', params: { command: 'logout' } }, 'logout');
    const forget = parsed.options['forget-history'] === true;
    if (parsed.options['base-url'] !== undefined && !forget) return reportUsage(io, { key: 'cli.usage.logout-base-url' }, 'logout');
    const baseUrlOpt = baseUrlOption(parsed.options['base-url'], false);
    if (!baseUrlOpt.ok) return reportUsage(io, baseUrlOpt.problem, 'logout');
    const baseUrl = baseUrlOpt.value;
    const service = await makeService(io, null);
    const before = await service.status();
    const cleared = await service.clear();
    if (!cleared.ok) return reportError(io, cleared.error, false);
    io.stdout.write(
      `${before.stored ? words.cli('cli.logout.removed', { hint: before.keyHint ?? '' }) : words.cli('cli.logout.nothing')}\n`,
    );
    if (forget) {
      const dir = (deps.dataDir ?? ((env) => dataDir(env, process.platform)))(io.env);
      try {
        await new HistoryStore({ dir, baseUrl }).clear();
      } catch (error) {
        const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
        io.stderr.write(
          `${words.cli('cli.logout.forget-failed', { code: typeof code === 'string' ? code : words.cli('cli.history.io-error'), dir })}\n`,
        );
        return EXIT.internal;
      }
      io.stdout.write(`${words.cli('cli.logout.forgot')}\n`);
    }
    return EXIT.ok;
  };
}

/** `status --json`'s `key`: what Gate says of the key, null where unknown; the expiry is always an estimate. */
interface KeyJson {
  readonly readOnly: boolean | null;
  readonly writePermissions: readonly string[];
  readonly ipBound: boolean | null;
  readonly expiresAt: string | null;
  readonly expiryEstimated: true;
  readonly state: KeyHealth['state'];
  readonly warnings: KeyHealth['warnings'];
}

function keyJson(health: KeyHealth | null): KeyJson {
  return {
    readOnly: health?.readOnly ?? null,
    writePermissions: health?.writePermissions ?? [],
    ipBound: health?.ipBound ?? null,
    expiresAt: health?.expiresAt == null ? null : new Date(health.expiresAt).toISOString(),
    expiryEstimated: true,
    state: health?.state ?? null,
    warnings: health?.warnings ?? [],
  };
}

const STATUS_SPECS: readonly OptionSpec[] = [
  { name: 'json' },
  { name: 'base-url', value: true },
  { name: 'timeout', value: true },
  { name: 'help', short: 'h' },
];

/** Builds `gate-glance status`. */
export function createStatusCommand(deps: CredentialsCommandDeps = {}): CliCommand {
  const makeService = serviceFactory(deps);
  return async (argv, io) => {
    const parsed = parseArgs(argv, STATUS_SPECS);
    const words = wordsOf(io);
    if (!parsed.ok) return reportUsage(io, parsed.problem, 'status');
    if (parsed.options['help']) {
      io.stdout.write(
        fitToTerminal(
          io,
          words.cli('cli.help.status', {
            jsonShape: '{"stored","keyHint","keychainError","envCredentials","key"}',
            baseUrl: DEFAULT_BASE_URL,
            timeoutMs: DEFAULT_TIMEOUT_MS,
          }),
        ),
      );
      return EXIT.ok;
    }
    if (parsed.positionals.length > 0) return reportUsage(io, { key: 'cli.usage.no-arguments', params: { command: 'status' } }, 'status');
    const timeoutOpt = timeoutOption(parsed.options['timeout']);
    if (!timeoutOpt.ok) return reportUsage(io, timeoutOpt.problem, 'status');
    const baseUrlOpt = baseUrlOption(parsed.options['base-url'], false);
    if (!baseUrlOpt.ok) return reportUsage(io, baseUrlOpt.problem, 'status');
    const json = parsed.options['json'] === true;
    const service = await makeService(io, null);
    const status = await service.status();
    const envCredentials = Boolean(io.env[ENV_KEY]?.trim() && io.env[ENV_SECRET]?.trim());
    // What Gate says of the key in use: the environment's pair first, as `balance` signs with it.
    let health: KeyHealth | null = null;
    let healthError: AppError | null = null;
    if (envCredentials || status.stored) {
      const client = new GateClient({
        transport: (deps.createTransport ?? ((env) => createNodeTransport({ env })))(io.env),
        credentials: envThenFallback(io.env, service.provider),
        baseUrl: baseUrlOpt.value,
        timeoutMs: timeoutOpt.value,
      });
      const read = await readKeyHealth(client, () => (deps.clock ?? Date).now());
      if (read.ok) health = read.value;
      else healthError = read.error;
    }
    const checked = envCredentials || status.stored;
    if (json) io.stdout.write(`${JSON.stringify({ ...status, envCredentials, key: checked ? keyJson(health) : null })}\n`);
    else io.stdout.write(statusText(words, status, envCredentials, health, (deps.clock ?? Date).now()));
    if (health !== null) {
      const now = (deps.clock ?? Date).now();
      for (const w of health.warnings) io.stderr.write(`${words.cli('cli.warning', { text: keyWarningText(words, w, health, now) })}\n`);
    }
    if (status.keychainError) {
      // The one-line error goes to stderr as for every command (stdout already has the JSON).
      io.stderr.write(errorLine(words, status.keychainError));
      return EXIT.credentials;
    }
    if (healthError !== null) io.stderr.write(errorLine(words, healthError));
    return status.stored ? EXIT.ok : EXIT.credentials;
  };
}

const FACT_LINES = {
  'read-only': 'cli.status.read-only',
  'ip-bound': 'cli.status.ip-bound',
  expiry: 'cli.status.expiry',
  state: 'cli.status.key-state',
} as const;

function statusText(words: CliWords, status: CredentialsStatus, envCredentials: boolean, health: KeyHealth | null, now: number): string {
  const lines: string[] = [];
  if (status.keychainError) {
    lines.push(words.cli('cli.status.unknown'));
    lines.push(words.cli('cli.status.keychain-error', { code: status.keychainError.code }));
  } else if (status.stored) {
    lines.push(words.cli('cli.status.stored', { hint: status.keyHint ?? '' }));
    lines.push(words.cli('cli.status.keychain-ok'));
  } else {
    lines.push(words.cli('cli.status.not-stored'));
    lines.push(words.cli('cli.status.keychain-ok'));
  }
  if (envCredentials) lines.push(words.cli('cli.status.env', { keyVariable: ENV_KEY, secretVariable: ENV_SECRET }));
  if (health !== null)
    for (const fact of keyHealthFacts(words, health, now)) lines.push(words.cli(FACT_LINES[fact.id], { value: fact.value }));
  return `${lines.join('\n')}\n`;
}
