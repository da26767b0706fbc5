import { type RawBuilder, sql } from 'kysely';
import type { Indicator, OverallTargets, Project } from '../domain/targets.ts';
import type { IndicatorProgress } from '../domain/monitoring/progress.ts';
import type { ActionFacts } from '../domain/monitoring/actions.ts';
import type { BudgetAdjustment, MonthlySpending } from './monitoring.repo.ts';
import {
  type StoredBand,
  type StoredEvaluation,
  type StoredIndicatorRow,
  categoryPointsOf,
  storedIndicatorOf,
} from './evaluation.repo.ts';

interface StoredRecheckRow {
  project_code: string;
  indicator_name: string;
  actual: string | null;
  band: StoredBand | null;
  band_percent: string | null;
  reason: string;
  recorded_by: string;
}
import { loadIndicators, loadSpendingPlans } from './project-details.repo.ts';
import { projectLayoutFields } from './projects.repo.ts';
import type { Executor } from './schema.ts';

/**
 * Everything the read model's refresh needs for a chunk of unit-years, in a fixed number of
 * statements whatever the chunk's size (docs/decisions/013-read-model.md). The row mapping follows
 * the per-unit repositories (projects, monitoring, evaluation) exactly: the refresh tests compare
 * the result with the per-unit use-cases.
 */

export interface ChunkKey {
  unitId: number;
  fiscalYear: number;
  documentId: number;
}

export interface UnitYearData {
  overall: OverallTargets;
  projects: Project[];
  spending: MonthlySpending[];
  adjustments: BudgetAdjustment[];
  progress: IndicatorProgress[];
  /** The monitoring actions that name a warning: its follow-up is read from them (decision 036). */
  warningActions: ActionFacts[];
  stored: StoredEvaluation | null;
}

export const chunkKeyOf = (unitId: number, fiscalYear: number): string => `${unitId}:${fiscalYear}`;

function unitYears(keys: readonly ChunkKey[]): RawBuilder<unknown> {
  return sql`(unit_id, fiscal_year) in (${sql.join(keys.map((k) => sql`(${k.unitId}::int, ${k.fiscalYear}::int)`))})`;
}

type Keyed = { unit_id: number; fiscal_year: number };
function group<R extends Keyed, T>(rows: R[], map: (row: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = chunkKeyOf(row.unit_id, row.fiscal_year);
    const list = out.get(key) ?? [];
    list.push(map(row));
    out.set(key, list);
  }
  return out;
}

export async function loadChunkData(db: Executor, keys: readonly ChunkKey[]): Promise<Map<string, UnitYearData>> {
  const result = new Map<string, UnitYearData>();
  if (keys.length === 0) return result;
  const documentIds = keys.map((k) => k.documentId);
  const documents = await db
    .selectFrom('target_documents')
    .select(['id', 'overall'])
    .where('id', 'in', documentIds)
    .execute();
  const projectsByDocument = await loadProjectsOf(db, documentIds);
  const where = unitYears(keys);
  const spending = await sql<
    Keyed & { project_code: string; month: number; source: MonthlySpending['source']; amount: string }
  >`
    select unit_id, fiscal_year, project_code, month, source, amount::text as amount from monitoring_spending
     where ${where} order by unit_id, fiscal_year, project_code, month, source`.execute(db);
  const adjustments = await sql<
    Keyed & {
      id: number;
      project_code: string;
      adjusted_budget: string;
      reason: string;
      effective_date: string;
      recorded_by: string;
    }
  >`
    select unit_id, fiscal_year, id, project_code, adjusted_budget::text as adjusted_budget, reason,
           to_char(effective_date, 'YYYY-MM-DD') as effective_date, recorded_by
      from monitoring_budget_adjustments where ${where} order by unit_id, fiscal_year, effective_date, id`.execute(db);
  const progress = await sql<Keyed & Record<string, unknown>>`
    select * from monitoring_indicator_progress where ${where} order by unit_id, fiscal_year, project_code, month, indicator_name`.execute(
    db,
  );
  const warningActions = await sql<Keyed & Record<string, unknown>>`
    select unit_id, fiscal_year, warning_id, body, state, created_by, created_at, updated_by, updated_at
      from monitoring_actions where ${where} and warning_id is not null order by unit_id, fiscal_year, id`.execute(db);
  const evaluations = await loadEvaluationsOf(db, keys);
  const spendingBy = group(spending.rows, (r) => ({
    projectCode: r.project_code,
    month: r.month,
    source: r.source,
    amount: r.amount,
  }));
  const adjustmentsBy = group(adjustments.rows, (r) => ({
    id: r.id,
    projectCode: r.project_code,
    adjustedBudget: r.adjusted_budget,
    reason: r.reason,
    effectiveDate: r.effective_date,
    recordedBy: r.recorded_by,
  }));
  const progressBy = group(
    progress.rows,
    (r) =>
      ({
        projectCode: r.project_code,
        indicatorName: r.indicator_name,
        month: r.month,
        valueToDate: r.value_to_date,
        forecast: r.forecast,
        likelihood: r.likelihood,
        deviationCategory: r.deviation_category,
        reason: r.reason,
        measures: r.measures,
      }) as IndicatorProgress,
  );
  const warningActionsBy = group(
    warningActions.rows,
    (r) =>
      ({
        warningId: r.warning_id,
        body: r.body,
        state: r.state,
        createdBy: r.created_by,
        createdAt: new Date(r.created_at as string).toISOString(),
        updatedBy: r.updated_by,
        updatedAt: new Date(r.updated_at as string).toISOString(),
      }) as ActionFacts,
  );
  const overallOf = new Map(
    documents.map((d) => [d.id, (typeof d.overall === 'string' ? JSON.parse(d.overall) : d.overall) as OverallTargets]),
  );
  for (const k of keys) {
    const key = chunkKeyOf(k.unitId, k.fiscalYear);
    result.set(key, {
      overall: overallOf.get(k.documentId)!,
      projects: projectsByDocument.get(k.documentId) ?? [],
      spending: spendingBy.get(key) ?? [],
      adjustments: adjustmentsBy.get(key) ?? [],
      progress: progressBy.get(key) ?? [],
      warningActions: warningActionsBy.get(key) ?? [],
      stored: evaluations.get(key) ?? null,
    });
  }
  return result;
}

