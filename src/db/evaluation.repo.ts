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
  updatedBy: string;
  updatedAt: Date;
  projects: StoredProjectEvaluation[];
}

export async function loadEvaluation(db: Executor, ref: EvaluationRef): Promise<StoredEvaluation | null> {
  const year = await db
    .selectFrom('evaluation_unit_years')
    .select(['status', 'updated_by', 'updated_at'])
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
      'project_code', 'indicator_name', 'actual', 'not_applicable', 'deviation_reason', 'improvement_measures',
      sql<string | null>`weight::text`.as('weight'),
    ])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('project_code')
    .orderBy('indicator_name')
    .execute();
  return {
    status: year.status,
    updatedBy: year.updated_by,
    updatedAt: year.updated_at,
    projects: projects.map((p) => ({
      code: p.project_code,
      executionReason: p.execution_reason,
      indicators: indicators.filter((i) => i.project_code === p.project_code).map((i) => ({
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

/** Replaces the unit-year's evaluation with `evaluation` (inside the caller's transaction). */
export async function replaceEvaluation(
  db: Executor,
  ref: EvaluationRef,
  evaluation: { status: EvaluationStatus; updatedBy: string; projects: StoredProjectEvaluation[] },
): Promise<void> {
  await db.deleteFrom('evaluation_unit_years').where('unit_id', '=', ref.unitId).where('fiscal_year', '=', ref.fiscalYear).execute();
  await db
    .insertInto('evaluation_unit_years')
    .values({ unit_id: ref.unitId, fiscal_year: ref.fiscalYear, status: evaluation.status, updated_by: evaluation.updatedBy })
    .execute();
  const key = { unit_id: ref.unitId, fiscal_year: ref.fiscalYear };
  if (evaluation.projects.length === 0) return;
  await db
    .insertInto('evaluation_projects')
    .values(evaluation.projects.map((p) => ({ ...key, project_code: p.code, execution_reason: p.executionReason })))
    .execute();
  const rows = evaluation.projects.flatMap((p) => p.indicators.map((i) => ({
    ...key,
    project_code: p.code,
    indicator_name: i.name,
    actual: i.actual,
    not_applicable: i.notApplicable,
    deviation_reason: i.deviationReason,
    improvement_measures: i.improvementMeasures,
    weight: i.weight,
  })));
  if (rows.length > 0) await db.insertInto('evaluation_indicators').values(rows).execute();
}

/** Locks the unit-year's evaluation row (if any) so concurrent saves queue up. */
export async function lockEvaluation(db: Executor, ref: EvaluationRef): Promise<void> {
  await db
    .selectFrom('evaluation_unit_years')
    .select('unit_id')
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .forUpdate()
    .execute();
}
