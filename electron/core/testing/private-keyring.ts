/**
 * Test support: throw-away D-Bus sessions with (or deliberately without) a real gnome-keyring,
 * so keychain tests run against the real Secret Service without ever touching a developer's
 * own keyring, and each failure mode (no D-Bus, no Secret Service, locked, hanging) is
 * produced for real rather than faked. Linux only; every process started here is stopped by
 * `stop()` and bounded in time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root.js';

/** Which Secret Service the session offers. */
export type KeyringKind = 'unlocked' | 'locked' | 'no-secret-service' | 'hanging-secret-service' | 'crashing-secret-service';

/** A running private session: spawn children with `env` to use it. */
export interface PrivateKeyring {
  readonly kind: KeyringKind;
  /** A full environment for child processes (HOME, XDG dirs and the bus address all private). */
  readonly env: Record<string, string>;
  /** The temp directory holding HOME, XDG_DATA_HOME (the keyring files) and XDG_RUNTIME_DIR. */
  readonly dir: string;
  readonly home: string;
  stop(): Promise<void>;
}

/** The password of every private keyring (a non-empty one is required to create it). */
const PRIVATE_KEYRING_PASSWORD = 'glance-private-keyring';

const NO_SERVICES_CONFIG = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
  __SERVICEDIR__
  <limit name="service_start_timeout">__START_TIMEOUT__</limit>
