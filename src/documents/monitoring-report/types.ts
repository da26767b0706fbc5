/**
 * A unit's monitoring at one checkpoint, as printed (财预〔2019〕136号: 绩效监控情况表 per project and the 监控报告).
 * Plain data: it is also the snapshot a submission stores, so a submitted checkpoint prints what was submitted.
 * Amounts are 元 as decimal text; rates are percent text with two decimals.
 */
export interface MonitoringStatement {
  unitCode: string;
  unitName: string;
  fiscalYear: number;
  /** The checkpoint's month-end: the table's 1-N月. */
  month: number;
  /** ISO time of the submission, null for a draft printed before submitting. */
  submittedAt: string | null;
  projects: StatementProject[];
  actions: StatementAction[];
}

export interface StatementProject {
  code: string;
  name: string;
  /** 年初预算数. */
  initialBudget: string | null;
  /** 全年预算数 (调整后, else 年初). */
  fullYearBudget: string | null;
  /** 1-N月执行数 and its 执行率. */
  spentToDate: string;
  executionRate: string | null;
  /** 全年预计执行数 as the unit entered it; null when not entered. */
  forecastFullYear: string | null;
  /** The computed estimate (spent + rest of plan), for reference only. */
  forecastHint: string | null;
  releasedToDate: string | null;
  carryOver: string | null;
  indicators: StatementIndicator[];
}

export interface StatementIndicator {
  level1: string;
  level2: string;
  name: string;
  /** 年度指标值. */
  target: string;
  /** 1-N月执行情况. */
  valueToDate: string;
  /** 全年预计完成情况. */
  forecast: string;
  /** 完成目标可能性: 确定能 / 有可能 / 不可能, '' when not entered. */
  likelihood: string;
  categories: string[];
  reason: string;
  measures: string;
}

export interface StatementAction {
  projectCode: string | null;
  kind: string;
  body: string;
  deadline: string;
  state: string;
  reply: string | null;
}
