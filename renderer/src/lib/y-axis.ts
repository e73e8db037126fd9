// The history chart's y-axis: which values it labels. The high and the low are Gate's own figures
// (the top and bottom of the line); the middle is their exact mean, kept only where it reads
// differently from both once rounded for display, so no two labels say the same thing.
import type { DecimalString } from '../../../shared/balance.js';
import { multiplyDecimals, sumDecimals } from '../../../shared/decimal.js';

/** One labelled value of the axis, top first. */
export interface AxisValue {
  readonly value: DecimalString;
  readonly text: string;
}

/**
 * Three values (high, middle, low) where they read apart, two when the middle reads as one of the
 * ends, one for a flat line (its only value, where the line is drawn). `text` rounds for display.
 */
export function yAxisValues(low: DecimalString, high: DecimalString, text: (value: DecimalString) => string): AxisValue[] {
  const top = { value: high, text: text(high) };
  const bottom = { value: low, text: text(low) };
  if (top.text === bottom.text) return [top];
  const value = multiplyDecimals(sumDecimals([low, high]), '0.5');
  const middle = { value, text: text(value) };
  return middle.text === top.text || middle.text === bottom.text ? [top, bottom] : [top, middle, bottom];
}
