/**
 * Amounts and shares as people read them, the same in the CLI, the tray and the popover: exact
 * decimal strings formatted by Intl in the words' locale, one privacy mask, and a positive share
 * too small for two decimals read as "< 0.01 %" instead of a misleading "0.00 %".
 */
import type { Currency, DecimalString } from '../balance.js';
import { accountName } from '../account-names.js';
import type { AccountShare, BalanceSummary } from '../accounts.js';
import { formatAmount, formatCompactAmount, type AmountPrecision } from '../decimal.js';
import { isLanguage } from '../locale.js';
import type { Words } from './words.js';

/** What privacy mode shows instead of any amount or share, on every surface. */
export const PRIVACY_MASK = '•••';

/** How to show one amount. */
export interface AmountDisplay {
  readonly privacy: boolean;
  /** `display` rounds to the currency's usual digits; `full` keeps every digit Gate sent. */
  readonly precision?: AmountPrecision;
  /**
   * Room is short (the tray title, `--short`, waybar's text): Chinese reads 万 / 亿 (萬 / 億)
   * there, rounded from the exact string. Ignored for `full` precision and in English.
   */
  readonly short?: boolean;
}

function isChinese(words: Words): boolean {
  return words.language === 'zh-CN' || words.language === 'zh-TW';
}

/**
 * Starts the number formatting of these words' locale, showing nothing: a process's first Intl
 * formatter starts ICU (~20 ms of CPU), which a command line can spend while its request is on
 * the wire rather than after the answer has come.
 */
export function warmAmountFormatting(words: Words): void {
  void new Intl.NumberFormat(words.numberLocale ?? words.language).format(0);
}

/** An amount with locale grouping, or the mask. */
export function displayAmount(words: Words, amount: DecimalString, currency: Currency, display: AmountDisplay): string {
  if (display.privacy) return PRIVACY_MASK;
  if (display.short === true && display.precision !== 'full' && isChinese(words)) {
    // The units are words of the language, so the language (not the regional locale) formats them.
    return formatCompactAmount(amount, { currency, locale: words.language });
  }
  return formatAmount(amount, {
    currency,
    precision: display.precision ?? 'display',
    ...(words.numberLocale ? { locale: words.numberLocale } : {}),
  });
}

// A leading sign as Intl writes one: hyphen-minus, U+2212 minus (some locales) or plus.
const LEADING_SIGN = /^[-+\u2212]/u;

/**
 * An amount already formatted (signed or not, or the mask) with its currency, in the words'
 * order. The sign travels apart, so a language that writes the currency before the number puts
 * it after the sign: `-¥3.10` in zh-CN, as Intl writes CNY there, never `¥-3.10`.
 */
export function moneyText(words: Words, formatted: string, currency: Currency): string {
  const sign = LEADING_SIGN.exec(formatted)?.[0] ?? '';
  return words.t('amount.money', { sign, amount: formatted.slice(sign.length), currency });
}

/** An amount followed by its currency (`38,522.03 USDT`), or the mask with the currency (`••• USDT`). */
export function displayMoney(words: Words, amount: DecimalString, currency: Currency, display: AmountDisplay): string {
  return moneyText(words, displayAmount(words, amount, currency, display), currency);
}

/**
 * A positive account's (or group's) share (`12.34 %`), or the mask. A positive share that rounds
 * to 0.00 reads "< 0.01 %": "0.00 %" would say the account holds nothing. Display only; the
 * two-decimal shares themselves still add to exactly 100.00.
 */
export function displayShare(words: Words, share: DecimalString, privacy: boolean): string {
  if (privacy) return PRIVACY_MASK;
  return /^0+(\.0+)?$/.test(share) ? words.t('share.tiny') : words.t('share.percent', { share });
}

/**
 * Splits a formatted amount after each group separator so a long figure wraps between digit
 * groups (the popover puts a <wbr> there) instead of mid-group. The text itself is unchanged.
 */
export function wrapPoints(text: string): string[] {
  return text.split(/(?<=[,\u00a0\u202f' ])/u);
}

/** Every digit Gate sent, grouped, with the currency: for hover titles. The mask alone in privacy mode. */
export function exactMoney(words: Words, amount: DecimalString, currency: Currency, privacy: boolean): string {
  return privacy ? PRIVACY_MASK : displayMoney(words, amount, currency, { privacy, precision: 'full' });
}

/**
 * An account's name as people read it: Gate's own Chinese term in Chinese, else the account
 * model's label (the English name, or an unknown account's name as Gate sent it, made safe).
 */
export function accountText(words: Words, account: { readonly name: string; readonly label: string }): string {
  return isLanguage(words.language) ? accountName(account.name, account.label, words.language) : account.label;
}

/** The breakdown with each account's label from `label` (amounts, order and shares unchanged). */
export function relabelSummary(summary: BalanceSummary, label: (account: AccountShare) => string): BalanceSummary {
  const named = (list: readonly AccountShare[]): AccountShare[] => list.map((a) => ({ ...a, label: label(a) }));
  return {
    ...summary,
    accounts: named(summary.accounts),
    positive: named(summary.positive),
    zero: named(summary.zero),
    negative: named(summary.negative),
  };
}

/** The breakdown with every account named in the words' language (amounts, order and shares unchanged). */
export function withAccountNames(words: Words, summary: BalanceSummary): BalanceSummary {
  return words.language === 'en' ? summary : relabelSummary(summary, (a) => accountText(words, a));
}
