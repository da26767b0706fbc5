import { describe, expect, it } from 'vitest';
import { readStatedAmount, statedMoneyUnit } from './money-units.ts';

describe('readStatedAmount', () => {
  it('converts 万元 and 千元 to 元 exactly, digits shifted, never through a float', () => {
    expect(readStatedAmount('12.5', '万元')).toEqual({ kind: 'amount', amount: '125000.00' });
    expect(readStatedAmount('0.5', '万元')).toEqual({ kind: 'amount', amount: '5000.00' });
    expect(readStatedAmount('1,234.56', '万元')).toEqual({ kind: 'amount', amount: '12345600.00' });
    expect(readStatedAmount('12.345678', '万元')).toEqual({ kind: 'amount', amount: '123456.78' });
    expect(readStatedAmount('0.1', '万元')).toEqual({ kind: 'amount', amount: '1000.00' });
    expect(readStatedAmount('2350.5', '千元')).toEqual({ kind: 'amount', amount: '2350500.00' });
    expect(readStatedAmount('356250.50', '元')).toEqual({ kind: 'amount', amount: '356250.50' });
    expect(readStatedAmount('９０００００００００００.01', '万元')).toEqual({
      kind: 'amount',
      amount: '9000000000000100.00',
    });
  });

  it('refuses an amount finer than 1 分 rather than rounding it', () => {
    expect(readStatedAmount('12.3456789', '万元')).toEqual({ kind: 'too-precise' });
    expect(readStatedAmount('1.005', '元')).toEqual({ kind: 'too-precise' });
    expect(readStatedAmount('12.34567800', '万元')).toEqual({ kind: 'amount', amount: '123456.78' });
  });

  it('reads a unit written in the cell over the table’s, and dashes as empty', () => {
    expect(readStatedAmount('12.5万元', '元')).toEqual({ kind: 'amount', amount: '125000.00' });
    expect(readStatedAmount(' 3 000 元', '万元')).toEqual({ kind: 'amount', amount: '3000.00' });
    // "12.5万" as typed: 万 alone means 万元.
    expect(readStatedAmount('12.5万', '元')).toEqual({ kind: 'amount', amount: '125000.00' });
    expect(readStatedAmount('3千', '万元')).toEqual({ kind: 'amount', amount: '3000.00' });
    for (const empty of ['', '—', '-', '/', '无']) expect(readStatedAmount(empty, '万元')).toEqual({ kind: 'empty' });
    expect(readStatedAmount('约12万', '万元')).toEqual({ kind: 'unreadable' });
  });
});

describe('statedMoneyUnit', () => {
  it('finds the unit a line or a label states', () => {
    expect(statedMoneyUnit('单位：万元')).toBe('万元');
    expect(statedMoneyUnit('金额单位: 元')).toBe('元');
    expect(statedMoneyUnit('项目资金（千元）')).toBe('千元');
    expect(statedMoneyUnit('（2024年度）')).toBeNull();
  });
});
