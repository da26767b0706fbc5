import { ReviewPolicySchema, readMonitoringPolicy, readScoringPolicy } from '../contract/policies.ts';
import { type EvaluatedYear, scoreEvaluatedYear } from '../db/evaluated-year.repo.ts';
import { type PolicyTree, nearestPolicy } from '../db/policies.repo.ts';
import type { SummaryHead, SummaryValues } from '../db/summaries.repo.ts';
import type { UnitYearData } from '../db/summary-inputs.repo.ts';
import { AppError, isAppError } from '../domain/errors.ts';
import { addAmounts, parseAmountToCents } from '../domain/money.ts';
import { followUpOf } from '../domain/monitoring/actions.ts';
import { defaultAsOfMonth } from '../domain/monitoring/as-of-month.ts';
import { executionPercent } from '../domain/monitoring/plan.ts';
import { countByLevel, levelRank } from '../domain/monitoring/policy.ts';
import { summariseProject } from '../domain/monitoring/summary.ts';
import { computeWarnings } from '../domain/monitoring/warnings.ts';
import { fromDecimal, rational, toFixed } from '../domain/rational.ts';
import { type ReviewReport, countsInGrade, reviewTargets } from '../domain/review/index.ts';
import { gradeOf } from '../domain/scoring/index.ts';
import { yearEndMoney } from '../domain/scoring/year-end-money.ts';
import { type OverallTargets, type Project, TARGETS_FORMAT } from '../domain/targets.ts';
import type { UnitMonitoring, WarningWithFollowUp } from './get-monitoring.ts';

/**
 * One unit-year's row of the bureau read model (docs/decisions/013-read-model.md), computed from
 * the chunk's data (src/db/summary-inputs.repo.ts, each table read once for many unit-years) with
 * the same domain functions the unit pages use, so a summary always equals the unit's own figures.
 * Policies come from the chunk's policy tree (inherited down the organisation tree).
 */
/** One unit-year's figures; a part that cannot be computed (a malformed policy) is left null with the reason. */
export function computeSummary(head: SummaryHead, data: UnitYearData, today: string, tree: PolicyTree): SummaryValues {
  const inputs = inputsOf(head, data);
  const errors: string[] = [];
  const guarded = <T>(work: () => T): T | null => {
    try {
      return work();
    } catch (error) {
      if (!isAppError(error)) throw error;
      errors.push(error.message);
      return null;
    }
  };
  const review = guarded(() => reviewOf(tree, head, inputs));
  const scoring = guarded(() => scoringFigures(evaluatedYearOf(tree, head, inputs)));
  const monitoring = guarded(() => monitoringOf(tree, head, inputs, today));
  return {
    stale: false,
    computed_at: new Date(),
    computed_on: today,
    as_of_month: monitoring?.asOfMonth ?? defaultAsOfMonth(head.fiscalYear, today),
    error: errors.length === 0 ? null : errors.join('；'),
    unit_code: head.unitCode,
    unit_name: head.unitName,
    workflow_state: head.workflowState ?? 'draft',
    workflow_updated_at: head.workflowUpdatedAt,
    review_grade: review?.grade ?? null,
    // What the grade counts: the unit-cost aid (peers outside the unit-year are not read here) is left out (decision 032).
    review_errors:
      review === null ? null : review.findings.filter((f) => countsInGrade(f) && f.severity === 'error').length,
    review_warnings:
      review === null ? null : review.findings.filter((f) => countsInGrade(f) && f.severity === 'warning').length,
    project_count: inputs.projects.length,
    ...(scoring ?? NO_SCORING),
    budget_cents: monitoring === null ? null : parseAmountToCents(monitoring.totals.budget),
    spent_cents: monitoring === null ? null : parseAmountToCents(monitoring.totals.spentToDate),
    execution_rate: monitoring?.totals.executionRate ?? null,
    warnings_notice: monitoring?.warningCounts.提示 ?? null,
    warnings_alert: monitoring?.warningCounts.警示 ?? null,
    warnings_focus: monitoring?.warningCounts.重点监控 ?? null,
    max_warning_rank: monitoring === null ? null : Math.max(0, ...monitoring.warnings.map((w) => levelRank(w.level))),
    open_warnings: monitoring === null ? null : monitoring.warnings.filter((w) => w.followUp.state !== 'closed').length,
  };
}

type ScoringColumns = Pick<
  SummaryValues,
  | 'mean_score'
  | 'score_grade'
  | 'incomplete'
  | 'evaluated'
  | 'grade_excellent'
  | 'grade_good'
  | 'grade_fair'
  | 'grade_poor'
  | 'grade_none'
  | 'year_end_budget_cents'
  | 'year_end_spent_cents'
  | 'year_end_rate'
>;

const NO_SCORING: ScoringColumns = {
  mean_score: null,
  score_grade: null,
  incomplete: null,
  evaluated: null,
  grade_excellent: null,
  grade_good: null,
  grade_fair: null,
  grade_poor: null,
  grade_none: null,
  year_end_budget_cents: null,
  year_end_spent_cents: null,
  year_end_rate: null,
};

