import type { Db } from '../db/database.ts';
import { type UnitYearData, chunkKeyOf, loadChunkData } from '../db/summary-inputs.repo.ts';
import {
  type SummaryHead,
  type SummaryValues,
  claimSummaries,
  countDueSummaries,
  deleteSummaries,
  insertMissingSummaries,
  saveSummary,
} from '../db/summaries.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { isAppError } from '../domain/errors.ts';
import { parseAmountToCents } from '../domain/money.ts';
import { levelRank } from '../domain/monitoring/policy.ts';
import { gradeOf } from '../domain/scoring/index.ts';
import { fromDecimal, rational, toFixed } from '../domain/rational.ts';
import type { EvaluatedYear } from './evaluation-context.ts';
import { defaultAsOfMonth, todayUtc } from './monitoring-context.ts';
import { scoreEvaluatedYear } from './score-unit-year.ts';
import {
  type PolicyTree,
  evaluatedYearOf,
  inputsOf,
  loadPolicyTree,
  monitoringOf,
  reviewOf,
} from './summary-figures.ts';

export interface RefreshOptions {
  /** At most this many unit-years (default: all that are due). */
  limit?: number;
  /** Only these unit-years (a write request refreshes what it touched). */
  keys?: readonly { unitCode: string; fiscalYear: number }[];
  /** false: only rows a write marked stale; true (default): also rows computed before today (time-dependent warnings). */
  includeOutdated?: boolean;
  /** Look for unit-years with targets but no summary row first (default true unless `keys` is given). */
  discover?: boolean;
  /** Chunks refreshed at once, each in its own transaction and connection (default 1). */
  concurrency?: number;
  /** Unit-years per transaction (default 50): the locks a concurrent write may wait for are held this long. */
  chunkSize?: number;
  today?: string | undefined;
  /** Count the rows still due afterwards (default true when `limit` or `keys` narrows the call; one more statement). */
  countRemaining?: boolean;
}

export interface RefreshResult {
  refreshed: number;
  removed: number;
  /** Rows still due after this call (skipped because locked elsewhere, or beyond `limit`). */
  remaining: number;
}

/**
 * Recomputes stale rows of the bureau read model (docs/decisions/013-read-model.md) with the same
 * domain functions the unit pages use, so a summary always equals the unit's own figures. Rows are
 * claimed chunk by chunk with FOR UPDATE SKIP LOCKED: several server processes share the work.
 */
export async function refreshStaleSummaries(db: Db, options: RefreshOptions = {}): Promise<RefreshResult> {
  const today = options.today ?? todayUtc();
  const chunkSize = Math.max(1, options.chunkSize ?? 50);
  let budget = options.limit ?? Number.POSITIVE_INFINITY;
  if (options.discover ?? options.keys === undefined) await insertMissingSummaries(db.kysely);
  const result: RefreshResult = { refreshed: 0, removed: 0, remaining: 0 };
  // Each worker claims its own chunks (SKIP LOCKED), so workers, like processes, never share a row.
  const worker = async () => {
    while (budget > 0) {
      const limit = Math.min(chunkSize, budget);
      budget -= limit;
      const done = await refreshChunk(db, { ...options, limit, today });
      result.refreshed += done.claimed - done.removed;
      result.removed += done.removed;
      budget += limit - done.claimed;
      if (done.claimed < limit) break;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  const narrowed = options.limit !== undefined || options.keys !== undefined;
  if (narrowed && options.countRemaining !== false) result.remaining = await countDueSummaries(db.kysely, today);
  return result;
}

async function refreshChunk(
  db: Db,
  options: RefreshOptions & { limit: number; today: string },
): Promise<{ claimed: number; removed: number }> {
  return inTransaction(db, async (trx) => {
    const heads = await claimSummaries(trx, {
      limit: options.limit,
      today: options.today,
      includeOutdated: options.includeOutdated ?? true,
      keys: options.keys,
    });
    const gone = heads.filter((h) => h.documentId === null);
    await deleteSummaries(trx, gone);
    const live = heads.filter((h): h is SummaryHead & { documentId: number } => h.documentId !== null);
    if (live.length > 0) {
      // A fixed number of statements per chunk: the policies, then each table once for every unit-year.
      const tree = await loadPolicyTree(trx);
      const data = await loadChunkData(trx, live);
      for (const head of live)
        await saveSummary(
          trx,
          head,
          computeSummary(head, data.get(chunkKeyOf(head.unitId, head.fiscalYear))!, options.today, tree),
        );
    }
    return { claimed: heads.length, removed: gone.length };
  });
}

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
    review_errors: review === null ? null : review.findings.filter((f) => f.severity === 'error').length,
    review_warnings: review === null ? null : review.findings.filter((f) => f.severity === 'warning').length,
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
