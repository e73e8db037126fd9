import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import {
  compareDecimals,
  formatAmount,
  formatCompactAmount,
  formatMoney,
  signedPercent,
  isDecimalString,
  sharesOfPositive,
  signOfDecimal,
  subtractDecimals,
  multiplyDecimals,
  sumDecimals,
} from './decimal.js';
import { GATE_EXAMPLE_BODY, GATE_EXAMPLE_TOTAL } from './testing/gate-example.js';

interface RawDetails {
  details: Record<string, { amount: string }>;
  total: { amount: string };
}
const example = JSON.parse(GATE_EXAMPLE_BODY) as RawDetails;
const exampleAmounts = Object.values(example.details).map((d) => d.amount);

function addShares(shares: readonly string[]): string {
  return sumDecimals(shares);
}

describe('sumDecimals', () => {
  it("adds Gate's nine documented accounts to the documented total, digit for digit", () => {
    expect(exampleAmounts).toHaveLength(9);
    expect(sumDecimals(exampleAmounts)).toBe(GATE_EXAMPLE_TOTAL);
    expect(example.total.amount).toBe(GATE_EXAMPLE_TOTAL);
  });

  it('is exact where floating point is not', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDecimals(['99999999999999999999999999999999999999.99', '0.01'])).toBe('100000000000000000000000000000000000000');
  });

  it('handles negatives, zeros and an empty list', () => {
    expect(sumDecimals(['-5.5', '2.25', '0', '0.00'])).toBe('-3.25');
    expect(sumDecimals([])).toBe('0');
  });

  it('rejects what is not a plain decimal', () => {
    for (const bad of ['', 'abc', '1e5', 'NaN', '1.', '.5', '1,000', ' 1']) {
      expect(() => sumDecimals([bad])).toThrow(RangeError);
      expect(isDecimalString(bad)).toBe(false);
    }
  });
});

describe('compare, sign, subtract', () => {
  it('compares exactly beyond double precision', () => {
    expect(compareDecimals('1.10', '1.1')).toBe(0);
    expect(compareDecimals('591702859674467879.6488202650892478553852', '591702859674467879.6488202650892478553851')).toBe(1);
    expect(compareDecimals('-2', '1')).toBe(-1);
  });
  it('reads signs, including negative zero', () => {
    expect(signOfDecimal('-0.00')).toBe(0);
    expect(signOfDecimal('-0.000000001')).toBe(-1);
    expect(signOfDecimal('42')).toBe(1);
  });
  it('subtracts exactly', () => {
    expect(subtractDecimals(GATE_EXAMPLE_TOTAL, '591702859674467879.6488202650892478553852')).toBe(
      '42264490637813313.4195485503505494490518',
    );
  });
});

describe('multiplyDecimals', () => {
  it('multiplies exactly, keeping every digit', () => {
    expect(multiplyDecimals('591702859674467879.6488202650892478553852', '0.0000105263')).toBe(
      '6228441811791.35124154737675640894970014123076',
    );
    expect(multiplyDecimals('-12.85', '7.2431')).toBe('-93.073835');
    expect(() => multiplyDecimals('1e3', '2')).toThrow(RangeError);
  });
});

