import { formatCents, parseAmountToCents } from '../money.ts';
import type { Project } from '../targets.ts';
import { MONTHS, cumulativeByMonth, executionPercent, plannedAmount, plannedPercentAt } from './plan.ts';
import type { IndicatorProgress } from './progress.ts';
import { rational, toCents, toFixed } from '../rational.ts';
import type { ProjectFacts } from './warnings.ts';

/** The 监控表 of one project as of a month-end: plan vs actual per month, figures as text. */
export interface MonthFigures {
  month: number;
  /** Planned cumulative share (%), two decimals; null without a plan. */
  plannedPercent: string | null;
  plannedAmount: string | null;
  /** Spent in the month, by source and together (元). */
  fiscal: string;
  other: string;
  spent: string;
  cumulative: string;
  cumulativePercent: string | null;
}

export interface AdjustmentView {
  adjustedBudget: string;
  reason: string;
  effectiveDate: string;
  recordedBy: string;
}

export interface ProjectMonitoring {
  code: string;
  name: string;
  /** 年初预算数. */
  initialBudget: string | null;
  /** 调整后预算数: the latest adjustment, null when never adjusted. */
  adjustedBudget: string | null;
  adjustments: AdjustmentView[];
  months: MonthFigures[];
  spentToDate: string;
  /** 执行率 to asOfMonth against the adjusted (else initial) budget, %, two decimals. */
  executionRate: string | null;
  /** 全年预计执行数: spent so far plus the rest of the plan (decision 011); the budget without a plan. */
  forecastFullYear: string | null;
  indicators: { name: string; level1: string; level2: string; target: string; progress: IndicatorProgress[] }[];
}

export interface SpendingRow {
  month: number;
  source: 'fiscal' | 'other';
  amount: string;
}

const cents = (amount: string | null) => (amount === null ? null : parseAmountToCents(amount));

/** Everything the table, the charts and the warning rules need for one project. */
export function summariseProject(
  project: Project,
  data: {
    spending: readonly SpendingRow[];
    adjustments: readonly AdjustmentView[];
    progress: readonly IndicatorProgress[];
  },
  asOfMonth: number,
): { view: ProjectMonitoring; facts: ProjectFacts } {
  const adjustedBudget = data.adjustments.at(-1)?.adjustedBudget ?? null;
  const budgetCents = cents(adjustedBudget ?? project.budget.total);
  const bySource = (source: 'fiscal' | 'other') =>
    MONTHS.map((month) =>
      data.spending
        .filter((s) => s.month === month && s.source === source)
        .reduce((sum, s) => sum + (cents(s.amount) ?? 0n), 0n),
    );
  const fiscal = bySource('fiscal');
  const other = bySource('other');
  const cumulative = cumulativeByMonth(
    MONTHS.map((month) => ({ month, cents: fiscal[month - 1]! + other[month - 1]! })),
  );
  const months = MONTHS.map((month): MonthFigures => {
    const planned = plannedPercentAt(project.spendingPlan, month);
    const rate = executionPercent(cumulative[month - 1]!, budgetCents);
    return {
      month,
      plannedPercent: planned === null ? null : toFixed(planned),
      plannedAmount:
        planned === null || budgetCents === null ? null : formatCents(toCents(plannedAmount(budgetCents, planned))),
      fiscal: formatCents(fiscal[month - 1]!),
      other: formatCents(other[month - 1]!),
      spent: formatCents(fiscal[month - 1]! + other[month - 1]!),
      cumulative: formatCents(cumulative[month - 1]!),
      cumulativePercent: rate === null ? null : toFixed(rate),
    };
  });
  const spentCents = asOfMonth >= 1 ? cumulative[asOfMonth - 1]! : 0n;
  const rate = executionPercent(spentCents, budgetCents);
  const view: ProjectMonitoring = {
    code: project.code,
    name: project.name,
    initialBudget: project.budget.total,
    adjustedBudget,
    adjustments: data.adjustments.map(({ adjustedBudget, reason, effectiveDate, recordedBy }) => ({
      adjustedBudget,
      reason,
      effectiveDate,
      recordedBy,
    })),
    months,
    spentToDate: formatCents(spentCents),
    executionRate: rate === null ? null : toFixed(rate),
    forecastFullYear: forecastFullYear(project, budgetCents, spentCents, asOfMonth),
    indicators: project.indicators.map((i) => ({
      name: i.name,
      level1: i.level1,
      level2: i.level2,
      target: i.target.raw,
      progress: data.progress.filter((p) => p.indicatorName === i.name),
    })),
  };
  const facts: ProjectFacts = {
    code: project.code,
    name: project.name,
    budgetCents,
    plan: project.spendingPlan,
    cumulativeCents: cumulative,
    indicators: project.indicators,
    progress: data.progress,
  };
  return { view, facts };
}

/** Spent to date + budget × (100% − plan at asOfMonth): the rest of the plan assumed carried out. */
function forecastFullYear(
  project: Project,
  budgetCents: bigint | null,
  spentCents: bigint,
  asOfMonth: number,
): string | null {
  if (budgetCents === null) return null;
  if (asOfMonth >= 12) return formatCents(spentCents);
  const planned = asOfMonth >= 1 ? plannedPercentAt(project.spendingPlan, asOfMonth) : rational(0n);
  if (planned === null) return formatCents(spentCents > budgetCents ? spentCents : budgetCents);
  const rest = budgetCents - toCents(plannedAmount(budgetCents, planned));
  return formatCents(spentCents + (rest > 0n ? rest : 0n));
}
