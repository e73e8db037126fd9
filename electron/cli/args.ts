/**
 * A tiny argv parser for the CLI (no dependency: every KB counts on a cold start). Options are
 * declared per command; unknown options and missing values are usage errors, reported as
 * values so the caller prints one line and exits 2.
 */
import { isLoopbackHost } from '../core/gate/target-policy.js';
import type { UsageProblem } from './output.js';

/** One option a command accepts. `value: true` means it takes an argument. */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly value?: boolean;
}

/** What parsing produced: option values (`true` for flags), positionals, or a usage error. */
export type ParsedArgs =
  | { readonly ok: true; readonly options: Readonly<Record<string, string | true>>; readonly positionals: readonly string[] }
  | { readonly ok: false; readonly problem: UsageProblem };

/** Parses `--name value`, `--name=value`, `-s value` and flags; `--` ends options. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      spec = byName.get(name);
      if (!spec) return { ok: false, problem: { key: 'cli.usage.unknown-option', params: { option: `--${name.slice(0, 40)}` } } };
    } else if (arg.startsWith('-') && arg.length > 1) {
      spec = byShort.get(arg.slice(1));
      if (!spec) return { ok: false, problem: { key: 'cli.usage.unknown-option', params: { option: arg.slice(0, 40) } } };
    } else {
      positionals.push(arg);
      continue;
    }
    if (spec.value) {
      const value = inline ?? argv[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('-') && value.length > 1 && !/^-\d/.test(value))) {
        return { ok: false, problem: { key: 'cli.usage.needs-value', params: { option: spec.name } } };
      }
      if (inline === undefined) i += 1;
      options[spec.name] = value;
    } else {
      if (inline !== undefined) return { ok: false, problem: { key: 'cli.usage.takes-no-value', params: { option: spec.name } } };
      options[spec.name] = true;
    }
  }
  return { ok: true, options, positionals };
}

/**
 * `--base-url`: an http(s) URL without query, fragment or credentials, and https:// unless it
 * points at this computer (the key and a replayable signature would otherwise travel in clear).
 */
export function parseBaseUrlOption(
  raw: string,
): { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: UsageProblem } {
  let url: URL | null;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    return { ok: false, problem: { key: 'cli.usage.base-url-shape' } };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, problem: { key: 'cli.usage.base-url-https' } };
  }
  return { ok: true, url: raw };
}
