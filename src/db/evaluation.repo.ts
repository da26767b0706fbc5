import { sql } from 'kysely';
import type { Executor } from './schema.ts';

/** All SQL of 单位自评. A unit-year's evaluation is read and replaced whole. */

export interface EvaluationRef {
  unitId: number;
  fiscalYear: number;
}

export type EvaluationStatus = 'draft' | 'submitted' | 'reviewed' | 'final';

export type StoredBand = 'achieved' | 'partly' | 'notAchieved';

export interface StoredIndicatorEvaluation {
  name: string;
  actual: string | null;
  notApplicable: boolean;
  deviationReason: string;
  improvementMeasures: string;
  /** Points as a decimal string ("30.0000"), null = the even share. */
  weight: string | null;
  band: StoredBand | null;
  /** The score inside the band, % of the weight, as a decimal string. */
  bandPercent: string | null;
  scoreReason: string;
  percentConfirmed: boolean;
}

/** The bureau's 复核 of one indicator (decision 035). */
export interface StoredRecheck {
  project: string;
  name: string;
  actual: string | null;
  band: StoredBand | null;
  bandPercent: string | null;
  reason: string;
  recordedBy: string;
}

export type StoredCategoryPoints = Partial<Record<'output' | 'benefit' | 'satisfaction' | 'cost', number>>;

export interface StoredProjectEvaluation {
  code: string;
  executionReason: string;
  spentFiscal: string | null;
  spentOther: string | null;
  categoryPoints: StoredCategoryPoints | null;
  indicators: StoredIndicatorEvaluation[];
}

export interface StoredEvaluation {
  status: EvaluationStatus;
  /** Bumped by every save (decision 023); absent where a read model does not need it. */
  version?: number;
  updatedBy: string;
  updatedAt: Date;
  /** Selected for the bureau's 复核; absent where a read model does not need it. */
  recheck?: boolean;
  reviewComment?: string;
  rechecks?: StoredRecheck[];
  projects: StoredProjectEvaluation[];
}

export async function loadEvaluation(db: Executor, ref: EvaluationRef): Promise<StoredEvaluation | null> {
  const year = await db
    .selectFrom('evaluation_unit_years')
    .select(['status', 'version', 'updated_by', 'updated_at', 'recheck', 'review_comment'])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .executeTakeFirst();
  if (!year) return null;
  const projects = await db
    .selectFrom('evaluation_projects')
    .select([
      'project_code',
      'execution_reason',
      sql<string | null>`spent_fiscal::text`.as('spent_fiscal'),
      sql<string | null>`spent_other::text`.as('spent_other'),
      'category_points',
    ])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('project_code')
    .execute();
  const indicators = await db
    .selectFrom('evaluation_indicators')
    .select([
      'project_code',
      'indicator_name',
      'actual',
      'not_applicable',
      'deviation_reason',
      'improvement_measures',
      sql<string | null>`weight::text`.as('weight'),
      'band',
      sql<string | null>`band_percent::text`.as('band_percent'),
      'score_reason',
      'percent_confirmed',
    ])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('project_code')
    .orderBy('indicator_name')
    .execute();
  return {
    status: year.status,
    version: year.version,
    updatedBy: year.updated_by,
    updatedAt: year.updated_at,
    recheck: year.recheck,
    reviewComment: year.review_comment,
    rechecks: await loadRechecks(db, ref),
    projects: projects.map((p) => ({
      code: p.project_code,
      executionReason: p.execution_reason,
      spentFiscal: p.spent_fiscal,
      spentOther: p.spent_other,
      categoryPoints: categoryPointsOf(p.category_points),
      indicators: indicators.filter((i) => i.project_code === p.project_code).map(storedIndicatorOf),
    })),
  };
}

/** The columns of an evaluation_indicators row that the domain reads (numerics as text). */
export interface StoredIndicatorRow {
  indicator_name: string;
  actual: string | null;
  not_applicable: boolean;
  deviation_reason: string;
  improvement_measures: string;
  weight: string | null;
  band: StoredBand | null;
  band_percent: string | null;
  score_reason: string;
  percent_confirmed: boolean;
}

/** One evaluation_indicators row as the domain reads it (shared with the read model's loader). */
export function storedIndicatorOf(i: StoredIndicatorRow): StoredIndicatorEvaluation {
  return {
    name: i.indicator_name,
    actual: i.actual,
    notApplicable: i.not_applicable,
    deviationReason: i.deviation_reason,
    improvementMeasures: i.improvement_measures,
    weight: i.weight,
    band: i.band,
    bandPercent: i.band_percent,
    scoreReason: i.score_reason,
    percentConfirmed: i.percent_confirmed,
  };
}

