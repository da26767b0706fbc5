import { sql } from 'kysely';
import type { Executor } from './schema.ts';

/** All SQL of 单位自评. A unit-year's evaluation is read and replaced whole. */

export interface EvaluationRef {
  unitId: number;
  fiscalYear: number;
}

export type EvaluationStatus = 'draft' | 'final';

export interface StoredIndicatorEvaluation {
  name: string;
  actual: string | null;
  notApplicable: boolean;
  deviationReason: string;
  improvementMeasures: string;
  /** Points as a decimal string ("30.0000"), null = the even share. */
  weight: string | null;
}

export interface StoredProjectEvaluation {
  code: string;
  executionReason: string;
  indicators: StoredIndicatorEvaluation[];
}

export interface StoredEvaluation {
  status: EvaluationStatus;
  /** Bumped by every save (decision 023); absent where a read model does not need it. */
  version?: number;
  updatedBy: string;
  updatedAt: Date;
  projects: StoredProjectEvaluation[];
}

export async function loadEvaluation(db: Executor, ref: EvaluationRef): Promise<StoredEvaluation | null> {
  const year = await db
    .selectFrom('evaluation_unit_years')
    .select(['status', 'version', 'updated_by', 'updated_at'])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .executeTakeFirst();
  if (!year) return null;
  const projects = await db
    .selectFrom('evaluation_projects')
    .select(['project_code', 'execution_reason'])
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
    projects: projects.map((p) => ({
      code: p.project_code,
      executionReason: p.execution_reason,
      indicators: indicators
        .filter((i) => i.project_code === p.project_code)
        .map((i) => ({
          name: i.indicator_name,
          actual: i.actual,
          notApplicable: i.not_applicable,
          deviationReason: i.deviation_reason,
          improvementMeasures: i.improvement_measures,
          weight: i.weight,
        })),
    })),
  };
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
  const values = { status: evaluation.status, updated_by: evaluation.updatedBy };
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
      .values(evaluation.projects.map((p) => ({ ...key, project_code: p.code, execution_reason: p.executionReason })))
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
