/**
 * Exact decimal helpers. Gate's amounts carry up to ~40 significant digits, far beyond a
 * JS number, so sums and shares go through big.js and formatting goes through
 * `Intl.NumberFormat` given the decimal *string* (never `Number(x)`).
 */
import Big from 'big.js';
import type { Currency, DecimalString } from './balance.js';

// A private constructor so our precision settings never leak into (or from) other big.js users.
// DP is generous so that a division that ends (by a power of ten) stays exact; RM rounds down.
const Exact = Big();
Exact.DP = 80;
Exact.RM = 0;
Exact.strict = true;

// Quotients wanted to a few places only. big.js divides digit by digit until the quotient ends
// or DP is reached, so a floor taken at DP 80 worked out 80 digits to drop them (one `--json`
// spent ~18 ms there). Private like Exact; DP is set for each division, RM 0 truncates.
const Truncating = Big();
Truncating.RM = 0;
Truncating.strict = true;

/** a ÷ b truncated toward zero at `dp` decimal places, exactly. */
function truncatedQuotient(a: Big, b: Big, dp: number): Big {
  Truncating.DP = dp;
  return new Exact(new Truncating(a.toFixed()).div(new Truncating(b.toFixed())).toFixed());
}

const LENIENT_DECIMAL_RE = /^[+-]?\d+(\.\d+)?$/;

/** The longest amount Gate may send (its figures carry ~40 significant digits); a bound on input only. */
const MAX_INPUT_CHARS = 200;

/**
 * True for the plain decimal strings Gate sends ("0", "-1.5", "0.00", "007" is tolerated), at
 * most 200 characters. Rejects exponents, blanks, NaN. The bound is on what comes in: what we
 * compute from such strings (a sum of two 200-digit amounts has 201) is exact at any length.
 */
export function isDecimalString(value: unknown): value is DecimalString {
  return typeof value === 'string' && value.length <= MAX_INPUT_CHARS && LENIENT_DECIMAL_RE.test(value);
}

function big(value: DecimalString): Big {
  if (typeof value !== 'string' || !LENIENT_DECIMAL_RE.test(value)) {
    throw new RangeError(`not a decimal string: ${JSON.stringify(value).slice(0, 60)}`);
  }
  return new Exact(value.startsWith('+') ? value.slice(1) : value);
}

/** Exact sum of decimal strings, returned as a plain (non-exponent) decimal string. */
export function sumDecimals(values: readonly DecimalString[]): DecimalString {
  let acc = new Exact('0');
  for (const v of values) acc = acc.plus(big(v));
  return acc.toFixed();
}

/** Exact comparison: -1, 0 or 1, like a sort comparator (`"1.10"` equals `"1.1"`). */
export function compareDecimals(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  return big(a).cmp(big(b));
}

/** Exact product a × b (conversion at a rate); no rounding, however many digits. */
export function multiplyDecimals(a: DecimalString, b: DecimalString): DecimalString {
  return big(a).times(big(b)).toFixed();
}

/**
 * a ÷ b truncated toward zero at `dp` decimal places (a conversion at a rate derived from two
 * of Gate's figures, which rarely ends). `b` must not be zero.
 */
export function divideDecimals(a: DecimalString, b: DecimalString, dp: number): DecimalString {
  const divisor = big(b);
  if (divisor.eq(new Exact('0'))) throw new RangeError('division by zero');
  return truncatedQuotient(big(a), divisor, dp).toFixed();
}

/** Sign of an exact decimal: -1, 0 or 1 ("-0.00" is 0). */
export function signOfDecimal(value: DecimalString): -1 | 0 | 1 {
  return big(value).cmp(new Exact('0'));
}

/** Exact difference a - b. */
export function subtractDecimals(a: DecimalString, b: DecimalString): DecimalString {
  return big(a).minus(big(b)).toFixed();
}

/**
 * Percent shares (two decimals) of each value in the sum of the *positive* values, by the
 * largest-remainder method, so the positive shares add up to exactly "100.00". Zero and
 * negative values get "0.00" (a negative amount cannot be a pie slice). When nothing is
 * positive every share is "0.00". Ties in the remainder go to the larger amount, then to the
 * earlier index, so the result is deterministic.
 */
