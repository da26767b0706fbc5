import { describe, expect, it } from 'vitest';
import type { SpendingCheckpoint } from '../targets.ts';
import { cumulativeByMonth, executionPercent, plannedAmount, plannedCurve, plannedPercentAt } from './plan.ts';
import { fromDecimal, rational, toCents, toFixed } from '../rational.ts';

// The seed's plan: 3月底 blank, 6月底 60%, 10月底 90%, 12月底 100%.
const SEED_PLAN: SpendingCheckpoint[] = [
  { month: 3, cumulativePercent: null },
  { month: 6, cumulativePercent: 60 },
  { month: 10, cumulativePercent: 90 },
  { month: 12, cumulativePercent: 100 },
];
const pct = (plan: SpendingCheckpoint[], month: number) => {
  const r = plannedPercentAt(plan, month);
  return r === null ? null : toFixed(r);
};

describe('planned cumulative share', () => {
  it('interpolates linearly from 0% before January, skipping the blank checkpoint', () => {
    expect(pct(SEED_PLAN, 3)).toBe('30.00'); // 60 × 3/6
    expect(pct(SEED_PLAN, 6)).toBe('60.00');
    expect(pct(SEED_PLAN, 8)).toBe('75.00'); // 60 + 30 × 2/4
    expect(pct(SEED_PLAN, 11)).toBe('95.00'); // 90 + 10 × 1/2
    expect(pct(SEED_PLAN, 12)).toBe('100.00');
  });

  it('keeps exact thirds until display', () => {
    const plan = [
      { month: 3, cumulativePercent: 20 },
      { month: 6, cumulativePercent: 60 },
    ];
    expect(pct(plan, 1)).toBe('6.67'); // 20/3
    expect(pct(plan, 4)).toBe('33.33'); // 20 + 40/3
    expect(plannedPercentAt(plan, 1)).toEqual(rational(20n, 3n));
  });

  it('holds the last checkpoint and has no plan without numbers', () => {
    expect(pct([{ month: 6, cumulativePercent: 50 }], 9)).toBe('50.00');
    expect(pct([{ month: 6, cumulativePercent: null }], 6)).toBeNull();
    expect(plannedCurve([]).every((p) => p === null)).toBe(true);
    expect(pct([{ month: 6, cumulativePercent: 12.5 }], 3)).toBe('6.25');
  });
});

describe('spending to date', () => {
  it('sums per-month amounts into month-end totals', () => {
    const totals = cumulativeByMonth([
      { month: 2, cents: 100_00n },
      { month: 2, cents: 50_00n },
      { month: 5, cents: 1_00n },
    ]);
    expect(totals.slice(0, 6)).toEqual([0n, 150_00n, 150_00n, 150_00n, 151_00n, 151_00n]);
    expect(totals[11]).toBe(151_00n);
  });

  it('gives the execution rate exactly, none for a zero budget', () => {
    expect(toFixed(executionPercent(12_000_00n, 20_000_00n)!)).toBe('60.00');
    expect(toFixed(executionPercent(7_000_00n, 30_000_00n)!)).toBe('23.33');
    expect(toFixed(executionPercent(2_00n, 3_00n)!)).toBe('66.67');
    expect(executionPercent(1_00n, 0n)).toBeNull();
    expect(executionPercent(1_00n, null)).toBeNull();
  });

  it('rounds planned amounts to whole 分 only at the end', () => {
    // 14,400.00 × 20/3 % = 960.00 exactly; 100.00 × 6.67%… = 6.666… → 6.67
    expect(toCents(plannedAmount(14_400_00n, rational(20n, 3n)))).toBe(960_00n);
    expect(toCents(plannedAmount(100_00n, rational(20n, 3n)))).toBe(667n);
    expect(toFixed(fromDecimal('33.335'), 2)).toBe('33.34');
  });
});
