import { describe, expect, it } from 'vitest';
import { formatPer1000, intakePer1000, per1000FractionDigits } from '../reports/groupFigures.ts';

describe('figures per 1,000 visits or units', () => {
  it('keeps two significant digits of a small rate and two decimals of a larger one', () => {
    expect(per1000FractionDigits(0.0034)).toBe(4);
    expect(per1000FractionDigits(0.034)).toBe(3);
    expect(per1000FractionDigits(0.34)).toBe(2);
    expect(per1000FractionDigits(12.345)).toBe(2);
    expect(per1000FractionDigits(0)).toBe(2);
  });

  it('shows a large site’s small rate instead of rounding it to nothing', () => {
    // 3 cases over a month of 900,000 visits.
    const rate = intakePer1000(3, 900_000, 1);
    expect(formatPer1000(rate, 'en')).toBe('0.0033');
    expect(formatPer1000(intakePer1000(45, 1_000, 1), 'en')).toBe('45.00');
    expect(formatPer1000(0.5, 'zh-CN')).toBe('0.50');
    expect(formatPer1000(1234.567, 'en')).toBe('1,234.57');
    expect(formatPer1000(0, 'en')).toBe('0.00');
  });

  it('shows a dash where the site gives no number', () => {
    expect(formatPer1000(intakePer1000(3, null, 1), 'en')).toBe('—');
  });
});
