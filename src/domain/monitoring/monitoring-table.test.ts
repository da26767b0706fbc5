import { describe, expect, it } from 'vitest';
import type { BudgetExecution } from '../table-documents.ts';
import { spendingToReach } from './monitoring-table.ts';

const execution = (executed: string | null, fiscal?: string, other?: string): BudgetExecution => ({
  planned: null,
  adjusted: null,
  executed,
  rate: null,
  weight: null,
  score: null,
  ...(fiscal === undefined ? {} : { fiscal: { planned: null, adjusted: null, executed: fiscal, rate: null } }),
  ...(other === undefined ? {} : { other: { planned: null, adjusted: null, executed: other, rate: null } }),
});

describe('spendingToReach: the month that makes months 1..N add up to the table’s 1–N月执行数', () => {
  it('books only the difference to what months 1..N−1 hold, per source, exactly', () => {
    const stored = [
      { month: 3, source: 'fiscal' as const, amount: '100000.10' },
      { month: 5, source: 'other' as const, amount: '30000.00' },
    ];
    expect(spendingToReach(stored, execution('546000.00', '466000.00', '80000.00'), 7)).toEqual([
      { month: 7, source: 'fiscal', amount: '365999.90' },
      { month: 7, source: 'other', amount: '50000.00' },
    ]);
  });

  it('derives the other source from the total, and puts a total alone on 财政资金 beside the stored 其他资金', () => {
    expect(spendingToReach([], execution('500.00', '300.00'), 6)).toEqual([
      { month: 6, source: 'fiscal', amount: '300.00' },
      { month: 6, source: 'other', amount: '200.00' },
    ]);
    const stored = [{ month: 2, source: 'other' as const, amount: '50.00' }];
    expect(spendingToReach(stored, execution('500.00'), 6)).toEqual([{ month: 6, source: 'fiscal', amount: '450.00' }]);
    expect(spendingToReach(stored, execution(null), 6)).toEqual([]);
  });

  it('refuses when the spending already entered exceeds the table, naming both figures', () => {
    const stored = [{ month: 2, source: 'fiscal' as const, amount: '900.00' }];
    expect(() => spendingToReach(stored, execution('800.00', '800.00', '0.00'), 6)).toThrow(
      /900\.00 元已超过.*800\.00 元/,
    );
  });
});