describe('sharesOfPositive (largest remainder)', () => {
  it("gives the documented example's shares, adding to exactly 100.00", () => {
    const shares = sharesOfPositive(exampleAmounts);
    expect(addShares(shares)).toBe('100');
    const byName = Object.fromEntries(Object.keys(example.details).map((k, i) => [k, shares[i]]));
    expect(byName).toEqual({
      cross_margin: '0.00',
      spot: '6.67',
      finance: '0.00',
      margin: '0.00',
      quant: '93.33',
      futures: '0.00',
      delivery: '0.00',
      warrant: '0.00',
      cbbc: '0.00',
    });
  });

  it('distributes the rounding so thirds add to 100.00', () => {
    const shares = sharesOfPositive(['1', '1', '1']);
    expect(shares).toEqual(['33.34', '33.33', '33.33']);
    expect(addShares(shares)).toBe('100');
  });

  it('gives remainders to the largest remainder, not the largest amount', () => {
    // 2/3 = 66.666…, 1/3 = 33.333… → the .666 remainder wins the spare hundredth.
    expect(sharesOfPositive(['1', '2'])).toEqual(['33.33', '66.67']);
  });

  it('gives zero and negative amounts 0.00 and shares only the positive ones', () => {
    const shares = sharesOfPositive(['-50', '0', '25', '75']);
    expect(shares).toEqual(['0.00', '0.00', '25.00', '75.00']);
  });

  it('answers all 0.00 when nothing is positive', () => {
    expect(sharesOfPositive(['0', '-1'])).toEqual(['0.00', '0.00']);
    expect(sharesOfPositive([])).toEqual([]);
  });

  it('adds to 100.00 for many awkward amounts', () => {
    const amounts = Array.from({ length: 12 }, (_, i) => `${(i + 1) * 7}.${'3'.repeat(i + 1)}`);
    const shares = sharesOfPositive(amounts);
    expect(addShares(shares)).toBe('100');
    for (const s of shares) expect(s).toMatch(/^\d{1,3}\.\d{2}$/);
  });

  it('takes the same floors as the quotient worked out to 80 places', () => {
    const Reference = Big();
    Reference.DP = 80;
    const amounts = [
      '591702859674467879.6488202650892478553852',
      '2.0000000000000000000000000000000000001',
      '7',
      '0.001',
      '123456789012345678901234567890.123456789',
    ];
    const total = amounts.reduce((acc, a) => acc.plus(a), new Reference(0));
    const floors = amounts.map((a) => Number(new Reference(a).times(10_000).div(total).round(0, 0).toFixed()));
    const shares = sharesOfPositive(amounts).map((x) => Math.round(Number(x) * 100));
    // Largest remainder adds at most one unit to a floor, and only as many as are left over.
    shares.forEach((units, i) => expect(units - floors[i]!).toBeGreaterThanOrEqual(0));
    shares.forEach((units, i) => expect(units - floors[i]!).toBeLessThanOrEqual(1));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('keeps a tiny account visible as 0.00 or more, never negative', () => {
    const shares = sharesOfPositive(['0.000000000000000000000000000000000001', '1000000000000000000000']);
    expect(shares).toEqual(['0.00', '100.00']);
  });
});

describe('formatAmount', () => {
  it('keeps every one of 40 digits in full precision', () => {
    const forty = '591702859674467879.6488202650892478553852';
    const out = formatAmount(forty, { currency: 'USDT', precision: 'full', locale: 'en-US' });
    expect(out).toBe('591,702,859,674,467,879.6488202650892478553852');
    expect(out.replace(/,/g, '')).toBe(forty);
  });

  it('rounds half-expand to the currency digits from the string, not a float', () => {
    expect(formatAmount(GATE_EXAMPLE_TOTAL, { currency: 'USDT', locale: 'en-US' })).toBe('633,967,350,312,281,193.07');
    expect(formatAmount('0.000000015', { currency: 'BTC', locale: 'en-US' })).toBe('0.00000002');
    // Beyond 2^53 a double cannot even hold the integer part; the string path keeps it.
    expect(formatAmount('9007199254740993.005', { currency: 'USD', locale: 'en-US' })).toBe('9,007,199,254,740,993.01');
    expect(new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(Number('9007199254740993.005'))).not.toBe(
      '9,007,199,254,740,993.01',
    );
  });

  it('follows the locale for grouping and the decimal separator', () => {
    expect(formatAmount('1234567.891', { currency: 'CNY', locale: 'de-DE' })).toBe('1.234.567,89');
    expect(formatAmount('-1234567.891', { currency: 'USD', precision: 'full', locale: 'de-DE' })).toBe('-1.234.567,891');
  });

  it('keeps trailing fraction zeros and drops only a sign on zero in full precision', () => {
    expect(formatAmount('0.00', { currency: 'USDT', precision: 'full', locale: 'en-US' })).toBe('0.00');
    expect(formatAmount('-0.00', { currency: 'USDT', precision: 'full', locale: 'en-US' })).toBe('0.00');
    expect(formatAmount('+0012.3400', { currency: 'USDT', precision: 'full', locale: 'en-US' })).toBe('12.3400');
    expect(() => formatAmount('1e5', { currency: 'USDT', precision: 'full' })).toThrow(RangeError);
  });

  it('formats zero, negatives and integers', () => {
    expect(formatAmount('0', { currency: 'BTC', locale: 'en-US' })).toBe('0.00000000');
    expect(formatAmount('-42.5', { currency: 'USDT', locale: 'en-US' })).toBe('-42.50');
    expect(formatAmount('1000', { currency: 'USD', precision: 'full', locale: 'en-US' })).toBe('1,000');
  });

  it('adds the currency code in formatMoney', () => {
    expect(formatMoney('12.3', { currency: 'USDT', locale: 'en-US' })).toBe('12.30 USDT');
  });
});

describe('formatCompactAmount', () => {
  it('writes 万, 亿 and 万亿 in zh-CN and 萬, 億 and 兆 in zh-TW', () => {
    const cases: Array<[string, string, string]> = [
      ['38522.03', '3.85万', '3.85萬'],
      ['100000', '10万', '10萬'],
      ['-123456', '-12.35万', '-12.35萬'],
      ['123456789.12', '1.23亿', '1.23億'],
      ['5917028596744.6', '5.92万亿', '5.92兆'],
    ];
    for (const [amount, cn, tw] of cases) {
      expect(formatCompactAmount(amount, { currency: 'CNY', locale: 'zh-CN' })).toBe(cn);
      expect(formatCompactAmount(amount, { currency: 'CNY', locale: 'zh-TW' })).toBe(tw);
    }
  });

  it('rounds from the exact string, where a float would round up', () => {
    const amount = '12349.9999999999999999999';
    expect(Number(amount)).toBe(12350);
    expect(formatCompactAmount(amount, { currency: 'USDT', locale: 'zh-CN' })).toBe('1.23万');
    expect(formatCompactAmount('99999999.995', { currency: 'USDT', locale: 'zh-CN' })).toBe('1亿');
    expect(formatCompactAmount('591702859674467879.6488202650892478553852', { currency: 'USDT', locale: 'zh-CN' })).toBe('591,702.86万亿');
  });

  it('keeps the usual display form below 10,000', () => {
    expect(formatCompactAmount('9999.999', { currency: 'CNY', locale: 'zh-CN' })).toBe('10,000.00');
    expect(formatCompactAmount('9999.99', { currency: 'CNY', locale: 'zh-CN' })).toBe('9,999.99');
    expect(formatCompactAmount('0.12345678', { currency: 'BTC', locale: 'zh-TW' })).toBe('0.12345678');
    expect(formatCompactAmount('-42', { currency: 'USD', locale: 'zh-CN' })).toBe('-42.00');
  });

  it('rejects what is not a decimal string', () => {
    expect(() => formatCompactAmount('1e9', { currency: 'CNY', locale: 'zh-CN' })).toThrow(RangeError);
  });
});

describe('signedPercent', () => {
  it('is signed, two decimals, half away from zero, and refuses a whole that is not positive', () => {
    expect(signedPercent('1', '3')).toBe('+33.33');
    expect(signedPercent('-2', '3')).toBe('-66.67');
    expect(signedPercent('1', '200')).toBe('+0.50');
    expect(signedPercent('0.01', '200')).toBe('+0.01');
    expect(signedPercent('-0.01', '200')).toBe('-0.01');
    expect(signedPercent('-0.001', '200')).toBe('0.00');
    expect(signedPercent('0', '5')).toBe('0.00');
    expect(() => signedPercent('1', '0')).toThrow(RangeError);
    expect(() => signedPercent('1', '-1')).toThrow(RangeError);
  });

  it('rounds exactly at the half-way points, 40-digit figures included', () => {
    expect(signedPercent('1.235', '100')).toBe('+1.24');
    expect(signedPercent('-1.235', '100')).toBe('-1.24');
    expect(signedPercent('1.2349999999999999999999999999999999999', '100')).toBe('+1.23');
    expect(signedPercent('-1.2349999999999999999999999999999999999', '100')).toBe('-1.23');
    expect(signedPercent('1.2350000000000000000000000000000000001', '100')).toBe('+1.24');
    expect(signedPercent('0.005', '100')).toBe('+0.01');
    expect(signedPercent('0.0049999999999999999999999', '100')).toBe('0.00');
  });

  it('matches the quotient worked out to 80 places, on random 40-digit figures', () => {
    const Reference = Big();
    Reference.DP = 80;
    let seed = 7;
    const digits = (n: number): string => {
      let out = '';
      for (let i = 0; i < n; i += 1) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        out += String(seed % 10);
      }
      return out;
    };
    for (let i = 0; i < 500; i += 1) {
      const whole = `${1 + (i % 9)}${digits(17)}.${digits(22)}`;
      const part = `${i % 2 ? '-' : ''}${digits(1 + (i % 19))}.${digits(21)}`;
      const exact = new Reference(part).times(100).div(whole).round(2, 1);
      const expected = exact.eq(0) ? '0.00' : `${exact.gt(0) ? '+' : '-'}${exact.abs().toFixed(2)}`;
      expect(signedPercent(part, whole), `${part} / ${whole}`).toBe(expected);
    }
  });
});

describe('the 200-character bound is on input, not on what is computed from it', () => {
  const NINES = '9'.repeat(200);

  it('input past 200 characters is refused', () => {
    expect(isDecimalString(NINES)).toBe(true);
    expect(isDecimalString(`1${NINES}`)).toBe(false);
  });

  it('a sum, difference or product of bounded inputs is exact at any length, and feeds every later step', () => {
    const sum = sumDecimals([NINES, NINES]);
    expect(sum).toBe(`1${'9'.repeat(199)}8`);
    expect(sum).toHaveLength(201);
    expect(subtractDecimals('1', sum)).toBe(`-1${'9'.repeat(199)}7`);
    const product = multiplyDecimals(sum, NINES);
    expect(product).toHaveLength(401);
    expect(compareDecimals(product, sum)).toBe(1);
    expect(signOfDecimal(subtractDecimals(sum, sum))).toBe(0);
    expect(sharesOfPositive([sum, NINES, '1'])).toEqual(['66.67', '33.33', '0.00']);
    expect(formatAmount(sum, { currency: 'USDT', locale: 'en' })).toMatch(/^199,999,.*,998\.00$/);
    expect(formatAmount(sum, { currency: 'USDT', precision: 'full', locale: 'en' }).replace(/,/g, '')).toBe(sum);
    expect(formatCompactAmount(sum, { currency: 'USDT', locale: 'en' })).toMatch(/\d/);
    expect(signedPercent(sum, NINES)).toBe('+200.00');
  });
});
