/**
 * What every surface says when Gate's accounts do not add up to its total (the breakdown's
 * `unaccounted`): a row that makes the amounts column add up, and a sentence saying which way
 * and why. In privacy mode neither the amount nor its sign shows.
 */
import type { Currency, DecimalString } from '../balance.js';
import { signOfDecimal } from '../decimal.js';
import { displayAmount, displayMoney, type AmountDisplay } from './amounts.js';
import type { Words } from './words.js';

/** The unaccounted row and its note, ready to print. */
export interface UnaccountedView {
  readonly label: string;
  /** Signed (`+75.25`, `-45.25`), or the mask. */
  readonly amount: string;
  readonly note: string;
}

/** The row and note for a breakdown's `unaccounted`; null when the accounts add up. */
export function unaccountedView(
  words: Words,
  unaccounted: DecimalString | null,
  currency: Currency,
  display: AmountDisplay,
): UnaccountedView | null {
  if (unaccounted === null) return null;
  const label = words.t('unaccounted.label');
  if (display.privacy)
    return { label, amount: displayAmount(words, unaccounted, currency, display), note: words.t('unaccounted.note.private') };
  const more = signOfDecimal(unaccounted) > 0;
  const magnitude = more ? unaccounted : unaccounted.replace(/^-/, '');
  const amount = displayAmount(words, unaccounted, currency, display);
  return {
    label,
    amount: more ? words.t('unaccounted.amount.more', { amount }) : amount,
    note: words.t(more ? 'unaccounted.note.more' : 'unaccounted.note.less', {
      money: displayMoney(words, magnitude, currency, { privacy: false }),
    }),
  };
}
