import { sql } from 'kysely';
import type { UnitScope } from '../domain/unit-scope.ts';
import type { EvaluationRef, EvaluationStatus, StoredRecheck } from './evaluation.repo.ts';
import { unitInScope } from './org-tree.sql.ts';
import type { Executor } from './schema.ts';

/** The SQL of the 自评 procedure (decision 035): status changes, the bureau's re-scores and sample draws. */

/**
 * Moves the unit-year to `status` (and sets `recheck` / `review_comment` when given) if it is still at
 * `from`, bumping its version; returns the new version, or undefined when it was not at `from` any more.
 */
export async function changeEvaluationStatus(
  db: Executor,
  ref: EvaluationRef,
  change: {
    from: EvaluationStatus;
    status: EvaluationStatus;
    updatedBy: string;
    recheck?: boolean;
    reviewComment?: string;
  },
): Promise<number | undefined> {
  const row = await db
    .updateTable('evaluation_unit_years')
    .set({
      status: change.status,
      updated_by: change.updatedBy,
      updated_at: sql<string>`now()`,
      version: sql<number>`evaluation_unit_years.version + 1`,
      ...(change.recheck === undefined ? {} : { recheck: change.recheck }),
      ...(change.reviewComment === undefined ? {} : { review_comment: change.reviewComment }),
    })
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('status', '=', change.from)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** Stores the bureau's re-scores (one row per indicator, replacing an earlier re-score of the same one). */
export async function upsertRechecks(
  db: Executor,
  ref: EvaluationRef,
  rechecks: readonly StoredRecheck[],
): Promise<void> {
  if (rechecks.length === 0) return;
  await db
    .insertInto('evaluation_rechecks')
    .values(
      rechecks.map((r) => ({
        unit_id: ref.unitId,
        fiscal_year: ref.fiscalYear,
        project_code: r.project,
        indicator_name: r.name,
        actual: r.actual,
        band: r.band,
        band_percent: r.bandPercent,
        reason: r.reason,
        recorded_by: r.recordedBy,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['unit_id', 'fiscal_year', 'project_code', 'indicator_name']).doUpdateSet((eb) => ({
        actual: eb.ref('excluded.actual'),
        band: eb.ref('excluded.band'),
        band_percent: eb.ref('excluded.band_percent'),
        reason: eb.ref('excluded.reason'),
        recorded_by: eb.ref('excluded.recorded_by'),
        recorded_at: sql<string>`now()`,
      })),
    )
    .execute();
}

/** The unit codes of a year's 自评表 at `status` among the units in `scope` (and, optionally, by recheck). */
export async function unitYearsAt(
  db: Executor,
  fiscalYear: number,
  scope: UnitScope,
  status: EvaluationStatus,
  recheck?: boolean,
): Promise<string[]> {
  let query = db
    .selectFrom('evaluation_unit_years as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .select('u.code')
    .where('e.fiscal_year', '=', fiscalYear)
    .where('e.status', '=', status)
    .where(unitInScope(scope, 'u'))
    .orderBy('u.code');
  if (recheck !== undefined) query = query.where('e.recheck', '=', recheck);
  return (await query.execute()).map((r) => r.code);
}

/** Records one sample draw (its method and parameters, so it can be reproduced) and returns its id. */
export async function insertSample(
  db: Executor,
  sample: { fiscalYear: number; method: 'random' | 'rule'; parameters: unknown; selected: string[]; createdBy: string },
): Promise<number> {
  const row = await db
    .insertInto('evaluation_samples')
    .values({
      fiscal_year: sample.fiscalYear,
      method: sample.method,
      parameters: JSON.stringify(sample.parameters),
      selected: JSON.stringify(sample.selected),
      created_by: sample.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks the unit-years of `unitCodes` in `fiscalYear` for 复核. */
export async function markForRecheck(db: Executor, fiscalYear: number, unitCodes: readonly string[]): Promise<void> {
  if (unitCodes.length === 0) return;
  await db
    .updateTable('evaluation_unit_years')
    .set({ recheck: true, version: sql<number>`evaluation_unit_years.version + 1` })
    .where('fiscal_year', '=', fiscalYear)
    .where(
      'unit_id',
      'in',
      db
        .selectFrom('units')
        .select('id')
        .where('code', 'in', [...unitCodes]),
    )
    .execute();
}
