import { describe, expect, it } from 'vitest';
import { formatCaseNumber, formatCaseNumberAs, makeQueryCode, numberingPeriod, queryCodeAlphabet } from '../cases/numbering.ts';

describe('case numbers', () => {
  it('format as YYMM-NNNN with an optional desk prefix', () => {
    expect(formatCaseNumber('', numberingPeriod(2026, 11), 7)).toBe('2611-0007');
    expect(formatCaseNumber('A', numberingPeriod(2026, 1), 12)).toBe('A2601-0012');
    expect(formatCaseNumber('', numberingPeriod(2030, 12), 12345)).toBe('3012-12345');
  });

  it('refuse a sequence below one and a malformed prefix', () => {
    expect(() => formatCaseNumber('', '2611', 0)).toThrow();
    expect(() => formatCaseNumber('a-b', '2611', 1)).toThrow();
  });
});

describe('query codes', () => {
  it('use six characters without look-alikes', () => {
    expect(queryCodeAlphabet).not.toMatch(/[0O1IL2Z5S8B]/);
    expect(makeQueryCode((n) => Array.from({ length: n }, (_, i) => i))).toBe('34679A');
    expect(makeQueryCode((n, bound) => Array.from({ length: n }, () => bound - 1))).toBe('YYYYYY');
  });
});

describe('number formats', () => {
  it('formats each setting, with and without a desk prefix', () => {
    expect(formatCaseNumberAs('YYMM-NNNN', '', 2026, 11, 7)).toBe('2611-0007');
    expect(formatCaseNumberAs('YYYYMM-NNNN', 'A', 2026, 11, 7)).toBe('A202611-0007');
    expect(formatCaseNumberAs('YYYY-MM-NNNN', 'B2', 2026, 1, 12)).toBe('B22026-01-0012');
    expect(formatCaseNumberAs('YYMMNNNN', '', 2027, 3, 10_000)).toBe('270310000');
  });

  it('refuses a malformed prefix or sequence', () => {
    expect(() => formatCaseNumberAs('YYMM-NNNN', 'a-b', 2026, 11, 1)).toThrow();
    expect(() => formatCaseNumberAs('YYMM-NNNN', '', 2026, 11, 0)).toThrow();
  });
});