export function sharesOfPositive(values: readonly DecimalString[]): DecimalString[] {
  const UNITS = 10000; // hundredths of a percent
  const amounts = values.map(big);
  const positive = amounts.map((a, i) => ({ a, i })).filter(({ a }) => a.gt(new Exact('0')));
  const units = new Array<number>(values.length).fill(0);
  if (positive.length > 0) {
    const total = positive.reduce((acc, { a }) => acc.plus(a), new Exact('0'));
    const parts = positive.map(({ a, i }) => {
      const scaled = a.times(new Exact(String(UNITS)));
      const floor = truncatedQuotient(scaled, total, 0); // both positive: truncation is the floor
      const remainder = scaled.minus(floor.times(total));
      return { i, a, floor: Number(floor.toFixed()), remainder };
    });
    let left = UNITS - parts.reduce((acc, p) => acc + p.floor, 0);
    const order = [...parts].sort((x, y) => y.remainder.cmp(x.remainder) || y.a.cmp(x.a) || x.i - y.i);
    for (const p of order) {
      units[p.i] = p.floor + (left > 0 ? 1 : 0);
      if (left > 0) left -= 1;
    }
  }
  return units.map(formatHundredths);
}

function formatHundredths(units: number): DecimalString {
  const whole = Math.floor(units / 100);
  const frac = units % 100;
  return `${whole}.${frac.toString().padStart(2, '0')}`;
}

/** The usual number of fraction digits a person expects for each currency. */
export function displayDigits(currency: Currency): number {
  return currency === 'BTC' ? 8 : 2;
}

/** The smallest amount shown at the usual digits: "0.01", or "0.00000001" for BTC. */
export function displayUnit(currency: Currency): DecimalString {
  return `0.${'1'.padStart(displayDigits(currency), '0')}`;
}

/** How to render an amount: rounded to the currency's usual digits, or every digit Gate sent. */
export type AmountPrecision = 'display' | 'full';

/** Options for `formatAmount`. */
export interface FormatAmountOptions {
  readonly currency: Currency;
  readonly precision?: AmountPrecision;
  /** BCP 47 locale; undefined means the runtime's default. */
  readonly locale?: string;
}

/**
 * Formats an exact decimal string with locale grouping. `display` rounds half-expand to the
 * currency's digits (Intl is given the string, so no float ever appears); `full` keeps every
 * digit Gate sent: Intl groups the integer part and Gate's fraction digits are appended verbatim
 * (trailing zeros included) with the locale's decimal separator (Intl caps fraction digits at 20 on Node 20).
 */
