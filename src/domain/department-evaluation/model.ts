import type { Amount } from '../money.ts';
import type { IndicatorActual } from '../scoring/score-project.ts';

/**
 * 部门整体支出绩效自评表 as the unit fills it in (decision 045): the whole department's budget execution by
 * funding source, the overall indicators' actuals (the project 自评's inputs, the same formulas), and the
 * evaluator's score per management item with a reason. Money as decimal strings in 元 (exact).
 */
export type FundingSource = 'fiscal' | 'other';

export interface BudgetExecutionRow {
  /** 年初预算数. */
  initial: Amount | null;
  /** 全年预算数（调整后）. */
  adjusted: Amount | null;
  /** 全年执行数. */
  spent: Amount | null;
}

export interface ManagementScoreInput {
  key: string;
  /** The evaluator's points, a decimal string ("4.5"); null = not scored yet. */
  score: string | null;
  /** Why (required below the item's full points). */
  reason: string;
}

export interface DepartmentEvaluationInput {
  budget: Record<FundingSource, BudgetExecutionRow>;
  /** Why execution stayed below the policy's threshold or went above 100 %. */
  executionReason: string;
  /** 年度总体目标完成情况, in words. */
  summary: string;
  indicators: IndicatorActual[];
  management: ManagementScoreInput[];
}

export const FUNDING_SOURCES: readonly FundingSource[] = ['fiscal', 'other'];
