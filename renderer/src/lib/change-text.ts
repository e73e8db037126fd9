/**
 * The 24-hour change as the popover prints it: the amount and the percent signed and formatted
 * by Intl in the words' locale from Gate's exact strings (never a float), and since when when
 * the history does not reach back 24 hours.
 */
import type { Currency } from '../../../shared/balance.js';
import type { Change24h } from '../../../shared/change.js';
import { canonicalDecimal, displayDigits } from '../../../shared/decimal.js';
import { clockMinutes } from '../../../shared/present/dates.js';
import type { Words } from '../../../shared/present/words.js';

/** The change's words. */
export interface ChangeText {
  /** `+1,234.56`, `-3.10`, `0.00`: at the currency's display digits, a sign unless it rounds to zero. */
  readonly amount: string;
  /** `+1.23 %`; null when the earlier total was zero or below (no meaningful percent). */
  readonly percent: string | null;
  /** `09:14` when the change is since an earlier time than 24 hours ago could give; null for a full 24 h. */
  readonly since: string | null;
}

const formats = new Map<string, Intl.NumberFormat>();

function signed(locale: string | undefined, digits: number): Intl.NumberFormat {
  const id = `${locale ?? ''}|${digits}`;
  let nf = formats.get(id);
  if (nf === undefined) {
    nf = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, roundingMode: 'halfExpand', signDisplay: 'exceptZero' });
    formats.set(id, nf);
  }
  return nf;
}

/** The words of a change in `currency`. */
export function changeText(words: Words, change: Change24h, currency: Currency): ChangeText {
  const locale = words.numberLocale;
  const amount = signed(locale, displayDigits(currency)).format(canonicalDecimal(change.amount) as Intl.StringNumericLiteral);
  // Core's percent is already rounded to two decimals, half away from zero; Intl only localises it.
  const percent = change.percent === null ? null : words.t('share.percent', { share: signed(locale, 2).format(change.percent as Intl.StringNumericLiteral) });
  return { amount, percent, since: change.partial ? clockMinutes(words, change.from) : null };
}