async function loadProjectsOf(db: Executor, documentIds: number[]): Promise<Map<number, Project[]>> {
  const rows = await db
    .selectFrom('projects')
    .select([
      'id',
      'document_id',
      'code',
      'name',
      'purpose',
      'goals',
      'derived_code',
      'details',
      sql<string | null>`budget_total::text`.as('budget_total'),
      sql<string | null>`budget_fiscal::text`.as('budget_fiscal'),
      sql<string | null>`budget_other::text`.as('budget_other'),
    ])
    .where('document_id', 'in', documentIds)
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  const ids = rows.map((r) => r.id);
  const indicators: Map<number, Indicator[]> = await loadIndicators(db, ids);
  const plans = await loadSpendingPlans(db, ids);
  const out = new Map<number, Project[]>();
  for (const row of rows) {
    const list = out.get(row.document_id) ?? [];
    list.push({
      code: row.code,
      name: row.name,
      budget: { total: row.budget_total, fiscal: row.budget_fiscal, other: row.budget_other },
      purpose: row.purpose,
      spendingPlan: plans.get(row.id) ?? [],
      goals: (typeof row.goals === 'string' ? JSON.parse(row.goals) : row.goals) as string[],
      indicators: indicators.get(row.id) ?? [],
      ...projectLayoutFields(row),
    });
    out.set(row.document_id, list);
  }
  return out;
}

async function loadEvaluationsOf(db: Executor, keys: readonly ChunkKey[]): Promise<Map<string, StoredEvaluation>> {
  const where = unitYears(keys);
  const years = await sql<Keyed & { status: StoredEvaluation['status']; updated_by: string; updated_at: Date }>`
    select unit_id, fiscal_year, status, updated_by, updated_at from evaluation_unit_years where ${where}`.execute(db);
  // The bureau's 复核 re-scores count in the summaries as in the 自评表 (decision 035).
  const rechecks = await sql<Keyed & StoredRecheckRow>`
    select unit_id, fiscal_year, project_code, indicator_name, actual, band, band_percent::text as band_percent, reason, recorded_by
      from evaluation_rechecks where ${where} order by unit_id, fiscal_year, project_code, indicator_name`.execute(db);
  const out = new Map<string, StoredEvaluation>();
  if (years.rows.length === 0) return out;
  const projects = await sql<
    Keyed & {
      project_code: string;
      execution_reason: string;
      spent_fiscal: string | null;
      spent_other: string | null;
      category_points: unknown;
    }
  >`
    select unit_id, fiscal_year, project_code, execution_reason, spent_fiscal::text as spent_fiscal, spent_other::text as spent_other, category_points
      from evaluation_projects where ${where}
     order by unit_id, fiscal_year, project_code`.execute(db);
  const indicators = await sql<Keyed & StoredIndicatorRow & { project_code: string }>`
    select unit_id, fiscal_year, project_code, indicator_name, actual, not_applicable, deviation_reason, improvement_measures, weight::text as weight,
           band, band_percent::text as band_percent, score_reason, percent_confirmed
      from evaluation_indicators where ${where} order by unit_id, fiscal_year, project_code, indicator_name`.execute(
    db,
  );
  const projectsBy = group(projects.rows, (r) => r);
  const indicatorsBy = group(indicators.rows, (r) => r);
  const rechecksBy = group(rechecks.rows, (r) => r);
  for (const y of years.rows) {
    const key = chunkKeyOf(y.unit_id, y.fiscal_year);
    const own = indicatorsBy.get(key) ?? [];
    out.set(key, {
      status: y.status,
      updatedBy: y.updated_by,
      updatedAt: y.updated_at,
      rechecks: (rechecksBy.get(key) ?? []).map((r) => ({
        project: r.project_code,
        name: r.indicator_name,
        actual: r.actual,
        band: r.band,
        bandPercent: r.band_percent,
        reason: r.reason,
        recordedBy: r.recorded_by,
      })),
      projects: (projectsBy.get(key) ?? []).map((p) => ({
        code: p.project_code,
        executionReason: p.execution_reason,
        spentFiscal: p.spent_fiscal,
        spentOther: p.spent_other,
        categoryPoints: categoryPointsOf(p.category_points),
        indicators: own.filter((i) => i.project_code === p.project_code).map(storedIndicatorOf),
      })),
    });
  }
  return out;
}