</busconfig>
`;

/** An environment with no way to reach any D-Bus session bus (no address, no $XDG_RUNTIME_DIR/bus, no X11 to autolaunch). */
export function noDbusEnv(base: Readonly<Record<string, string | undefined>>, dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) env[k] = v;
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const run = join(dir, 'run-nodbus');
  mkdirSync(run, { recursive: true, mode: 0o700 });
  env.XDG_RUNTIME_DIR = run;
  env.HOME = join(dir, 'home');
  mkdirSync(env.HOME, { recursive: true });
  return env;
}

function baseEnv(dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.GNOME_KEYRING_CONTROL;
  env.HOME = join(dir, 'home');
  env.XDG_DATA_HOME = join(dir, 'data');
  env.XDG_RUNTIME_DIR = join(dir, 'run');
  env.XDG_CONFIG_HOME = join(dir, 'config');
  env.XDG_CACHE_HOME = join(dir, 'cache');
  for (const d of [env.HOME, env.XDG_DATA_HOME, env.XDG_CONFIG_HOME, env.XDG_CACHE_HOME]) mkdirSync(d, { recursive: true });
  mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
  return env;
}

function startBus(env: Record<string, string>, configFile: string | null): { address: string; pid: number } {
  const args = ['--fork', '--print-address=1', '--print-pid=1', '--nosyslog'];
  args.push(configFile ? `--config-file=${configFile}` : '--session');
  const r = spawnSync('dbus-daemon', args, { env, encoding: 'utf8', timeout: 10_000 });
  const [address, pid] = r.stdout.trim().split('\n');
  if (r.status !== 0 || !address || !pid) throw new Error(`dbus-daemon did not start: ${r.stderr || r.error?.message}`);
  return { address, pid: Number(pid) };
}

function startUnlockedDaemon(env: Record<string, string>): void {
  const r = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--daemonize'], {
    env,
    input: PRIVATE_KEYRING_PASSWORD,
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (r.status !== 0) throw new Error(`gnome-keyring-daemon did not start: ${r.stderr || r.error?.message}`);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Processes named `name` whose environment holds `entry` (e.g. our private XDG_RUNTIME_DIR): the ones this session started. */
function pidsWithEnv(name: string, entry: string): number[] {
  const r = spawnSync('pgrep', ['-x', name], { encoding: 'utf8' });
  const pids: number[] = [];
  for (const line of r.stdout.split('\n')) {
    const pid = Number(line.trim());
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(entry)) pids.push(pid);
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

/** An entry written while the keyring is still unlocked (only for kind 'locked'). */
export interface SeedEntry {
  readonly service: string;
  readonly account: string;
  readonly password: string;
}

/** Writes entries with the real keytar in a child process attached to `env`'s bus. */
function seed(env: Record<string, string>, entries: readonly SeedEntry[]): void {
  if (entries.length === 0) return;
  const keytarPath = join(PROJECT_ROOT, 'node_modules', 'keytar');
  const script = `const k=require(${JSON.stringify(keytarPath)});(async()=>{for(const e of JSON.parse(process.env.GLANCE_SEED)){await k.setPassword(e.service,e.account,e.password)}})().then(()=>process.exit(0),(e)=>{console.error(e.message);process.exit(1)})`;
  const r = spawnSync(process.execPath, ['-e', script], {
    env: { ...env, GLANCE_SEED: JSON.stringify(entries) },
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (r.status !== 0) throw new Error(`seeding the keyring failed: ${r.stderr}`);
}

/** Starts a private session of the given kind. Call `stop()` in afterAll. */
export async function startPrivateKeyring(
  kind: KeyringKind,
  options: { readonly seed?: readonly SeedEntry[]; readonly serviceStartTimeoutMs?: number } = {},
): Promise<PrivateKeyring> {
  const dir = mkdtempSync(join(tmpdir(), `glance-keyring-${kind}-`));
  const env = baseEnv(dir);
  const buses: number[] = [];
  let configFile: string | null = null;
  if (kind === 'no-secret-service' || kind === 'hanging-secret-service' || kind === 'crashing-secret-service') {
    let servicedir = '';
    if (kind === 'crashing-secret-service') {
      // A provider that is installed but dies as it starts.
      const services = join(dir, 'services');
      mkdirSync(services);
      writeFileSync(join(services, 'org.freedesktop.secrets.service'), '[D-BUS Service]\nName=org.freedesktop.secrets\nExec=/bin/false\n');
      servicedir = `<servicedir>${services}</servicedir>`;
    }
    if (kind === 'hanging-secret-service') {
      // A "Secret Service" that D-Bus starts but that never answers: activation waits (up to
      // `serviceStartTimeoutMs`, 60 s by default here), so every libsecret call blocks, like a wedged keyring daemon.
      const services = join(dir, 'services');
      mkdirSync(services);
      writeFileSync(
        join(services, 'org.freedesktop.secrets.service'),
        '[D-BUS Service]\nName=org.freedesktop.secrets\nExec=/bin/sleep 20\n',
      );
      servicedir = `<servicedir>${services}</servicedir>`;
    }
    configFile = join(dir, 'bus.conf');
    writeFileSync(
      configFile,
      NO_SERVICES_CONFIG.replace('__SERVICEDIR__', servicedir).replace(
        '__START_TIMEOUT__',
        String(options.serviceStartTimeoutMs ?? 60_000),
      ),
    );
  }
  if (kind === 'locked') {
    // Create the login keyring (unlocked, with its password), then throw that session away:
    // the next daemon finds the keyring on disk and keeps it locked (no prompt can unlock it).
    const first = startBus(env, null);
    const firstEnv = { ...env, DBUS_SESSION_BUS_ADDRESS: first.address };
    startUnlockedDaemon(firstEnv);
    seed(firstEnv, options.seed ?? []);
    for (const pid of pidsWithEnv('gnome-keyring-d', `XDG_RUNTIME_DIR=${env.XDG_RUNTIME_DIR ?? ''}`)) killQuietly(pid);
    killQuietly(first.pid);
    await new Promise((r) => setTimeout(r, 300));
  }
  const bus = startBus(env, configFile);
  buses.push(bus.pid);
  env.DBUS_SESSION_BUS_ADDRESS = bus.address;
  if (kind === 'unlocked') startUnlockedDaemon(env);
  if (kind === 'locked') {
    // Start the daemon now (instead of on first use) so no test races its activation.
    spawnSync('gnome-keyring-daemon', ['--start', '--components=secrets'], { env, input: '', encoding: 'utf8', timeout: 15_000 });
  }
  const runtimeDir = env.XDG_RUNTIME_DIR ?? '';
  return {
    kind,
    env,
    dir,
    home: env.HOME ?? '',
    async stop() {
      for (const pid of pidsWithEnv('gnome-keyring-d', `XDG_RUNTIME_DIR=${runtimeDir}`)) killQuietly(pid);
      // The fake service D-Bus activated for this bus (it carries the bus address it was started for).
      for (const pid of pidsWithEnv('sleep', `DBUS_STARTER_ADDRESS=${bus.address}`)) killQuietly(pid);
      for (const pid of buses) killQuietly(pid);
      await new Promise((r) => setTimeout(r, 100));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a command in a child with a hard time bound; resolves with its exit and output, never rejects. */
export function runBounded(
  command: string,
  args: readonly string[],
  options: {
    env: Record<string, string>;
    input?: string;
    timeoutMs: number;
    cwd?: string;
    /** Resolve (and kill the child) as soon as its stdout satisfies this: for a child that answers but cannot exit yet. */
    until?: (stdout: string) => boolean;
  },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number; answeredMs: number | null }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let answeredMs: number | null = null;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (answeredMs === null && options.until?.(stdout)) {
        answeredMs = Date.now() - started;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, answeredMs });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
