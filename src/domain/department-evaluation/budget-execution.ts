import { type Amount, formatCents, parseAmountToCents } from '../money.ts';
import { type Rational, rational } from '../rational.ts';
import {
  type BudgetExecutionRow,
  type DepartmentEvaluationInput,
  FUNDING_SOURCES,
  type FundingSource,
} from './model.ts';

/** One row of the 年度预算执行情况: entered figures, 结转结余 = 调整后 − 执行 (exact 分), 执行率. */
export interface BudgetExecutionLine {
  source: FundingSource | 'total';
  initial: Amount | null;
  adjusted: Amount | null;
  spent: Amount | null;
  /** 结转结余 = 全年预算数 − 全年执行数; null while either is missing. */
  carryOver: Amount | null;
  /** 执行数 / 调整后预算数, exact; null when missing or the budget is zero. */
  rate: Rational | null;
}

const cents = (amount: Amount | null): bigint | null => (amount === null ? null : parseAmountToCents(amount));

function line(source: BudgetExecutionLine['source'], row: BudgetExecutionRow): BudgetExecutionLine {
  const adjusted = cents(row.adjusted);
  const spent = cents(row.spent);
  return {
    source,
    initial: row.initial,
    adjusted: row.adjusted,
    spent: row.spent,
    carryOver: adjusted === null || spent === null ? null : formatCents(adjusted - spent),
    rate: adjusted === null || spent === null || adjusted === 0n ? null : rational(spent, adjusted),
  };
}

/** A column's total: null only when no source states it (an empty 其他资金 counts as nothing). */
function total(rows: readonly BudgetExecutionRow[], column: keyof BudgetExecutionRow): Amount | null {
  const given = rows.map((r) => cents(r[column])).filter((c): c is bigint => c !== null);
  return given.length === 0 ? null : formatCents(given.reduce((a, b) => a + b, 0n));
}

/** 财政拨款, 其他资金 and 合计 (the total first, as the form prints it). */
export function budgetExecution(budget: DepartmentEvaluationInput['budget']): BudgetExecutionLine[] {
  const rows = FUNDING_SOURCES.map((source) => budget[source]);
  const sum: BudgetExecutionRow = {
    initial: total(rows, 'initial'),
    adjusted: total(rows, 'adjusted'),
    spent: total(rows, 'spent'),
  };
  return [line('total', sum), ...FUNDING_SOURCES.map((source) => line(source, budget[source]))];
}
