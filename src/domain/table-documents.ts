import type { Amount } from './money.ts';
import type { Indicator, ProjectDetails, StatedUnit } from './targets.ts';

/*
 * What departments publish besides targets (issue 15, guide §8): 项目支出绩效自评表 and the monitoring table
 * (监控表), as read from their documents. Values are kept as written (decimal strings, "95.2%"), amounts in 元;
 * scoring and monitoring rules read them later. Exchange formats jixiao/evaluation@1 and jixiao/monitoring@1.
 */

export const EVALUATION_FORMAT = 'jixiao/evaluation@1' as const;
export const MONITORING_FORMAT = 'jixiao/monitoring@1' as const;

/** A unit-year's self-evaluation tables (项目支出绩效自评表), one per project. */
export interface EvaluationDocument {
  format: typeof EVALUATION_FORMAT;
  unit: StatedUnit;
  fiscalYear?: number;
  projects: ProjectEvaluation[];
  /** 部门（单位）整体支出绩效自评表, or a 绩效评价指标表 that names no project: the department as a whole. */
  overall?: OverallEvaluation;
}

/** The department's own self-evaluation: its budget execution, overall goals and indicators, scored. */
export interface OverallEvaluation {
  /** null when the table has no 预算执行 block (a 绩效评价指标表). */
  execution: BudgetExecution | null;
  goals: string[];
  goalResults: string[];
  indicators: EvaluatedIndicator[];
  totalScore: string | null;
  grade: string | null;
}

export interface ProjectEvaluation {
  code: string;
  /** True when the table has no 项目编码 and `code` was derived from the names. */
  derivedCode?: boolean;
  name: string;
  details?: ProjectDetails;
  execution: BudgetExecution;
  /** 年度总体目标 / 预期目标, one line each. */
  goals: string[];
  /** 实际完成情况 of the overall goals, one line each. */
  goalResults: string[];
  indicators: EvaluatedIndicator[];
  /** 总分 as written ("92.5"); null when the table leaves it empty. */
  totalScore: string | null;
  /** 自评等级 / 评价等级 as written (优/良/中/差 or 优秀/良好/…). */
  grade: string | null;
}

/** 预算执行情况: 年初预算数, 全年预算数 (调整后), 全年执行数 (or 1–N月执行数 when monitoring), 执行率, 分值, 得分. */
export interface BudgetExecution {
  planned: Amount | null;
  adjusted: Amount | null;
  executed: Amount | null;
  /** 执行率 as written ("95.20%"). */
  rate: string | null;
  /** 分值 of the execution row (usually "10"). */
  weight: string | null;
  score: string | null;
  /** The same figures per funding source (其中：财政拨款 / 其他资金), when the table splits them. */
  fiscal?: ExecutionFigures;
  other?: ExecutionFigures;
}

export interface ExecutionFigures {
  planned: Amount | null;
  adjusted: Amount | null;
  executed: Amount | null;
  rate: string | null;
}

export interface EvaluatedIndicator extends Indicator {
  /** 实际完成值 / 全年实际值 as written. */
  actual: string | null;
  /** 得分 as written. */
  score: string | null;
  /** 偏差原因分析及改进措施. */
  deviationReason: string | null;
}

/** A unit-year's monitoring tables (项目支出绩效目标执行监控表), as of a month. */
export interface MonitoringDocument {
  format: typeof MONITORING_FORMAT;
  unit: StatedUnit;
  fiscalYear?: number;
  /** The month the figures run to ("1-7月执行数" → 7); null when the table does not say. */
  asOfMonth: number | null;
  projects: ProjectMonitoring[];
}

export interface ProjectMonitoring {
  code: string;
  derivedCode?: boolean;
  name: string;
  details?: ProjectDetails;
  execution: BudgetExecution;
  goals: string[];
  indicators: MonitoredIndicator[];
}

export interface MonitoredIndicator extends Indicator {
  /** 1–N月执行情况 / 截至N月底实际完成值. */
  progress: string | null;
  /** 全年预计完成值. */
  expected: string | null;
  /** 偏差原因 (经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他 and the text). */
  deviationReason: string | null;
  /** 完成目标可能性 (确定能 / 有可能 / 完全不可能) as written. */
  likelihood: string | null;
  /** 纠偏措施 / 改进措施. */
  correction: string | null;
}
