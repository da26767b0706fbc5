import { type Amount, formatCents, parseAmountToCents } from '../money.ts';
import type { Project } from '../targets.ts';

export type YearEndMoney = Map<string, { adjustedBudget: Amount | null; spent: Amount | null }>;

/**
 * Each project's year-end money for the 自评: 调整后预算数 = the latest budget adjustment, else the
 * 年初预算数; 执行数 = all spending booked for the year (December's cumulative). Both are
 * monitoring's: the evaluation never keeps a second copy. A project with no spending booked has no
 * 执行数 (missing data, not zero). `adjustments` are in the order they were made.
 */
export function yearEndMoney(
  projects: readonly Project[],
  adjustments: readonly { projectCode: string; adjustedBudget: Amount }[],
  spending: readonly { projectCode: string; amount: Amount }[],
): YearEndMoney {
  const money: YearEndMoney = new Map();
  for (const project of projects) {
    const adjusted =
      adjustments.filter((a) => a.projectCode === project.code).at(-1)?.adjustedBudget ?? project.budget.total;
    const rows = spending.filter((s) => s.projectCode === project.code);
    const spent =
      rows.length === 0
        ? null
        : formatCents(rows.reduce((total, row) => total + (parseAmountToCents(row.amount) ?? 0n), 0n));
    money.set(project.code, { adjustedBudget: adjusted, spent });
  }
  return money;
}
