import type { LayoutField, TargetsDocument } from '../targets.ts';
import type { ReviewPolicy } from './policy.ts';
import type { LastYearMatch } from '../results/last-year.ts';
import type { IndicatorPeer } from './unit-cost.ts';

/** The four official criteria of 绩效目标审核 (财预〔2015〕88号). */
export type Criterion = '完整性' | '相关性' | '适当性' | '可行性';
export type Severity = 'error' | 'warning' | 'info';
export type Grade = '优' | '良' | '中' | '差';
export type FindingPath = (string | number)[];

/**
 * One defect found by one rule. `project` is the project code (null for the department's overall
 * targets); `path` points inside the project (['indicators', 3, 'target']) or the document
 * (['overall', 'measures', 2, 'items', 4, 'label']), so a UI can highlight the cell.
 */
export interface Finding {
  rule: string;
  criterion: Criterion;
  severity: Severity;
  project: string | null;
  path: FindingPath;
  message: string;
  messageEn: string;
}

export interface ReviewReport {
  grade: Grade;
  findings: Finding[];
  /** Rules that could not apply to a project because its source layout has no such field; absent when none. */
  notApplicable?: NotApplicable[];
}

/** A rule left out for one project: the field it reads is not in the layout the project was read from. */
export interface NotApplicable {
  rule: string;
  project: string;
  field: LayoutField;
  message: string;
  messageEn: string;
}

/** What a rule reports; the engine adds the rule's id, criterion and severity. */
export interface Hit {
  project: string | null;
  path: FindingPath;
  message: string;
  messageEn: string;
}

export interface ReviewContext {
  document: TargetsDocument;
  policy: ReviewPolicy;
  /** The same 数量指标 in projects outside the document (last year, other units): appropriateness.unit-cost. */
  peers: readonly IndicatorPeer[];
  /** Last year's 自评 result of each project (decision 048): feasibility.last-year-poor; absent when unknown. */
  lastYear?: readonly LastYearMatch[];
}

export interface ReviewRule {
  /** Stable id, "<criterion>.<what>": the policy's disabledRules and the docs name rules by it. */
  id: string;
  criterion: Criterion;
  severity: Severity;
  /** One line for docs/review-rules.md and the UI's rule list. */
  title: string;
  check(context: ReviewContext): Hit[];
}
