import { sql } from 'kysely';
import type { ActionKind, RectificationState } from '../domain/monitoring/actions.ts';
import type { UnitYearRef } from './monitoring.repo.ts';
import type { Executor } from './schema.ts';

/** The SQL of monitoring per 136号 (migration 0019): project entries, submissions, actions and their 整改. */

export interface ProjectEntry {
  projectCode: string;
  month: number;
  /** 全年预计执行数, 元. */
  forecastFullYear: string;
  releasedToDate: string | null;
  carryOver: string | null;
  updatedBy: string;
}

export async function upsertProjectEntry(db: Executor, ref: UnitYearRef, entry: ProjectEntry): Promise<void> {
  const values = {
    forecast_full_year: entry.forecastFullYear,
    released_to_date: entry.releasedToDate,
    carry_over: entry.carryOver,
    updated_by: entry.updatedBy,
  };
  await db
    .insertInto('monitoring_project_entries')
    .values({
      unit_id: ref.unitId,
      fiscal_year: ref.fiscalYear,
      project_code: entry.projectCode,
      month: entry.month,
      ...values,
    })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'fiscal_year', 'project_code', 'month'])
        .doUpdateSet({ ...values, updated_at: sql<string>`now()` }),
    )
    .execute();
}

export async function loadProjectEntries(db: Executor, ref: UnitYearRef): Promise<ProjectEntry[]> {
  return db
    .selectFrom('monitoring_project_entries')
    .select([
      'project_code as projectCode',
      'month',
      sql<string>`forecast_full_year::text`.as('forecastFullYear'),
      sql<string | null>`released_to_date::text`.as('releasedToDate'),
      sql<string | null>`carry_over::text`.as('carryOver'),
      'updated_by as updatedBy',
    ])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('project_code')
    .orderBy('month')
    .execute();
}

export interface SubmissionRow {
  month: number;
  submittedBy: string;
  submittedAt: string;
}

export async function loadSubmissions(db: Executor, ref: UnitYearRef): Promise<SubmissionRow[]> {
  const rows = await db
    .selectFrom('monitoring_submissions')
    .select(['month', 'submitted_by', 'submitted_at'])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .orderBy('month')
    .execute();
  return rows.map((r) => ({
    month: r.month,
    submittedBy: r.submitted_by,
    submittedAt: new Date(r.submitted_at).toISOString(),
  }));
}

/** The snapshot submitted for a checkpoint, or undefined. */
export async function loadSubmissionSnapshot(db: Executor, ref: UnitYearRef, month: number): Promise<unknown> {
  const row = await db
    .selectFrom('monitoring_submissions')
    .select('snapshot')
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('month', '=', month)
    .executeTakeFirst();
  return row?.snapshot;
}

/** Inserts the submission; false when the checkpoint was already submitted (the first one stands). */
export async function insertSubmission(
  db: Executor,
  ref: UnitYearRef,
  input: { month: number; snapshot: unknown; by: string },
): Promise<boolean> {
  const row = await db
    .insertInto('monitoring_submissions')
    .values({
      unit_id: ref.unitId,
      fiscal_year: ref.fiscalYear,
      month: input.month,
      snapshot: JSON.stringify(input.snapshot),
      submitted_by: input.by,
    })
    .onConflict((oc) => oc.columns(['unit_id', 'fiscal_year', 'month']).doNothing())
    .returning('month')
    .executeTakeFirst();
  return row !== undefined;
}

/** Each listed unit's submissions for a year, by unit code: what the bureau's overview shows. */
export async function submissionsByUnitCode(
  db: Executor,
  unitCodes: readonly string[],
  fiscalYear: number,
): Promise<Map<string, SubmissionRow[]>> {
  const result = new Map<string, SubmissionRow[]>();
  if (unitCodes.length === 0) return result;
  const rows = await db
    .selectFrom('monitoring_submissions as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['u.code', 's.month', 's.submitted_by', 's.submitted_at'])
    .where('u.code', 'in', [...unitCodes])
    .where('s.fiscal_year', '=', fiscalYear)
    .execute();
  for (const r of rows) {
    const list = result.get(r.code) ?? [];
    list.push({ month: r.month, submittedBy: r.submitted_by, submittedAt: new Date(r.submitted_at).toISOString() });
    result.set(r.code, list);
  }
  return result;
}

export interface MonitoringAction {
  id: number;
  projectCode: string | null;
  warningId: string | null;
  kind: ActionKind;
  body: string;
  /** 'YYYY-MM-DD'. */
  deadline: string;
  state: RectificationState;
  reply: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export async function insertAction(
  db: Executor,
  ref: UnitYearRef,
  action: Pick<MonitoringAction, 'projectCode' | 'warningId' | 'kind' | 'body' | 'deadline' | 'createdBy'>,
): Promise<number> {
  const row = await db
    .insertInto('monitoring_actions')
    .values({
      unit_id: ref.unitId,
      fiscal_year: ref.fiscalYear,
      project_code: action.projectCode,
      warning_id: action.warningId,
      kind: action.kind,
      body: action.body,
      deadline: action.deadline,
      created_by: action.createdBy,
      updated_by: action.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function loadActions(db: Executor, ref: UnitYearRef, id?: number): Promise<MonitoringAction[]> {
  let query = db
    .selectFrom('monitoring_actions')
    .select([
      'id',
      'project_code as projectCode',
      'warning_id as warningId',
      'kind',
      'body',
      sql<string>`to_char(deadline, 'YYYY-MM-DD')`.as('deadline'),
      'state',
      'reply',
      'created_by as createdBy',
      'created_at as createdAt',
      'updated_by as updatedBy',
      'updated_at as updatedAt',
    ])
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear);
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => ({
    ...r,
    // The table's CHECK constraints keep these within their lists.
    kind: r.kind as ActionKind,
    state: r.state as RectificationState,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  }));
}

export async function updateActionState(
  db: Executor,
  ref: UnitYearRef,
  input: { id: number; state: RectificationState; reply: string; by: string },
): Promise<void> {
  await db
    .updateTable('monitoring_actions')
    .set({ state: input.state, reply: input.reply, updated_by: input.by, updated_at: sql<string>`now()` })
    .where('unit_id', '=', ref.unitId)
    .where('fiscal_year', '=', ref.fiscalYear)
    .where('id', '=', input.id)
    .execute();
}

/** Each listed unit's parent organisation id, for reading many units' policies from one policy tree. */
export async function unitParentIds(db: Executor, unitCodes: readonly string[]): Promise<Map<string, number | null>> {
  if (unitCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['code', 'parent_id'])
    .where('code', 'in', [...unitCodes])
    .execute();
  return new Map(rows.map((r) => [r.code, r.parent_id]));
}
