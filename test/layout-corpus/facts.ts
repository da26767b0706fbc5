/**
 * What a corpus document states (issue 15, item 9): the facts `jixiao parse` must give back from every file of the
 * corpus, whatever the layout and format. Written by hand next to each table, never computed from it, so that the
 * acceptance test (src/documents/layouts/corpus.test.ts) checks the readers against an independent statement.
 *
 * Conventions, as the model holds values (src/domain/targets.ts, src/domain/table-documents.ts):
 * - amounts in 元 as exact decimal strings with two decimals ("125000.00"), whatever unit the table prints;
 * - an indicator's target is its raw text: the 指标值 cell as written, joined with the 度量单位 cell when the layout
 *   has a separate one ("≥95" + "%" → "≥95%", "100" + "%" → "100%"), and preceded by the comparison when a column
 *   holds it apart (重庆: 指标性质 "≥" + 指标值 "95" + 计量单位 "%" → "≥95%"). No operator is inferred from
 *   指标方向性 (正向 does not make "100" into "≥100");
 * - weights, scores, rates and actual values as written ("10", "9.5", "96.00%").
 */

export type LayoutId =
  | 'hebei-seed'
  | 'hubei'
  | 'hunan'
  | 'sichuan-integrated'
  | 'anhui'
  | 'chongqing-overall'
  | 'overall-targets'
  | 'central'
  | 'project-evaluation'
  | 'overall-evaluation'
  | 'monitoring';

/** Which document of the reading holds the facts: targets (project or overall), evaluation or monitoring. */
export type FactsKind = 'project-targets' | 'overall-targets' | 'project-evaluation' | 'monitoring';

export interface Facts {
  layout: LayoutId;
  kind: FactsKind;
  unit: { name: string; code: string | null };
  /** Only when the document states it. */
  fiscalYear?: number;
  /** Monitoring: the month the figures run to ("1-7月" → 7). */
  asOfMonth?: number;
  projects: ProjectFacts[];
  /** 部门整体支出绩效目标表: the department-level budget and indicators. */
  overall?: { budget: BudgetFacts; indicators: IndicatorFacts[] };
}

export interface BudgetFacts {
  total: string | null;
  fiscal: string | null;
  other: string | null;
}

export interface ProjectFacts {
  name: string;
  /** null: the table states no 项目编码 (the reader derives a key and marks it derived). */
  code: string | null;
  budget?: BudgetFacts;
  /** 项目实施期限 as written, a period ("2023.07-2024.01"). */
  period?: string;
  execution?: ExecutionFacts;
  indicators: IndicatorFacts[];
  totalScore?: string | null;
  grade?: string | null;
}

/**
 * 预算执行情况 of a 自评表 or 监控表 (amounts in 元; rate, weight and score as written). Only the fields the form has
 * are stated (a 监控表 has no 全年预算数, 分值 or 得分); `fiscal` is the 其中：财政拨款 row.
 */
export interface ExecutionFacts {
  planned?: string | null;
  adjusted?: string | null;
  executed?: string | null;
  rate?: string | null;
  weight?: string | null;
  score?: string | null;
  fiscal?: { planned?: string | null; adjusted?: string | null; executed?: string | null; rate?: string | null };
}

export interface IndicatorFacts {
  level1: string;
  level2: string;
  name: string;
  target: string;
  nature?: 'quantitative' | 'qualitative';
  weight?: string;
  direction?: 'positive' | 'negative';
  /** Self-evaluation. */
  actual?: string;
  score?: string;
  deviationReason?: string;
  /** Monitoring. */
  progress?: string;
  expected?: string;
  likelihood?: string;
  /** Columns the layout has and the model does not (header label → value). */
  extras?: Record<string, string>;
}