/** A json column arrives parsed (pg) or as text (PGlite json): either way an object or null. */
export function categoryPointsOf(value: unknown): StoredCategoryPoints | null {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed !== null && typeof parsed === 'object' ? (parsed as StoredCategoryPoints) : null;
}

async function loadRechecks(db: Executor, ref: EvaluationRef): Promise<StoredRecheck[]> {
  const rows = await db
    .selectFrom('evaluation_rechecks')
    .select([
      'project_code',
      'indicator_name',
      'actual',
      'band',
      sql<string | null>`band_percent::text`.as('band_percent'),
      'reason',
      'recorded_by',
    ])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('project_code')
    .orderBy('indicator_name')
    .execute();
  return rows.map((r) => ({
    project: r.project_code,
    name: r.indicator_name,
    actual: r.actual,
    band: r.band,
    bandPercent: r.band_percent,
    reason: r.reason,
    recordedBy: r.recorded_by,
  }));
}

/**
 * Replaces the unit-year's evaluation with `evaluation` if it is still at `expectedVersion` (0: none
 * stored yet; undefined: whatever is stored, for the demo loader), inside the caller's transaction.
 * The compare-and-set is the one UPDATE (or INSERT … ON CONFLICT DO NOTHING) of the unit-year row;
 * returns the new version, or undefined when someone else saved first (nothing is written then).
 */
export async function replaceEvaluationIfVersion(
  db: Executor,
  ref: EvaluationRef,
  expectedVersion: number | undefined,
  evaluation: { status: EvaluationStatus; updatedBy: string; projects: StoredProjectEvaluation[] },
): Promise<number | undefined> {
  const key = { unit_id: ref.unitId, fiscal_year: ref.fiscalYear };
  // A (re)submission answers the department's return comment: it is cleared then (decision 035).
  const values = {
    status: evaluation.status,
    updated_by: evaluation.updatedBy,
    ...(evaluation.status === 'submitted' ? { review_comment: '' } : {}),
  };
  const next = { ...values, version: sql<number>`evaluation_unit_years.version + 1`, updated_at: sql<string>`now()` };
  const row =
    expectedVersion === undefined
      ? await db
          .insertInto('evaluation_unit_years')
          .values({ ...key, ...values })
          .onConflict((oc) => oc.columns(['unit_id', 'fiscal_year']).doUpdateSet(next))
          .returning('version')
          .executeTakeFirst()
      : expectedVersion === 0
        ? await db
            .insertInto('evaluation_unit_years')
            .values({ ...key, ...values })
            .onConflict((oc) => oc.columns(['unit_id', 'fiscal_year']).doNothing())
            .returning('version')
            .executeTakeFirst()
        : await db
            .updateTable('evaluation_unit_years')
            .set(next)
            .where('unit_id', '=', ref.unitId)
            .where('fiscal_year', '=', ref.fiscalYear)
            .where('version', '=', expectedVersion)
            .returning('version')
            .executeTakeFirst();
  if (!row) return undefined;
  // The indicators go with their projects (ON DELETE CASCADE).
  await db
    .deleteFrom('evaluation_projects')
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .execute();
  if (evaluation.projects.length > 0) {
    await db
      .insertInto('evaluation_projects')
      .values(
        evaluation.projects.map((p) => ({
          ...key,
          project_code: p.code,
          execution_reason: p.executionReason,
          spent_fiscal: p.spentFiscal,
          spent_other: p.spentOther,
          category_points: p.categoryPoints === null ? null : JSON.stringify(p.categoryPoints),
        })),
      )
      .execute();
  }
  const rows = evaluation.projects.flatMap((p) =>
    p.indicators.map((i) => ({
      ...key,
      project_code: p.code,
      indicator_name: i.name,
      actual: i.actual,
      not_applicable: i.notApplicable,
      deviation_reason: i.deviationReason,
      improvement_measures: i.improvementMeasures,
      weight: i.weight,
      band: i.band,
      band_percent: i.bandPercent,
      score_reason: i.scoreReason,
      percent_confirmed: i.percentConfirmed,
    })),
  );
  if (rows.length > 0) await db.insertInto('evaluation_indicators').values(rows).execute();
  return row.version;
}

/** The unit-year's version and last writer as committed now: what a stale save's CONFLICT reports. */
export async function evaluationVersion(
  db: Executor,
  ref: EvaluationRef,
): Promise<{ version: number; updatedBy: string | null; updatedAt: Date | null }> {
  const row = await db
    .selectFrom('evaluation_unit_years')
    .select(['version', 'updated_by', 'updated_at'])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .executeTakeFirst();
  return { version: row?.version ?? 0, updatedBy: row?.updated_by ?? null, updatedAt: row?.updated_at ?? null };
}
