/**
 * What the 自评表 and 监控表 writers print: plain figures as text (amounts in 元 as decimal strings, rates in percent),
 * already computed by the use-cases. The writers lay them out; they compute nothing that could disagree with the screen.
 */

export interface ReportHeader {
  unitCode: string;
  unitName: string;
  /** 主管部门: the department above the unit, when the organisation tree has one. */
  department: string | null;
  fiscalYear: number;
}

/** 项目支出绩效自评表 (财预〔2020〕10号), one per project. */
export interface EvaluationReport extends ReportHeader {
  meanScore: number | null;
  projects: EvaluationReportProject[];
}

export interface EvaluationReportProject {
  code: string;
  name: string;
  /** 年度总体目标 — 预期目标 (the targets' goals). */
  goals: string[];
  /** 年度总体目标 — 实际完成情况. */
  achieved: string;
  initialBudget: string | null;
  adjustedBudget: string | null;
  spent: string | null;
  execution: { rate: number | null; weight: number; points: number | null };
  executionReason: string;
  indicators: EvaluationReportIndicator[];
  score: number;
  grade: string | null;
  incomplete: boolean;
}

export interface EvaluationReportIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string | null;
  notApplicable: boolean;
  weight: number;
  points: number | null;
  /** 偏差原因分析及改进措施. */
  analysis: string;
}

/** 绩效运行监控表 (财预〔2019〕136号), one per project, as of a month-end. */
export interface MonitoringReport extends ReportHeader {
  asOfMonth: number;
  projects: MonitoringReportProject[];
}

export interface MonitoringReportProject {
  code: string;
  name: string;
  initialBudget: string | null;
  adjustedBudget: string | null;
  spentToDate: string;
  /** Percent, two decimals, as text. */
  executionRate: string | null;
  forecastFullYear: string | null;
  indicators: MonitoringReportIndicator[];
}

export interface MonitoringReportIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  /** The month of the progress shown (1-N月); null when none was recorded. */
  month: number | null;
  valueToDate: string;
  forecast: string;
  likelihood: string;
  deviationCategory: string;
  reason: string;
  measures: string;
}