/** What the ranking showed per unit (decision 010): mean score, its grade, project grades, year-end execution. */
function scoringFigures(year: EvaluatedYear): ScoringColumns {
  const scored = scoreEvaluatedYear(year);
  // A unit that has not begun its 自评 has no score to rank (0 would read as a failing one).
  const evaluated = year.stored !== null;
  const grades = { 优: 0, 良: 0, 中: 0, 差: 0, 未定级: 0 };
  if (evaluated) for (const project of scored.projects) grades[project.grade ?? '未定级'] += 1;
  const meanScore = evaluated ? scored.meanScore : null;
  let budget = 0n;
  let spent = 0n;
  for (const entry of year.money.values()) {
    const b = entry.adjustedBudget === null ? null : parseAmountToCents(entry.adjustedBudget);
    const s = entry.spent === null ? null : parseAmountToCents(entry.spent);
    if (b === null || s === null) continue;
    budget += b;
    spent += s;
  }
  return {
    mean_score: meanScore,
    score_grade:
      meanScore === null || scored.incomplete ? null : gradeOf(fromDecimal(meanScore.toFixed(2)), year.policy),
    incomplete: scored.incomplete,
    evaluated,
    grade_excellent: grades.优,
    grade_good: grades.良,
    grade_fair: grades.中,
    grade_poor: grades.差,
    grade_none: grades.未定级,
    year_end_budget_cents: budget,
    year_end_spent_cents: spent,
    year_end_rate: budget > 0n ? toFixed(rational(spent * 100n, budget)) : null,
  };
}

interface UnitYearInputs {
  unit: { code: string; name: string };
  projects: Project[];
  overall: OverallTargets;
}

function reviewOf(tree: PolicyTree, head: SummaryHead, inputs: UnitYearInputs): ReviewReport {
  const parsed = ReviewPolicySchema.safeParse(nearestPolicy(tree, head.parentId, 'review') ?? {});
  if (!parsed.success)
    throw new AppError('VALIDATION', `单位 ${head.unitCode} 适用的审核规则（policy review）格式不正确，请财政局修正`);
  return reviewTargets(
    {
      format: TARGETS_FORMAT,
      unit: inputs.unit,
      fiscalYear: head.fiscalYear,
      overall: inputs.overall,
      projects: inputs.projects,
    },
    parsed.data,
  );
}

/** The chunk's data of one unit-year (src/db/summary-inputs.repo.ts) as the figures below read it. */
function inputsOf(head: SummaryHead, data: UnitYearData): Inputs {
  const { overall, projects, stored, ...raw } = data;
  return { unit: { code: head.unitCode, name: head.unitName }, projects, overall, raw, stored };
}

type Inputs = UnitYearInputs & {
  raw: Omit<UnitYearData, 'overall' | 'projects' | 'stored'>;
  stored: EvaluatedYear['stored'];
};

/** As evaluation-context's loadEvaluatedYear: 调整后预算数 = latest adjustment else 年初预算数, 执行数 = all spending booked. */
function evaluatedYearOf(tree: PolicyTree, head: SummaryHead, inputs: Inputs): EvaluatedYear {
  let policy;
  try {
    policy = readScoringPolicy(nearestPolicy(tree, head.parentId, 'scoring'));
  } catch {
    throw new AppError('VALIDATION', `单位 ${head.unitCode} 适用的评分规则（policy scoring）格式不正确，请财政局修正`);
  }
  return {
    unitId: head.unitId,
    unit: inputs.unit,
    fiscalYear: head.fiscalYear,
    projects: inputs.projects,
    money: yearEndMoney(inputs.projects, inputs.raw.adjustments, inputs.raw.spending),
    stored: inputs.stored,
    policy,
  };
}

/** As get-monitoring's getUnitMonitoring, as of the default month for `today`. */
function monitoringOf(
  tree: PolicyTree,
  head: SummaryHead,
  inputs: Inputs,
  today: string,
): Pick<UnitMonitoring, 'asOfMonth' | 'totals' | 'warnings' | 'warningCounts'> {
  let policy;
  try {
    policy = readMonitoringPolicy(nearestPolicy(tree, head.parentId, 'monitoring'));
  } catch {
    throw new AppError(
      'VALIDATION',
      `单位 ${head.unitCode} 适用的监控规则（policy monitoring）格式不正确，请财政局修正`,
    );
  }
  const asOfMonth = defaultAsOfMonth(head.fiscalYear, today);
  const { spending, adjustments, progress, warningActions } = inputs.raw;
  const summaries = inputs.projects.map((project) =>
    summariseProject(
      project,
      {
        spending: spending.filter((s) => s.projectCode === project.code),
        adjustments: adjustments.filter((a) => a.projectCode === project.code),
        progress: progress.filter((p) => p.projectCode === project.code),
      },
      asOfMonth,
    ),
  );
  const warnings: WarningWithFollowUp[] = computeWarnings(
    summaries.map((s) => s.facts),
    policy,
    { fiscalYear: head.fiscalYear, asOfMonth, today },
  ).map((w) => ({ ...w, followUp: followUpOf(w.id, warningActions) }));
  const views = summaries.map((s) => s.view);
  const budget = addAmounts(...views.map((p) => p.adjustedBudget ?? p.initialBudget));
  const spentToDate = addAmounts(...views.map((p) => p.spentToDate));
  const rate = executionPercent(parseAmountToCents(spentToDate)!, parseAmountToCents(budget));
  return {
    asOfMonth,
    totals: {
      initialBudget: addAmounts(...views.map((p) => p.initialBudget)),
      budget,
      spentToDate,
      executionRate: rate === null ? null : toFixed(rate),
    },
    warnings,
    warningCounts: countByLevel(warnings),
  };
}
