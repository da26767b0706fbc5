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

/** The evaluator's band for a qualitative or no-number indicator (10号: 达成 / 部分达成 / 未达成). */
export type ReportBand = 'achieved' | 'partly' | 'notAchieved';

/** A project's total as scored: the score in force, or the unit's own before the bureau's 复核. */
export interface EvaluationReportTotal {
  score: number;
  grade: string | null;
  incomplete: boolean;
  /** false: no indicator applies (不可评分), no grade. */
  scorable: boolean;
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
  /** 年初预算数 其中 财政拨款 / 其他资金, as the targets state them; null when they do not. */
  initialFiscal: string | null;
  initialOther: string | null;
  /** 全年执行数 其中 财政拨款 / 其他资金 (as entered, else the ledger's split); null when unknown. */
  spentFiscal: string | null;
  spentOther: string | null;
  execution: {
    rate: number | null;
    weight: number;
    points: number | null;
    /** 10号: a budget of 0 cannot be scored; spending above the adjusted budget is flagged, not hidden. */
    flag: 'zero-budget' | 'over-spent' | null;
  };
  executionReason: string;
  indicators: EvaluationReportIndicator[];
  /** The score in force: the bureau's where it re-scored (复核), else the unit's. */
  total: EvaluationReportTotal;
  /** The unit's own total when the bureau re-scored an indicator of this project. */
  unitTotal: EvaluationReportTotal | null;
}

export interface EvaluationReportIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string | null;
  notApplicable: boolean;
  weight: number;
  /** The points in force (the bureau's where it re-scored). */
  points: number | null;
  /** 偏差原因分析及改进措施. */
  analysis: string;
  /** The band the points were given in, and the evaluator's share of the weight inside it when chosen. */
  band: ReportBand | null;
  bandPercent: number | null;
  /** 评分理由. */
  scoreReason: string;
  /** What the evaluator has still to decide before the indicator has points. */
  decision: 'choose-band' | 'no-number' | 'fraction-of-percent' | null;
  /** The bureau's 复核 of this indicator. */
  recheck: EvaluationReportRecheck | null;
}

export interface EvaluationReportRecheck {
  /** The bureau's actual, when it gave one (the row's `actual` stays the unit's). */
  actual: string | null;
  /** The unit's points before the re-score. */
  unitPoints: number | null;
  reason: string;
  recordedBy: string;
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
