import { sql } from 'kysely';
import type { DepartmentEvaluationInput } from '../domain/department-evaluation/model.ts';
import type { EvaluationStatus } from '../domain/evaluation/procedure.ts';
import type { OverallTargets } from '../domain/targets.ts';
import type { Executor } from './schema.ts';

/** The SQL of 部门整体绩效 (decision 045): the 整体自评表 row per unit-year, and the overall targets' write. */

export interface DepartmentEvaluationRef {
  unitId: number;
  fiscalYear: number;
}

export interface DepartmentRecheck {
  form: DepartmentEvaluationInput;
  reason: string;
  by: string;
  at: string;
}

export interface StoredDepartmentEvaluation {
  status: EvaluationStatus;
  form: DepartmentEvaluationInput;
  recheck: DepartmentRecheck | null;
  reviewComment: string;
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

export async function loadDepartmentEvaluation(
  db: Executor,
  ref: DepartmentEvaluationRef,
): Promise<StoredDepartmentEvaluation | null> {
  const row = await db
    .selectFrom('department_evaluations')
    .selectAll()
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .executeTakeFirst();
  if (!row) return null;
  return {
    status: row.status,
    // Written only through the contract's schema (save, rescore): read back as it was written.
    form: json(row.body) as DepartmentEvaluationInput,
    recheck: (json(row.recheck) as DepartmentRecheck | null) ?? null,
    reviewComment: row.review_comment,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/**
 * Writes the unit's form if the row is still at `expectedVersion` (0: no row yet) and in a status the unit
 * may edit; returns the new version, or undefined when another write came first (compare-and-set).
 */
export async function saveDepartmentEvaluationForm(
  db: Executor,
  ref: DepartmentEvaluationRef,
  write: { expectedVersion: number; form: DepartmentEvaluationInput; status: EvaluationStatus; updatedBy: string },
): Promise<number | undefined> {
  const body = JSON.stringify(write.form);
  if (write.expectedVersion === 0) {
    const row = await db
      .insertInto('department_evaluations')
      .values({
        unit_id: ref.unitId,
        fiscal_year: ref.fiscalYear,
        status: write.status,
        body,
        updated_by: write.updatedBy,
      })
      .onConflict((oc) => oc.columns(['unit_id', 'fiscal_year']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return row?.version;
  }
  const row = await db
    .updateTable('department_evaluations')
    .set({
      status: write.status,
      body,
      updated_by: write.updatedBy,
      updated_at: sql<string>`now()`,
      version: sql<number>`department_evaluations.version + 1`,
    })
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('version', '=', write.expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** Moves the row from `from` to `status` (with the comment or 复核 when given); undefined when it was not at `from`. */
export async function changeDepartmentEvaluationStatus(
  db: Executor,
  ref: DepartmentEvaluationRef,
  change: {
    from: EvaluationStatus;
    status: EvaluationStatus;
    updatedBy: string;
    reviewComment?: string;
    recheck?: DepartmentRecheck;
  },
): Promise<number | undefined> {
  const row = await db
    .updateTable('department_evaluations')
    .set({
      status: change.status,
      updated_by: change.updatedBy,
      updated_at: sql<string>`now()`,
      version: sql<number>`department_evaluations.version + 1`,
      ...(change.reviewComment === undefined ? {} : { review_comment: change.reviewComment }),
      ...(change.recheck === undefined ? {} : { recheck: JSON.stringify(change.recheck) }),
    })
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('status', '=', change.from)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** Replaces the document's overall targets (the caller has locked the row with lockDocumentForWrite). */
export async function storeOverallTargets(db: Executor, documentId: number, overall: OverallTargets): Promise<void> {
  await db
    .updateTable('target_documents')
    .set({ overall: JSON.stringify(overall) })
    .where('id', '=', documentId)
    .execute();
}
