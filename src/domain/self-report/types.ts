import type { Amount } from '../money.ts';
import type { NoticeState } from '../results/notice.ts';
import type { Grade } from '../scoring/index.ts';

/**
 * The figures a 自评报告 is written from (issue 18 item 2, decision 046): plain JSON, so that the report frozen at
 * finalisation stores exactly these and prints the same text later, whatever changes in the live data.
 */
export const SECTION_KEYS = ['basics', 'goals', 'deviation', 'improvement', 'results'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The standard headings of a 自评报告 (财预〔2020〕10号 附件). */
export const SECTION_HEADINGS: Readonly<Record<SectionKey, string>> = {
  basics: '一、基本情况',
  goals: '二、绩效目标及完成情况',
  deviation: '三、偏差原因分析',
  improvement: '四、存在问题及改进措施',
  results: '五、结果应用',
};

export interface IndicatorFacts {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string | null;
  weight: number | null;
  points: number | null;
  /** null: not decided (no number, band not chosen) or not applicable. */
  met: boolean | null;
  notApplicable: boolean;
  deviationReason: string;
  improvementMeasures: string;
}

/** One month-end of the spending chart: the plan's cumulative % and what was spent, % of the adjusted budget. */
export interface SpendingPoint {
  month: number;
  plannedPercent: number | null;
  actualPercent: number | null;
}

export interface ProjectFacts {
  code: string;
  name: string;
  purpose: string;
  goals: string[];
  budget: { total: Amount | null; fiscal: Amount | null; other: Amount | null };
  adjustedBudget: Amount | null;
  spent: Amount | null;
  /** 预算执行率 in percent, two decimals. */
  executionRate: number | null;
  executionReason: string;
  score: number | null;
  grade: Grade | null;
  scorable: boolean;
  incomplete: boolean;
  indicators: IndicatorFacts[];
  spending: SpendingPoint[];
}

/** The 部门整体支出绩效自评表's result, when the department has one (decision 045). */
export interface DepartmentEvaluationFacts {
  total: number | null;
  grade: Grade | null;
}

/** A 整改通知 about the unit-year or one of its projects (decision 048), as it stood when the facts were read. */
export interface NoticeFacts {
  /** null: about the unit-year as a whole. */
  projectCode: string | null;
  problem: string;
  requirement: string;
  /** YYYY-MM-DD. */
  deadline: string;
  state: NoticeState;
  /** The unit's reply, null before it answers. */
  reply: string | null;
}

export interface SelfReportFacts {
  unitCode: string;
  unitName: string;
  fiscalYear: number;
  /** The 自评表's status when these figures were read. */
  evaluationStatus: string;
  overallGoals: string[];
  /** The 自评表's mean project score (null while incomplete or nothing is scored). */
  meanScore: number | null;
  projects: ProjectFacts[];
  department: DepartmentEvaluationFacts | null;
  /**
   * The unit-year's 整改通知, oldest first. Absent in a report frozen before notices were part of the facts:
   * its 结果应用 then prints as it did (a frozen version never gains text).
   */
  notices?: NoticeFacts[];
}

/** Which report: one project's (by code) or the department's (null). */
export type ReportSubject = { project: string } | null;

/** Edited texts of a unit-year: report key (project code, '' for the department) → section → text. */
export type SectionTexts = Record<string, Partial<Record<SectionKey, string>>>;

/** What a finalised 自评表 freezes: the figures and every edited text, so the final report reprints identically. */
export interface SelfReportSnapshot {
  facts: SelfReportFacts;
  texts: SectionTexts;
}
