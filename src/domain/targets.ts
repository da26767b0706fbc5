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

/** 部门整体绩效目标: the numbered goals (总体 list + 分项 paragraphs) and 工作保障措施. */
export interface OverallTargets {
  goals: OverallGoal[];
  measures: MeasureSection[];
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
  code: string;
  name: string;
  budget: Budget;
  purpose: string;
  spendingPlan: SpendingCheckpoint[];
  /** Goal lines without their "1、" numbering. */
  goals: string[];
  indicators: Indicator[];
}

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
}

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
