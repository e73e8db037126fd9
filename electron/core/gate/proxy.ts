/**
 * Which proxy a request should use, decided from the environment the way curl decides it:
 * `https_proxy`/`HTTPS_PROXY` for https URLs (plain http URLs, loopback only, always go direct),
 * `all_proxy`/`ALL_PROXY` as a fallback (lower case wins), and `no_proxy`/`NO_PROXY` as a
 * comma-separated list of hosts, domain suffixes, `host:port` entries, IPv4 CIDR ranges or `*`.
 * An IP address matches only itself or a CIDR range, never as a text suffix.
 * Pure, so the rules are unit-tested without a network.
 *
 * Not `proxy-from-env` (2.1.0, checked): it reads `process.env` only (the transport is given
 * its env), has no CIDR ranges, matches `gateio.ws` exactly instead of as curl's domain suffix,
 * and has the `.0.0.1`-matches-127.0.0.1 text quirk itself.
 */

/** The environment shape we read (process.env or a test's object). */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

function pick(env: ProxyEnv, name: string): string | undefined {
  const lower = env[name.toLowerCase()];
  if (lower !== undefined && lower.trim() !== '') return lower.trim();
  const upper = env[name.toUpperCase()];
  return upper !== undefined && upper.trim() !== '' ? upper.trim() : undefined;
}

function ipv4ToInt(ip: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function isIpLiteral(host: string): boolean {
  return ipv4ToInt(host) !== null || host.includes(':');
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** True when `NO_PROXY` says this host (and port) must be reached directly. */
export function bypassesProxy(hostname: string, port: string, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = stripBrackets(hostname.toLowerCase()).replace(/\.$/, '');
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    // "host:port" (but not a bare IPv6 address): the port must match too.
    let entryPort: string | null = null;
    const portMatch = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    if (portMatch) {
      entry = portMatch[1]!;
      entryPort = portMatch[2]!;
    }
    if (entryPort !== null && entryPort !== port) continue;
    entry = stripBrackets(entry)
      .replace(/^\*?\./, '')
      .replace(/\.$/, '');
    const slash = entry.indexOf('/');
    if (slash > 0) {
      const base = ipv4ToInt(entry.slice(0, slash));
      const bits = Number(entry.slice(slash + 1));
      const ip = ipv4ToInt(host);
      if (base !== null && ip !== null && Number.isInteger(bits) && bits >= 0 && bits <= 32) {
        const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
        if ((base & mask) === (ip & mask)) return true;
      }
      continue;
    }
    if (host === entry) return true;
    // Suffixes are for names only: `.0.0.1` or `0.1` must not match 127.0.0.1 as text.
    if (!isIpLiteral(host) && !isIpLiteral(entry) && host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/**
 * The proxy URL for `target`, or null for a direct connection. Throws nothing; a garbled proxy
 * URL is returned as-is for the transport to report. Plain http:// is never proxied: it carries
 * the key and a signature Gate accepts for a minute in clear text, and is allowed only to this
 * computer (`target-policy.ts`), where no proxy is needed; HTTP_PROXY is therefore never read.
 */
export function proxyFor(target: URL, env: ProxyEnv): string | null {
  if (target.protocol !== 'https:') return null;
  const proxy = pick(env, 'https_proxy') ?? pick(env, 'all_proxy');
  if (!proxy) return null;
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  if (bypassesProxy(target.hostname, port, pick(env, 'no_proxy'))) return null;
  return proxy;
}

/** A proxy URL without its credentials, safe to put in an error message. */
export function redactProxy(proxy: string): string {
  try {
    const u = new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'the configured proxy';
  }
}

/**
 * The proxy of Chromium's answer for a URL (`session.resolveProxy`, a PAC result such as
 * `PROXY host:8080; DIRECT`): its first entry as a URL, or null for DIRECT or an answer we cannot read.
 */
export function proxyFromPacResult(pac: string): string | null {
  const first = pac.split(';')[0]?.trim() ?? '';
  const m = /^(PROXY|HTTPS|SOCKS5?|SOCKS4)\s+(\S+)$/i.exec(first);
  if (!m) return null;
  const scheme = { PROXY: 'http', HTTPS: 'https', SOCKS: 'socks4', SOCKS4: 'socks4', SOCKS5: 'socks5' }[m[1]!.toUpperCase()];
  return scheme === undefined ? null : `${scheme}://${m[2]}`;
}
