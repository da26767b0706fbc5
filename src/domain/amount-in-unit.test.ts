import { describe, expect, it } from 'vitest';
import { amountInUnit, readStatedAmount } from './money-units.ts';

describe('amountInUnit', () => {
  it('prints 元 amounts in a form’s unit exactly, without trailing zeros', () => {
    expect(amountInUnit('125000.00', '万元')).toBe('12.5');
    expect(amountInUnit('125000.00', '千元')).toBe('125');
    expect(amountInUnit('356250.50', '万元')).toBe('35.62505');
    expect(amountInUnit('0.01', '万元')).toBe('0.000001');
    expect(amountInUnit('0.00', '万元')).toBe('0');
    expect(amountInUnit('-2350500.00', '千元')).toBe('-2350.5');
    expect(amountInUnit('36000.00', '元')).toBe('36000.00');
  });

  it('is read back to the same amount (no float ever touches it)', () => {
    for (const amount of ['12345678901.23', '1.00', '862000.00', '900000000000100.00'])
      for (const unit of ['元', '千元', '万元'] as const)
        expect(readStatedAmount(amountInUnit(amount, unit), unit)).toEqual({ kind: 'amount', amount });
  });
});