export function formatAmount(amount: DecimalString, options: FormatAmountOptions): string {
  big(amount); // validates: throws RangeError on anything that is not a plain decimal
  const precision = options.precision ?? 'display';
  if (precision === 'display') {
    const digits = displayDigits(options.currency);
    const nf = new Intl.NumberFormat(options.locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      roundingMode: 'halfExpand',
    });
    return nf.format(canonicalDecimal(amount) as Intl.StringNumericLiteral);
  }
  // Full precision works on Gate's own digits: only a '+' and redundant leading zeros go,
  // trailing fraction zeros ("0.00", "…110") stay exactly as sent.
  const unsignedRaw = amount.replace(/^[+-]/, '');
  const negative = amount.startsWith('-') && /[1-9]/.test(unsignedRaw);
  const [rawInt, fracPart] = unsignedRaw.split('.') as [string, string | undefined];
  const intPart = rawInt.replace(/^0+(?=\d)/, '');
  const nf = new Intl.NumberFormat(options.locale, { maximumFractionDigits: 0 });
  const intFormatted = nf.format(((negative ? '-' : '') + intPart) as Intl.StringNumericLiteral);
  if (fracPart === undefined) return intFormatted;
  const decimalSep = new Intl.NumberFormat(options.locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${intFormatted}${decimalSep}${fracPart}`;
}

/** The canonical form of a decimal string (no '+', no leading zeros, no exponent); value unchanged. */
export function canonicalDecimal(amount: DecimalString): DecimalString {
  return big(amount).toFixed();
}

/** `formatAmount` followed by the currency code, the form the tray and the CLI show. */
export function formatMoney(amount: DecimalString, options: FormatAmountOptions): string {
  return `${formatAmount(amount, options)} ${options.currency}`;
}

/** 万 (10⁴): below it a compact figure would save nothing, so the full display form is kept. */
const COMPACT_FROM = new Exact('10000');

/**
 * A short figure for where room is scarce (the tray title, `--short`, waybar's text), in the
 * locale's own compact units: 3.85万, 1.23亿, 5.92万亿 in zh-CN; 3.85萬, 1.23億, 5.92兆 in zh-TW.
 * Intl is given the exact string (never a float), so rounding at the second decimal is exact.
 * Below 10,000 (and for BTC's small figures) it is the usual display form.
 */
export function formatCompactAmount(amount: DecimalString, options: Omit<FormatAmountOptions, 'precision'>): string {
  if (big(amount).abs().lt(COMPACT_FROM)) return formatAmount(amount, options);
  const nf = new Intl.NumberFormat(options.locale, { notation: 'compact', maximumFractionDigits: 2, roundingMode: 'halfExpand' });
  return nf.format(canonicalDecimal(amount) as Intl.StringNumericLiteral);
}

/**
 * Shares `total` out over positive `weights` in whole units of 10^-digits by the largest
 * remainder method: `total` is first rounded half-up to the unit, each part gets the floor of
 * its exact share and the leftover units go to the largest remainders (ties: larger weight,
 * then earlier index), so the parts add up to exactly the rounded total. Zero and negative
 * weights get null (they are listed, not shared out); so does everything when `total` rounds
 * to zero or below or no weight is positive.
 */
export function apportionDecimal(total: DecimalString, weights: readonly DecimalString[], digits: number): (DecimalString | null)[] {
  const unitsTotal = big(total).round(digits, 1).times(new Exact('10').pow(digits));
  const amounts = weights.map(big);
  const zero = new Exact('0');
  const positive = amounts.map((a, i) => ({ a, i })).filter(({ a }) => a.gt(zero));
  const out: (DecimalString | null)[] = weights.map(() => null);
  if (positive.length === 0 || !unitsTotal.gt(zero)) return out;
  const sum = positive.reduce((acc, { a }) => acc.plus(a), zero);
  const parts = positive.map(({ a, i }) => {
    const scaled = a.times(unitsTotal);
    const floor = truncatedQuotient(scaled, sum, 0);
    return { i, a, floor, remainder: scaled.minus(floor.times(sum)) };
  });
  let left = unitsTotal.minus(parts.reduce((acc, p) => acc.plus(p.floor), zero));
  const order = [...parts].sort((x, y) => y.remainder.cmp(x.remainder) || y.a.cmp(x.a) || x.i - y.i);
  const scale = new Exact('10').pow(digits);
  const ONE = new Exact('1');
  for (const p of order) {
    const extra = left.gt(zero);
    if (extra) left = left.minus(ONE);
    out[p.i] = (extra ? p.floor.plus(ONE) : p.floor).div(scale).toFixed(digits);
  }
  return out;
}

/**
 * `part` as a percent of `whole` with two decimals, rounded half away from zero, signed
 * (`"+1.23"`, `"-1.23"`, and `"0.00"` for anything that rounds to zero). `whole` must be
 * positive: a change relative to zero or a negative total has no meaningful percent.
 */
export function signedPercent(part: DecimalString, whole: DecimalString): string {
  const base = big(whole);
  if (base.lte(new Exact('0'))) throw new RangeError('signedPercent needs a positive whole');
  // Truncating at 3 places keeps which side of each half-way point the quotient lies on, so
  // rounding that to 2 with RM 1 (big.js's ROUND_HALF_UP: half away from zero, for negative
  // values too) equals rounding the exact quotient.
  const rounded = truncatedQuotient(big(part).times(new Exact('100')), base, 3).round(2, 1);
  if (rounded.eq(new Exact('0'))) return '0.00';
  return `${rounded.gt(new Exact('0')) ? '+' : '-'}${rounded.abs().toFixed(2)}`;
}
