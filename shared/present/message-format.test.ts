import { describe, expect, it } from 'vitest';
import { formatMessage, placeholdersOf } from './message-format.js';

const context = { locale: 'en', custom: (format: string, value: number) => `<${format}:${value}>` };

describe('formatMessage (the ICU subset our catalogues use)', () => {
  it('fills placeholders as they are, numbers through Intl only when asked', () => {
    expect(formatMessage('HTTP {status}, {bytes} bytes', { status: 503, bytes: 2560 }, context)).toBe('HTTP 503, 2560 bytes');
    expect(formatMessage('{n, number} points', { n: 12345 }, context)).toBe('12,345 points');
    expect(formatMessage('{n, number} points', { n: 12345 }, { ...context, locale: 'de-DE' })).toBe('12.345 points');
    expect(formatMessage('wait {ms, duration}', { ms: 5 }, context)).toBe('wait <duration:5>');
  });

  it('picks plural forms with Intl.PluralRules, exact =N first, # as the number', () => {
    const p = '{count, plural, =0 {no accounts} one {# account} other {# accounts}}';
    expect([0, 1, 2, 1000].map((count) => formatMessage(p, { count }, context))).toEqual([
      'no accounts',
      '1 account',
      '2 accounts',
      '1,000 accounts',
    ]);
    // Chinese has one plural form: "other" serves every count.
    expect(formatMessage('{count, plural, other {# 个账户}}', { count: 1 }, { ...context, locale: 'zh-CN' })).toBe('1 个账户');
  });

  it('selects by value, falls back to other, and nests', () => {
    const p = '{field, select, key {The API key} other {The API secret}} is {length, plural, one {# character} other {# characters}} long';
    expect(formatMessage(p, { field: 'key', length: 1 }, context)).toBe('The API key is 1 character long');
    expect(formatMessage(p, { field: 'secret', length: 7 }, context)).toBe('The API secret is 7 characters long');
    expect(formatMessage('{demo, select, yes {Demo } other {}}{amount}', { demo: 'no', amount: '1.00' }, context)).toBe('1.00');
  });

  it('keeps apostrophes as text and shows a missing value by its name', () => {
    expect(formatMessage("Gate's rates, {missing}", {}, context)).toBe("Gate's rates, {missing}");
  });

  it('rejects malformed patterns instead of printing them half', () => {
    expect(() => formatMessage('{a, plural, one {x}}', { a: 1 }, context)).toThrow(/other/);
    expect(() => formatMessage('{a, money}', { a: 1 }, context)).toThrow(/unknown format/);
    expect(() => formatMessage('oops }', {}, context)).toThrow(SyntaxError);
    expect(() => formatMessage('{a, select, x {open', { a: 'x' }, context)).toThrow(SyntaxError);
  });

  it('a value that names an object member selects "other", never a member', () => {
    for (const value of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(formatMessage('{v, select, yes {Y} other {O:{v}}}', { v: value }, context), value).toBe(`O:${value}`);
      expect(formatMessage(`{v, select, ${value} {hit} other {miss}}`, { v: value }, context), value).toBe('hit');
    }
    // A pattern with a branch named like a member still needs its own "other".
    expect(() => formatMessage('{v, select, constructor {x}}', { v: 'x' }, context)).toThrow(SyntaxError);
  });

  it('lists the values a pattern reads, branches included', () => {
    expect(placeholdersOf('{a} {b, select, x {{c}} other {{d, number}}} {e, plural, other {#}}')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
