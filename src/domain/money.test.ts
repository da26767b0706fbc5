import { describe, expect, it } from 'vitest';
import { addAmounts, formatCents, isCanonicalAmount, normaliseAmount, parseAmountToCents } from './money.ts';

describe('money', () => {
  it.each([
    ['20000.00', 2000000n],
    ['20000', 2000000n],
    ['20000.5', 2000050n],
    ['20,000.00', 2000000n],
    [' 14400.00 ', 1440000n],
    ['0.01', 1n],
    ['-3.10', -310n],
    ['123456789012345.99', 12345678901234599n],
  ])('reads %s as %s 分', (text, cents) => {
    expect(parseAmountToCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '1.234', '1e5', '１２', '12.3.4'])('refuses %j', (text) => {
    expect(parseAmountToCents(text)).toBeNull();
  });

  it('formats cents with two decimals', () => {
    expect(formatCents(2000000n)).toBe('20000.00');
    expect(formatCents(5n)).toBe('0.05');
    expect(formatCents(-310n)).toBe('-3.10');
  });

  it('adds exactly where binary floats would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addAmounts('0.10', '0.20')).toBe('0.30');
    expect(addAmounts('12345678901234.56', '0.01', null)).toBe('12345678901234.57');
  });

  it('normalises to the canonical form or says which field is wrong', () => {
    expect(normaliseAmount('20,000')).toBe('20000.00');
    expect(isCanonicalAmount('20000.00')).toBe(true);
    expect(isCanonicalAmount('20000')).toBe(false);
    expect(() => normaliseAmount('两万', 'budget.total')).toThrow(/金额格式不正确/);
  });
});
