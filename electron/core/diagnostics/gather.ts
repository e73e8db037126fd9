/**
 * The facts `diagnose` decides from, gathered by looking: the data folder's kind and modes, Gate's
 * clock and (with a key at hand) one signed call, the proxy the transport would use. Each helper
 * answers a value and never throws; the secret is only ever handed to the Gate client.
 */
import { constants } from 'node:fs';
import { access, lstat } from 'node:fs/promises';
import type { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import { GateClient } from '../gate/client.js';
import { proxyFor, redactProxy, type ProxyEnv } from '../gate/proxy.js';
import type { CredentialsProvider, Transport } from '../gate/types.js';
import type { DataDirFact, DiagnosticFacts } from './diagnose.js';

/** Group or other may read, write or enter: the folder holds the history of a net worth. */
const LOOSE_BITS = 0o077;

/** Looks at the data folder without creating it. */
export async function inspectDataDir(path: string, platform: string = process.platform): Promise<DataDirFact> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    return (error as { code?: unknown }).code === 'ENOENT' ? 'missing' : 'unwritable';
  }
  if (info.isSymbolicLink()) return 'symlink';
  if (!info.isDirectory()) return 'not-folder';
  // Windows reports no POSIX modes: its ACLs are the profile's.
  if (platform !== 'win32' && (info.mode & LOOSE_BITS) !== 0) return 'loose-modes';
  try {
    await access(path, constants.W_OK | constants.X_OK);
  } catch {
    return 'unwritable';
  }
  return 'ok';
}

/** The proxy Gate's requests go through, without its credentials; null for a direct connection. */
export function proxyUrlFor(baseUrl: string, env: ProxyEnv): string | null {
  let target: URL;
  try {
    target = new URL(baseUrl);
  } catch {
    return null;
  }
  const proxy = proxyFor(target, env);
  return proxy === null ? null : redactProxy(proxy);
}

export interface GateProbeOptions {
  readonly transport: Transport;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly clock?: Pick<Clock, 'now'>;
  /** The pair for one signed call; none made when it answers null or an error. */
  readonly credentials: CredentialsProvider;
}

/** Asks Gate its time (reachability, skew) and, with a key at hand, for the total once (does Gate take the key?). */
export async function probeGate(options: GateProbeOptions): Promise<DiagnosticFacts['gate']> {
  const client = new GateClient({
    transport: options.transport,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    credentials: options.credentials,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const time = await client.syncClock();
  if (!time.ok) return { clockSkewMs: null, timeError: time.error, signedError: null };
  const pair = await options.credentials().catch(() => null);
  let signedError: AppError | null = null;
  if (pair !== null && pair.ok && pair.value !== null) {
    const signed = await client.getTotalBalance('USDT');
    if (!signed.ok) signedError = signed.error;
  }
  return { clockSkewMs: time.value, timeError: null, signedError };
}
