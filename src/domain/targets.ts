import type { Amount } from './money.ts';

/**
 * The performance targets (绩效目标) of one budget unit for one fiscal year: the model every
 * layer shares. The exchange format jixiao/targets@1 (src/contract) is this model as JSON.
 */
export interface TargetsDocument {
  format: 'jixiao/targets@1';
  unit: Unit;
  /** Absent when the source document does not state it (the seed does not); import supplies it. */
  fiscalYear?: number;
  overall: OverallTargets;
  projects: Project[];
}

export interface Unit {
  code: string;
  name: string;
}

/** A unit as a document states it: most provincial tables name the unit without a code (guide §8). */
export interface StatedUnit {
  code: string | null;
  name: string;
}

/** Targets as read from a file, before the unit is matched to a stored one (by code, by name, or `--unit`). */
export type StatedTargets = Omit<TargetsDocument, 'unit'> & { unit: StatedUnit };

/** 部门整体绩效目标: the numbered goals (总体 list + 分项 paragraphs) and 工作保障措施. */
export interface OverallTargets {
  goals: OverallGoal[];
  measures: MeasureSection[];
  /** 部门(单位)整体支出绩效目标表: the department-level indicators, when the document has that table. */
  indicators?: Indicator[];
  /** The same table's 年度预算 (资金总额 = 财政拨款 + 其他资金), in 元. */
  budget?: Budget;
}

export interface OverallGoal {
  seq: number;
  /** The goal as listed under 总体绩效目标. */
  title: string;
  /** The paragraph under 分项绩效目标 (it repeats the title); null when the document has none. */
  detail: string | null;
}

export interface MeasureSection {
  /** As written, numbering included: "一、团结动员广大职工建功立业,…". */
  heading: string;
  items: MeasureItem[];
}

export interface MeasureItem {
  /** "（一）", kept as written so that gaps in numbering stay visible. */
  label: string;
  text: string;
}

export interface Project {
  /** 项目编码; when the document has none, a key derived from the names (`derivedCode`), which the user may replace. */
  code: string;
  /** True when `code` was derived by the reader because the document states no 项目编码 (guide §8). */
  derivedCode?: boolean;
  name: string;
  budget: Budget;
  purpose: string;
  spendingPlan: SpendingCheckpoint[];
  /** Goal lines without their "1、" numbering. */
  goals: string[];
  indicators: Indicator[];
  /** What other layouts state and the seed's does not (all optional; absent in the seed layout). */
  details?: ProjectDetails;
}

/** Fields of a provincial layout beyond the seed's (guide §8), as written. */
export interface ProjectDetails {
  /** 主管部门 / 主管部门及代码, as written. */
  department?: string;
  /** 实施单位 / 预算单位 when it differs from the document's unit. */
  implementer?: string;
  /** 项目实施期限 / 实施周期: a period such as "2023.07-2024.01", never a numeric range. */
  period?: string;
  /** 长期目标 / 中长期目标 when the layout splits them from 年度目标. */
  longTermGoals?: string[];
  /** Labelled cells the layout has and the model does not (label → value): kept, not dropped. */
  extras?: Record<string, string>;
  /**
   * Fields the source layout has no place for (湖北's table has no 资金用途, many have no 资金支出计划 or
   * 指标值确定依据): empty because the form lacks them, not because the unit left them out, so the review rules
   * that read them do not apply (issue 15 item 7).
   */
  absentFields?: LayoutField[];
}

/** Project fields some provincial layouts do not have. */
export type LayoutField = 'purpose' | 'spendingPlan' | 'basis' | 'description';

/** 预算数 = 财政资金 + 其他资金, in 元 with two decimals; an empty cell is null. */
export interface Budget {
  total: Amount | null;
  fiscal: Amount | null;
  other: Amount | null;
}

/** 资金支出计划（%）: cumulative share of the budget spent by the end of `month`. */
export interface SpendingCheckpoint {
  month: number;
  cumulativePercent: number | null;
}

export type IndicatorCategory = 'output' | 'benefit' | 'satisfaction' | 'cost';

export interface Indicator {
  /** 一级指标 as written (e.g. 效果指标); `category` is its standard meaning. */
  level1: string;
  level2: string;
  /** 三级指标. */
  name: string;
  description: string;
  target: TargetValue;
  /** 指标值确定依据 as written (计划标准 / 行业标准 / 历史标准 / 其他 expected). */
  basis: string;
  category: IndicatorCategory | null;
  /** 指标性质 定量/定性, when the layout states it. */
  nature?: IndicatorNature;
  /** 权重 / 分值, a decimal string as written ("10", "7.5"), when the layout states it. */
  weight?: string;
  /** 指标方向性 正向/反向 (higher or lower is better), when the layout states it. */
  direction?: IndicatorDirection;
  /** Columns the layout has and the model does not (header label → value). */
  extras?: Record<string, string>;
}

export type IndicatorNature = 'quantitative' | 'qualitative';
export type IndicatorDirection = 'positive' | 'negative';

export type TargetOperator = '>=' | '<=' | '=' | '>' | '<' | 'range';

/**
 * 指标值: the raw text is always kept; op/value/unit are what the grammar could read from it.
 * op null means no comparison: qualitative ("及时"), or missing a number ("个").
 * For op 'range', min and max hold the band ("1-2家" → 1..2, "±3%以内" → -3..3).
 */
export interface TargetValue {
  raw: string;
  op: TargetOperator | null;
  value: number | null;
  unit: string | null;
  min?: number;
  max?: number;
}

export const TARGETS_FORMAT = 'jixiao/targets@1' as const;
