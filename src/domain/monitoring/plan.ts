import type { SpendingCheckpoint } from '../targets.ts';
import { type Rational, add, div, fromDecimal, mul, rational, sub } from '../rational.ts';

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/**
 * The planned cumulative share (%) of the budget spent by the end of `month`, from the project's
 * 资金支出计划 checkpoints (decision 011):
 * - linear between known checkpoints, starting from 0% before January (month 0): money is paid out
 *   through a quarter, not on its last day, so a step would let a project sit idle until the
 *   checkpoint and then be judged all at once;
 * - an empty checkpoint (the seed's blank 3月底) is skipped, i.e. interpolated over;
 * - after the last known checkpoint the plan stays at its value;
 * - no known checkpoint at all: no plan (null), and no behind-plan warning can fire.
 */
export function plannedPercentAt(plan: readonly SpendingCheckpoint[], month: number): Rational | null {
  const known = plan
    .filter((c): c is { month: number; cumulativePercent: number } => c.cumulativePercent !== null)
    .map((c) => ({ month: c.month, percent: fromDecimal(c.cumulativePercent) }))
    .sort((a, b) => a.month - b.month);
  if (known.length === 0) return null;
  let previous = { month: 0, percent: rational(0n) };
  for (const point of known) {
    if (month <= point.month) {
      if (point.month === previous.month) return point.percent;
      const progress = rational(BigInt(month - previous.month), BigInt(point.month - previous.month));
      return add(previous.percent, mul(sub(point.percent, previous.percent), progress));
    }
    previous = point;
  }
  return previous.percent;
}

/** The plan for each month-end, January to December (null entries when there is no plan). */
export function plannedCurve(plan: readonly SpendingCheckpoint[]): (Rational | null)[] {
  return MONTHS.map((month) => plannedPercentAt(plan, month));
}

/** Running totals of per-month amounts in 分: index 0 is the end of January. */
export function cumulativeByMonth(monthly: readonly { month: number; cents: bigint }[]): bigint[] {
  const perMonth = MONTHS.map(() => 0n);
  for (const entry of monthly) perMonth[entry.month - 1] = perMonth[entry.month - 1]! + entry.cents;
  let running = 0n;
  return perMonth.map((cents) => (running += cents));
}

/** 执行率 in percent: spent / budget × 100; null when the budget is zero or unknown. */
export function executionPercent(spentCents: bigint, budgetCents: bigint | null): Rational | null {
  if (budgetCents === null || budgetCents <= 0n) return null;
  return rational(spentCents * 100n, budgetCents);
}

/** The planned amount in 分 at a month-end (budget × planned %), exact until the caller rounds. */
export function plannedAmount(budgetCents: bigint, plannedPercent: Rational): Rational {
  return div(mul(rational(budgetCents), plannedPercent), rational(100n));
}
