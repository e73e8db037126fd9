/**
 * Options more than one command takes, checked once: `--currency`, `--timeout`, `--base-url`
 * and `--demo`'s incompatibility with it. Each answers the value or the usage message.
 */
import type { Currency } from '../../shared/balance.js';
import { CURRENCIES, isCurrency } from '../../shared/balance.js';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from '../core/gate/client.js';
import { parseBaseUrlOption } from './args.js';
import type { UsageProblem } from './output.js';

/** A checked option value, or the one-line usage problem. */
export type OptionValue<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: UsageProblem };

/** `--currency` (case-insensitive), default USDT. */
export function currencyOption(raw: string | true | undefined): OptionValue<Currency> {
  const value = typeof raw === 'string' ? raw.trim().toUpperCase() : 'USDT';
  return isCurrency(value)
    ? { ok: true, value }
    : {
        ok: false,
        problem: { key: 'cli.usage.unknown-currency', params: { currency: value.slice(0, 20) }, lists: { currencies: CURRENCIES } },
      };
}

/** `--timeout MS`: 1 to 600 000, default 10 000. */
export function timeoutOption(raw: string | true | undefined): OptionValue<number> {
  if (raw === undefined) return { ok: true, value: DEFAULT_TIMEOUT_MS };
  const t = String(raw);
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 600_000) return { ok: false, problem: { key: 'cli.usage.timeout' } };
  return { ok: true, value: Number(t) };
}

/** `--base-url URL` (args.ts decides what a usable one is); not with `--demo`. */
export function baseUrlOption(raw: string | true | undefined, demo: boolean): OptionValue<string> {
  if (raw === undefined) return { ok: true, value: DEFAULT_BASE_URL };
  if (demo) return { ok: false, problem: { key: 'cli.usage.demo-base-url' } };
  const url = parseBaseUrlOption(String(raw));
  return url.ok ? { ok: true, value: url.url } : url;
}
