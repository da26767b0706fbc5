import { type Amount, formatCents, parseAmountToCents } from '../money.ts';
import type { Budget, Indicator } from '../targets.ts';
import type { DepartmentEvaluationInput } from './model.ts';
import type { DepartmentEvaluationPolicy } from './policy.ts';

/** One project's money as the project 自评 knows it (targets' budget, monitoring's adjustment, the 执行数 split). */
export interface ProjectMoney {
  budget: Budget;
  adjusted: Amount | null;
  spent: Amount | null;
  spentFiscal: Amount | null;
  spentOther: Amount | null;
}

const cents = (a: Amount | null | undefined): bigint | null => (a == null ? null : parseAmountToCents(a));

/** The sum of what is stated; null when nothing is. */
function total(values: readonly (Amount | null | undefined)[]): Amount | null {
  const given = values.map(cents).filter((c): c is bigint => c !== null);
  return given.length === 0 ? null : formatCents(given.reduce((a, b) => a + b, 0n));
}

/**
 * A first draft of the 整体自评表 (decision 045): 年初预算 from the 整体目标表's 年度预算 when the document has one,
 * else the projects' budgets by source; 调整后 = 年初 plus the projects' adjustments (an adjustment is a total,
 * booked to 财政拨款); 执行数 by source from the project 自评's split (entered, else the ledger's). Every figure
 * stays editable; the indicators come without actuals and the management items unscored.
 */
export function prefillDepartmentEvaluation(
  overall: { indicators?: Indicator[]; budget?: Budget },
  projects: readonly ProjectMoney[],
  policy: DepartmentEvaluationPolicy,
): DepartmentEvaluationInput {
  const initialFiscal = overall.budget?.fiscal ?? total(projects.map((p) => p.budget.fiscal));
  const initialOther = overall.budget?.other ?? total(projects.map((p) => p.budget.other));
  const adjustedProjects = projects.filter((p) => p.adjusted !== null);
  const change = adjustedProjects.reduce(
    (sum, p) => sum + (cents(p.adjusted) ?? 0n) - (cents(p.budget.total) ?? 0n),
    0n,
  );
  const adjustedFiscal =
    initialFiscal === null && adjustedProjects.length === 0 ? null : formatCents((cents(initialFiscal) ?? 0n) + change);
  const spentFiscal = total(projects.map((p) => p.spentFiscal ?? (p.spentOther === null ? p.spent : null)));
  return {
    budget: {
      fiscal: { initial: initialFiscal, adjusted: adjustedFiscal, spent: spentFiscal },
      other: { initial: initialOther, adjusted: initialOther, spent: total(projects.map((p) => p.spentOther)) },
    },
    executionReason: '',
    summary: '',
    indicators: (overall.indicators ?? []).map((i) => ({ name: i.name, actual: null })),
    management: policy.managementItems.map((m) => ({ key: m.key, score: null, reason: '' })),
  };
}
