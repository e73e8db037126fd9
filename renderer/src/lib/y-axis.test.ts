import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../../shared/decimal.js';
import { yAxisValues } from './y-axis.js';

const usdt = (value: string) => formatAmount(value, { currency: 'USDT', locale: 'en-US' });

describe('yAxisValues', () => {
  it('labels the high, the exact middle and the low, top first', () => {
    expect(yAxisValues('100.25', '150.13', usdt)).toEqual([
      { value: '150.13', text: '150.13' },
      { value: '125.19', text: '125.19' },
      { value: '100.25', text: '100.25' },
    ]);
  });

  it('keeps the middle exact for 40-digit figures (no float)', () => {
    const high = '591702859674467879.6488202650892478553852';
    const low = '591702859674467877.6488202650892478553852';
    expect(yAxisValues(low, high, usdt).map((v) => v.value)).toEqual([high, '591702859674467878.6488202650892478553852', low]);
  });

  it('drops the middle when it reads like an end once rounded: two labels', () => {
    expect(yAxisValues('99.99', '100.00', usdt).map((v) => v.text)).toEqual(['100.00', '99.99']);
    // The middle rounds like the low: the low keeps the bottom.
    expect(yAxisValues('99.996', '100.01', usdt)).toEqual([
      { value: '100.01', text: '100.01' },
      { value: '99.996', text: '100.00' },
    ]);
  });

  it('gives a flat line, or ends that read alike, one label', () => {
    expect(yAxisValues('7', '7', usdt)).toEqual([{ value: '7', text: '7.00' }]);
    expect(yAxisValues('7.001', '7.004', usdt).map((v) => v.text)).toEqual(['7.00']);
  });
});
